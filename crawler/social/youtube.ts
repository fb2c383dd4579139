import { z } from 'zod';
import { continueFrom, endpoint, withParam } from './request.js';
import { parseYoutubeComments, parseYoutubeVideos } from './youtube-api.js';
import { parseYoutubeFeed } from './youtube-feed.js';
import { AUTHOR_KINDS, type AuthorKind, type SocialImporter } from './types.js';

/**
 * One YouTube channel: its Atom feed always; with YOUTUBE_API_KEY, a follow-up round through the Data API v3
 * for like/comment counts (`videos`) and the newest comments of the latest videos (`commentThreads`).
 */
export const youtubeConfigSchema = z.object({
  channelId: z.string().regex(/^UC[\w-]{22}$/, 'a channel id is UC followed by 22 characters'),
  feedBase: z.url().default('https://www.youtube.com'),
  apiBase: z.url().default('https://www.googleapis.com/youtube/v3'),
  /** How many of the latest videos to read comments from (0: none). */
  commentVideos: z.number().int().min(0).max(15).default(5),
  /** What the channel itself is, as the person adding the source knows it. */
  authorKind: z.enum(AUTHOR_KINDS).optional(),
});
export type YoutubeConfig = z.output<typeof youtubeConfigSchema>;

/** The API key travels as a header, so it never ends up in a logged URL or a stored cursor. */
const apiHeaders = (key: string) => ({ 'x-goog-api-key': key });

export const youtube: SocialImporter<YoutubeConfig> = {
  platform: 'youtube',
  configSchema: youtubeConfigSchema,
  buildRequests(cfg, ctx) {
    const key = ctx.secrets.YOUTUBE_API_KEY;
    if (ctx.cursor) return continueFrom('youtube', ctx.cursor, [cfg.apiBase], key ? apiHeaders(key) : undefined);
    return [{ url: endpoint(cfg.feedBase, ['feeds', 'videos.xml'], { channel_id: cfg.channelId }) }];
  },
  followUp(posts, cfg, ctx) {
    const key = ctx.secrets.YOUTUBE_API_KEY;
    if (!key) return [];
    const videoIds = [...new Set(posts.filter((p) => p.title !== null).map((p) => p.externalId))].slice(0, 50);
    if (videoIds.length === 0) return [];
    const headers = apiHeaders(key);
    const videos = { url: endpoint(cfg.apiBase, ['videos'], { part: 'statistics,snippet', id: videoIds.join(',') }), headers };
    const comments = videoIds.slice(0, cfg.commentVideos).map((videoId) => ({
      url: endpoint(cfg.apiBase, ['commentThreads'], { part: 'snippet', videoId, order: 'time', maxResults: 100 }),
      headers,
    }));
    return [videos, ...comments];
  },
  parse(body, cfg, requestUrl) {
    const kindOf = (channelId: string): AuthorKind | null => (channelId === cfg.channelId ? (cfg.authorKind ?? null) : null);
    const path = new URL(requestUrl).pathname;
    if (path.endsWith('/feeds/videos.xml')) return { posts: parseYoutubeFeed(body, requestUrl, cfg.authorKind ?? null) };
    if (path.endsWith('/videos')) return { posts: parseYoutubeVideos(body, requestUrl, kindOf) };
    if (path.endsWith('/commentThreads')) {
      const { posts, nextPageToken } = parseYoutubeComments(body, requestUrl, kindOf);
      return nextPageToken ? { posts, nextCursor: withParam(requestUrl, 'pageToken', nextPageToken) } : { posts };
    }
    throw new Error(`YouTube: no parser for ${requestUrl} (expected the channel feed, videos or commentThreads)`);
  },
};
