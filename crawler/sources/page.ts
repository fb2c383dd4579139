import { SOURCE_CONFIG_SCHEMAS, type SourceConfig } from '../../core/source-kinds.js';
import { canonicalizeUrl } from '../extract/url.js';
import type { SourceKindModule } from './kind.js';

/** One article URL: fetched and stored once. */
export const pageKind: SourceKindModule<SourceConfig<'page'>> = {
  configSchema: SOURCE_CONFIG_SCHEMAS.page,
  seeds: async (source, _config, ctx) => {
    const url = canonicalizeUrl(source.url);
    const stored = await ctx.store.findStoredUrls([url]);
    return stored.has(url) ? [] : [{ url, label: 'article', userData: { hint: { url } } }];
  },
  handlers: {},
};
