import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, depsFromRuntime } from '../api/app.js';
import { createSql } from '../core/db.js';
import { openTestApp, type TestApp } from './helpers/app.js';
import { urlForDatabase } from './helpers/db.js';
import { factory } from './helpers/factory.js';

let t: TestApp;
let db: TestApp['db'];
let rt: TestApp['rt'];
let app: TestApp['app'];

beforeAll(async () => {
  t = await openTestApp();
  ({ db, rt, app } = t);
});
afterAll(async () => t?.close());

const json = (method: string, body: unknown) => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const jakarta = (iso: string) => new Date(iso);

describe('errors', () => {
  test('bad input gets a 400 naming the field, in the one error shape, without a stack trace', async () => {
    const res = await app.request('/api/v1/mentions?from=2022-13-45&limit=5000');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toMatch(/from/);
    expect(body.error.message).toMatch(/limit/);
    expect(body.error.requestId).toBeTruthy();
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });

  test('an unknown route and a missing topic are 404 in the same shape', async () => {
    const route = await app.request('/api/v1/nothing-here');
    expect(route.status).toBe(404);
    expect(((await route.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const topic = await app.request('/api/v1/topics/999999');
    expect(topic.status).toBe(404);
    expect(((await topic.json()) as { error: { message: string } }).error.message).toBe('topic 999999 not found');
  });

  test('a body that is not JSON is refused with a clear message', async () => {
    const res = await app.request('/api/v1/topics', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('request body must be JSON');
  });
});

describe('topics', () => {
  test('a topic is created, read, renamed, re-queried as a new version and deleted', async () => {
    await factory.mention(db.sql, { title: 'Nelayan Bontang bicara Presidensi G20' });
    await factory.mention(db.sql, { title: 'Harga cabai naik di Samarinda' });

    const created = await app.request('/api/v1/topics', json('POST', { name: 'G20 Rakyat', query: 'Presidensi G20' }));
    expect(created.status).toBe(201);
    const topic = ((await created.json()) as { data: { id: number; version: number; terms: string[] } }).data;
    expect(topic.version).toBe(1);
    expect(topic.terms).toEqual(['presidensi g20']);

    const dup = await app.request('/api/v1/topics', json('POST', { name: 'G20 Rakyat', query: 'x' }));
    expect(dup.status).toBe(409);

    const list = (await (await app.request('/api/v1/topics')).json()) as { data: { id: number; mention_count: number }[] };
    expect(list.data.find((t) => t.id === topic.id)?.mention_count).toBe(1);

    const patched = await app.request(`/api/v1/topics/${topic.id}`, json('PATCH', { query: 'harga cabai, Presidensi G20' }));
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { data: { version: number } }).data.version).toBe(2);
    const after = (await (await app.request('/api/v1/topics')).json()) as { data: { id: number; mention_count: number }[] };
    expect(after.data.find((t) => t.id === topic.id)?.mention_count).toBe(2);

    const renamed = await app.request(`/api/v1/topics/${topic.id}`, json('PATCH', { name: 'G20 dan harga' }));
    expect(((await renamed.json()) as { data: { name: string; version: number } }).data).toMatchObject({ name: 'G20 dan harga', version: 2 });

    expect((await app.request(`/api/v1/topics/${topic.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await app.request(`/api/v1/topics/${topic.id}`)).status).toBe(404);
  });

  test('a query without letters or digits is refused with the reason', async () => {
    const res = await app.request('/api/v1/topics', json('POST', { name: 'Kosong', query: '"!!!" , ???' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/no letters or digits/);
  });
});

describe('series', () => {
  test('daily volume comes per Asia/Jakarta day with empty days filled with zero', async () => {
    const topic = await factory.topic(db.sql, { name: 'Seri', query: 'pelabuhan' });
    // 23:30 WIB on 3 Nov is 16:30 UTC: it belongs to 3 Nov, not 4 Nov, and 00:30 WIB on 5 Nov is 4 Nov in UTC.
    await factory.mention(db.sql, { title: 'Pelabuhan ramai', publishedAt: jakarta('2022-11-03T16:30:00Z') });
    await factory.mention(db.sql, { title: 'Pelabuhan sepi', publishedAt: jakarta('2022-11-04T17:30:00Z') });
    await factory.mention(db.sql, { title: 'Pelabuhan baru', publishedAt: jakarta('2022-11-04T17:45:00Z') });
    const res = await app.request(`/api/v1/topics/${topic.id}/series?metric=volume&from=2022-11-02&to=2022-11-06`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { tz: string; data: { x: string; y: number }[] };
    expect(body.tz).toBe('Asia/Jakarta');
    expect(body.data).toEqual([
      { x: '2022-11-02', y: 0 },
      { x: '2022-11-03', y: 1 },
      { x: '2022-11-04', y: 0 },
      { x: '2022-11-05', y: 2 },
      { x: '2022-11-06', y: 0 },
    ]);
  });

  test('a reversed or too long range is refused', async () => {
    const topic = await factory.topic(db.sql, { name: 'Rentang', query: 'rentang' });
    const reversed = await app.request(`/api/v1/topics/${topic.id}/series?from=2022-11-06&to=2022-11-01`);
    expect(reversed.status).toBe(400);
    expect(((await reversed.json()) as { error: { message: string } }).error.message).toMatch(/from must not be after to/);
    const long = await app.request(`/api/v1/topics/${topic.id}/series?from=2020-01-01&to=2022-11-01`);
    expect(long.status).toBe(400);
    const metric = await app.request(`/api/v1/topics/${topic.id}/series?metric=likes`);
    expect(metric.status).toBe(400);
  });
});

describe('mentions', () => {
  test('the feed filters by topic, kind and range and pages with a keyset cursor without gaps or repeats', async () => {
    const topic = await factory.topic(db.sql, { name: 'Pasar', query: 'pasar induk' });
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push(await factory.mention(db.sql, { title: `Pasar induk hari ${i}`, publishedAt: new Date(Date.UTC(2022, 9, 10, 3, i)) }));
    }
    await factory.mention(db.sql, { title: 'Pasar induk sosial', kind: 'social', publishedAt: new Date(Date.UTC(2022, 9, 10, 4)) });
    await factory.mention(db.sql, { title: 'Lain hal', publishedAt: new Date(Date.UTC(2022, 9, 10, 5)) });

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const qs = new URLSearchParams({ topic: String(topic.id), kind: 'news', from: '2022-10-10', to: '2022-10-10', limit: '3' });
      if (cursor) qs.set('cursor', cursor);
      const res = await app.request(`/api/v1/mentions?${qs}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { data: { id: number }[]; nextCursor: string | null };
      seen.push(...page.data.map((m) => m.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    const outside = (await (await app.request(`/api/v1/mentions?topic=${topic.id}&from=2022-10-11&to=2022-10-12`)).json()) as { data: unknown[] };
    expect(outside.data).toHaveLength(0);
    const bad = await app.request('/api/v1/mentions?cursor=garbage');
    expect(bad.status).toBe(400);
  });
});

describe('sources', () => {
  test('a source is added, edited and paused through the API, and only http(s) URLs are accepted', async () => {
    const bad = await app.request('/api/v1/sources', json('POST', { url: 'file:///etc/passwd', name: 'x' }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/http or https/);

    const res = await app.request('/api/v1/sources', json('POST', { url: 'http://127.0.0.1:9/rss.xml', name: 'Feed lokal', tier: 'regional' }));
    expect(res.status).toBe(201);
    const source = ((await res.json()) as { data: { id: number; interval_minutes: number } }).data;
    expect(source.interval_minutes).toBe(60);
    const schedulers = await rt.crawlQueue.getJobSchedulers(0, -1);
    expect(schedulers.map((s) => s.key)).toContain(`source-${source.id}`);

    const paused = await app.request(`/api/v1/sources/${source.id}`, json('PATCH', { enabled: false }));
    expect(((await paused.json()) as { data: { enabled: boolean } }).data.enabled).toBe(false);
    expect((await rt.crawlQueue.getJobSchedulers(0, -1)).map((s) => s.key)).not.toContain(`source-${source.id}`);
  });
});

describe('source settings and the SSRF guard', () => {
  const post = async (body: unknown) => {
    const res = await app.request('/api/v1/sources', json('POST', body));
    return { status: res.status, body: (await res.json()) as { error?: { message: string }; data?: { config: Record<string, unknown> } } };
  };

  test('a source pointing at a private or metadata address is refused before it is stored', async () => {
    for (const url of ['http://10.0.0.5/rss', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]:8080/feed']) {
      const res = await post({ url, name: 'Dalam' });
      expect(res.status).toBe(400);
      expect(res.body.error!.message).toMatch(/^url: .*private or reserved address/);
    }
    const [n] = await db.sql`select count(*)::int as n from sources where name = 'Dalam'`;
    expect(n!.n).toBe(0);
  });

  test('each kind gets its own settings checked, with defaults filled in', async () => {
    const noPattern = await post({ kind: 'listing', url: 'http://127.0.0.1:9/indeks', name: 'Indeks' });
    expect(noPattern.status).toBe(400);
    expect(noPattern.body.error!.message).toMatch(/config\.articlePattern/);
    const badRegex = await post({ kind: 'listing', url: 'http://127.0.0.1:9/indeks', name: 'Indeks', config: { articlePattern: '([' } });
    expect(badRegex.body.error!.message).toMatch(/config\.articlePattern: not a pattern Gaung can run \(missing closing \]/);
    const lookahead = await post({ kind: 'listing', url: 'http://127.0.0.1:9/indeks', name: 'Indeks', config: { articlePattern: '/berita/(?!foto)' } });
    expect(lookahead.body.error!.message).toMatch(/not a pattern Gaung can run \(invalid or unsupported Perl syntax/);
    const noQuery = await post({ kind: 'search', url: 'http://127.0.0.1:9/cari?q=g20', name: 'Cari' });
    expect(noQuery.body.error!.message).toMatch(/must contain \{query\}/);
    const ok = await post({ kind: 'sitemap', url: 'http://127.0.0.1:9/sitemap.xml', name: 'Peta' });
    expect(ok.status).toBe(201);
    expect(ok.body.data!.config).toEqual({ maxAgeDays: 7, maxSitemaps: 20 });
  });
});

describe('source health', () => {
  test('sources report items per day and are flagged silent when quiet for longer than usual', async () => {
    const quiet = await factory.source(db.sql, { name: 'Sumber yang diam' });
    const busy = await factory.source(db.sql, { name: 'Sumber yang ramai' });
    const day = 86_400_000;
    for (let i = 0; i < 10; i++) {
      // the quiet one published every two days until ten days ago; the busy one every day up to today
      // fetched then, so the per-day source counts kept at ingest (source_daily_counts) see them on those days
      const quietAt = new Date(Date.now() - (10 + 2 * i) * day);
      await factory.mention(db.sql, { sourceId: quiet.id, publishedAt: quietAt }, quietAt);
      const busyAt = new Date(Date.now() - i * day - 3_600_000);
      await factory.mention(db.sql, { sourceId: busy.id, publishedAt: busyAt }, busyAt);
    }
    const body = (await (await app.request('/api/v1/sources')).json()) as { data: { id: number; silent: boolean; items_per_day: number; silent_for_hours: number | null }[] };
    const q = body.data.find((s) => s.id === quiet.id)!;
    const b = body.data.find((s) => s.id === busy.id)!;
    expect(q).toMatchObject({ silent: true, items_per_day: 0 });
    expect(q.silent_for_hours).toBeGreaterThanOrEqual(240);
    expect(b).toMatchObject({ silent: false, items_per_day: 1, silent_for_hours: null });
  });
});

describe('health', () => {
  test('health reports the database, Redis and the crawl queue depth', async () => {
    const res = await app.request('/api/v1/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; db: { ok: boolean }; redis: { ok: boolean }; queue: { ok: boolean; waiting: number } };
    expect(body).toMatchObject({ status: 'ok', db: { ok: true }, redis: { ok: true }, queue: { ok: true } });
    expect(typeof body.queue.waiting).toBe('number');
  });

  test('with the database down, health answers 503 naming the part, and shows nobody the error itself', async () => {
    const missing = `gaung_tidak_ada_${process.pid}`;
    const broken = createSql(urlForDatabase(missing), { max: 1, connect_timeout: 2 });
    try {
      const res = await createApp(depsFromRuntime(rt, { sql: broken })).request('/api/v1/health');
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ status: 'degraded', db: { ok: false, error: 'the database is not answering' }, redis: { ok: true } });
      expect(text).not.toContain(missing);
    } finally {
      await broken.end();
    }
  });
});
