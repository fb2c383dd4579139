import { z } from 'zod';
import { bearer, continueFrom, distinctTerms, endpoint, quoteTerm, withParam } from './request.js';
import { htmlToText, isGovernmentHost, isoDate, languageCode, optionalCount, parseJsonBody } from './response.js';
import type { AuthorKind, SocialImporter, SocialPost } from './types.js';

/** Mastodon (any instance): a hashtag timeline and/or public status search, one search per term. */
export const mastodonConfigSchema = z.object({
  instance: z.url(),
  hashtag: z
    .string()
    .regex(/^#?[\p{L}\p{N}_]+$/u, 'a hashtag is letters, digits and _')
    .transform((t) => t.replace(/^#/, ''))
    .optional(),
  /** Also search statuses for the topic's terms (most instances need MASTODON_ACCESS_TOKEN for this). */
  search: z.boolean().default(true),
  limit: z.number().int().min(1).max(40).default(40),
});
export type MastodonConfig = z.output<typeof mastodonConfigSchema>;

const fieldSchema = z.object({ name: z.string(), value: z.string(), verified_at: z.string().nullish() });
const accountSchema = z.object({
  acct: z.string().min(1),
  url: z.string().nullish(),
  display_name: z.string().nullish(),
  followers_count: optionalCount,
  bot: z.boolean().nullish(),
  group: z.boolean().nullish(),
  fields: z.array(fieldSchema).nullish(),
});
const statusSchema = z.object({
  id: z.string().min(1),
  uri: z.string(),
  url: z.string().nullish(),
  created_at: isoDate,
  content: z.string(),
  reblog: z.unknown().nullish(),
  account: accountSchema,
  favourites_count: optionalCount,
  reblogs_count: optionalCount,
  replies_count: optionalCount,
  language: z.string().nullish(),
});
const timelineSchema = z.array(statusSchema);
const searchSchema = z.object({ statuses: z.array(statusSchema) });
type Status = z.output<typeof statusSchema>;
type Account = z.output<typeof accountSchema>;

/** The platform's own signals: a link verified on a government domain; a group or automated (bot) account. */
function accountKind(account: Account): AuthorKind | null {
  const verifiedHosts = (account.fields ?? [])
    .filter((f) => f.verified_at)
    .map((f) => /href="([^"]+)"/.exec(f.value)?.[1])
    .flatMap((href) => (href && URL.canParse(href) ? [new URL(href).hostname] : []));
  if (verifiedHosts.some(isGovernmentHost)) return 'official';
  if (account.group || account.bot) return 'organization';
  return null;
}

function toPost(s: Status, instance: string): SocialPost {
  const a = s.account;
  const home = a.url && URL.canParse(a.url) ? new URL(a.url).host : new URL(instance).host;
  return {
    platform: 'mastodon',
    externalId: s.uri,
    url: s.url ?? s.uri,
    text: htmlToText(s.content),
    title: null,
    authorName: a.display_name || null,
    authorHandle: a.acct.includes('@') ? `@${a.acct}` : `@${a.acct}@${home}`,
    authorKind: accountKind(a),
    followers: a.followers_count,
    publishedAt: s.created_at,
    likes: s.favourites_count,
    shares: s.reblogs_count,
    replies: s.replies_count,
    views: null,
    language: languageCode(s.language),
  };
}

export const mastodon: SocialImporter<MastodonConfig> = {
  platform: 'mastodon',
  configSchema: mastodonConfigSchema,
  buildRequests(cfg, ctx) {
    const headers = bearer(ctx.secrets.MASTODON_ACCESS_TOKEN);
    if (ctx.cursor) return continueFrom('mastodon', ctx.cursor, [cfg.instance], headers);
    const urls: string[] = [];
    if (cfg.hashtag) urls.push(endpoint(cfg.instance, ['api', 'v1', 'timelines', 'tag', cfg.hashtag], { limit: cfg.limit }));
    if (cfg.search) {
      for (const term of distinctTerms(ctx.terms)) {
        urls.push(endpoint(cfg.instance, ['api', 'v2', 'search'], { q: quoteTerm(term), type: 'statuses', limit: cfg.limit }));
      }
    }
    return urls.map((url) => (headers ? { url, headers } : { url }));
  },
  parse(body, cfg, requestUrl) {
    const isSearch = new URL(requestUrl).pathname.endsWith('/api/v2/search');
    const statuses = isSearch
      ? parseJsonBody('mastodon', searchSchema, body, requestUrl).statuses
      : parseJsonBody('mastodon', timelineSchema, body, requestUrl);
    // Boosts carry someone else's post; its own entry (in this page or another) is the one to keep.
    const posts = statuses.filter((s) => !s.reblog).map((s) => toPost(s, cfg.instance));
    const limit = Number(new URL(requestUrl).searchParams.get('limit') ?? 20);
    const last = statuses.at(-1);
    return last && statuses.length >= limit ? { posts, nextCursor: withParam(requestUrl, 'max_id', last.id) } : { posts };
  },
};
