import { z } from 'zod';
import { countString, htmlToText, isoDate, languageCode, parseJsonBody, tidyText } from './response.js';
import type { AuthorKind, SocialPost } from './types.js';
import { watchUrl } from './youtube-feed.js';

const optionalCountString = countString.optional().transform((n) => n ?? null);

const videoSchema = z.object({
  id: z.string().min(1),
  snippet: z.object({
    publishedAt: isoDate,
    channelId: z.string(),
    channelTitle: z.string().nullish(),
    title: z.string(),
    description: z.string().default(''),
    defaultLanguage: z.string().nullish(),
    defaultAudioLanguage: z.string().nullish(),
  }),
  statistics: z
    .object({ viewCount: optionalCountString, likeCount: optionalCountString, commentCount: optionalCountString })
    .optional(),
});
const videosSchema = z.object({ kind: z.literal('youtube#videoListResponse'), items: z.array(videoSchema) });

const threadSchema = z.object({
  id: z.string().min(1),
  snippet: z.object({
    videoId: z.string().min(1),
    totalReplyCount: z.number().int().nonnegative().nullish(),
    topLevelComment: z.object({
      id: z.string().min(1),
      snippet: z.object({
        textDisplay: z.string(),
        textOriginal: z.string().nullish(),
        authorDisplayName: z.string().nullish(),
        authorChannelId: z.object({ value: z.string() }).nullish(),
        likeCount: z.number().int().nonnegative().nullish(),
        publishedAt: isoDate,
      }),
    }),
  }),
});
const threadsSchema = z.object({
  kind: z.literal('youtube#commentThreadListResponse'),
  items: z.array(threadSchema),
  nextPageToken: z.string().nullish(),
});

/** Data API v3 `videos`: the same videos as the feed, now with like and comment counts and a full description. */
export function parseYoutubeVideos(body: string, requestUrl: string, kindOf: (channelId: string) => AuthorKind | null): SocialPost[] {
  return parseJsonBody('youtube', videosSchema, body, requestUrl).items.map((v) => ({
    platform: 'youtube',
    externalId: v.id,
    url: watchUrl(v.id),
    text: v.snippet.description.trim() || v.snippet.title.trim(),
    title: v.snippet.title.trim(),
    authorName: v.snippet.channelTitle || null,
    authorHandle: v.snippet.channelId,
    authorKind: kindOf(v.snippet.channelId),
    followers: null,
    publishedAt: v.snippet.publishedAt,
    likes: v.statistics?.likeCount ?? null,
    shares: null,
    replies: v.statistics?.commentCount ?? null,
    views: v.statistics?.viewCount ?? null,
    language: languageCode(v.snippet.defaultAudioLanguage ?? v.snippet.defaultLanguage),
  }));
}

/** Data API v3 `commentThreads`: each top-level comment is a post of its own, linked to its place under the video. */
export function parseYoutubeComments(body: string, requestUrl: string, kindOf: (channelId: string) => AuthorKind | null) {
  const page = parseJsonBody('youtube', threadsSchema, body, requestUrl);
  const posts: SocialPost[] = page.items.map((t) => {
    const c = t.snippet.topLevelComment;
    const name = c.snippet.authorDisplayName || null;
    const channelId = c.snippet.authorChannelId?.value ?? null;
    return {
      platform: 'youtube',
      externalId: c.id,
      url: watchUrl(t.snippet.videoId, c.id),
      text: c.snippet.textOriginal ? tidyText(c.snippet.textOriginal) : htmlToText(c.snippet.textDisplay),
      title: null,
      authorName: name,
      authorHandle: name?.startsWith('@') && !/\s/.test(name) ? name : channelId,
      authorKind: channelId ? kindOf(channelId) : null,
      followers: null,
      publishedAt: c.snippet.publishedAt,
      likes: c.snippet.likeCount ?? null,
      shares: null,
      replies: t.snippet.totalReplyCount ?? null,
      views: null,
      language: null,
    };
  });
  return { posts, nextPageToken: page.nextPageToken ?? null };
}
