/**
 * `npm run bench:crawl`: Gaung's crawl path against a bare Crawlee crawler on the same local pages, and
 * the browser path's memory over a long render run. Figures and ratios, printed side by side; no asserts
 * on timings. Needs PostgreSQL (TEST_DATABASE_URL or 127.0.0.1:5432, trust auth) and Redis
 * (TEST_REDIS_URL or 127.0.0.1:6379), as the tests do; Chromium at /usr/bin/chromium for the browser part.
 *
 * BENCH_PAGES (3000), BENCH_WARMUP_PAGES (500 other pages each crawler reads first, untimed: the figures are a
 * long-running crawler's, not its first seconds of compiling code; 0 skips), BENCH_RENDER_PAGES (2000; 0 skips),
 * BENCH_CONCURRENCY (8), BENCH_FEED_SIZE (pages per feed, at most 5000), BENCH_RENDER_CONCURRENCY (2), BENCH_PAGES_PER_BROWSER (100), BENCH_CHROMIUM_PATH;
 * BENCH_EXTRACT_THREADS (extraction worker threads; default as EXTRACT_THREADS, 0 = on the main thread),
 * BENCH_LOG_LEVEL for Gaung's own log (silent), BENCH_DEBUG=1 for a failure's stack.
 */
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { log as crawleeLog } from 'crawlee';
import { generateArticles } from './articles.js';
import { runBareCrawl, type BareRun } from './bare.js';
import { runBrowserRender, type BrowserRun } from './browser.js';
import { runGaungCrawl, type Defer, type GaungRun } from './gaung.js';
import { benchJson, browserSection, fixed, staticSection } from './report.js';
import { startBenchSite } from './site.js';

crawleeLog.setLevel(crawleeLog.LEVELS.OFF);

function intEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  return n;
}

function readSettings() {
  const pages = intEnv('BENCH_PAGES', 3000, 1, 200_000);
  return {
    pages,
    warmupPages: intEnv('BENCH_WARMUP_PAGES', 500, 0, 5000),
    feedSize: intEnv('BENCH_FEED_SIZE', Math.min(pages, 5000), 1, 5000), // CRAWL_MAX_ARTICLES allows at most 5000
    concurrency: intEnv('BENCH_CONCURRENCY', 8, 1, 16),
    renderPages: intEnv('BENCH_RENDER_PAGES', 2000, 0, 100_000),
    renderConcurrency: intEnv('BENCH_RENDER_CONCURRENCY', 2, 1, 8),
    pagesPerBrowser: intEnv('BENCH_PAGES_PER_BROWSER', 100, 1, 10_000),
    chromiumPath: process.env.BENCH_CHROMIUM_PATH || '/usr/bin/chromium',
  };
}

/** Clean-up steps, undone newest first; a part's own steps run as soon as it is done, everything left on exit or a signal. */
const pending: { what: string; fn: () => Promise<void> }[] = [];
const cleanupErrors: string[] = [];
const defer: Defer = (what, fn) => void pending.push({ what, fn });

async function unwindTo(mark: number): Promise<void> {
  while (pending.length > mark) {
    const step = pending.pop()!;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([step.fn(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('took over 20 s')), 20_000)))]);
    } catch (err) {
      cleanupErrors.push(`${step.what}: ${(err as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }
}

async function part<T>(fn: () => Promise<T>): Promise<T> {
  const mark = pending.length;
  try {
    return await fn();
  } finally {
    await unwindTo(mark);
  }
}

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  const started = performance.now();
  const settings = readSettings();
  const problems: string[] = [];
  const loadAtStart = os.loadavg()[0]!;
  console.log(
    `Gaung crawl benchmark: ${settings.pages} static pages (after ${settings.warmupPages} other pages read by each crawler, untimed), ${settings.renderPages} rendered pages; ${os.cpus().length} CPUs, Node ${process.version}, ${new Date().toISOString()}`,
  );

  const articles = generateArticles(Math.max(settings.pages, 1));
  const site = await startBenchSite({ articles, feedSize: settings.feedSize });
  defer('close the benchmark site', site.close);
  progress(`site on ${site.url}: ${settings.pages} article pages in ${site.feedUrls.length} RSS feed(s)`);
  // Other articles on another site (so other URLs), for both crawlers to read before the timed runs.
  const warmup = settings.warmupPages > 0 ? await startBenchSite({ articles: generateArticles(settings.warmupPages, 20_221_116), feedSize: settings.warmupPages }) : null;
  if (warmup) defer('close the warm-up site', warmup.close);

  // The browser run goes first, so the memory it reports is the browser path's, not what the static runs left in the heap.
  let browser: BrowserRun | { skipped: string };
  if (settings.renderPages === 0) browser = { skipped: 'BENCH_RENDER_PAGES=0' };
  else if (!fs.existsSync(settings.chromiumPath)) browser = { skipped: `no Chromium at ${settings.chromiumPath} (apt-get install chromium, or set BENCH_CHROMIUM_PATH)` };
  else {
    progress(`browser path: ${settings.renderPages} pages through renderPages (the long part)…`);
    browser = await part(() =>
      runBrowserRender(site, {
        pages: settings.renderPages,
        executablePath: settings.chromiumPath,
        concurrency: settings.renderConcurrency,
        pagesPerBrowser: settings.pagesPerBrowser,
        onProgress: (done, seconds) => progress(`  browser: ${done}/${settings.renderPages} pages in ${fixed(seconds, 0)} s, about ${fixed(((settings.renderPages - done) * seconds) / done, 0)} s to go`),
      }),
    );
    if (browser.rendered + browser.failed !== settings.renderPages) problems.push(`the browser processed ${browser.rendered + browser.failed} of ${settings.renderPages} pages`);
    if (browser.childrenLeft > 0) problems.push(`${browser.childrenLeft} Chromium processes were still running after renderPages returned`);
  }

  progress('Gaung full path: runSourceCrawl (fetch, extract, match, store)…');
  const gaung: GaungRun = await part(() => runGaungCrawl(site, { concurrency: settings.concurrency, feedSize: settings.feedSize, warmupFeeds: warmup?.feedUrls ?? [] }, defer));
  if (gaung.storedMentions !== settings.pages) problems.push(`Gaung stored ${gaung.storedMentions} mentions for ${settings.pages} pages`);
  for (const f of gaung.failedPages.slice(0, 5)) problems.push(`Gaung page failed: ${f.url}: ${f.reason}`);

  progress(`bare CheerioCrawler at maxConcurrency ${gaung.concurrency}…`);
  if (warmup) await runBareCrawl(warmup.feedUrls, { concurrency: gaung.concurrency });
  const bare: BareRun = await part(() => runBareCrawl(site.feedUrls, { concurrency: gaung.concurrency }));
  if (bare.pages !== settings.pages) problems.push(`the bare crawler fetched ${bare.pages} of ${settings.pages} pages`);
  for (const f of bare.failures) problems.push(`bare crawler page failed: ${f}`);

  await unwindTo(0);
  const totalSeconds = (performance.now() - started) / 1000;

  console.log('');
  console.log(staticSection(gaung, bare, settings.pages));
  console.log('');
  console.log('skipped' in browser ? `Browser path: skipped: ${browser.skipped}` : browserSection(browser, { concurrency: settings.renderConcurrency, pagesPerBrowser: settings.pagesPerBrowser }));
  console.log('');
  // Other work on the machine (a test run, another benchmark) skews every figure; the load average shows it.
  console.log(`Total ${fixed(totalSeconds, 1)} s. Load average (1 min) at start ${fixed(loadAtStart, 2)}, at end ${fixed(os.loadavg()[0]!, 2)}, on ${os.cpus().length} CPUs.`);
  for (const p of problems) console.log(`PROBLEM: ${p}`);
  console.log(`BENCH_JSON ${benchJson({ settings, gaung, bare, browser, totalSeconds, load: { start: loadAtStart, end: os.loadavg()[0]!, cpus: os.cpus().length } })}`);
  if (problems.length > 0) throw new Error(`${problems.length} problem(s) above; the figures are not comparable`);
}

async function exit(code: number): Promise<never> {
  await unwindTo(0);
  for (const e of cleanupErrors) console.error(`clean-up failed: ${e}`);
  process.exit(code === 0 && cleanupErrors.length > 0 ? 1 : code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\nbench: ${signal}, cleaning up…`);
    void exit(130);
  });
}

main().then(
  () => exit(0),
  (err: Error) => {
    console.error(`bench failed: ${err.message}`);
    if (process.env.BENCH_DEBUG) console.error(err.stack);
    return exit(1);
  },
);
