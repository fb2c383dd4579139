import type { SourceConfig } from '../../core/source-kinds.js';
import type { SourceKind } from '../../core/types.js';
import type { SourceKindModule } from './kind.js';
import { listingKind } from './listing.js';
import { pageKind } from './page.js';
import { rssKind } from './rss.js';
import { searchKind } from './search.js';
import { sitemapKind } from './sitemap.js';

/** One module per source kind; the type makes a kind without a module a compile error. */
export const SOURCE_KIND_MODULES: { [K in SourceKind]: SourceKindModule<SourceConfig<K>> } = {
  rss: rssKind,
  sitemap: sitemapKind,
  listing: listingKind,
  page: pageKind,
  search: searchKind,
};
