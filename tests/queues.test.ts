import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { JOBS } from '../core/jobs.js';
import { openTestApp, type TestApp } from './helpers/app.js';
import { TEST_REDIS_URL } from './helpers/redis.js';
import { waitFor } from './helpers/wait.js';

interface QueueHealth {
  name: string; paused: boolean; waiting: number; active: number; delayed: number; failed: number;
  oldest_waiting_at: string | null; oldest_waiting_s: number | null;
}

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => {
  await t?.close();
});

const health = async () => {
  const res = await t.app.request('/api/v1/queues');
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: QueueHealth[] }).data;
};

describe('GET /api/v1/queues', () => {
  test('counts waiting, delayed and failed jobs per queue and says how long the oldest has waited', async () => {
    const empty = await health();
    expect(empty.map((q) => q.name)).toEqual(['crawl', 'analysis', 'export']);
    expect(empty[0]).toMatchObject({ waiting: 0, active: 0, delayed: 0, failed: 0, paused: false, oldest_waiting_at: null, oldest_waiting_s: null });

    const { crawlQueue, analysisQueue, config } = t.rt;
    const tenMinutesAgo = Date.now() - 10 * 60_000;
    await crawlQueue.add(JOBS.crawlSource.name, { sourceId: 1, reason: 'manual' }, { jobId: 'old', timestamp: tenMinutesAgo });
    await crawlQueue.add(JOBS.crawlSource.name, { sourceId: 2, reason: 'manual' }, { jobId: 'new' });
    await crawlQueue.add(JOBS.crawlSource.name, { sourceId: 3, reason: 'schedule' }, { jobId: 'later', delay: 3_600_000 });
    // a job that fails for real, on a worker of the analysis queue
    const worker = new Worker(analysisQueue.name, async () => {
      throw new Error('boom');
    }, { connection: { url: TEST_REDIS_URL }, prefix: config.QUEUE_PREFIX });
    try {
      await analysisQueue.add(JOBS.checkAlerts.name, {}, { jobId: 'fails' });
      await waitFor('the job to fail', async () => (await analysisQueue.getFailedCount()) === 1);
    } finally {
      await worker.close();
    }

    const [crawl, analysis] = await health();
    expect(crawl).toMatchObject({ name: 'crawl', waiting: 2, active: 0, delayed: 1, failed: 0 });
    expect(crawl!.oldest_waiting_at).toBe(new Date(tenMinutesAgo).toISOString());
    expect(crawl!.oldest_waiting_s).toBeGreaterThanOrEqual(600);
    expect(crawl!.oldest_waiting_s).toBeLessThan(660);
    expect(analysis).toMatchObject({ name: 'analysis', waiting: 0, failed: 1, oldest_waiting_s: null });

    await crawlQueue.pause();
    expect((await health())[0]!.paused).toBe(true);
  });

  test('the queue board at /admin/queues gets its own style policy; the dashboard keeps the strict one', async () => {
    const board = await t.app.request('/admin/queues');
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('static/js/main.');
    const csp = board.headers.get('content-security-policy')!;
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);

    const api = await t.app.request('/admin/queues/api/queues');
    expect(api.status).toBe(200);
    expect(((await api.json()) as { queues: { name: string }[] }).queues.map((q) => q.name).sort()).toEqual(['analysis', 'crawl', 'export']);

    const page = await t.app.request('/');
    expect(page.headers.get('content-security-policy')).toContain("style-src 'self';");
  });
});
