import { decodeHtml } from '../extract/charset.js';
import { parseHTML } from 'linkedom';
import { SOURCE_CONFIG_SCHEMAS, type SourceConfig } from '../../core/source-kinds.js';
import { compileUrlPattern } from '../../core/url-pattern.js';
import { articleRequests } from './articles.js';
import type { PageContext, SourceKindModule } from './kind.js';

type ListingConfig = SourceConfig<'listing'>;

/** Article links on an index page, and the next page's URL when there is one. */
export function readListing(html: string, pageUrl: string, config: ListingConfig): { articles: string[]; next: string | null } {
  const { document } = parseHTML(html);
  const pattern = compileUrlPattern(config.articlePattern);
  const absolute = (href: string | null | undefined) => {
    if (!href) return null;
    try {
      const u = new URL(href, pageUrl);
      u.hash = '';
      return /^https?:$/.test(u.protocol) ? u.toString() : null;
    } catch {
      return null;
    }
  };
  const articles = new Set<string>();
  for (const a of document.querySelectorAll('a[href]')) {
    const url = absolute(a.getAttribute('href'));
    if (url && url !== pageUrl && pattern.test(url)) articles.add(url);
  }
  const nextEl = (config.nextSelector && document.querySelector(config.nextSelector)) || document.querySelector('a[rel~="next"], link[rel~="next"]');
  return { articles: [...articles], next: absolute(nextEl?.getAttribute('href')) };
}

async function handleListing(pc: PageContext<ListingConfig>): Promise<void> {
  const pageNo = Number(pc.userData.pageNo ?? 1);
  const { articles, next } = readListing(decodeHtml(pc.page.body, pc.page.contentType), pc.page.url, pc.config);
  await pc.enqueue(await articleRequests(pc, articles.map((url) => ({ url }))));
  // The request queue never takes the same URL twice, so a page linking to itself ends here too.
  if (next && pageNo < pc.config.maxPages) await pc.enqueue([{ url: next, label: 'listing', userData: { pageNo: pageNo + 1 } }]);
}

/** An index page whose article links match a pattern, with pagination followed up to a bound. */
export const listingKind: SourceKindModule<ListingConfig> = {
  configSchema: SOURCE_CONFIG_SCHEMAS.listing,
  seeds: async (source) => [{ url: source.url, label: 'listing', userData: { pageNo: 1 } }],
  handlers: { listing: handleListing },
};
