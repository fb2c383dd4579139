import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { createSource } from '../api/sources/sources.repo.js';
import { createSourceBody } from '../api/sources/sources.schema.js';
import { createTopic } from '../api/topics/topics.repo.js';
import { loadConfig } from '../core/config.js';
import { createSql, type Sql } from '../core/db.js';
import { createLogger } from '../core/logger.js';
import { migrate } from '../core/migrate.js';
import type { Source } from '../core/types.js';
import { createCrawlContext } from '../crawler/context.js';
import { runSourceCrawl } from '../crawler/pipeline.js';
import type { CrawlContext, CrawlStats } from '../crawler/sources/kind.js';
import { ADMIN_URL, adminSql, urlForDatabase } from '../tests/helpers/db.js';
import { clearPrefix, TEST_REDIS_URL } from '../tests/helpers/redis.js';
import { mainThreadCpuMs, serviceCpuMs, threadCpuSplit, threadIds } from './memory.js';
import type { BenchSite } from './site.js';

export type Defer = (what: string, fn: () => Promise<void>) => void;

/** A fresh, migrated database of the benchmark's own on the test server; dropped by the deferred clean-up. */
export async function createBenchDatabase(defer: Defer): Promise<{ name: string; sql: Sql }> {
  const name = `gaung_bench_${randomBytes(4).toString('hex')}`;
  const admin = adminSql();
  try {
    await admin.unsafe(`create database ${name}`);
  } catch (err) {
    throw new Error(`could not create a database on the PostgreSQL server at ${ADMIN_URL} (set TEST_DATABASE_URL to another): ${(err as Error).message}`);
  } finally {
    await admin.end();
  }
  const sql = createSql(urlForDatabase(name), { max: 10 });
  defer(`drop database ${name}`, async () => {
    await sql.end({ timeout: 5 });
    const a = adminSql();
    try {
      await a.unsafe(`drop database if exists ${name} with (force)`);
    } finally {
      await a.end();
    }
  });
  await migrate(sql);
  return { name, sql };
}

export interface GaungRun {
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  storedMentions: number;
  inserted: number;
  topicMatches: number;
  failedPages: { url: string; reason: string }[];
  concurrency: number;
  /** Article pages being fetched, extracted or stored at once: time-weighted mean over the crawl, and the most. */
  meanInFlight: number;
  maxInFlight: number;
  /** Main-thread event-loop utilisation during the crawl (1 = the Node thread was never idle). */
  eventLoopUtilization: number;
  cpuMsPerPage: number;
  /** CPU of the local PostgreSQL and Redis processes per page (a lower bound; see serviceCpuMs). */
  postgresCpuMsPerPage: number;
  redisCpuMsPerPage: number;
  /** Mean time of one Fetcher.fetch (SSRF, robots, Redis politeness, HTTP) and of one store.ingest (the transaction). */
  fetchMs: number;
  ingestMs: number;
  /** Extraction threads (0: on the main thread), and what a page cost in them: decoding and extraction, then analysis (ms). */
  extractThreads: number;
  extractMsPerPage: number;
  analyzeMsPerPage: number;
  /** The main thread's CPU per page (from /proc; else its event-loop busy time); the process's other threads have the rest of cpuMsPerPage. */
  mainThreadMsPerPage: number;
  /** Of the other threads' CPU per page, from /proc: the extraction threads', and V8's and libuv's helper threads' (null without /proc). */
  extractThreadsCpuMsPerPage: number | null;
  helperThreadsCpuMsPerPage: number | null;
}

/** Redis for the crawl, failing at once (no endless reconnecting) when it is not there. */
async function connectRedis(defer: Defer): Promise<Redis> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => {}); // failures surface through the commands that hit them
  defer('disconnect Redis', async () => void redis.disconnect());
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(`Redis at ${TEST_REDIS_URL} is not answering (set TEST_REDIS_URL to another): ${(err as Error).message}`);
  }
  return redis;
}

/**
 * Wraps the context's fetcher and store to time each call, and to count article pages in flight (from the
 * start of their fetch to the end of their ingest), which shows the concurrency the crawl really ran at.
 * The pipeline itself is untouched.
 */
function timedContext(ctx: CrawlContext) {
  const totals = { fetchMs: 0, fetches: 0, ingestMs: 0, ingests: 0, pageMs: 0, inFlight: 0, maxInFlight: 0 };
  const pageStarts = new Map<string, number>();
  const pageDone = (url: string) => {
    const at = pageStarts.get(url);
    if (at === undefined) return;
    pageStarts.delete(url);
    totals.pageMs += performance.now() - at;
    totals.inFlight--;
  };
  const fetcher: CrawlContext['fetcher'] = {
    ...ctx.fetcher,
    policy: ctx.fetcher.policy,
    fetch: async (url, opts) => {
      const t = performance.now();
      const article = opts?.conditional === false; // the pipeline fetches feeds conditionally, articles not
      if (article) {
        pageStarts.set(url, t);
        totals.maxInFlight = Math.max(totals.maxInFlight, ++totals.inFlight);
      }
      try {
        return await ctx.fetcher.fetch(url, opts);
      } catch (err) {
        pageDone(url);
        throw err;
      } finally {
        totals.fetchMs += performance.now() - t;
        totals.fetches++;
      }
    },
  };
  const store: CrawlContext['store'] = {
    ...ctx.store,
    ingest: async (input) => {
      const t = performance.now();
      try {
        return await ctx.store.ingest(input);
      } finally {
        totals.ingestMs += performance.now() - t;
        totals.ingests++;
        pageDone(input.url);
      }
    },
  };
  return { ctx: { ...ctx, fetcher, store }, totals };
}

/** Gaung's full path: RSS sources over every page, through the Fetcher, extraction, topic matching and ingest. */
/** `warmupFeeds`: feeds of other pages crawled first through the same context, untimed, so its code and threads are warm. */
export async function runGaungCrawl(site: BenchSite, opts: { concurrency: number; feedSize: number; warmupFeeds?: string[] }, defer: Defer): Promise<GaungRun> {
  const redis = await connectRedis(defer);
  const db = await createBenchDatabase(defer);
  const prefix = `{gaung-bench-${randomBytes(4).toString('hex')}}`;
  defer(`clear Redis keys ${prefix}*`, () => clearPrefix(prefix));
  const config = loadConfig({
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    CRAWL_ALLOW_ADDRESSES: '127.0.0.1',
    CRAWL_DOMAIN_DELAY_MS: '0',
    CRAWL_DOMAIN_CONCURRENCY: String(opts.concurrency),
    CRAWL_MAX_ARTICLES: String(opts.feedSize),
    CHROMIUM_PATH: 'off',
    EXTRACT_THREADS: process.env.BENCH_EXTRACT_THREADS,
  });
  const beforePool = threadIds(); // threads that appear from here on are the page pool's
  const base = createCrawlContext({ sql: db.sql, redis, logger: createLogger(config.LOG_LEVEL), config });
  defer('close the crawl context', () => base.close());
  const { ctx, totals } = timedContext(base);

  await createTopic(db.sql, { name: 'Presidensi G20', query: 'Presidensi G20, KTT G20' });
  await createTopic(db.sql, { name: 'Transformasi digital', query: 'transformasi digital, literasi digital' });
  await createTopic(db.sql, { name: 'Harga pangan', query: 'harga beras ATAU harga kebutuhan pokok ATAU pasar murah' });
  const sources: Source[] = [];
  for (const [k, url] of site.feedUrls.entries()) {
    const source = await createSource(db.sql, createSourceBody.parse({ kind: 'rss', url, name: `Benchmark feed ${k + 1}`, tier: 'national' }));
    if (!source) throw new Error(`could not create the source for ${url}`);
    sources.push(source);
  }

  // A worker process starts its extraction threads once and crawls for weeks: the clock starts once they have loaded,
  // and once the warm-up pages have been through the whole path.
  await base.pages.ready();
  for (const [k, url] of (opts.warmupFeeds ?? []).entries()) {
    const source = await createSource(db.sql, createSourceBody.parse({ kind: 'rss', url, name: `Warm-up feed ${k + 1}`, tier: 'national' }));
    if (source) await runSourceCrawl(base, source);
  }
  const all: CrawlStats[] = [];
  const poolBefore = base.pages.totals();
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const mainCpu = mainThreadCpuMs();
  const threadsCpu = threadCpuSplit(beforePool);
  const services = serviceCpuMs();
  const started = performance.now();
  for (const source of sources) all.push(await runSourceCrawl(ctx, source));
  const seconds = (performance.now() - started) / 1000;
  const cpuUsed = process.cpuUsage(cpu);
  const mainCpuAfter = mainThreadCpuMs();
  const threadsCpuAfter = threadCpuSplit(beforePool);
  const servicesAfter = serviceCpuMs();
  const eventLoopUtilization = performance.eventLoopUtilization(elu).utilization;
  const poolAfter = base.pages.totals();
  const extracted = Math.max(poolAfter.pages - poolBefore.pages, 1);

  const ids = sources.map((s) => s.id);
  const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from mentions where source_id = any(${ids}::bigint[])`;
  const [matches] = await db.sql<{ n: number }[]>`select count(*)::int as n from topic_mentions t join mentions m on m.id = t.mention_id where m.source_id = any(${ids}::bigint[])`;
  const pages = all.reduce((n, s) => n + s.fetched, 0);
  return {
    pages,
    seconds,
    pagesPerSecond: pages / seconds,
    storedMentions: row!.n,
    inserted: all.reduce((n, s) => n + s.inserted, 0),
    topicMatches: matches!.n,
    failedPages: all.flatMap((s) => s.failedPages),
    concurrency: ctx.concurrency,
    meanInFlight: totals.pageMs / 1000 / seconds,
    maxInFlight: totals.maxInFlight,
    eventLoopUtilization,
    cpuMsPerPage: (cpuUsed.user + cpuUsed.system) / 1000 / Math.max(pages, 1),
    postgresCpuMsPerPage: (servicesAfter.postgres - services.postgres) / Math.max(pages, 1),
    redisCpuMsPerPage: (servicesAfter.redis - services.redis) / Math.max(pages, 1),
    fetchMs: totals.fetchMs / Math.max(totals.fetches, 1),
    ingestMs: totals.ingestMs / Math.max(totals.ingests, 1),
    extractThreads: config.EXTRACT_THREADS,
    extractMsPerPage: (poolAfter.extractMs - poolBefore.extractMs) / extracted,
    analyzeMsPerPage: (poolAfter.analyzeMs - poolBefore.analyzeMs) / extracted,
    mainThreadMsPerPage: (mainCpu !== null && mainCpuAfter !== null ? mainCpuAfter - mainCpu : eventLoopUtilization * seconds * 1000) / Math.max(pages, 1),
    extractThreadsCpuMsPerPage: threadsCpu && threadsCpuAfter ? (threadsCpuAfter.newThreads - threadsCpu.newThreads) / Math.max(pages, 1) : null,
    helperThreadsCpuMsPerPage: threadsCpu && threadsCpuAfter ? (threadsCpuAfter.helpers - threadsCpu.helpers) / Math.max(pages, 1) : null,
  };
}
