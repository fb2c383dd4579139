import { isoInZone } from '../core/time.js';
import type { Source, SourceKind } from '../core/types.js';
import { runSourceCrawl } from './pipeline.js';
import { sourceConfigSchema } from './sources/index.js';
import type { CrawlContext } from './sources/kind.js';
import { collectingStore } from './store.js';

/** What an analyst sees of a source before adding it: one object per item it would give. */
export interface PreviewItem {
  url: string;
  title: string;
  published_at: string | null;
  author: string | null;
  body: string;
  views: number | null;
  language: string | null;
}

export interface PreviewRequest {
  url: string;
  kind?: SourceKind;
  config?: Record<string, unknown>;
  timezone?: string;
  render?: Source['render'];
  /** Keywords for a search source's {query}. */
  terms?: string[];
  limit?: number;
}

/** Guesses the kind from what the URL serves: a feed, a sitemap, or otherwise an article page. */
export async function detectKind(ctx: CrawlContext, url: string): Promise<SourceKind> {
  const page = await ctx.fetcher.fetch(url, { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8' });
  if (page.body[0] === 0x1f && page.body[1] === 0x8b) return 'sitemap';
  const head = page.body.subarray(0, 2048).toString('utf8');
  if (/<(rss|feed|rdf:RDF)[\s>]/i.test(head)) return 'rss';
  if (/<(urlset|sitemapindex)[\s>]/i.test(head)) return 'sitemap';
  return 'page';
}

/** Runs the source's real crawl path with a collecting store: nothing is written anywhere. */
export interface PreviewResult {
  kind: SourceKind;
  items: PreviewItem[];
  failed: { url: string; reason: string }[];
}

export async function previewSource(ctx: CrawlContext, req: PreviewRequest): Promise<PreviewResult> {
  const kind = req.kind ?? (await detectKind(ctx, req.url));
  const timezone = req.timezone ?? 'Asia/Jakarta';
  const store = collectingStore(req.terms);
  const now = new Date();
  const source: Source = {
    id: 0,
    kind,
    url: req.url,
    name: 'preview',
    tier: 'national',
    interval_minutes: 60,
    timezone,
    enabled: true,
    config: sourceConfigSchema(kind).parse(req.config ?? {}) as Record<string, unknown>,
    render: req.render ?? 'auto',
    audience: null,
    last_success_at: null,
    created_at: now,
    updated_at: now,
    last_fetched_at: null,
    last_status: null,
    last_error: null,
    last_item_count: null,
    consecutive_failures: 0,
  };
  const stats = await runSourceCrawl({ ...ctx, store, maxArticles: req.limit ?? 10 }, source);
  const items = store.items.map((m) => ({
    url: m.url,
    title: m.title,
    published_at: m.publishedAt ? isoInZone(m.publishedAt, timezone) : null,
    author: m.author,
    body: m.body,
    views: m.views,
    language: m.language,
  }));
  return { kind, items, failed: stats.failedPages };
}
