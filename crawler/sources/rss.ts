import { CheerioCrawler, Configuration, NonRetryableError, createCheerioRouter, log as crawleeLog } from 'crawlee';
import type { Sql } from '../../core/db.js';
import type { Logger } from '../../core/logger.js';
import type { Source } from '../../core/types.js';
import { extractArticle } from '../extract/article.js';
import { parseFeed, type FeedItem } from '../extract/feed.js';
import { canonicalizeUrl } from '../extract/url.js';
import { findStoredUrls, ingestMention } from '../ingest.repo.js';

// Crawlee's own log repeats what failedRequestHandler reports through pino, with stacks; keep one voice.
crawleeLog.setLevel(crawleeLog.LEVELS.OFF);

export interface CrawlContext {
  sql: Sql;
  logger: Logger;
  userAgent: string;
  maxArticles: number;
}

export interface CrawlStats {
  feedItems: number;
  alreadyStored: number;
  fetched: number;
  inserted: number;
  matched: number;
  /** Article pages that could not be fetched or had no article text; one bad page never fails the source. */
  failedPages: { url: string; reason: string }[];
}

const FEED_MIME_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml'];

/** Fetches the feed, then every article in it that is not yet stored, and ingests each one. */
export async function crawlRssSource(ctx: CrawlContext, source: Source): Promise<CrawlStats> {
  const stats: CrawlStats = { feedItems: 0, alreadyStored: 0, fetched: 0, inserted: 0, matched: 0, failedPages: [] };
  let feedError: string | null = null;
  const log = ctx.logger.child({ sourceId: source.id });
  const router = createCheerioRouter();

  router.addHandler('feed', async ({ body, request, crawler }) => {
    const feed = await parseFeed(body.toString(), request.loadedUrl ?? request.url).catch((err: Error) => {
      throw new NonRetryableError(err.message);
    });
    const items = dedupeItems(feed.items).slice(0, ctx.maxArticles);
    stats.feedItems = items.length;
    const stored = await findStoredUrls(ctx.sql, items.map((i) => i.url));
    stats.alreadyStored = stored.size;
    const fresh = items.filter((i) => !stored.has(i.url));
    await crawler.addRequests(fresh.map((item) => ({ url: item.url, label: 'article', userData: { item } })));
  });

  router.addHandler('article', async ({ body, request }) => {
    const item = request.userData.item as FeedItem;
    stats.fetched++;
    const article = extractArticle(body.toString(), request.loadedUrl ?? request.url);
    if (!article) {
      stats.failedPages.push({ url: item.url, reason: 'no article text found on the page' });
      return;
    }
    const result = await ingestMention(ctx.sql, {
      url: item.url,
      sourceId: source.id,
      kind: 'news',
      title: article.title || item.title || item.url,
      body: article.body,
      author: article.author ?? item.author,
      publishedAt: article.publishedAt ?? item.publishedAt,
      language: article.language ?? 'id',
      views: null,
    });
    if (result.inserted) stats.inserted++;
    if (result.topicIds.length > 0) stats.matched++;
  });

  const crawler = new CheerioCrawler(
    {
      requestHandler: router,
      maxRequestsPerCrawl: ctx.maxArticles + 1,
      maxConcurrency: 2,
      maxRequestRetries: 2,
      navigationTimeoutSecs: 20,
      requestHandlerTimeoutSecs: 60,
      additionalMimeTypes: FEED_MIME_TYPES,
      useSessionPool: false,
      persistCookiesPerSession: false,
      preNavigationHooks: [
        (_context, gotOptions) => {
          gotOptions.headers = { ...gotOptions.headers, 'user-agent': ctx.userAgent };
        },
      ],
      failedRequestHandler: async ({ request }, error) => {
        const reason = error.message.split('\n')[0] ?? 'failed';
        if (request.label === 'feed') feedError = reason;
        else stats.failedPages.push({ url: request.url, reason });
        log.warn({ url: request.url, reason }, 'request failed');
      },
    },
    // Each crawl gets its own in-memory storage, so no request queue is shared between jobs.
    new Configuration({ persistStorage: false, purgeOnStart: true }),
  );
  await crawler.run([{ url: source.url, label: 'feed', uniqueKey: `feed:${source.url}` }]);
  if (feedError) throw new Error(`feed ${source.url} could not be read: ${feedError}`);
  return stats;
}

function dedupeItems(items: FeedItem[]): FeedItem[] {
  const seen = new Map<string, FeedItem>();
  for (const item of items) {
    let url: string;
    try {
      url = canonicalizeUrl(item.url);
    } catch {
      continue;
    }
    if (!/^https?:$/.test(new URL(url).protocol)) continue;
    if (!seen.has(url)) seen.set(url, { ...item, url });
  }
  return [...seen.values()];
}
