import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, depsFromRuntime } from '../api/app.js';
import { crawlSchedulerId } from '../core/jobs.js';
import type { Runtime } from '../core/runtime.js';
import { enqueueCrawlNow, scheduleSource } from '../core/schedule.js';
import type { Source } from '../core/types.js';
import { startWorkers } from '../crawler/worker.js';
import { startNewsSite, type NewsSite } from './fixtures/news-site/server.js';
import { makeArticles } from './helpers/articles.js';
import { authorizeAsAdmin } from './helpers/auth.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { factory } from './helpers/factory.js';
import { openTestRuntime, testEnv } from './helpers/runtime.js';
import { waitFor } from './helpers/wait.js';

let db: TestDatabase;
let site: NewsSite;

beforeAll(async () => {
  db = await createTestDatabase();
  site = await startNewsSite({ articles: makeArticles(5, { outlet: 'warta', prefix: 'jadwal' }) });
});
afterAll(async () => {
  await site?.close();
  await db?.drop();
});

const sourceRow = async (id: number) => (await db.sql<Source[]>`select * from sources where id = ${id}`)[0]!;

describe('scheduled crawling', () => {
  let rt: Runtime;
  beforeAll(async () => {
    rt = await openTestRuntime(db.url);
  });
  afterAll(async () => rt?.close());

  test('a source scheduler fires a crawl job that a worker runs, and the outcome is written to the source row', async () => {
    const outlet = site.outlets.find((o) => o.id === 'warta')!;
    const good = await factory.source(db.sql, { url: outlet.feedUrl, interval_minutes: 30 });
    const bad = await factory.source(db.sql, { url: `${site.url}/tidak-ada.xml` });
    await scheduleSource(rt.crawlQueue, good);
    await scheduleSource(rt.crawlQueue, bad);
    const schedulers = await rt.crawlQueue.getJobSchedulers(0, -1);
    expect(schedulers.find((s) => s.key === crawlSchedulerId(good.id))).toMatchObject({ every: 30 * 60_000 });

    const workers = await startWorkers(rt);
    try {
      const ok = await waitFor('the good source to be crawled', async () => ((await sourceRow(good.id)).last_status === 'ok' ? sourceRow(good.id) : null));
      expect(ok).toMatchObject({ last_status: 'ok', last_item_count: 5, consecutive_failures: 0, last_error: null });
      expect(ok.last_fetched_at).toBeInstanceOf(Date);
      const failed = await waitFor('the bad source to fail', async () => ((await sourceRow(bad.id)).last_status === 'error' ? sourceRow(bad.id) : null));
      expect(failed.consecutive_failures).toBeGreaterThanOrEqual(1);
      expect(failed.last_error).toBe(`${site.url}/tidak-ada.xml answered HTTP 404`);
      const [n] = await db.sql`select count(*)::int as n from mentions where source_id = ${good.id}`;
      expect(n!.n).toBe(5);
    } finally {
      await workers.close();
    }
  });

  test('a source added through the API is scheduled, crawled by a worker and its mentions are served to the dashboard', async () => {
    const app = await authorizeAsAdmin(createApp(depsFromRuntime(rt)), rt.db.sql);
    const other = await startNewsSite({ articles: makeArticles(3, { outlet: 'portal', prefix: 'lewat-api' }) });
    const workers = await startWorkers(rt);
    try {
      const res = await app.request('/api/v1/sources', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'rss', url: other.outlets.find((o) => o.id === 'portal')!.feedUrl, name: 'Portal lewat API', tier: 'official', interval_minutes: 30 }),
      });
      expect(res.status).toBe(201);
      const { id } = ((await res.json()) as { data: { id: number } }).data;
      await waitFor('the new source to be crawled', async () => (await sourceRow(id)).last_status === 'ok');
      const feed = (await (await app.request(`/api/v1/mentions?source=${id}`)).json()) as { data: { title: string; source_name: string }[] };
      expect(feed.data.map((m) => m.title).sort()).toEqual(other.articles.map((a) => a.title).sort());
      expect(feed.data.every((m) => m.source_name === 'Portal lewat API')).toBe(true);
    } finally {
      await workers.close();
      await other.close();
    }
  });

  test('pressing "crawl now" twice in a minute queues one job with a deterministic id', async () => {
    const source = await factory.source(db.sql);
    const first = await enqueueCrawlNow(rt.crawlQueue, source.id);
    const second = await enqueueCrawlNow(rt.crawlQueue, source.id);
    expect(second).toBe(first);
    expect(first).toMatch(new RegExp(`^crawl-${source.id}-\\d+$`));
    const jobs = await rt.crawlQueue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
    expect(jobs.filter((j) => j.data.sourceId === source.id)).toHaveLength(1);
  });
});

describe('a worker killed mid-crawl', () => {
  let slow: NewsSite;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    slow = await startNewsSite({ articles: makeArticles(12, { outlet: 'suara', prefix: 'lambat' }), articleDelayMs: 1000 });
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await slow?.close();
  });

  test('a worker killed with SIGKILL mid-crawl and started again loses nothing and duplicates nothing', async () => {
    const env = { ...process.env, ...testEnv(db.url, { CRAWL_LOCK_MS: '2000', WORKERS: 'crawl' }) };
    const startWorker = () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'crawler/main.ts'], { env, stdio: 'ignore' });
      children.push(child);
      return child;
    };
    const topic = await factory.topic(db.sql, { name: 'Lambat', query: 'Presidensi G20' });
    const outlet = slow.outlets.find((o) => o.id === 'suara')!;
    const source = await factory.source(db.sql, { url: outlet.feedUrl });
    const stored = async () => Number((await db.sql`select count(*)::int as n from mentions where source_id = ${source.id}`)[0]!.n);

    const first = startWorker();
    await waitFor('the first articles to be stored', async () => (await stored()) >= 3, 40_000, 20);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = await stored();
    expect(atKill).toBeLessThan(12);
    expect((await sourceRow(source.id)).last_status).toBeNull();

    startWorker();
    await waitFor('the crawl to finish after restart', async () => (await sourceRow(source.id)).last_status === 'ok', 45_000, 200);

    const rows = await db.sql<{ url: string }[]>`select url from mentions where source_id = ${source.id}`;
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => r.url)).size).toBe(12);
    // The topic was created before this source's crawl: its links and rollup count every mention exactly once.
    const [links] = await db.sql`select count(*)::int as n from topic_mentions where topic_id = ${topic.id}`;
    const [rollup] = await db.sql`select sum(mentions)::int as n from topic_daily_stats where topic_id = ${topic.id}`;
    const [matching] = await db.sql`select count(*)::int as n from mentions where search_vector @@ plainto_tsquery('simple', 'presidensi g20')`;
    expect(links!.n).toBe(matching!.n);
    expect(rollup!.n).toBe(matching!.n);
    const [fromSource] = await db.sql`
      select count(*)::int as n from topic_mentions tm join mentions m on m.id = tm.mention_id
      where tm.topic_id = ${topic.id} and m.source_id = ${source.id}`;
    expect(fromSource!.n).toBe(12);
    // Pages stored before the kill were not fetched again.
    const refetched = [...slow.hits.entries()].filter(([p, n]) => p.startsWith('/suara/berita/') && n > 1).length;
    expect(refetched).toBeLessThanOrEqual(12 - atKill);
  });
});
