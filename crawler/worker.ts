import { Worker, type Job } from 'bullmq';
import { ALERTS_SCHEDULER_ID, JOBS, type JobKey, type JobPayloads } from '../core/jobs.js';
import { backfillTopic } from '../core/topic-backfill.js';
import { deliverAlerts, detectAlerts } from '../core/alerts.js';
import { createRedis } from '../core/redis.js';
import type { Runtime } from '../core/runtime.js';
import { syncSchedules } from '../core/schedule.js';
import { createCrawlContext } from './context.js';
import { runCrawlJob } from './crawl.job.js';
import { runReanalyzeJob } from './reanalyze.job.js';
import { runExportJob } from '../api/exports/background.job.js';
import { listScheduleRows } from './sources.repo.js';

type Handler = (job: Job) => Promise<unknown>;

/** Exactly one handler per registered job; the type makes a missing one a compile error. */
function handlers(rt: Runtime, crawl: () => ReturnType<typeof createCrawlContext>): Record<JobKey, Handler> {
  return {
    crawlSource: (job) => runCrawlJob(rt.db.sql, crawl(), job),
    reanalyzeMentions: (job) => runReanalyzeJob(rt.db.sql, rt.logger, job),
    exportMentions: (job) => runExportJob(rt.db.sql, rt.logger, job),
    checkAlerts: async (job) => {
      const created = await detectAlerts(rt.db.sql);
      await deliverAlerts(rt.db.sql, created, rt.config.ALERT_WEBHOOK_URL);
      rt.logger.info({ jobId: job.id, alerts: created.length }, 'alerts checked');
      return { created: created.length };
    },
    backfillTopic: async (job) => {
      const { topicId, version } = job.data as JobPayloads['backfillTopic'];
      const result = await backfillTopic(rt.db.sql, topicId, version, (p) => job.updateProgress(p));
      rt.logger.info({ jobId: job.id, topicId, version, ...result }, 'topic backfill finished');
      return result;
    },
  };
}

/** A worker on one queue that runs each job by its name. */
function queueWorker(rt: Runtime, queue: string, table: Record<JobKey, Handler>, opts: { concurrency: number; lockMs: number }): Worker {
  const byName = new Map<string, Handler>(
    Object.entries(JOBS)
      .filter(([, def]) => def.queue === queue)
      .map(([key, def]) => [def.name, table[key as JobKey]]),
  );
  return new Worker(
    queue,
    async (job) => {
      const handler = byName.get(job.name);
      if (!handler) throw new Error(`no handler for job "${job.name}" on queue "${queue}"`);
      return handler(job);
    },
    {
      connection: createRedis(rt.redis.url),
      prefix: rt.config.QUEUE_PREFIX,
      concurrency: opts.concurrency,
      lockDuration: opts.lockMs,
      stalledInterval: opts.lockMs,
      maxStalledCount: 2,
    },
  );
}

/** Worker builders by queue, switched on with WORKERS=crawl,analyze,export (comma-separated). */
const BUILDERS: Record<string, (rt: Runtime) => { worker: Worker; close(): Promise<void> }> = {
  crawl: (rt) => {
    const crawl = createCrawlContext({ sql: rt.db.sql, redis: rt.redis.redis, logger: rt.logger, config: rt.config });
    const worker = queueWorker(rt, JOBS.crawlSource.queue, handlers(rt, () => crawl), { concurrency: rt.config.CRAWL_CONCURRENCY, lockMs: rt.config.CRAWL_LOCK_MS });
    return { worker, close: async () => (await worker.close(), await crawl.close()) };
  },
  analyze: (rt) => {
    const noCrawl = () => {
      throw new Error('the analysis worker does not crawl');
    };
    const worker = queueWorker(rt, JOBS.reanalyzeMentions.queue, handlers(rt, noCrawl), { concurrency: 1, lockMs: rt.config.CRAWL_LOCK_MS });
    return { worker, close: () => worker.close() };
  },
  export: (rt) => {
    const noCrawl = () => {
      throw new Error('the export worker does not crawl');
    };
    const worker = queueWorker(rt, JOBS.exportMentions.queue, handlers(rt, noCrawl), { concurrency: 2, lockMs: rt.config.CRAWL_LOCK_MS });
    return { worker, close: () => worker.close() };
  },
};

export async function startWorkers(rt: Runtime): Promise<{ close(): Promise<void> }> {
  const names = rt.config.WORKERS.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !BUILDERS[n]);
  if (unknown.length > 0) throw new Error(`WORKERS has unknown worker(s): ${unknown.join(', ')}; known: ${Object.keys(BUILDERS).join(', ')}`);
  await syncSchedules(rt.crawlQueue, await listScheduleRows(rt.db.sql));
  if (names.includes('analyze')) {
    await rt.analysisQueue.upsertJobScheduler(ALERTS_SCHEDULER_ID, { every: rt.config.ALERT_CHECK_MINUTES * 60_000 }, { name: JOBS.checkAlerts.name, data: {} });
  }
  const workers = names.map((name) => {
    const built = BUILDERS[name]!(rt);
    built.worker.on('failed', (job, err) => rt.logger.warn({ jobId: job?.id, err: err.message }, 'job failed'));
    built.worker.on('error', (err) => rt.logger.error({ err }, 'worker error'));
    return built;
  });
  rt.logger.info({ workers: names }, 'workers started');
  return { close: async () => void (await Promise.all(workers.map((w) => w.close()))) };
}
