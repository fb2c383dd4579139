import { Redis } from 'ioredis';
import { loadConfig } from '../../core/config.js';
import type { Sql } from '../../core/db.js';
import { createLogger } from '../../core/logger.js';
import { openRuntime, type Runtime } from '../../core/runtime.js';
import { createCrawlContext } from '../../crawler/context.js';
import { clearPrefix, TEST_REDIS_URL, testQueuePrefix } from './redis.js';

/** Chromium resolves nothing but loopback: tests never touch the live web. */
export const OFFLINE_HOST_RULES = 'MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost';

/** The environment a Gaung process gets in tests: this file's database, the shared Redis, its own queue prefix. */
export function testEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: testQueuePrefix(),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // fixture sites live on 127.0.0.1; allow it past the SSRF guard, and do not wait between requests
    CRAWL_ALLOW_ADDRESSES: '127.0.0.1',
    CRAWL_DOMAIN_DELAY_MS: '0',
    CRAWL_DOMAIN_CONCURRENCY: '4',
    RENDER_HOST_RULES: OFFLINE_HOST_RULES,
    // Extraction on the main thread unless a test asks for threads (page-pool and crawl tests do): a thread per
    // context would load the models again in every test file.
    EXTRACT_THREADS: '0',
    ...extra,
  };
}

/** A real runtime (database, Redis, BullMQ queue) on the test database; close() also clears its Redis keys. */
export async function openTestRuntime(databaseUrl: string, extra: Record<string, string> = {}): Promise<Runtime> {
  const config = loadConfig(testEnv(databaseUrl, extra));
  const runtime = await openRuntime(config, createLogger(config.LOG_LEVEL));
  const close = runtime.close;
  runtime.close = async () => {
    await close();
    await clearPrefix(config.QUEUE_PREFIX);
  };
  return runtime;
}

/** A crawl context as a worker has it (Fetcher with SSRF guard, robots, Redis politeness) on the test database. */
export function openTestCrawlContext(sql: Sql, extra: Record<string, string> = {}) {
  const config = loadConfig(testEnv('postgres://unused@127.0.0.1/unused', extra));
  const redis = new Redis(TEST_REDIS_URL);
  const ctx = createCrawlContext({ sql, redis, logger: createLogger(config.LOG_LEVEL), config });
  return {
    ...ctx,
    async close() {
      await ctx.close();
      redis.disconnect();
      await clearPrefix(config.QUEUE_PREFIX);
    },
  };
}
