import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { countString, isoDate, validate } from './response.js';
import type { AuthorKind, SocialPost } from './types.js';

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => name === 'entry',
});

const entrySchema = z.object({
  'yt:videoId': z.string().regex(/^[\w-]{6,}$/, 'expected a video id'),
  'yt:channelId': z.string().optional(),
  title: z.string(),
  published: isoDate,
  author: z.object({ name: z.string() }).optional(),
  'media:group': z
    .object({
      'media:description': z.string().optional(),
      'media:community': z
        .object({
          'media:starRating': z.object({ '@_count': countString }).optional(),
          'media:statistics': z.object({ '@_views': countString }).optional(),
        })
        .optional(),
    })
    .optional(),
});
const feedSchema = z.object({
  feed: z.object({
    title: z.string().optional(),
    author: z.object({ name: z.string() }).optional(),
    entry: z.array(entrySchema).default([]),
  }),
});

/** Videos of a channel's Atom feed (the latest 15), with the view and rating counts YouTube puts in media:community. */
export function parseYoutubeFeed(body: string, requestUrl: string, channelKind: AuthorKind | null): SocialPost[] {
  let doc: unknown;
  try {
    doc = xml.parse(body);
  } catch (err) {
    throw new Error(`YouTube: ${requestUrl} is not a readable channel feed: ${(err as Error).message}`);
  }
  const { feed } = validate('youtube', feedSchema, doc, requestUrl);
  return feed.entry.map((e) => {
    const group = e['media:group'];
    const channelId = e['yt:channelId'] ?? null;
    return {
      platform: 'youtube',
      externalId: e['yt:videoId'],
      url: watchUrl(e['yt:videoId']),
      text: group?.['media:description']?.trim() || e.title.trim(),
      title: e.title.trim(),
      authorName: e.author?.name ?? feed.author?.name ?? feed.title ?? null,
      authorHandle: channelId && channelId.startsWith('UC') ? channelId : channelId ? `UC${channelId}` : null,
      authorKind: channelKind,
      followers: null,
      publishedAt: e.published,
      likes: group?.['media:community']?.['media:starRating']?.['@_count'] ?? null,
      shares: null,
      replies: null,
      views: group?.['media:community']?.['media:statistics']?.['@_views'] ?? null,
      language: null,
    };
  });
}

export function watchUrl(videoId: string, commentId?: string): string {
  const url = new URL('https://www.youtube.com/watch');
  url.searchParams.set('v', videoId);
  if (commentId) url.searchParams.set('lc', commentId);
  return url.toString();
}
