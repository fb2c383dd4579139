import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, depsFromRuntime } from '../api/app.js';
import type { Runtime } from '../core/runtime.js';
import { ingestMentions } from '../crawler/ingest.repo.js';
import { startWorkers } from '../crawler/worker.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { authorizeAsAdmin } from './helpers/auth.js';
import { openTestRuntime } from './helpers/runtime.js';
import { waitFor } from './helpers/wait.js';

let db: TestDatabase;
let rt: Runtime;
let app: ReturnType<typeof createApp>;
const json = (method: string, body: unknown) => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const DAY = 86_400_000;
const stories = [
  ['Warga Bontang sambut Presidensi G20', 'Warga kota menyambut Presidensi G20 dengan festival kuliner di tepi pantai.', 1],
  ['Harga cabai naik jelang KTT G20', 'Pedagang di pasar mengeluh harga cabai naik saat KTT G20 berlangsung di Bali.', 2],
  ['Hoaks pembatalan KTT G20 beredar', 'Beredar hoaks soal pembatalan KTT G20; pemerintah meminta warga waspada.', 2],
  ['Nelayan menunggu harga solar turun', 'Nelayan di pesisir berharap harga solar turun bulan depan.', 3],
] as const;

beforeAll(async () => {
  db = await createTestDatabase();
  rt = await openTestRuntime(db.url);
  app = await authorizeAsAdmin(createApp(depsFromRuntime(rt)), rt.db.sql);
  await ingestMentions(db.sql, stories.map(([title, body, daysAgo], i) => ({
    url: `https://contoh.example/topik/${i}`, sourceId: null, kind: 'news' as const, title, body: `${body} ${body}`,
    author: null, publishedAt: new Date(Date.now() - daysAgo * DAY), language: 'id', views: null,
  })));
});
afterAll(async () => {
  await rt?.close();
  await db?.drop();
});

describe('keyword tuning', () => {
  test('a preview shows what an edited query would match per day, with samples, beside the current version, and saves nothing', async () => {
    const created = await app.request('/api/v1/topics', json('POST', { name: 'KTT', query: '"KTT G20"' }));
    const topic = ((await created.json()) as { data: { id: number } }).data;
    const res = await app.request('/api/v1/topics/preview', json('POST', { query: 'G20 TANPA hoaks', topic_id: topic.id }));
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as {
      data: { total: number; days: { x: string; y: number }[]; samples: { title: string }[]; terms: string[]; current: { version: number; total: number; days: { y: number }[] } };
    };
    expect(data.total).toBe(2);
    expect(data.days).toHaveLength(30);
    expect(data.days.reduce((n, d) => n + d.y, 0)).toBe(2);
    expect(data.samples.map((s) => s.title).sort()).toEqual(['Harga cabai naik jelang KTT G20', 'Warga Bontang sambut Presidensi G20']);
    expect(data.terms).toEqual(['g20']);
    expect(data.current).toMatchObject({ version: 1, total: 2 });
    // nothing was saved: the topic still has its own query and matches
    const again = (await (await app.request(`/api/v1/topics/${topic.id}`)).json()) as { data: { query: string; version: number } };
    expect(again.data).toMatchObject({ query: '"KTT G20"', version: 1 });
  });

  test('the daily series give volume, reach and each sentiment from the rollup, and refuse a metric that is not one', async () => {
    const created = await app.request('/api/v1/topics', json('POST', { name: 'Seri', query: 'G20' }));
    const topic = ((await created.json()) as { data: { id: number } }).data;
    const total = async (metric: string) => {
      const body = (await (await app.request(`/api/v1/topics/${topic.id}/series?metric=${metric}`)).json()) as { data: { y: number }[] };
      return body.data.reduce((n, p) => n + p.y, 0);
    };
    const [volume, positive, neutral, negative] = [await total('volume'), await total('positive'), await total('neutral'), await total('negative')];
    expect(volume).toBe(3);
    expect(positive + neutral + negative).toBe(volume);
    expect(await total('reach')).toBeGreaterThan(0);
    expect((await app.request(`/api/v1/topics/${topic.id}/series?metric=drop%20table`)).status).toBe(400);
  });

  test('a broken query in a preview is a 400 naming the character', async () => {
    const res = await app.request('/api/v1/topics/preview', json('POST', { query: 'G20 AND' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/query: at character 5: nothing after/);
  });

  test('every saved query is a version with its time, and the history says what each one added and removed', async () => {
    const created = await app.request('/api/v1/topics', json('POST', { name: 'Pasar', query: 'harga cabai' }));
    const topic = ((await created.json()) as { data: { id: number } }).data;
    await app.request(`/api/v1/topics/${topic.id}`, json('PATCH', { query: 'harga cabai, harga solar' }));
    await app.request(`/api/v1/topics/${topic.id}`, json('PATCH', { name: 'Pasar dan pesisir' })); // a rename is not a version
    await app.request(`/api/v1/topics/${topic.id}`, json('PATCH', { query: 'harga solar' }));
    const res = await app.request(`/api/v1/topics/${topic.id}/versions`);
    const { data } = (await res.json()) as { data: { version: number; query: string; added: string[]; removed: string[]; created_at: string }[] };
    expect(data.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(data[0]).toMatchObject({ query: 'harga solar', added: [], removed: ['harga cabai'] });
    expect(data[1]).toMatchObject({ added: ['harga solar'], removed: [] });
    expect(data[2]).toMatchObject({ query: 'harga cabai', added: ['harga cabai'] });
    expect(Date.parse(data[0]!.created_at)).toBeGreaterThanOrEqual(Date.parse(data[2]!.created_at));
    const matched = await db.sql<{ n: number }[]>`select count(*)::int as n from topic_mentions where topic_id = ${topic.id}`;
    expect(matched[0]!.n).toBe(1); // re-matched to the nelayan story only
  });
});

describe('backfill in the background', () => {
  let bg: Runtime;
  let bgApp: ReturnType<typeof createApp>;
  let workers: { close(): Promise<void> };
  beforeAll(async () => {
    // Every save goes to the background here, as it does on a database larger than BACKFILL_INLINE_MAX.
    bg = await openTestRuntime(db.url, { BACKFILL_INLINE_MAX: '0', WORKERS: 'analyze' });
    bgApp = await authorizeAsAdmin(createApp(depsFromRuntime(bg)), bg.db.sql);
    workers = await startWorkers(bg);
  });
  afterAll(async () => {
    await workers?.close();
    await bg?.close();
  });

  test('saving a query on a large database answers at once, and a background job matches the stored mentions with progress', async () => {
    const created = await bgApp.request('/api/v1/topics', json('POST', { name: 'Latar', query: 'harga' }));
    expect(created.status).toBe(201);
    const body = (await created.json()) as { data: { id: number; version: number; matched_version: number | null }; backfill: { state: string; status: string } };
    expect(body.data.matched_version).toBeNull();
    expect(body.backfill.state).toBe('queued');
    const done = await waitFor('the backfill to finish', async () => {
      const s = (await (await bgApp.request(body.backfill.status)).json()) as { data: { state: string } };
      return s.data.state === 'done' ? s.data : null;
    }, 30_000, 200);
    expect(done).toMatchObject({ version: 1, state: 'done' });
    const list = (await (await bgApp.request('/api/v1/topics')).json()) as { data: { id: number; mention_count: number }[] };
    expect(list.data.find((t) => t.id === body.data.id)?.mention_count).toBe(2); // cabai and solar

    const patched = (await (await bgApp.request(`/api/v1/topics/${body.data.id}`, json('PATCH', { query: 'harga solar' }))).json()) as { backfill: { state: string; status: string } };
    expect(patched.backfill.state).toBe('queued');
    await waitFor('the second backfill', async () => {
      const s = (await (await bgApp.request(patched.backfill.status)).json()) as { data: { state: string; version: number } };
      return s.data.state === 'done' && s.data.version === 2 ? s.data : null;
    }, 30_000, 200);
    const after = (await (await bgApp.request('/api/v1/topics')).json()) as { data: { id: number; mention_count: number }[] };
    expect(after.data.find((t) => t.id === body.data.id)?.mention_count).toBe(1);
  });
});

describe('key messages', () => {
  test('a key message inside a topic matches what both queries match, is tracked on its own, and follows its topic when the topic query changes', async () => {
    const parent = ((await (await app.request('/api/v1/topics', json('POST', { name: 'G20 di daerah', query: 'G20' }))).json()) as { data: { id: number } }).data;
    const res = await app.request('/api/v1/topics', json('POST', { name: 'Harga', query: 'harga', parent_id: parent.id }));
    expect(res.status).toBe(201);
    const key = ((await res.json()) as { data: { id: number; parent_id: number; version: number } }).data;
    expect(key.parent_id).toBe(parent.id);
    const count = async (id: number) => (await db.sql<{ n: number }[]>`select count(*)::int as n from topic_mentions where topic_id = ${id}`)[0]!.n;
    expect(await count(parent.id)).toBe(3);
    expect(await count(key.id)).toBe(1); // only "Harga cabai naik jelang KTT G20" is about G20 and prices

    const detail = (await (await app.request(`/api/v1/topics/${parent.id}`)).json()) as { data: { key_messages: { name: string }[] } };
    expect(detail.data.key_messages.map((k) => k.name)).toEqual(['Harga']);
    const rolled = await db.sql<{ n: number }[]>`select coalesce(sum(mentions), 0)::int as n from topic_daily_stats where topic_id = ${key.id}`;
    expect(rolled[0]!.n).toBe(1);

    // The topic widens to the fishermen's story too: its key message picks that up without being edited.
    await app.request(`/api/v1/topics/${parent.id}`, json('PATCH', { query: 'G20, nelayan' }));
    expect(await count(key.id)).toBe(2);
    const versions = (await (await app.request(`/api/v1/topics/${key.id}/versions`)).json()) as { data: { version: number }[] };
    expect(versions.data.map((v) => v.version)).toEqual([2, 1]);

    const clash = await app.request('/api/v1/topics', json('POST', { name: 'Harga', query: 'beras', parent_id: parent.id }));
    expect(clash.status).toBe(409);
    const nested = await app.request('/api/v1/topics', json('POST', { name: 'Cabai', query: 'cabai', parent_id: key.id }));
    expect(nested.status).toBe(422);
  });
});
