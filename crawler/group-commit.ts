/**
 * Group commit: items handed in while a batch is being written wait and go together into the next one, so
 * the database sees one transaction per batch instead of one per item, and batches grow by themselves with
 * the load (one item when the crawl is quiet, up to `maxBatch` when pages arrive faster than they are stored).
 * A batch that fails is written again one item at a time, so one bad item fails alone and nothing else is lost.
 *
 * `lingerMs`: when items keep arriving (more than one waits), a batch not yet full waits up to this long
 * after its first item for more. A write costs the database and this process about the same whether it
 * carries ten mentions or a hundred, so under load fewer, fuller batches use much less CPU; a lone item
 * (a quiet crawl, a preview) is written at once.
 */
export function groupCommit<I, R>(
  write: (batch: I[]) => Promise<R[]>,
  maxBatch: number,
  opts: { lingerMs?: number } = {},
): ((item: I) => Promise<R>) & { flush(): void } {
  const lingerMs = opts.lingerMs ?? 0;
  const queue: { item: I; resolve: (r: R) => void; reject: (err: unknown) => void; at: number; seq: number }[] = [];
  let running = false;
  let full: (() => void) | null = null;
  /** Items are numbered as they arrive; those up to `flushedUpTo` were waiting at a flush and wait to fill no more. */
  let seq = 0;
  let flushedUpTo = 0;

  async function writeOne(entry: (typeof queue)[number]): Promise<void> {
    try {
      entry.resolve((await write([entry.item]))[0]!);
    } catch (err) {
      entry.reject(err);
    }
  }

  /** Waits until the queue holds a full batch or its oldest item has waited `lingerMs`. */
  async function linger(): Promise<void> {
    const left = queue[0]!.at + lingerMs - Date.now();
    if (queue[0]!.seq <= flushedUpTo || left <= 0 || queue.length >= maxBatch) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => ((full = null), resolve()), left);
      full = () => (clearTimeout(timer), (full = null), resolve());
    });
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      if (lingerMs > 0 && queue.length > 1) await linger();
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

  const add = (item: I) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject, at: Date.now(), seq: ++seq });
      if (queue.length >= maxBatch) full?.();
      if (running) return;
      running = true;
      // Started on the next turn, so items handed in during this one share the first batch.
      setImmediate(() => void drain());
    });
  /** Writes what waits without lingering for more (a crawl that has handed in its last item calls it). */
  const flush = () => {
    flushedUpTo = seq;
    full?.();
  };
  return Object.assign(add, { flush });
}
