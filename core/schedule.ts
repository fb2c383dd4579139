import type { JobsOptions, Queue } from 'bullmq';
import { JOBS, crawlSchedulerId, manualCrawlJobId, type JobPayloads } from './jobs.js';
import type { Source } from './types.js';

/** Retries with backoff for a crawl that failed as a whole; finished jobs are kept a while for the health view. */
export const CRAWL_JOB_OPTS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
};

/** Makes the source's BullMQ job scheduler match its row: fires every interval while enabled, gone when paused. */
export async function scheduleSource(queue: Queue, source: Pick<Source, 'id' | 'enabled' | 'interval_minutes'>): Promise<void> {
  const id = crawlSchedulerId(source.id);
  if (!source.enabled) {
    await queue.removeJobScheduler(id);
    return;
  }
  const data: JobPayloads['crawlSource'] = { sourceId: source.id, reason: 'schedule' };
  await queue.upsertJobScheduler(id, { every: source.interval_minutes * 60_000 }, { name: JOBS.crawlSource.name, data, opts: CRAWL_JOB_OPTS });
}

export async function unscheduleSource(queue: Queue, sourceId: number): Promise<void> {
  await queue.removeJobScheduler(crawlSchedulerId(sourceId));
}

/** Brings Redis in line with the sources table: one scheduler per enabled source, none for others. */
export async function syncSchedules(queue: Queue, sources: Pick<Source, 'id' | 'enabled' | 'interval_minutes'>[]): Promise<void> {
  const wanted = new Set(sources.filter((s) => s.enabled).map((s) => crawlSchedulerId(s.id)));
  for (const existing of await queue.getJobSchedulers(0, -1)) {
    if (existing.key && !wanted.has(existing.key)) await queue.removeJobScheduler(existing.key);
  }
  for (const source of sources) await scheduleSource(queue, source);
}

/** A crawl a person asked for; pressing twice in the same minute queues it once. */
export async function enqueueCrawlNow(queue: Queue, sourceId: number): Promise<string> {
  const jobId = manualCrawlJobId(sourceId);
  const data: JobPayloads['crawlSource'] = { sourceId, reason: 'manual' };
  await queue.add(JOBS.crawlSource.name, data, { ...CRAWL_JOB_OPTS, jobId });
  return jobId;
}
