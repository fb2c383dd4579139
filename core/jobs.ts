import { Queue, type ConnectionOptions } from 'bullmq';

/**
 * The job registry: every queue, job name and payload type in one place. Queues live under the
 * QUEUE_PREFIX setting (default `{gaung}`), a Redis Cluster hash tag, so a queue's keys share one slot.
 */

export const JOBS = {
  crawlSource: { queue: 'crawl', name: 'crawl-source' },
} as const;

export interface JobPayloads {
  crawlSource: { sourceId: number; reason: 'schedule' | 'manual' };
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
