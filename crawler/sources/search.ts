import { SOURCE_CONFIG_SCHEMAS, type SourceConfig } from '../../core/source-kinds.js';
import { FEED_ACCEPT, handleFeed } from './rss.js';
import type { SourceKindModule } from './kind.js';

export const QUERY_PLACEHOLDER = '{query}';

/** A topic's keywords as a search query: phrases quoted, joined with OR. */
export function searchQuery(terms: string[]): string {
  return terms.map((t) => (t.includes(' ') ? `"${t}"` : t)).join(' OR ');
}

/** The search-feed URL for one query: the placeholder replaced by the URL-encoded query, nothing else touched. */
export function searchUrl(template: string, query: string): string {
  return template.split(QUERY_PLACEHOLDER).join(encodeURIComponent(query));
}

/** A news-search RSS feed (e.g. a search engine's news RSS) asked once per topic with the topic's keywords. */
export const searchKind: SourceKindModule<SourceConfig<'search'>> = {
  configSchema: SOURCE_CONFIG_SCHEMAS.search,
  seeds: async (source, _config, ctx) =>
    (await ctx.store.topicTerms()).map((t) => ({ url: searchUrl(source.url, searchQuery(t.terms)), label: 'feed', userData: { topicId: t.id } })),
  handlers: { feed: handleFeed },
  accept: { feed: FEED_ACCEPT },
};
