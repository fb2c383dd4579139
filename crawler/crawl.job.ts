import { UnrecoverableError, type Job } from 'bullmq';
import type { Sql } from '../core/db.js';
import type { JobPayloads } from '../core/jobs.js';
import { runSourceCrawl, SourceConfigError } from './pipeline.js';
import type { CrawlContext, CrawlStats } from './sources/kind.js';
import { getSource, recordCrawlFailure, recordCrawlSuccess } from './sources.repo.js';

/** Crawls one source and writes the outcome back to its row; a failed crawl is retried by BullMQ with backoff. */
export async function runCrawlJob(sql: Sql, ctx: CrawlContext, job: Job<JobPayloads['crawlSource']>): Promise<CrawlStats | { skipped: string }> {
  const log = ctx.logger.child({ jobId: job.id, sourceId: job.data.sourceId });
  const source = await getSource(sql, job.data.sourceId);
  if (!source) throw new UnrecoverableError(`source ${job.data.sourceId} no longer exists`);
  if (!source.enabled && job.data.reason === 'schedule') return { skipped: 'source is paused' };
  try {
    const stats = await runSourceCrawl({ ...ctx, logger: log }, source);
    const failed = stats.failedPages;
    const warning = failed.length > 0 ? `${failed.length} page(s) failed, e.g. ${failed[0]?.url}: ${failed[0]?.reason}` : null;
    await recordCrawlSuccess(sql, source.id, stats.inserted, warning);
    log.info({ ...stats, failedPages: failed.length }, 'crawl finished');
    return stats;
  } catch (err) {
    const message = (err as Error).message;
    await recordCrawlFailure(sql, source.id, message);
    log.warn({ err: message, attempt: job.attemptsMade + 1 }, 'crawl failed');
    if (err instanceof SourceConfigError) throw new UnrecoverableError(message);
    throw err;
  }
}
