/**
 * Group commit: items handed in while a batch is being written wait and go together into the next one, so
 * the database sees one transaction per batch instead of one per item, and batches grow by themselves with
 * the load (one item when the crawl is quiet, up to `maxBatch` when pages arrive faster than they are stored).
 * A batch that fails is written again one item at a time, so one bad item fails alone and nothing else is lost.
 */
export function groupCommit<I, R>(write: (batch: I[]) => Promise<R[]>, maxBatch: number): (item: I) => Promise<R> {
  const queue: { item: I; resolve: (r: R) => void; reject: (err: unknown) => void }[] = [];
  let running = false;

  async function writeOne(entry: (typeof queue)[number]): Promise<void> {
    try {
      entry.resolve((await write([entry.item]))[0]!);
    } catch (err) {
      entry.reject(err);
    }
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      if (batch.length === 1) {
        await writeOne(batch[0]!);
        continue;
      }
      try {
        const results = await write(batch.map((b) => b.item));
        batch.forEach((b, i) => b.resolve(results[i]!));
      } catch {
        for (const entry of batch) await writeOne(entry);
      }
    }
    running = false;
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (running) return;
      running = true;
      // Started on the next turn, so items handed in during this one share the first batch.
      setImmediate(() => void drain());
    });
}
