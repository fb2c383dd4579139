import Parser from 'rss-parser';
import { parseTime } from './article.js';

export interface FeedItem {
  url: string;
  title: string | null;
  publishedAt: Date | null;
  author: string | null;
}

const parser = new Parser();

/** Items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed; throws with the reason when the text is not a feed. */
export async function parseFeed(xml: string, feedUrl: string): Promise<{ title: string | null; items: FeedItem[] }> {
  let feed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    feed = await parser.parseString(xml);
  } catch (err) {
    throw new Error(`${feedUrl} is not a readable RSS or Atom feed: ${(err as Error).message}`);
  }
  const items: FeedItem[] = [];
  for (const item of feed.items) {
    const link = item.link ?? item.guid;
    if (!link) continue;
    let url: string;
    try {
      url = new URL(link, feedUrl).toString();
    } catch {
      continue;
    }
    items.push({
      url,
      title: item.title?.trim() || null,
      publishedAt: parseTime(item.isoDate ?? item.pubDate),
      author: item.creator?.trim() || (item as { author?: string }).author?.trim() || null,
    });
  }
  // One time on every item is the feed's build time, not when each was published: a wrong time is worse than none.
  const times = new Set(items.map((i) => i.publishedAt?.getTime() ?? null));
  if (items.length >= 3 && times.size === 1 && !times.has(null)) for (const item of items) item.publishedAt = null;
  return { title: feed.title?.trim() || null, items };
}
