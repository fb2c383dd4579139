import { Queue, type ConnectionOptions } from 'bullmq';

/**
 * The job registry: every queue, job name and payload type in one place. Queues live under the
 * QUEUE_PREFIX setting (default `{gaung}`), a Redis Cluster hash tag, so a queue's keys share one slot.
 */

export const JOBS = {
  crawlSource: { queue: 'crawl', name: 'crawl-source' },
  reanalyzeMentions: { queue: 'analysis', name: 'reanalyze-mentions' },
  backfillTopic: { queue: 'analysis', name: 'backfill-topic' },
  checkAlerts: { queue: 'analysis', name: 'check-alerts' },
  exportMentions: { queue: 'export', name: 'export-mentions' },
} as const;

export interface JobPayloads {
  crawlSource: { sourceId: number; reason: 'schedule' | 'manual' };
  /** 'outdated': mentions scored by older lexicons; 'all': every mention; 'ids': these (e.g. a press release's pickups). */
  reanalyzeMentions: { scope: 'outdated' | 'all' | 'ids'; mentionIds?: number[]; reason: string };
  /** Re-match stored mentions against this version of a topic's query. */
  backfillTopic: { topicId: number; version: number };
  /** Look for spikes and silent sources now, and send the new alerts to the webhook. */
  checkAlerts: Record<string, never>;
  /** Write a stored export (table exports, migration 0014) as CSV or XLSX into its chunks. */
  exportMentions: { exportId: number };
}

export const ALERTS_SCHEDULER_ID = 'alerts-check';

/** One backfill per topic version, however often it is asked for. */
export const backfillJobId = (topicId: number, version: number) => `backfill-${topicId}-${version}`;

export async function enqueueBackfill(queue: Queue, topicId: number, version: number): Promise<string> {
  const job = await queue.add(JOBS.backfillTopic.name, { topicId, version }, {
    jobId: backfillJobId(topicId, version), attempts: 3, backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: { age: 7 * 86_400 }, removeOnFail: { age: 30 * 86_400 },
  });
  return job.id!;
}

/** One job per background export, so a doubled request or a retry never writes it twice at once. */
export async function enqueueExport(queue: Queue, exportId: number): Promise<string> {
  const job = await queue.add(JOBS.exportMentions.name, { exportId }, {
    jobId: `export-${exportId}`, attempts: 2, backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: { age: 86_400 }, removeOnFail: { age: 7 * 86_400 },
  });
  return job.id!;
}

/** Progress a re-analysis job reports as it goes. */
export interface ReanalyzeProgress {
  done: number;
  total: number;
}

export type JobKey = keyof typeof JOBS;

export function createQueue(queue: string, connection: ConnectionOptions, prefix: string): Queue {
  return new Queue(queue, { connection, prefix });
}

/** Id of a job a person asked for now: one per source per minute, however often the button is pressed. */
export function manualCrawlJobId(sourceId: number, at = new Date()): string {
  const minute = Math.floor(at.getTime() / 60_000) * 60_000;
  return `crawl-${sourceId}-${minute}`;
}

export function crawlSchedulerId(sourceId: number): string {
  return `source-${sourceId}`;
}

/**
 * Queues a re-analysis. A scope has at most one job waiting or running: asking again while one is under way
 * returns that job; once it has finished, a new one starts.
 */
export async function enqueueReanalysis(queue: Queue, data: JobPayloads['reanalyzeMentions']): Promise<string> {
  const opts = { attempts: 3, backoff: { type: 'exponential' as const, delay: 5000 }, removeOnComplete: { age: 7 * 86_400 }, removeOnFail: { age: 30 * 86_400 } };
  if (data.scope === 'ids') return (await queue.add(JOBS.reanalyzeMentions.name, data, opts)).id!;
  const jobId = `reanalyze-${data.scope}`;
  const existing = await queue.getJob(jobId);
  if (existing) {
    const state = await existing.getState();
    if (state !== 'completed' && state !== 'failed') return jobId;
    await existing.remove();
  }
  return (await queue.add(JOBS.reanalyzeMentions.name, data, { ...opts, jobId })).id!;
}
