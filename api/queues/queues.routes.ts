import { Hono } from 'hono';
import type { AppDeps } from '../app.js';
import { getQueueHealth } from './queues.service.js';

/** The job queues' health for the dashboard; the full view (jobs, retries) is the admins' board at /admin/queues. */
export function queueRoutes({ crawlQueue, analysisQueue, exportQueue }: AppDeps) {
  return new Hono().get('/', async (c) => c.json({ data: await Promise.all([crawlQueue, analysisQueue, exportQueue].map((q) => getQueueHealth(q))) }));
}
