import { loadConfig } from '../../core/config.js';
import { createLogger } from '../../core/logger.js';
import { openRuntime, type Runtime } from '../../core/runtime.js';
import { clearPrefix, TEST_REDIS_URL, testQueuePrefix } from './redis.js';

/** The environment a Gaung process gets in tests: this file's database, the shared Redis, its own queue prefix. */
export function testEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: testQueuePrefix(),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
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
