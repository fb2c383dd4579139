import { UnrecoverableError, type Job } from 'bullmq';
import type { JobPayloads } from '../core/jobs.js';
import type { Sql } from '../core/db.js';
import type { Logger } from '../core/logger.js';
import { crawlRssSource, type CrawlStats } from './sources/rss.js';
import { getSource, recordCrawlFailure, recordCrawlSuccess } from './sources.repo.js';

export interface CrawlJobDeps {
  sql: Sql;
  logger: Logger;
  userAgent: string;
  maxArticles: number;
}

/** Crawls one source and writes the outcome back to its row; a failed crawl is retried by BullMQ with backoff. */
export async function runCrawlJob(deps: CrawlJobDeps, job: Job<JobPayloads['crawlSource']>): Promise<CrawlStats | { skipped: string }> {
  const log = deps.logger.child({ jobId: job.id, sourceId: job.data.sourceId });
  const source = await getSource(deps.sql, job.data.sourceId);
  if (!source) throw new UnrecoverableError(`source ${job.data.sourceId} no longer exists`);
  if (!source.enabled && job.data.reason === 'schedule') return { skipped: 'source is paused' };
  try {
    const stats = await crawlRssSource({ ...deps, logger: log }, source);
    const warning = stats.failedPages.length > 0 ? `${stats.failedPages.length} page(s) failed: ${stats.failedPages[0]?.reason}` : null;
    await recordCrawlSuccess(deps.sql, source.id, stats.inserted, warning);
    log.info({ ...stats, failedPages: stats.failedPages.length }, 'crawl finished');
    return stats;
  } catch (err) {
    const message = (err as Error).message;
    await recordCrawlFailure(deps.sql, source.id, message);
    log.warn({ err: message, attempt: job.attemptsMade + 1 }, 'crawl failed');
    throw err;
  }
}
