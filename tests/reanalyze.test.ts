import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analysisVersion, ANALYSIS_VERSION } from '../analysis/analyze.js';
import { loadAdaptation } from '../core/adaptation.js';
import { createApp, depsFromRuntime } from '../api/app.js';
import { applyToRollups } from '../core/rollups.js';
import type { Runtime } from '../core/runtime.js';
import { DEFAULT_TZ } from '../core/time.js';
import { ingestMentions } from '../crawler/ingest.repo.js';
import { startWorkers } from '../crawler/worker.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { authorizeAsAdmin } from './helpers/auth.js';
import { factory } from './helpers/factory.js';
import { openTestRuntime } from './helpers/runtime.js';
import { waitFor } from './helpers/wait.js';

let db: TestDatabase;
let rt: Runtime;
let app: ReturnType<typeof createApp>;
let workers: { close(): Promise<void> };

beforeAll(async () => {
  db = await createTestDatabase();
  rt = await openTestRuntime(db.url, { WORKERS: 'analyze' });
  app = await authorizeAsAdmin(createApp(depsFromRuntime(rt)), rt.db.sql);
  workers = await startWorkers(rt);
});
afterAll(async () => {
  await workers?.close();
  await rt?.close();
  await db?.drop();
});

type Day = { reach: number; membumi_reach: number; register_reach: number; analysed: number; positive: number; negative: number; elitist: number; mentions: number };
const rollup = async (topicId: number) =>
  (await db.sql<Day[]>`
    select sum(reach)::float8 as reach, sum(membumi_reach)::float8 as membumi_reach, sum(register_reach)::float8 as register_reach,
           sum(analysed)::int as analysed, sum(positive)::int as positive, sum(negative)::int as negative, sum(elitist)::int as elitist,
           sum(mentions)::int as mentions
    from topic_daily_stats where topic_id = ${topicId}`)[0]!;

describe('re-analysis of stored mentions', () => {
  test('mentions stored before the analysis existed are scored by a background job with progress, and the rollups come out as if they had been analysed at ingest', async () => {
    const topic = await factory.topic(db.sql, { name: 'Pasar dan G20', query: 'G20' });
    const source = await factory.source(db.sql, { url: 'https://kabar.example/rss', tier: 'regional' });
    const texts = [
      'Pedagang ikan di Pasar Segiri bilang harga ikan naik sejak KTT G20, kata Bu Sri, pedagang di pasar itu. Pembeli makin sepi dan dagangan sering tidak habis.',
      'Kementerian menegaskan sinergi pemangku kepentingan dalam akselerasi implementasi transformasi digital Presidensi G20 berjalan optimal dan inklusif.',
      'Warga Samarinda bangga dan senang, festival kuliner rakyat menyambut G20 ramai pengunjung dan pedagang kecil untung besar.',
    ];
    await ingestMentions(db.sql, texts.map((body, i) => ({
      url: `https://kabar.example/berita/${i}`, sourceId: source.id, kind: 'news' as const, title: `Berita ${i}`, body: body.repeat(2),
      author: null, publishedAt: new Date(Date.now() - 3_600_000), language: 'id', views: 1000 * (i + 1),
    })));
    const fresh = await rollup(topic.id);
    const ids = (await db.sql<{ id: number }[]>`select id from mentions order by id`).map((r) => r.id);

    // As a deployment from before the analysis had them: no analysis, no reach, no index, rollups with counts only.
    await db.sql.begin(async (tx) => {
      await applyToRollups(tx, ids, -1, DEFAULT_TZ);
      await tx`update mentions set analysis_version = null, sentiment = null, register = null, grounding_score = null, analysis = null,
               tier = null, reach = null, reach_method = null, membumi = null, membumi_audience = null, membumi_register = null,
               membumi_voices = null, membumi_organic = null where id = any(${ids}::bigint[])`;
      await applyToRollups(tx, ids, 1, DEFAULT_TZ);
    });
    expect(await rollup(topic.id)).toMatchObject({ mentions: 3, analysed: 0, reach: 0, membumi_reach: 0 });

    const res = await app.request('/api/v1/analyze/reanalyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scope: 'outdated' }) });
    expect(res.status).toBe(202);
    const { data } = (await res.json()) as { data: { jobId: string; status: string } };
    const status = await waitFor('the re-analysis to finish', async () => {
      const body = (await (await app.request(data.status)).json()) as { data: { state: string; done: number; total: number } };
      return body.data.state === 'completed' ? body.data : null;
    }, 30_000, 200);
    expect(status).toMatchObject({ done: 3, total: 3 });

    const rows = await db.sql<{ analysis_version: number; membumi: number | null; reach: number }[]>`select analysis_version, membumi, reach from mentions order by id`;
    // scored with the deployment's profile: the lexicons, and the tracked topics' words (no sentiment weight)
    const version = analysisVersion((await loadAdaptation(db.sql))?.id);
    expect(version).not.toBe(ANALYSIS_VERSION);
    expect(rows.every((r) => r.analysis_version === version && r.membumi !== null)).toBe(true);
    const again = await rollup(topic.id);
    expect(again.mentions).toBe(3);
    expect(again.analysed).toBe(3);
    expect(again.reach).toBe(fresh.reach);
    expect(again.membumi_reach).toBeCloseTo(fresh.membumi_reach, 3);
    expect(again.register_reach).toBeCloseTo(fresh.register_reach, 3);
    expect({ positive: again.positive, negative: again.negative, elitist: again.elitist }).toEqual({ positive: fresh.positive, negative: fresh.negative, elitist: fresh.elitist });

    // Nothing is outdated any more: a second run has nothing to do.
    const second = (await (await app.request('/api/v1/analyze/reanalyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scope: 'outdated' }) })).json()) as { data: { status: string } };
    const done = await waitFor('the second run', async () => {
      const body = (await (await app.request(second.data.status)).json()) as { data: { state: string; total: number } };
      return body.data.state === 'completed' ? body.data : null;
    }, 30_000, 200);
    expect(done.total).toBe(0);
  });

  test('registering the press release that outlets copied makes their pickups no longer organic, and the topic index falls with it', async () => {
    const topic = await factory.topic(db.sql, { name: 'Rilis sinergi', query: '"narasi positif Presidensi G20"' });
    const source = await factory.source(db.sql, { url: 'https://nasional.example/rss', tier: 'national' });
    const release = [
      'Kementerian Koordinator menegaskan sinergi seluruh pemangku kepentingan dalam Presidensi G20 Indonesia menjadi kunci akselerasi pemulihan ekonomi nasional yang inklusif.',
      'Implementasi transformasi digital dan optimalisasi ekosistem UMKM terus didorong melalui kolaborasi multilateral yang berkelanjutan di seluruh daerah, kata Deputi Bidang Koordinasi.',
      'Pemerintah mengajak seluruh pemangku kepentingan untuk mengorkestrasi narasi positif Presidensi G20 secara masif dan terstruktur di berbagai kanal komunikasi publik.',
    ].join('\n\n');
    await ingestMentions(db.sql, [{
      url: 'https://nasional.example/berita/sinergi', sourceId: source.id, kind: 'news', title: 'Sinergi Presidensi G20', body: release,
      author: null, publishedAt: new Date(Date.now() - 7_200_000), language: 'id', views: 5000,
    }]);
    const membumi = async () => (await (await app.request(`/api/v1/membumi?topic=${topic.id}`)).json()) as {
      summary: { index: number; parts: { organic: number }; reach: number; previous: { index: number | null }; change: number | null };
      data: { x: string; index: number | null }[];
    };
    const before = await membumi();
    expect(before.summary.parts.organic).toBe(1);
    expect(before.data).toHaveLength(30);
    expect(before.data.filter((d) => d.index !== null)).toHaveLength(1); // days without reach have no index, not zero
    expect(before.summary.previous.index).toBeNull();

    const res = await app.request('/api/v1/press-releases', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Sinergi untuk Presidensi G20', text: release }) });
    expect(res.status).toBe(201);
    const after = await waitFor('the pickup to be re-scored', async () => {
      const m = await membumi();
      return m.summary.parts.organic === 0 ? m : null;
    }, 30_000, 200);
    expect(after.summary.reach).toBe(before.summary.reach);
    expect(after.summary.index).toBeLessThan(before.summary.index - 10);
  });

  test('an unknown job id is a 404', async () => {
    expect((await app.request('/api/v1/analyze/reanalyze/nope-123')).status).toBe(404);
  });
});
