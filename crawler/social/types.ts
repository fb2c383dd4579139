import type { z } from 'zod';

/** What kind of account posted, as far as the platform itself says (verified badge, government label, bot/group flag). */
export const AUTHOR_KINDS = ['official', 'organization', 'verified', 'media', 'individual'] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

export const SOCIAL_PLATFORMS = ['mastodon', 'bluesky', 'reddit', 'telegram', 'youtube', 'x'] as const;
export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number];

/** One public post as read from a platform's response, before ingest gives it an id. */
export interface SocialPost {
  platform: SocialPlatform;
  /** The platform's id for the post. */
  externalId: string;
  /** Canonical public URL of the post, always on the platform's own host. */
  url: string;
  /** Plain text: HTML stripped, entities decoded. */
  text: string;
  /** Reddit and YouTube titles; null otherwise. */
  title: string | null;
  authorName: string | null;
  /** e.g. '@humas@mastodon.example', 'u/...', '@channel'. */
  authorHandle: string | null;
  /** Only when the platform says so (or the source's settings do, for single-channel sources); else null. */
  authorKind: AuthorKind | null;
  followers: number | null;
  publishedAt: Date;
  likes: number | null;
  shares: number | null;
  replies: number | null;
  views: number | null;
  language: string | null;
}

export interface SocialRequest {
  url: string;
  headers?: Record<string, string>;
}

export interface SocialContext {
  /** The topic's keyword phrases, lower-case. */
  terms: string[];
  secrets: Record<string, string | undefined>;
  /**
   * A `nextCursor` from an earlier parse. Cursors are the next page's full request URL, so one importer
   * with several requests (one per term) still continues exactly the request that returned the cursor;
   * buildRequests then returns that one request, refusing a cursor outside the source's configured base.
   */
  cursor?: string;
}

export interface SocialPage {
  posts: SocialPost[];
  nextCursor?: string;
}

export interface SocialImporter<Cfg> {
  platform: SocialPlatform;
  /** Per-source settings (instance URL, hashtag, subreddit, channel, api base ...). */
  configSchema: z.ZodType<Cfg>;
  buildRequests(cfg: Cfg, ctx: SocialContext): SocialRequest[];
  /** Throws an Error naming the platform and what was wrong when the body is not the expected shape. */
  parse(body: string, cfg: Cfg, requestUrl: string): SocialPage;
  /**
   * Requests that can only be built from a first round's posts, fetched and parsed the same way
   * (YouTube: Data API statistics and comments for the videos found in the channel feed).
   */
  followUp?(posts: SocialPost[], cfg: Cfg, ctx: SocialContext): SocialRequest[];
}
