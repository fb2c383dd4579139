import type { z } from 'zod';
import type { Logger } from '../../core/logger.js';
import type { MentionInput, Source } from '../../core/types.js';
import type { PagePool } from '../extract/pool.js';
import type { Fetcher } from '../fetch/fetcher.js';
import type { FetchResult } from '../fetch/http.js';
import type { RenderSettings } from '../render/render.js';
import type { MentionStore } from '../store.js';

/** The small interface every source kind implements: where a crawl starts, and what to do with each fetched page. */
export interface CrawlContext {
  /** Where mentions go: the database, or the preview's collector. */
  store: MentionStore;
  logger: Logger;
  fetcher: Fetcher;
  /** Extraction and text preparation, in worker threads. */
  pages: PagePool;
  maxArticles: number;
  concurrency: number;
  /** API keys and tokens for social platforms, from the environment only. */
  secrets: Record<string, string | undefined>;
  /**
   * Hosts besides each platform's own API hosts that may receive its secrets (SOCIAL_SECRET_HOSTS, set by an
   * admin: the Mastodon instance a token belongs to, a proxy in front of an API). See socialKind.
   */
  secretHosts: string[];
  /** Browser rendering settings; null where no Chromium is configured. */
  render: Omit<RenderSettings, 'policy'> | null;
}

export interface CrawlRequestSpec {
  url: string;
  label: string;
  userData?: Record<string, unknown>;
}

export interface CrawlStats {
  /** Article URLs the feed, sitemap, listing or search offered. */
  discovered: number;
  alreadyStored: number;
  fetched: number;
  inserted: number;
  matched: number;
  notModified: number;
  rendered: number;
  /** Article pages waiting for the browser: their static HTML had no article, or the source is always rendered. */
  toRender: { url: string; userData: Record<string, unknown> }[];
  /** Pages that could not be fetched or had no article text; one bad page never fails the source. */
  failedPages: { url: string; reason: string }[];
}

export interface PageContext<C> {
  ctx: CrawlContext;
  source: Source;
  config: C;
  url: string;
  userData: Record<string, unknown>;
  page: FetchResult;
  stats: CrawlStats;
  enqueue(requests: CrawlRequestSpec[]): Promise<void>;
  /** Hands a mention to the store without waiting for it to be written; see trackIngests. */
  ingest(input: MentionInput): Promise<void>;
  /**
   * Runs a fetched page's CPU work (extraction, analysis, ingest) without holding the crawl's slot, so the next
   * fetch starts meanwhile; a failure there fails the page with its reason. The crawl waits for it before it ends.
   */
  defer(url: string, work: () => Promise<void>): Promise<void>;
}

export interface SourceKindModule<C> {
  configSchema: z.ZodType<C>;
  seeds(source: Source, config: C, ctx: CrawlContext): Promise<CrawlRequestSpec[]>;
  /** Handlers by request label; the `article` label is handled in common by the pipeline. */
  handlers: Record<string, (pc: PageContext<C>) => Promise<void>>;
  /** Accept header per label (feeds ask for XML). */
  accept?: Record<string, string>;
}
