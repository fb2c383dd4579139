import { urlPatternProblem } from './url-pattern.js';
import { z } from 'zod';

/**
 * Source kinds and the settings each one takes in `sources.config`. Shared by the API (validation)
 * and the crawler (one module per kind under crawler/sources/).
 */
/** A URL pattern an analyst writes (core/url-pattern.ts: run on RE2, so no lookaround or backreferences). */
const regexString = z
  .string()
  .min(1)
  .max(300)
  .superRefine((s, ctx) => {
    const problem = urlPatternProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const SOURCE_CONFIG_SCHEMAS = {
  /** An RSS 2.0, RSS 1.0 (RDF) or Atom feed; each linked article is fetched. */
  rss: z.object({}).strict(),
  /** An XML sitemap, sitemap index or news sitemap (optionally gzipped). */
  sitemap: z
    .object({
      urlPattern: regexString.optional(),
      maxAgeDays: z.number().int().min(1).max(365).default(7),
      maxSitemaps: z.number().int().min(1).max(100).default(20),
    })
    .strict(),
  /** An index page whose article links match `articlePattern`; pagination is followed up to `maxPages`. */
  listing: z
    .object({
      articlePattern: regexString,
      maxPages: z.number().int().min(1).max(20).default(3),
      nextSelector: z.string().max(200).optional(),
    })
    .strict(),
  /** One article URL. */
  page: z.object({}).strict(),
  /** A news-search RSS URL with `{query}` where each topic's keywords go. */
  search: z.object({}).strict(),
} as const;

export type NewsSourceKind = keyof typeof SOURCE_CONFIG_SCHEMAS;
export const NEWS_SOURCE_KINDS = Object.keys(SOURCE_CONFIG_SCHEMAS) as NewsSourceKind[];

/** Public social platforms, each read through its own importer (crawler/social/); settings are the importer's. */
export const SOCIAL_SOURCE_KINDS = ['mastodon', 'bluesky', 'reddit', 'telegram', 'youtube', 'x'] as const;
export type SocialSourceKind = (typeof SOCIAL_SOURCE_KINDS)[number];
export type SourceConfig<K extends NewsSourceKind> = z.infer<(typeof SOURCE_CONFIG_SCHEMAS)[K]>;
