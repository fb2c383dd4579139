import type { Queue } from 'bullmq';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db.js';
import { createQueue, JOBS } from './jobs.js';
import type { Logger } from './logger.js';
import { migrate } from './migrate.js';
import { openRedis, type RedisHandle } from './redis.js';

/** What every Gaung process holds: the database, Redis and the job queues, opened and migrated. */
export interface Runtime {
  config: Config;
  logger: Logger;
  db: Database;
  redis: RedisHandle;
  crawlQueue: Queue;
  /** Re-analysis of stored mentions after the lexicons or weights change. */
  analysisQueue: Queue;
  /** Background exports of mentions as CSV or XLSX (the `export` worker). */
  exportQueue: Queue;
  close(): Promise<void>;
}

export async function openRuntime(config: Config, logger: Logger): Promise<Runtime> {
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, logger });
  let redis: RedisHandle;
  try {
    await migrate(db.sql, logger);
    redis = await openRedis({ redisUrl: config.REDIS_URL, dataDir: config.DATA_DIR, logger });
  } catch (err) {
    await db.close();
    throw err;
  }
  const crawlQueue = createQueue(JOBS.crawlSource.queue, redis.redis, config.QUEUE_PREFIX);
  const analysisQueue = createQueue(JOBS.reanalyzeMentions.queue, redis.redis, config.QUEUE_PREFIX);
  const exportQueue = createQueue(JOBS.exportMentions.queue, redis.redis, config.QUEUE_PREFIX);
  return {
    config,
    logger,
    db,
    redis,
    crawlQueue,
    analysisQueue,
    exportQueue,
    async close() {
      await crawlQueue.close();
      await analysisQueue.close();
      await exportQueue.close();
      await redis.close();
      await db.close();
    },
  };
}

/** Closes the runtime on SIGTERM/SIGINT after `beforeClose` (stop taking work first), then exits. */
export function closeOnSignals(runtime: Runtime, beforeClose: () => Promise<void>): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    runtime.logger.info({ signal }, 'shutting down');
    try {
      await beforeClose();
      await runtime.close();
      process.exit(0);
    } catch (err) {
      runtime.logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
