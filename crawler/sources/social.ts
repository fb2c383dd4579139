import { decodeHtml } from '../extract/charset.js';
import { titleFromText } from '../extract/title.js';
import { NonRetryableError } from 'crawlee';
import type { SocialSourceKind } from '../../core/source-kinds.js';
import { socialImporterFor, type SocialContext, type SocialPost, type SocialRequest } from '../social/index.js';
import type { CrawlContext, PageContext, SourceKindModule } from './kind.js';

export const SOCIAL_ACCEPT = 'application/json, application/atom+xml;q=0.9, text/html;q=0.8';

/** Secrets the importers may use; each platform works without its key where its public endpoint allows. */
export function socialSecrets(env: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  const pick = ['X_BEARER_TOKEN', 'YOUTUBE_API_KEY', 'MASTODON_ACCESS_TOKEN', 'BLUESKY_ACCESS_TOKEN'] as const;
  return Object.fromEntries(pick.map((k) => [k, env[k] || undefined]));
}

/** SOCIAL_SECRET_HOSTS: more hosts (host or host:port, comma-separated) that may receive the platforms' secrets. */
export function socialSecretHosts(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.SOCIAL_SECRET_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
}

/**
 * The hosts of each platform's own API, the only ones its secret is sent to (with those in SOCIAL_SECRET_HOSTS).
 * A source's config names where its API is (`apiBase`, `api`, `instance`), and an analyst writes the config: a
 * source pointing X's API at another server would otherwise hand it the deployment's bearer token. Mastodon has
 * no one host: its token goes only to the instance an admin names in SOCIAL_SECRET_HOSTS.
 */
export const PLATFORM_SECRET_HOSTS: Record<SocialSourceKind, readonly string[]> = {
  x: ['api.x.com', 'api.twitter.com'],
  youtube: ['www.googleapis.com', 'youtube.googleapis.com'],
  bluesky: ['bsky.social', 'api.bsky.app', 'public.api.bsky.app'],
  mastodon: [],
  reddit: [],
  telegram: [],
};

/** The requests, with their credentials only where they go to a host their platform's secret belongs to. */
function withSecretsBound(platform: SocialSourceKind, reqs: SocialRequest[], ctx: CrawlContext): SocialRequest[] {
  const allowed = new Set([...PLATFORM_SECRET_HOSTS[platform], ...ctx.secretHosts]);
  return reqs.map((r) => {
    if (!r.headers || Object.keys(r.headers).length === 0) return r;
    const url = new URL(r.url);
    if (allowed.has(url.hostname) || allowed.has(url.host)) return r;
    ctx.logger.warn({ platform, host: url.host }, "platform credentials withheld: the source points the platform's API at a host they do not belong to (see SOCIAL_SECRET_HOSTS)");
    return { ...r, headers: undefined };
  });
}

async function socialContext(ctx: CrawlContext): Promise<SocialContext> {
  const terms = [...new Set((await ctx.store.topicTerms()).flatMap((t) => t.terms))];
  return { terms, secrets: ctx.secrets };
}

const toRequests = (platform: SocialSourceKind, reqs: SocialRequest[], ctx: CrawlContext) =>
  withSecretsBound(platform, reqs, ctx).map((r) => ({ url: r.url, label: 'social', userData: { headers: r.headers ?? {} } }));

/** Stores each post as a social mention: new ones inserted, known ones get their engagement updated. */
async function storePosts(pc: PageContext<unknown>, posts: SocialPost[]): Promise<void> {
  pc.stats.discovered += posts.length;
  for (const post of posts) {
    await pc.ingest({
      url: post.url,
      sourceId: pc.source.id,
      kind: 'social',
      title: post.title ?? titleFromText(post.text),
      body: post.text,
      author: post.authorName,
      publishedAt: post.publishedAt,
      language: post.language,
      views: post.views,
      social: {
        platform: post.platform,
        externalId: post.externalId,
        authorHandle: post.authorHandle,
        authorKind: post.authorKind,
        followers: post.followers,
        likes: post.likes,
        shares: post.shares,
        replies: post.replies,
      },
    });
  }
}

/** A social platform as a source kind: the importer builds the API requests, the pipeline fetches them politely. */
export function socialKind(platform: SocialSourceKind): SourceKindModule<unknown> {
  const importer = socialImporterFor(platform);
  return {
    configSchema: importer.configSchema,
    seeds: async (_source, config, ctx) => toRequests(platform, importer.buildRequests(config, await socialContext(ctx)), ctx),
    handlers: {
      social: async (pc) => {
        let page;
        try {
          page = importer.parse(decodeHtml(pc.page.body, pc.page.contentType), pc.config, pc.url);
        } catch (err) {
          throw new NonRetryableError((err as Error).message);
        }
        await storePosts(pc, page.posts);
        if (importer.followUp && page.posts.length > 0) {
          await pc.enqueue(toRequests(platform, importer.followUp(page.posts, pc.config, await socialContext(pc.ctx)), pc.ctx));
        }
      },
    },
    accept: { social: SOCIAL_ACCEPT },
  };
}
