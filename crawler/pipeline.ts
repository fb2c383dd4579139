import { BasicCrawler, Configuration, log as crawleeLog } from 'crawlee';
import { NonRetryableError } from 'crawlee';
import { mentionAuthor } from '../analysis/mention-text.js';
import type { MentionInput, Source } from '../core/types.js';
import { renderPages } from './render/render.js';
import { handleArticle, ingestArticle } from './sources/articles.js';
import { SOURCE_KIND_MODULES } from './sources/index.js';
import type { CrawlContext, CrawlStats, PageContext, SourceKindModule } from './sources/kind.js';

// Crawlee's own log repeats what failedRequestHandler reports through pino; keep one voice.
crawleeLog.setLevel(crawleeLog.LEVELS.OFF);

export class SourceConfigError extends NonRetryableError {}

/**
 * Crawls one source: its kind's seed requests, then every page they lead to, through the Fetcher
 * (SSRF guard, robots.txt, Redis politeness, retries). Each crawl has its own in-memory request queue.
 * Throws when a seed (the feed, sitemap, listing or page itself) fails; article failures are only counted.
 */
export async function runSourceCrawl(ctx: CrawlContext, source: Source): Promise<CrawlStats> {
  const kind = SOURCE_KIND_MODULES[source.kind] as unknown as SourceKindModule<unknown> | undefined;
  if (!kind) throw new SourceConfigError(`source ${source.id} has unknown kind "${source.kind}"`);
  const parsed = kind.configSchema.safeParse(source.config ?? {});
  if (!parsed.success) throw new SourceConfigError(`source ${source.id} has invalid settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const config = parsed.data;
  const stats: CrawlStats = { discovered: 0, alreadyStored: 0, fetched: 0, inserted: 0, matched: 0, notModified: 0, rendered: 0, toRender: [], failedPages: [] };
  const seedErrors: string[] = [];
  const log = ctx.logger.child({ sourceId: source.id });
  const ingests = trackIngests(ctx, stats, log);

  const crawler = new BasicCrawler(
    {
      maxConcurrency: ctx.concurrency,
      minConcurrency: ctx.concurrency,
      maxRequestRetries: 0, // the Fetcher already retried what was worth retrying
      maxRequestsPerCrawl: ctx.maxArticles + 100,
      requestHandlerTimeoutSecs: 180,
      useSessionPool: false,
      requestHandler: async ({ request, crawler: self }) => {
        const label = request.label ?? 'article';
        if (label === 'article' && source.render === 'always' && ctx.render) {
          stats.toRender.push({ url: request.url, userData: request.userData as Record<string, unknown> });
          return;
        }
        const headers = (request.userData as { headers?: Record<string, string> }).headers;
        const page = await ctx.fetcher.fetch(request.url, { accept: kind.accept?.[label], conditional: label !== 'article', headers });
        if (page.notModified) {
          stats.notModified++;
          return;
        }
        const pc: PageContext<unknown> = {
          ctx,
          source,
          config,
          url: request.url,
          userData: request.userData as Record<string, unknown>,
          page,
          stats,
          // Crawlee adds a long list in batches of a thousand, a second apart, and waits for every batch when the
          // crawl has a budget: a feed of 3,000 items held the crawl still for two seconds before its first article.
          enqueue: async (reqs) =>
            void (await self.addRequests(
              reqs.map((r) => ({ url: r.url, label: r.label, userData: r.userData ?? {} })),
              { waitBetweenBatchesMillis: 0 },
            )),
          ingest: ingests.add,
          defer: ingests.defer,
        };
        const handler = label === 'article' ? handleArticle : kind.handlers[label];
        if (!handler) throw new NonRetryableError(`no handler for "${label}" pages`);
        await handler(pc);
      },
      failedRequestHandler: async ({ request }, error) => {
        const reason = error.message.split('\n')[0] ?? 'failed';
        if (request.userData.seed) seedErrors.push(reason);
        stats.failedPages.push({ url: request.url, reason });
        log.warn({ url: request.url, reason }, 'page failed');
      },
    },
    // Concurrency is fixed (min = max), so Crawlee's system snapshots, which spawn `ps` each time, are only needed now and then.
    new Configuration({ persistStorage: false, purgeOnStart: true, systemInfoIntervalMillis: 10_000 }),
  );
  const seeds = await kind.seeds(source, config, ctx);
  try {
    await crawler.run(seeds.map((s) => ({ url: s.url, label: s.label, userData: { ...s.userData, seed: true } })));
  } finally {
    // Pages still being extracted finish first: they may turn out to need the browser.
    await ingests.drainPages();
  }
  try {
    if (seedErrors.length > 0 && seedErrors.length === seeds.length) throw new Error(seedErrors.join('; '));
    if (ctx.render && stats.toRender.length > 0) await renderArticles(ctx, source, stats, ingests.add);
  } finally {
    await ingests.drain();
  }
  return stats;
}

/** Most mentions a crawl has handed to the store and not yet seen written; past it, pages wait (backpressure). */
const MAX_PENDING_INGESTS = 200;
/** Most fetched pages waiting for or in extraction; past it, the next fetch waits (keeps the extraction threads fed, memory bounded). */
const MAX_PENDING_PAGES = 24;

/**
 * A crawl's mentions go to the store without the page waiting for the database, so fetching and extracting
 * the next pages overlaps with writing (the store batches what arrives meanwhile). Each result is counted into
 * the crawl's stats as it commits; a mention that could not be stored is a failed page with the reason.
 */
function trackIngests(ctx: CrawlContext, stats: CrawlStats, log: CrawlContext['logger']) {
  const pending = new Set<Promise<void>>();
  const pages = new Set<Promise<void>>();
  return {
    defer: async (url: string, work: () => Promise<void>): Promise<void> => {
      const done: Promise<void> = work()
        .catch((err: Error) => {
          const reason = err.message.split('\n')[0] ?? 'failed';
          stats.failedPages.push({ url, reason });
          log.warn({ url, reason }, 'page failed');
        })
        .finally(() => pages.delete(done));
      pages.add(done);
      while (pages.size >= MAX_PENDING_PAGES) await Promise.race(pages);
    },
    drainPages: async (): Promise<void> => {
      while (pages.size > 0) await Promise.all(pages);
    },
    add: async (input: MentionInput): Promise<void> => {
      // Text that no page extraction prepared (social posts) is prepared in the page pool too.
      const prepared = input.prepared ? Promise.resolve(input) : ctx.pages.prepare(input.title, input.body, mentionAuthor(input)).then((p) => ({ ...input, prepared: p }));
      const done: Promise<void> = prepared.then((ready) => ctx.store.ingest(ready)).then(
        (result) => {
          if (result.inserted) stats.inserted++;
          else stats.alreadyStored++;
          if (result.topicIds.length > 0) stats.matched++;
        },
        (err: Error) => {
          const reason = `could not be stored: ${err.message.split('\n')[0]}`;
          stats.failedPages.push({ url: input.url, reason });
          log.warn({ url: input.url, reason }, 'mention not stored');
        },
      ).finally(() => pending.delete(done));
      pending.add(done);
      while (pending.size >= MAX_PENDING_INGESTS) await Promise.race(pending);
    },
    drain: async (): Promise<void> => {
      while (pages.size > 0) await Promise.all(pages);
      // Nothing more is coming from this crawl: its last mentions need not wait for a fuller batch.
      if (pending.size > 0) ctx.store.flush();
      while (pending.size > 0) await Promise.all(pending);
    },
  };
}

/** Pages whose article only appears after JavaScript: rendered in Chromium, then extracted like any other. */
async function renderArticles(ctx: CrawlContext, source: Source, stats: CrawlStats, ingest: PageContext<unknown>['ingest']): Promise<void> {
  const pending = stats.toRender.splice(0);
  await renderPages({ ...ctx.render!, policy: ctx.fetcher.policy }, pending, {
    beforeNavigation: (url) => ctx.fetcher.admit(url),
    onPage: async (page) => {
      stats.rendered++;
      const stored = await ingestArticle({ ctx, source, ingest }, { html: page.html }, page.finalUrl, page.userData);
      if (!stored) stats.failedPages.push({ url: page.url, reason: 'no article text found on the page, even after rendering it' });
    },
    onFailure: (url, reason) => stats.failedPages.push({ url, reason }),
  });
}
