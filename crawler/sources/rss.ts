import { decodeHtml } from '../extract/charset.js';
import { NonRetryableError } from 'crawlee';
import { SOURCE_CONFIG_SCHEMAS, type SourceConfig } from '../../core/source-kinds.js';
import { parseFeed } from '../extract/feed.js';
import { articleRequests } from './articles.js';
import type { PageContext, SourceKindModule } from './kind.js';

export const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/** Reads a feed page and queues its articles; shared by `rss` and `search` sources. */
export async function handleFeed(pc: PageContext<unknown>): Promise<void> {
  const feed = await parseFeed(decodeHtml(pc.page.body, pc.page.contentType), pc.page.url).catch((err: Error) => {
    throw new NonRetryableError(err.message);
  });
  const hints = feed.items.map((i) => ({ url: i.url, title: i.title, publishedAt: i.publishedAt, author: i.author }));
  await pc.enqueue(await articleRequests(pc, hints));
}

export const rssKind: SourceKindModule<SourceConfig<'rss'>> = {
  configSchema: SOURCE_CONFIG_SCHEMAS.rss,
  seeds: async (source) => [{ url: source.url, label: 'feed' }],
  handlers: { feed: handleFeed },
  accept: { feed: FEED_ACCEPT },
};
