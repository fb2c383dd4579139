import type { BareRun } from './bare.js';
import type { BrowserRun } from './browser.js';
import type { GaungRun } from './gaung.js';
import { toMb, totalRss, type MemorySample } from './memory.js';

/** Printing only: aligned tables for people, one `BENCH_JSON ` line for machines. */
export const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const pct = (n: number) => `${Math.round(n * 100)}%`;

export function table(rows: string[][], indent = '  '): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) => indent + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd())
    .join('\n');
}

export function staticSection(g: GaungRun, b: BareRun, expected: number): string {
  const ratio = g.pagesPerSecond / b.pagesPerSecond;
  const stored = g.storedMentions === expected ? 'ok' : 'MISMATCH';
  return [
    `Static pages: Gaung's full path (fetch → extract → match → store) vs a bare CheerioCrawler (fetch → parse)`,
    table([
      ['run', 'pages', 'seconds', 'pages/s', 'CPU ms/page', 'event loop busy'],
      ['Gaung runSourceCrawl', String(g.pages), fixed(g.seconds, 2), fixed(g.pagesPerSecond), fixed(g.cpuMsPerPage, 2), pct(g.eventLoopUtilization)],
      ['bare CheerioCrawler', String(b.pages), fixed(b.seconds, 2), fixed(b.pagesPerSecond), fixed(b.cpuMsPerPage, 2), pct(b.eventLoopUtilization)],
      ['ratio Gaung / bare', '', fixed(g.seconds / b.seconds, 2), fixed(ratio, 3), fixed(g.cpuMsPerPage / b.cpuMsPerPage, 2), ''],
    ]),
    `  Gaung stored mentions: ${g.storedMentions} of ${expected} pages (${stored}); inserted ${g.inserted}; topic matches ${g.topicMatches}; failed pages ${g.failedPages.length}`,
    `  Gaung concurrency: maxConcurrency ${g.concurrency}; article pages in flight ${fixed(g.meanInFlight, 1)} on average, ${g.maxInFlight} at most`,
    `  CPU ms/page is this Node process only; Gaung also cost the local PostgreSQL ≈${fixed(g.postgresCpuMsPerPage, 2)} and Redis ≈${fixed(g.redisCpuMsPerPage, 2)} CPU ms/page`,
    `  Gaung mean wall time per call: Fetcher.fetch ${fixed(g.fetchMs, 2)} ms, store.ingest ${fixed(g.ingestMs, 2)} ms`,
    `  Where a Gaung page's time goes (ms per page): extraction ${fixed(g.extractMsPerPage, 2)} and analysis ${fixed(g.analyzeMsPerPage, 2)} ${
      g.extractThreads > 0 ? `in ${g.extractThreads} extraction thread(s)` : 'on the main thread'
    } (timed); CPU of the main thread ${fixed(g.mainThreadMsPerPage, 2)}${g.extractThreads > 0 ? '' : ' (extraction and analysis included)'}, of the process's other threads ${fixed(g.cpuMsPerPage - g.mainThreadMsPerPage, 2)}${
      g.extractThreadsCpuMsPerPage !== null && g.helperThreadsCpuMsPerPage !== null
        ? ` (extraction threads ${fixed(g.extractThreadsCpuMsPerPage, 2)}, V8 and libuv helpers ${fixed(g.helperThreadsCpuMsPerPage, 2)})`
        : g.extractThreads > 0 ? ' (extraction threads, collector, libuv)' : ' (collector, libuv)'
    }, PostgreSQL ${fixed(g.postgresCpuMsPerPage, 2)}, Redis ${fixed(g.redisCpuMsPerPage, 2)}`,
    `  bare: ${b.pages} pages parsed, ${b.withTitle} with a <title>, ${b.failed} failed`,
  ].join('\n');
}

const memRow = (label: string, s: MemorySample) => [
  label,
  String(s.processed),
  fixed(s.at / 1000, 0),
  String(toMb(s.nodeRss)),
  String(toMb(s.childRss)),
  String(s.children),
  String(toMb(totalRss(s))),
  String(toMb(s.childPss)),
];

export function browserSection(r: BrowserRun, settings: { concurrency: number; pagesPerBrowser: number }): string {
  const growth = totalRss(r.at100) / totalRss(r.at10);
  return [
    `Browser path: renderPages in Chromium (concurrency ${settings.concurrency}, a new browser every ${settings.pagesPerBrowser} pages)`,
    `  ${r.pages} pages: ${r.rendered} rendered (${r.withArticle} with the script-built article), ${r.failed} failed; ${fixed(r.seconds, 1)} s; ${fixed(r.pagesPerSecond, 2)} pages/s`,
    table([
      ['memory', 'pages done', 's', 'node RSS MB', 'chromium RSS MB', 'procs', 'total RSS MB', 'chromium PSS MB'],
      memRow('at 10%', r.at10),
      memRow('at 50%', r.at50),
      memRow('at 100%', r.at100),
      memRow('peak', r.peak),
    ]),
    `  total RSS at 100% / at 10%: ${fixed(growth, 2)} (${growth <= 1.15 ? 'flat' : 'grows'}); most processes at once ${r.maxChildren}; chromium processes left after the run ${r.childrenLeft}; ${r.samples} samples`,
    ...(r.failures.length > 0 ? [`  first failures:\n${r.failures.map((f) => `    ${f}`).join('\n')}`] : []),
  ].join('\n');
}

const memJson = (s: MemorySample) => ({
  pagesDone: s.processed,
  atSeconds: Math.round(s.at / 100) / 10,
  nodeRssMb: toMb(s.nodeRss),
  chromiumRssMb: toMb(s.childRss),
  chromiumPssMb: toMb(s.childPss),
  processes: s.children,
  totalRssMb: toMb(totalRss(s)),
});

export function benchJson(parts: {
  settings: object;
  gaung: GaungRun;
  bare: BareRun;
  browser: BrowserRun | { skipped: string };
  totalSeconds: number;
  load: { start: number; end: number; cpus: number };
}): string {
  const { gaung: g, bare: b, browser } = parts;
  const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
  return JSON.stringify({
    settings: parts.settings,
    gaung: {
      pages: g.pages,
      seconds: round(g.seconds),
      pagesPerSecond: round(g.pagesPerSecond),
      storedMentions: g.storedMentions,
      topicMatches: g.topicMatches,
      failedPages: g.failedPages.length,
      concurrency: g.concurrency,
      meanInFlight: round(g.meanInFlight),
      maxInFlight: g.maxInFlight,
      cpuMsPerPage: round(g.cpuMsPerPage),
      postgresCpuMsPerPage: round(g.postgresCpuMsPerPage),
      redisCpuMsPerPage: round(g.redisCpuMsPerPage),
      eventLoopUtilization: round(g.eventLoopUtilization),
      fetchMs: round(g.fetchMs),
      ingestMs: round(g.ingestMs),
      extractThreads: g.extractThreads,
      extractMsPerPage: round(g.extractMsPerPage),
      analyzeMsPerPage: round(g.analyzeMsPerPage),
      mainThreadMsPerPage: round(g.mainThreadMsPerPage),
      extractThreadsCpuMsPerPage: g.extractThreadsCpuMsPerPage === null ? null : round(g.extractThreadsCpuMsPerPage),
      helperThreadsCpuMsPerPage: g.helperThreadsCpuMsPerPage === null ? null : round(g.helperThreadsCpuMsPerPage),
    },
    bare: { pages: b.pages, seconds: round(b.seconds), pagesPerSecond: round(b.pagesPerSecond), failed: b.failed, cpuMsPerPage: round(b.cpuMsPerPage), eventLoopUtilization: round(b.eventLoopUtilization) },
    ratioGaungToBare: round(g.pagesPerSecond / b.pagesPerSecond, 3),
    browser:
      'skipped' in browser
        ? browser
        : {
            pages: browser.pages,
            rendered: browser.rendered,
            failed: browser.failed,
            seconds: round(browser.seconds, 1),
            pagesPerSecond: round(browser.pagesPerSecond),
            at10: memJson(browser.at10),
            at50: memJson(browser.at50),
            at100: memJson(browser.at100),
            peak: memJson(browser.peak),
            ratio100to10: round(totalRss(browser.at100) / totalRss(browser.at10)),
            chromiumLeft: browser.childrenLeft,
          },
    totalSeconds: round(parts.totalSeconds, 1),
    load: { start: round(parts.load.start), end: round(parts.load.end), cpus: parts.load.cpus },
  });
}
