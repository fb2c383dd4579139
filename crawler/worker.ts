import { Worker, type Job } from 'bullmq';
import { JOBS, type JobKey } from '../core/jobs.js';
import { createRedis } from '../core/redis.js';
import type { Runtime } from '../core/runtime.js';
import { syncSchedules } from '../core/schedule.js';
import { runCrawlJob } from './crawl.job.js';
import { listScheduleRows } from './sources.repo.js';

type Handler = (runtime: Runtime, job: Job) => Promise<unknown>;

/** Exactly one handler per registered job; the type makes a missing one a compile error. */
const HANDLERS: Record<JobKey, Handler> = {
  crawlSource: (rt, job) =>
    runCrawlJob(
      { sql: rt.db.sql, logger: rt.logger, userAgent: rt.config.USER_AGENT, maxArticles: rt.config.CRAWL_MAX_ARTICLES },
      job,
    ),
};

/** Worker builders by queue, switched on with WORKERS=crawl (comma-separated). */
const BUILDERS: Record<string, (rt: Runtime) => Worker> = {
  crawl: (rt) => {
    const byName = new Map<string, Handler>(Object.entries(JOBS).map(([key, def]) => [def.name, HANDLERS[key as JobKey]]));
    return new Worker(
      JOBS.crawlSource.queue,
      async (job) => {
        const handler = byName.get(job.name);
        if (!handler) throw new Error(`no handler for job "${job.name}"`);
        return handler(rt, job);
      },
      {
        connection: createRedis(rt.redis.url),
        prefix: rt.config.QUEUE_PREFIX,
        concurrency: rt.config.CRAWL_CONCURRENCY,
        lockDuration: rt.config.CRAWL_LOCK_MS,
        stalledInterval: rt.config.CRAWL_LOCK_MS,
        maxStalledCount: 2,
      },
    );
  },
};

export async function startWorkers(rt: Runtime): Promise<{ close(): Promise<void> }> {
  const names = rt.config.WORKERS.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !BUILDERS[n]);
  if (unknown.length > 0) throw new Error(`WORKERS has unknown worker(s): ${unknown.join(', ')}; known: ${Object.keys(BUILDERS).join(', ')}`);
  await syncSchedules(rt.crawlQueue, await listScheduleRows(rt.db.sql));
  const workers = names.map((name) => {
    const worker = BUILDERS[name]!(rt);
    worker.on('failed', (job, err) => rt.logger.warn({ jobId: job?.id, err: err.message }, 'job failed'));
    worker.on('error', (err) => rt.logger.error({ err }, 'worker error'));
    return worker;
  });
  rt.logger.info({ workers: names }, 'workers started');
  return { close: async () => void (await Promise.all(workers.map((w) => w.close()))) };
}
