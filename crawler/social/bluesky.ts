import { z } from 'zod';
import { bearer, continueFrom, distinctTerms, endpoint, quoteTerm, withParam } from './request.js';
import { decodeEntities, isGovernmentHost, isoDate, languageCode, optionalCount, parseJsonBody } from './response.js';
import type { AuthorKind, SocialImporter, SocialPost } from './types.js';

/** Bluesky post search through the AppView, one search per term (the query syntax has no OR). */
export const blueskyConfigSchema = z.object({
  api: z.url().default('https://public.api.bsky.app'),
  limit: z.number().int().min(1).max(100).default(100),
  sort: z.enum(['latest', 'top']).default('latest'),
  /** Only posts in this language (BCP-47), e.g. 'id'. */
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/).optional(),
});
export type BlueskyConfig = z.output<typeof blueskyConfigSchema>;

const postSchema = z.object({
  uri: z.string().regex(/^at:\/\/[^/]+\/app\.bsky\.feed\.post\/[^/]+$/, 'expected an at:// post URI'),
  author: z.object({
    did: z.string().startsWith('did:'),
    handle: z.string().min(1),
    displayName: z.string().nullish(),
    verification: z.object({ verifiedStatus: z.string() }).nullish(),
  }),
  record: z.object({ text: z.string(), createdAt: isoDate, langs: z.array(z.string()).nullish() }),
  likeCount: optionalCount,
  repostCount: optionalCount,
  replyCount: optionalCount,
  quoteCount: optionalCount,
});
const searchSchema = z.object({ posts: z.array(postSchema), cursor: z.string().nullish() });
type PostView = z.output<typeof postSchema>;

/** A handle on a government domain is a domain the account proved it controls; 'valid' is Bluesky's blue check. */
function authorKind(author: PostView['author']): AuthorKind | null {
  if (isGovernmentHost(author.handle)) return 'official';
  if (author.verification?.verifiedStatus === 'valid') return 'verified';
  return null;
}

function toPost(p: PostView): SocialPost {
  const rkey = p.uri.split('/').at(-1)!;
  const profile = p.author.handle === 'handle.invalid' ? p.author.did : p.author.handle;
  const reposts = p.repostCount;
  return {
    platform: 'bluesky',
    externalId: p.uri,
    url: endpoint('https://bsky.app', ['profile', profile, 'post', rkey]),
    text: decodeEntities(p.record.text),
    title: null,
    authorName: p.author.displayName || null,
    authorHandle: `@${profile}`,
    authorKind: authorKind(p.author),
    followers: null,
    publishedAt: p.record.createdAt,
    likes: p.likeCount,
    // Quotes are shares with a comment, so they count with reposts.
    shares: reposts === null && p.quoteCount === null ? null : (reposts ?? 0) + (p.quoteCount ?? 0),
    replies: p.replyCount,
    views: null,
    language: languageCode(p.record.langs?.[0]),
  };
}

export const bluesky: SocialImporter<BlueskyConfig> = {
  platform: 'bluesky',
  configSchema: blueskyConfigSchema,
  buildRequests(cfg, ctx) {
    const headers = bearer(ctx.secrets.BLUESKY_ACCESS_TOKEN);
    if (ctx.cursor) return continueFrom('bluesky', ctx.cursor, [cfg.api], headers);
    return distinctTerms(ctx.terms).map((term) => {
      const url = endpoint(cfg.api, ['xrpc', 'app.bsky.feed.searchPosts'], { q: quoteTerm(term), sort: cfg.sort, lang: cfg.lang, limit: cfg.limit });
      return headers ? { url, headers } : { url };
    });
  },
  parse(body, _cfg, requestUrl) {
    const page = parseJsonBody('bluesky', searchSchema, body, requestUrl);
    const posts = page.posts.map(toPost);
    return page.cursor && posts.length > 0 ? { posts, nextCursor: withParam(requestUrl, 'cursor', page.cursor) } : { posts };
  },
};
