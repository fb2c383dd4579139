import { Piscina } from 'piscina';
import type { AnalyzeInput, AnalyzeOptions } from '../../analysis/analyze.js';
import type { PreparedText } from '../../analysis/mention-text.js';
import { NEEDS_ADAPTATION, processPage, type ExtractedPage, type PageTask } from './page.worker.js';

/**
 * Extraction and text preparation off the main thread: a pool of worker threads (piscina) that decode and
 * extract article pages and prepare mention text, so the crawl's event loop only fetches, schedules and
 * stores, and a second core does the parsing. A page that takes longer than `timeoutMs` has its worker
 * terminated and fails alone. `threads: 0` runs the same code in this thread (no isolation, no time limit).
 * `adaptation` gives the deployment's sentiment adaptation (core/adaptation.ts) that each page is scored with.
 */
export interface PagePool {
  /** `timeoutMs` overrides the pool's time limit for this page. */
  article(task: Omit<Extract<PageTask, { op: 'article' }>, 'op'>, opts?: { timeoutMs?: number }): Promise<ExtractedPage | null>;
  prepare(title: string, body: string, opts?: Pick<AnalyzeInput, 'kind' | 'author'>): Promise<PreparedText>;
  /** Article pages extracted so far, and the milliseconds their extraction and their analysis took in all (for benchmarks). */
  totals(): { pages: number; extractMs: number; analyzeMs: number };
  /** Resolves once every thread has loaded its code and models (a benchmark starts its clock after it). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

type Adaptation = AnalyzeOptions['adaptation'];

export function createPagePool(opts: { threads: number; timeoutMs: number; adaptation?: () => Promise<Adaptation> }): PagePool {
  const adapted = async () => ({ adaptation: (await opts.adaptation?.()) ?? null });
  const sums = { pages: 0, extractMs: 0, analyzeMs: 0 };
  const count = (page: ExtractedPage | null) => {
    if (page) {
      sums.pages++;
      sums.extractMs += page.ms.extract;
      sums.analyzeMs += page.ms.analyze;
    }
    return page;
  };
  if (opts.threads === 0) {
    return {
      article: async (task) => count(processPage({ op: 'article', ...task, ...(await adapted()) })),
      prepare: async (title, body, o) => processPage({ op: 'prepare', title, body, ...o, ...(await adapted()) }),
      totals: () => ({ ...sums }),
      ready: async () => {},
      close: async () => {},
    };
  }
  // Gaung runs its TypeScript through tsx; the threads load it as ES modules through page.worker.loader.mjs.
  const worker = new URL(import.meta.url.endsWith('.ts') ? './page.worker.loader.mjs' : './page.worker.js', import.meta.url);
  const pool = new Piscina<PageTask, ExtractedPage | PreparedText | null | typeof NEEDS_ADAPTATION>({
    filename: worker.href,
    execArgv: process.env.GAUNG_PROFILE_THREADS ? ['--cpu-prof', `--cpu-prof-dir=${process.env.GAUNG_PROFILE_THREADS}`] : [],
    // The threads stay: a new one loads the models and warms its word caches again (seconds of CPU).
    minThreads: opts.threads,
    maxThreads: opts.threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    // Extraction allocates a whole DOM per page: a larger young generation means fewer, cheaper collections (about a tenth less CPU).
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
    // The next page waits in the thread itself, so the thread does not idle while the main thread, busy fetching
    // and storing, gets round to handing it over.
    concurrentTasksPerWorker: 2,
  });
  // Loads the models in every thread now, while the crawl is still fetching its feeds.
  const warm = Promise.all(Array.from({ length: opts.threads }, () => pool.run({ op: 'prepare', title: '', body: 'Gaung siap.' }).catch(() => {}))).then(() => {});
  let closing = false;
  // A task names the adaptation by its id; a thread that has not been sent that one yet asks for it, once.
  const named = async (task: PageTask): Promise<PageTask> => {
    const adaptation = (await opts.adaptation?.()) ?? null;
    return adaptation ? { ...task, adaptationId: adaptation.id } : task;
  };
  const run = async <T>(task: PageTask, what: string, timeoutMs = opts.timeoutMs, retried = false): Promise<T> => {
    try {
      const signal = AbortSignal.timeout(timeoutMs);
      const answer = await pool.run(await named(task), { signal });
      if (answer !== NEEDS_ADAPTATION) return answer as T;
      return (await pool.run({ ...task, ...(await adapted()) }, { signal })) as T;
    } catch (err) {
      if ((err as Error).name === 'AbortError' || (err as Error).name === 'TimeoutError') {
        throw new Error(`${what} took longer than ${timeoutMs} ms and was stopped`);
      }
      // A page waiting in a thread that was stopped for another page's time limit goes again, once: it fails only for itself.
      if (!closing && !retried && /^(?:Terminating worker thread|worker exited)/.test((err as Error).message)) return run<T>(task, what, timeoutMs, true);
      throw err;
    }
  };
  return {
    article: async (task, o) => count(await run<ExtractedPage | null>({ op: 'article', ...task }, 'extracting the page', o?.timeoutMs)),
    prepare: async (title, body, o) => run<PreparedText>({ op: 'prepare', title, body, ...o }, 'preparing the text'),
    totals: () => ({ ...sums }),
    ready: () => warm,
    close: () => ((closing = true), pool.destroy()),
  };
}
