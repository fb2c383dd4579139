import { SOCIAL_SOURCE_KINDS, type SourceConfig } from '../../core/source-kinds.js';
import type { SourceKind } from '../../core/types.js';
import type { SourceKindModule } from './kind.js';
import { listingKind } from './listing.js';
import { pageKind } from './page.js';
import { rssKind } from './rss.js';
import { searchKind } from './search.js';
import { sitemapKind } from './sitemap.js';
import { socialKind } from './social.js';

const NEWS_KIND_MODULES = {
  rss: rssKind,
  sitemap: sitemapKind,
  listing: listingKind,
  page: pageKind,
  search: searchKind,
} satisfies { [K in keyof typeof import('../../core/source-kinds.js').SOURCE_CONFIG_SCHEMAS]: SourceKindModule<SourceConfig<K>> };

/** One module per source kind: news kinds here, and one per social platform built from its importer. */
export const SOURCE_KIND_MODULES = {
  ...NEWS_KIND_MODULES,
  ...Object.fromEntries(SOCIAL_SOURCE_KINDS.map((k) => [k, socialKind(k)])),
} as Record<SourceKind, SourceKindModule<unknown>>;

/** The schema a source's settings must pass for its kind (used by the API before a source is stored). */
export function sourceConfigSchema(kind: SourceKind) {
  return SOURCE_KIND_MODULES[kind].configSchema;
}
