import type { Queue } from 'bullmq';

/** A queue at a glance: how much waits, runs, is scheduled for later and has failed, and how long the oldest has waited. */
export interface QueueHealth {
  name: string;
  paused: boolean;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  oldest_waiting_at: string | null;
  /** Seconds the oldest waiting job has waited; a growing figure means the workers are not keeping up (or none run). */
  oldest_waiting_s: number | null;
}

export async function getQueueHealth(queue: Queue, now = new Date()): Promise<QueueHealth> {
  const [counts, paused, oldest] = await Promise.all([
    queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed'),
    queue.isPaused(),
    // the wait list is pushed at its head: in ascending order its first job is the one that has waited longest
    queue.getJobs(['waiting'], 0, 0, true),
  ]);
  const since = oldest[0]?.timestamp ?? null;
  return {
    name: queue.name,
    paused,
    waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
    active: counts.active ?? 0,
    delayed: counts.delayed ?? 0,
    failed: counts.failed ?? 0,
    oldest_waiting_at: since === null ? null : new Date(since).toISOString(),
    oldest_waiting_s: since === null ? null : Math.max(0, Math.floor((now.getTime() - since) / 1000)),
  };
}
