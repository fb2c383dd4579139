import { z } from 'zod';
import { bearer, continueFrom, endpoint, orQuery, withParam } from './request.js';
import { decodeEntities, isoDate, languageCode, optionalCount, parseJsonBody } from './response.js';
import type { AuthorKind, SocialImporter, SocialPost } from './types.js';

/** X API v2 recent search (last 7 days); only with X_BEARER_TOKEN, since X has no unauthenticated read. */
export const xConfigSchema = z.object({
  apiBase: z.url().default('https://api.x.com'),
  maxResults: z.number().int().min(10).max(100).default(100),
  /** Leave out retweets, which repeat someone else's post. */
  excludeRetweets: z.boolean().default(true),
  /** Only posts X classifies in this language ('id'; X's own code for Indonesian is 'in'). */
  lang: z.string().regex(/^[a-z]{2,3}$/).optional(),
});
export type XConfig = z.output<typeof xConfigSchema>;

const MAX_QUERY_LENGTH = 512;

const tweetSchema = z.object({
  id: z.string().regex(/^\d+$/),
  text: z.string(),
  created_at: isoDate,
  author_id: z.string(),
  lang: z.string().nullish(),
  public_metrics: z
    .object({ retweet_count: optionalCount, reply_count: optionalCount, like_count: optionalCount, quote_count: optionalCount, impression_count: optionalCount })
    .optional(),
});
const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string().nullish(),
  verified: z.boolean().nullish(),
  verified_type: z.string().nullish(),
  public_metrics: z.object({ followers_count: optionalCount }).optional(),
});
const searchSchema = z.object({
  data: z.array(tweetSchema).default([]),
  includes: z.object({ users: z.array(userSchema).default([]) }).default({ users: [] }),
  meta: z.object({ result_count: z.number().int(), next_token: z.string().nullish() }),
});
type User = z.output<typeof userSchema>;

/** X's labels: government (grey check) → official, business (gold check) → organization, blue → verified. */
function userKind(user: User | undefined): AuthorKind | null {
  if (!user) return null;
  if (user.verified_type === 'government') return 'official';
  if (user.verified_type === 'business') return 'organization';
  if (user.verified_type === 'blue' || user.verified) return 'verified';
  return null;
}

function toLang(lang: string | undefined): string | undefined {
  return lang === 'id' ? 'in' : lang;
}

export const x: SocialImporter<XConfig> = {
  platform: 'x',
  configSchema: xConfigSchema,
  buildRequests(cfg, ctx) {
    const headers = bearer(ctx.secrets.X_BEARER_TOKEN);
    if (!headers) return [];
    if (ctx.cursor) return continueFrom('x', ctx.cursor, [cfg.apiBase], headers);
    const terms = orQuery(ctx.terms);
    if (!terms) return [];
    const lang = toLang(cfg.lang);
    const query = [`(${terms})`, cfg.excludeRetweets ? '-is:retweet' : '', lang ? `lang:${lang}` : ''].filter(Boolean).join(' ');
    if (query.length > MAX_QUERY_LENGTH) throw new Error(`X: the search query is ${query.length} characters, over the API's ${MAX_QUERY_LENGTH}; use fewer terms`);
    const url = endpoint(cfg.apiBase, ['2', 'tweets', 'search', 'recent'], {
      query,
      max_results: cfg.maxResults,
      'tweet.fields': 'created_at,public_metrics,lang,author_id',
      expansions: 'author_id',
      'user.fields': 'username,name,verified,verified_type,public_metrics',
    });
    return [{ url, headers }];
  },
  parse(body, _cfg, requestUrl) {
    const page = parseJsonBody('x', searchSchema, body, requestUrl);
    const users = new Map(page.includes.users.map((u) => [u.id, u]));
    const posts = page.data.map((t): SocialPost => {
      const user = users.get(t.author_id);
      const m = t.public_metrics;
      const shares = m && (m.retweet_count !== null || m.quote_count !== null) ? (m.retweet_count ?? 0) + (m.quote_count ?? 0) : null;
      return {
        platform: 'x',
        externalId: t.id,
        url: user ? endpoint('https://x.com', [user.username, 'status', t.id]) : endpoint('https://x.com', ['i', 'web', 'status', t.id]),
        text: decodeEntities(t.text),
        title: null,
        authorName: user?.name || null,
        authorHandle: user ? `@${user.username}` : null,
        authorKind: userKind(user),
        followers: user?.public_metrics?.followers_count ?? null,
        publishedAt: t.created_at,
        likes: m?.like_count ?? null,
        shares,
        replies: m?.reply_count ?? null,
        views: m?.impression_count ?? null,
        language: languageCode(t.lang),
      };
    });
    const next = page.meta.next_token;
    return next && posts.length > 0 ? { posts, nextCursor: withParam(requestUrl, 'next_token', next) } : { posts };
  },
};
