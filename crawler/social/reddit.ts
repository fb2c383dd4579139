import { z } from 'zod';
import { continueFrom, endpoint, orQuery, withParam } from './request.js';
import { decodeEntities, optionalCount, parseJsonBody } from './response.js';
import type { SocialImporter, SocialPost } from './types.js';

/** One subreddit: search for the topic's terms (OR-joined), or its newest posts when there are no terms or mode is 'new'. */
export const redditConfigSchema = z.object({
  subreddit: z
    .string()
    .transform((s) => s.replace(/^\/?r\//, ''))
    .pipe(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_]{1,20}$/, 'a subreddit name is 2-21 letters, digits or _')),
  mode: z.enum(['search', 'new']).default('search'),
  base: z.url().default('https://www.reddit.com'),
  limit: z.number().int().min(1).max(100).default(100),
});
export type RedditConfig = z.output<typeof redditConfigSchema>;

const linkSchema = z.object({
  id: z.string().min(1),
  name: z.string().startsWith('t3_'),
  permalink: z.string().startsWith('/'),
  title: z.string(),
  selftext: z.string().default(''),
  author: z.string(),
  created_utc: z.number(),
  ups: optionalCount,
  num_comments: optionalCount,
  num_crossposts: optionalCount,
  subreddit: z.string(),
});
const listingSchema = z.object({
  kind: z.literal('Listing'),
  data: z.object({
    after: z.string().nullish(),
    children: z.array(z.object({ kind: z.string(), data: z.unknown() })),
  }),
});
const childSchema = z.array(linkSchema);
type Link = z.output<typeof linkSchema>;

function toPost(link: Link, raw: boolean): SocialPost {
  const text = (s: string) => (raw ? s.trim() : decodeEntities(s));
  const deleted = link.author === '[deleted]';
  const body = ['[deleted]', '[removed]'].includes(link.selftext.trim()) ? '' : text(link.selftext);
  return {
    platform: 'reddit',
    externalId: link.name,
    url: new URL(link.permalink, 'https://www.reddit.com').toString(),
    text: body || text(link.title),
    title: text(link.title),
    authorName: deleted ? null : link.author,
    authorHandle: deleted ? null : `u/${link.author}`,
    authorKind: null,
    followers: null,
    publishedAt: new Date(link.created_utc * 1000),
    likes: link.ups,
    shares: link.num_crossposts,
    replies: link.num_comments,
    views: null,
    language: null,
  };
}

export const reddit: SocialImporter<RedditConfig> = {
  platform: 'reddit',
  configSchema: redditConfigSchema,
  buildRequests(cfg, ctx) {
    if (ctx.cursor) return continueFrom('reddit', ctx.cursor, [cfg.base]);
    const q = orQuery(ctx.terms);
    const common = { limit: cfg.limit, raw_json: 1 };
    const url =
      cfg.mode === 'search' && q
        ? endpoint(cfg.base, ['r', cfg.subreddit, 'search.json'], { q, restrict_sr: 1, sort: 'new', ...common })
        : endpoint(cfg.base, ['r', cfg.subreddit, 'new.json'], common);
    return [{ url }];
  },
  parse(body, _cfg, requestUrl) {
    const listing = parseJsonBody('reddit', listingSchema, body, requestUrl);
    const links = listing.data.children.filter((c) => c.kind === 't3').map((c) => c.data);
    const valid = childSchema.safeParse(links);
    if (!valid.success) {
      const issue = valid.error.issues[0]!;
      throw new Error(`Reddit: unexpected response shape from ${requestUrl}: data.children.${issue.path.join('.')}: ${issue.message}`);
    }
    const raw = new URL(requestUrl).searchParams.get('raw_json') === '1';
    const posts = valid.data.map((link) => toPost(link, raw));
    const after = listing.data.after;
    return after && posts.length > 0 ? { posts, nextCursor: withParam(requestUrl, 'after', after) } : { posts };
  },
};
