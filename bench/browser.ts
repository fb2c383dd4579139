import { performance } from 'node:perf_hooks';
import { createAddressPolicy } from '../core/ssrf.js';
import { renderPages } from '../crawler/render/render.js';
import { descendantsOf, startMemorySampler, totalRss, type MemorySample } from './memory.js';
import type { BenchSite } from './site.js';

export interface BrowserRun {
  pages: number;
  rendered: number;
  withArticle: number;
  failed: number;
  failures: string[];
  seconds: number;
  pagesPerSecond: number;
  /** Memory when 10%, 50% and 100% of the pages were processed, and the highest 1-second sample. */
  at10: MemorySample;
  at50: MemorySample;
  at100: MemorySample;
  peak: MemorySample;
  maxChildren: number;
  /** Chromium processes still running after renderPages returned (should be 0). */
  childrenLeft: number;
  samples: number;
}

/** Renders `pages` JS-built article pages through Gaung's renderPages, sampling this process tree's memory every second. */
export async function runBrowserRender(
  site: BenchSite,
  opts: { pages: number; executablePath: string; concurrency: number; pagesPerBrowser: number; onProgress?: (done: number, seconds: number) => void },
): Promise<BrowserRun> {
  let rendered = 0;
  let withArticle = 0;
  const failures: string[] = [];
  const processed = () => rendered + failures.length;
  const sampler = startMemorySampler(1000, processed);
  const marks = new Map<number, MemorySample>();
  const thresholds = [0.1, 0.5, 1].map((f) => Math.max(1, Math.ceil(opts.pages * f)));
  const step = Math.max(1, Math.ceil(opts.pages / 10));
  const checkpoint = () => {
    const n = processed();
    for (const t of thresholds) if (n === t && !marks.has(t)) marks.set(t, sampler.sampleNow());
    if (n % step === 0 && n < opts.pages) opts.onProgress?.(n, (performance.now() - started) / 1000);
  };
  const requests = Array.from({ length: opts.pages }, (_, n) => ({ url: site.spaUrl(n), userData: { n } }));

  const started = performance.now();
  try {
    await renderPages(
      {
        executablePath: opts.executablePath,
        policy: createAddressPolicy('127.0.0.1'),
        userAgent: 'GaungBot/0.1 (+benchmark)',
        timeoutMs: 20_000,
        concurrency: opts.concurrency,
        pagesPerBrowser: opts.pagesPerBrowser,
      },
      requests,
      {
        onPage: async (page) => {
          rendered++;
          if (page.html.includes('<article><h1>')) withArticle++;
          checkpoint();
        },
        onFailure: (url, reason) => {
          failures.push(`${url}: ${reason}`);
          checkpoint();
        },
      },
    );
  } finally {
    sampler.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const last = sampler.samples.at(-1) ?? sampler.sampleNow();
  const mark = (t: number) => marks.get(t) ?? last;
  return {
    pages: opts.pages,
    rendered,
    withArticle,
    failed: failures.length,
    failures: failures.slice(0, 5),
    seconds,
    pagesPerSecond: processed() / seconds,
    at10: mark(thresholds[0]!),
    at50: mark(thresholds[1]!),
    at100: mark(thresholds[2]!),
    peak: sampler.samples.reduce((best, s) => (totalRss(s) > totalRss(best) ? s : best), last),
    maxChildren: Math.max(...sampler.samples.map((s) => s.children)),
    childrenLeft: await childrenAfterExit(sampler.exclude),
    samples: sampler.samples.length,
  };
}

/** Chromium processes still alive once they had two seconds to exit. */
async function childrenAfterExit(exclude: ReadonlySet<number>): Promise<number> {
  for (let i = 0; i < 20 && descendantsOf(process.pid, exclude).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
  return descendantsOf(process.pid, exclude).length;
}
