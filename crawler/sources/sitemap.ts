import { decodeHtml } from '../extract/charset.js';
import { gunzipSync } from 'node:zlib';
import { NonRetryableError } from 'crawlee';
import { XMLParser } from 'fast-xml-parser';
import { SOURCE_CONFIG_SCHEMAS, type SourceConfig } from '../../core/source-kinds.js';
import { parseTime } from '../extract/article.js';
import { compileUrlPattern } from '../../core/url-pattern.js';
import { articleRequests, type ArticleHint } from './articles.js';
import type { PageContext, SourceKindModule } from './kind.js';

type SitemapConfig = SourceConfig<'sitemap'>;
const MAX_DEPTH = 3;

const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, isArray: (name) => name === 'url' || name === 'sitemap' });

export interface SitemapContent {
  sitemaps: string[];
  /**
   * Each page with its Google News publication time as `publishedAt`, and `changedAt` from <lastmod>: when the
   * page (or only the sitemap) last changed, which says how recent a page is but is no publication time.
   */
  urls: (ArticleHint & { changedAt: Date | null })[];
}

/**
 * The most a sitemap may hold once uncompressed: the sitemap protocol's own limit (50 MB). CRAWL_MAX_BYTES caps what
 * is fetched, which for a gzipped sitemap is the compressed size: a few kilobytes can inflate to gigabytes.
 */
export const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

/** Child sitemaps of a sitemap index, or the pages of a urlset (with news:publication_date and news:title when given). */
export function readSitemap(bytes: Buffer, url: string, opts: { maxBytes?: number } = {}): SitemapContent {
  const maxBytes = opts.maxBytes ?? MAX_SITEMAP_BYTES;
  const text = decodeHtml(bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzip(bytes, url, maxBytes) : bytes, null);
  let doc: { sitemapindex?: { sitemap?: { loc?: string }[] }; urlset?: { url?: SitemapUrl[] } };
  try {
    doc = parser.parse(text, true) as typeof doc;
  } catch (err) {
    throw new Error(`${url} is not a readable XML sitemap: ${(err as Error).message.split('\n')[0]}`);
  }
  if (doc.sitemapindex) return { sitemaps: (doc.sitemapindex.sitemap ?? []).map((s) => String(s.loc ?? '').trim()).filter(Boolean), urls: [] };
  if (!doc.urlset) throw new Error(`${url} is not a sitemap: no <urlset> or <sitemapindex>`);
  const urls = (doc.urlset.url ?? [])
    .filter((u) => u.loc)
    .map((u) => ({
      url: String(u.loc).trim(),
      title: u.news?.title ? String(u.news.title) : null,
      publishedAt: parseTime(u.news?.publication_date ? String(u.news.publication_date) : null),
      changedAt: parseTime(u.lastmod ? String(u.lastmod) : null),
    }));
  return { sitemaps: [], urls };
}

/** A gzipped sitemap, inflated no further than `maxBytes`. */
function gunzip(bytes: Buffer, url: string, maxBytes: number): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      const limit = maxBytes >= 1_048_576 ? `${Math.round(maxBytes / 1_048_576)} MB` : `${maxBytes} bytes`;
      throw new Error(`${url} is larger than ${limit} once uncompressed (a sitemap may hold 50 MB); skipped`);
    }
    throw new Error(`${url} is not a readable gzipped sitemap: ${(err as Error).message}`);
  }
}

interface SitemapUrl {
  loc?: string;
  lastmod?: string;
  news?: { title?: string; publication_date?: string };
}

async function handleSitemap(pc: PageContext<SitemapConfig>): Promise<void> {
  let content: SitemapContent;
  try {
    content = readSitemap(pc.page.body, pc.page.url);
  } catch (err) {
    throw new NonRetryableError((err as Error).message);
  }
  const depth = Number(pc.userData.depth ?? 0);
  const seen = Number(pc.userData.seen ?? 1);
  if (content.sitemaps.length > 0 && depth < MAX_DEPTH) {
    const children = content.sitemaps.slice(0, Math.max(0, pc.config.maxSitemaps - seen));
    await pc.enqueue(children.map((url) => ({ url, label: 'sitemap', userData: { depth: depth + 1, seen: seen + children.length } })));
  }
  const cutoff = Date.now() - pc.config.maxAgeDays * 86_400_000;
  const pattern = pc.config.urlPattern ? compileUrlPattern(pc.config.urlPattern) : null;
  const recency = (u: SitemapContent['urls'][number]) => (u.publishedAt ?? u.changedAt)?.getTime() ?? null;
  const recent = content.urls
    .filter((u) => (recency(u) === null || recency(u)! >= cutoff) && (!pattern || pattern.test(u.url)))
    .sort((a, b) => (recency(b) ?? 0) - (recency(a) ?? 0));
  // Only the page itself or a news sitemap's publication time dates an article, never <lastmod>.
  await pc.enqueue(await articleRequests(pc, recent.map(({ changedAt: _changed, ...hint }) => hint)));
}

/** XML sitemaps, sitemap indexes and Google News sitemaps; recent pages only. */
export const sitemapKind: SourceKindModule<SitemapConfig> = {
  configSchema: SOURCE_CONFIG_SCHEMAS.sitemap,
  seeds: async (source) => [{ url: source.url, label: 'sitemap', userData: { depth: 0 } }],
  handlers: { sitemap: handleSitemap },
  accept: { sitemap: 'application/xml, text/xml;q=0.9, */*;q=0.5' },
};
