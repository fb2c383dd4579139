import { canonicalizeUrl } from '../extract/url.js';
import type { CrawlRequestSpec, PageContext } from './kind.js';

/** What a feed, sitemap or listing knows about an article before it is fetched. */
export interface ArticleHint {
  url: string;
  title?: string | null;
  publishedAt?: Date | null;
  author?: string | null;
}

/** Canonical, http(s), deduplicated, not yet stored, within the crawl's budget: the article requests to make. */
export async function articleRequests(pc: Pick<PageContext<unknown>, 'ctx' | 'stats'>, hints: ArticleHint[]): Promise<CrawlRequestSpec[]> {
  const seen = new Map<string, ArticleHint>();
  for (const hint of hints) {
    let url: string;
    try {
      url = canonicalizeUrl(hint.url);
    } catch {
      continue;
    }
    if (/^https?:/.test(url) && !seen.has(url)) seen.set(url, { ...hint, url });
  }
  const budget = Math.max(0, pc.ctx.maxArticles - pc.stats.discovered);
  const fresh = [...seen.values()].slice(0, budget);
  pc.stats.discovered += fresh.length;
  const stored = await pc.ctx.store.findStoredUrls(fresh.map((h) => h.url));
  pc.stats.alreadyStored += stored.size;
  return fresh
    .filter((h) => !stored.has(h.url))
    .map((h) => ({ url: h.url, label: 'article', userData: { hint: { ...h, publishedAt: h.publishedAt?.toISOString() ?? null } } }));
}

type StoredHint = { url: string; title?: string | null; publishedAt?: string | null; author?: string | null };

/** The article label, common to every news kind: extract the page and ingest it, or hand it to the browser. */
export async function handleArticle(pc: PageContext<unknown>): Promise<void> {
  pc.stats.fetched++;
  await pc.defer(pc.url, async () => {
    const stored = await ingestArticle(pc, { body: pc.page.body, contentType: pc.page.contentType }, pc.page.url, pc.userData);
    if (stored) return;
    if (pc.ctx.render && pc.source.render !== 'never') pc.stats.toRender.push({ url: pc.url, userData: pc.userData });
    else pc.stats.failedPages.push({ url: pc.url, reason: 'no article text found on the page' });
  });
}

/** Extracts an article from a page (fetched bytes or rendered HTML) in the page pool and ingests it; false when the page has no article. */
export async function ingestArticle(
  pc: Pick<PageContext<unknown>, 'ctx' | 'source' | 'ingest'>,
  page: { body: Uint8Array; contentType: string | null } | { html: string },
  pageUrl: string,
  userData: Record<string, unknown>,
): Promise<boolean> {
  const hint = (userData.hint ?? { url: pageUrl }) as StoredHint;
  const extracted = await pc.ctx.pages.article({ ...page, url: pageUrl, timezone: pc.source.timezone });
  if (!extracted) return false;
  const { article, prepared } = extracted;
  await pc.ingest({
    url: hint.url,
    sourceId: pc.source.id,
    kind: 'news',
    title: article.title,
    body: article.body,
    author: article.author ?? hint.author ?? null,
    publishedAt: article.publishedAt ?? (hint.publishedAt ? new Date(hint.publishedAt) : null),
    language: article.language ?? 'id',
    views: article.views,
    prepared,
  });
  return true;
}
