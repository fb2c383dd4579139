import fs from 'node:fs';
import type { Redis } from 'ioredis';
import { adaptationProvider } from '../core/adaptation.js';
import type { Config } from '../core/config.js';
import type { Sql } from '../core/db.js';
import type { Logger } from '../core/logger.js';
import { createPagePool } from './extract/pool.js';
import { createFetcher, databaseValidatorCache } from './fetch/fetcher.js';
import type { CrawlContext } from './sources/kind.js';
import { socialSecretHosts, socialSecrets } from './sources/social.js';
import { collectingStore, databaseStore } from './store.js';

/** The crawl context a worker process (or the preview command) shares across its jobs, from the settings. */
export function createCrawlContext(deps: { sql: Sql | null; redis: Redis; logger: Logger; config: Config }): CrawlContext & { close(): Promise<void> } {
  const { config } = deps;
  const fetcher = createFetcher({
    cache: deps.sql ? databaseValidatorCache(deps.sql) : null,
    redis: deps.redis,
    prefix: config.QUEUE_PREFIX,
    settings: {
      userAgent: config.USER_AGENT,
      allowAddresses: config.CRAWL_ALLOW_ADDRESSES,
      maxBytes: config.CRAWL_MAX_BYTES,
      timeoutMs: config.CRAWL_TIMEOUT_MS,
      domainDelayMs: config.CRAWL_DOMAIN_DELAY_MS,
      domainConcurrency: config.CRAWL_DOMAIN_CONCURRENCY,
      retries: config.CRAWL_RETRIES,
    },
  });
  // Pages stored in the database are scored with the deployment's adaptation learned from its corrections.
  const adaptation = deps.sql ? adaptationProvider(deps.sql, { logger: deps.logger }) : null;
  const pages = createPagePool({ threads: config.EXTRACT_THREADS, timeoutMs: config.EXTRACT_TIMEOUT_MS, adaptation: adaptation ? () => adaptation.current() : undefined });
  return {
    store: deps.sql ? databaseStore(deps.sql) : collectingStore(),
    pages,
    logger: deps.logger,
    fetcher,
    maxArticles: config.CRAWL_MAX_ARTICLES,
    secrets: socialSecrets(),
    secretHosts: socialSecretHosts(),
    concurrency: Math.max(2, config.CRAWL_DOMAIN_CONCURRENCY),
    render: chromiumAvailable(config.CHROMIUM_PATH)
      ? {
          executablePath: config.CHROMIUM_PATH,
          userAgent: config.USER_AGENT,
          timeoutMs: config.CRAWL_TIMEOUT_MS,
          concurrency: config.RENDER_CONCURRENCY,
          pagesPerBrowser: config.RENDER_PAGES_PER_BROWSER,
          hostResolverRules: config.RENDER_HOST_RULES,
        }
      : null,
    close: async () => {
      await fetcher.close();
      await pages.close();
    },
  };
}

/** CHROMIUM_PATH=off turns rendering off; a path that is not there does too, and pages that need it fail with a reason. */
function chromiumAvailable(path: string): boolean {
  return path !== 'off' && fs.existsSync(path);
}
