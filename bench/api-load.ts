/**
 * Closed-loop load: `clients` loops, each sending its next request as soon as the last one answered, for
 * `seconds` after a warm-up; the latency of every request, as percentiles.
 */
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

export interface Latency { requests: number; errors: number; firstError: string | null; p50: number; p95: number; max: number; perSecond: number }

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!);

export async function runClients(task: () => Promise<void>, opts: { clients: number; seconds: number; warmup: number }): Promise<Latency> {
  let errors = 0;
  let firstError: string | null = null;
  const once = async (times: number[] | null) => {
    const t0 = performance.now();
    try {
      await task();
      times?.push(performance.now() - t0);
    } catch (err) {
      errors += times ? 1 : 0;
      firstError ??= (err as Error).message.slice(0, 300);
    }
  };
  // Warm-up: plans cached, pages in the buffer cache, connections open.
  await Promise.all(Array.from({ length: opts.clients }, async () => { for (let k = 0; k < opts.warmup; k++) await once(null); }));
  const times: number[] = [];
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  await Promise.all(Array.from({ length: opts.clients }, async () => { while (performance.now() < deadline) await once(times); }));
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { requests: times.length, errors, firstError, p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times.at(-1) ?? Number.NaN, perSecond: times.length / elapsed };
}

/** A GET that must answer 200, its body read to the end, over a keep-alive pool. */
export function httpGet(pool: Pool, path: string, token: string): () => Promise<void> {
  return async () => {
    const res = await pool.request({ method: 'GET', path, headers: { authorization: `Bearer ${token}` } });
    const body = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${path}: ${body.slice(0, 200)}`);
  };
}

export async function getJson<T>(pool: Pool, path: string, token: string): Promise<T> {
  const res = await pool.request({ method: 'GET', path, headers: { authorization: `Bearer ${token}` } });
  const body = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${path}: ${body.slice(0, 200)}`);
  return JSON.parse(body) as T;
}
