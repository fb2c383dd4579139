import { describe, expect, test } from 'vitest';
import { groupCommit } from '../crawler/group-commit.js';

/** A writer that records each batch and holds the first one until released, as a slow database would. */
function recordingWriter(opts: { failOn?: string } = {}) {
  const batches: string[][] = [];
  let release!: () => void;
  const firstHeld = new Promise<void>((resolve) => (release = resolve));
  const write = async (batch: string[]) => {
    batches.push([...batch]);
    if (batches.length === 1) await firstHeld;
    if (opts.failOn && batch.includes(opts.failOn)) throw new Error(`cannot store ${opts.failOn}`);
    return batch.map((item) => `stored ${item}`);
  };
  return { batches, release, write };
}

describe('group commit of ingested mentions', () => {
  test('a lone mention is written at once, without waiting for others', async () => {
    const w = recordingWriter();
    w.release();
    const ingest = groupCommit(w.write, 100, { lingerMs: 60_000 });
    await expect(ingest('a')).resolves.toBe('stored a');
    expect(w.batches).toEqual([['a']]);
  });

  test('mentions arriving while a batch is written go together into the next, in full batches', async () => {
    const w = recordingWriter();
    const ingest = groupCommit(w.write, 10, { lingerMs: 200 });
    const first = ingest('first');
    await new Promise((r) => setImmediate(r));
    const rest = Array.from({ length: 25 }, (_, i) => ingest(`m${i}`));
    w.release();
    expect(await first).toBe('stored first');
    expect(await Promise.all(rest)).toEqual(Array.from({ length: 25 }, (_, i) => `stored m${i}`));
    expect(w.batches.map((b) => b.length)).toEqual([1, 10, 10, 5]);
  });

  test('once the crawl has handed in its last mention, what waits is written without lingering for more', async () => {
    const w = recordingWriter();
    const ingest = groupCommit(w.write, 100, { lingerMs: 60_000 });
    const first = ingest('first');
    await new Promise((r) => setImmediate(r));
    const last = [ingest('a'), ingest('b')];
    w.release();
    await first;
    ingest.flush();
    // Without the flush these two would wait a minute for the batch to fill.
    expect(await Promise.all(last)).toEqual(['stored a', 'stored b']);
    expect(w.batches).toEqual([['first'], ['a', 'b']]);
    // The next items linger again as usual: a flush is for what waits now.
    const later = [ingest('c'), ingest('d')];
    const settled = await Promise.race([Promise.all(later).then(() => 'written'), new Promise((r) => setTimeout(() => r('lingering'), 300))]);
    expect(settled).toBe('lingering');
    ingest.flush();
    await Promise.all(later);
  });

  test('a batch that fails is written again one mention at a time, so only the bad one fails', async () => {
    const w = recordingWriter({ failOn: 'bad' });
    const ingest = groupCommit(w.write, 10, { lingerMs: 20 });
    const first = ingest('first');
    await new Promise((r) => setImmediate(r));
    const pending = [ingest('ok1'), ingest('bad'), ingest('ok2')];
    w.release();
    const results = await Promise.allSettled(pending);
    await first;
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('cannot store bad');
    expect(w.batches.slice(1)).toEqual([['ok1', 'bad', 'ok2'], ['ok1'], ['bad'], ['ok2']]);
  });
});
