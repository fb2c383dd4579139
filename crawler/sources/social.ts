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

async function socialContext(ctx: CrawlContext): Promise<SocialContext> {
  const terms = [...new Set((await ctx.store.topicTerms()).flatMap((t) => t.terms))];
  return { terms, secrets: ctx.secrets };
}

const toRequests = (reqs: SocialRequest[]) => reqs.map((r) => ({ url: r.url, label: 'social', userData: { headers: r.headers ?? {} } }));

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
    seeds: async (_source, config, ctx) => toRequests(importer.buildRequests(config, await socialContext(ctx))),
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
          await pc.enqueue(toRequests(importer.followUp(page.posts, pc.config, await socialContext(pc.ctx))));
        }
      },
    },
    accept: { social: SOCIAL_ACCEPT },
  };
}
