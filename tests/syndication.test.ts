import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COPY_SIMILARITY, minhashSignature, similarity } from '../analysis/similarity.js';
import { createApp, depsFromRuntime } from '../api/app.js';
import type { Runtime } from '../core/runtime.js';
import { runSourceCrawl } from '../crawler/pipeline.js';
import { loadFixtureArticles, startNewsSite, type NewsSite } from './fixtures/news-site/server.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { authorizeAsAdmin } from './helpers/auth.js';
import { factory } from './helpers/factory.js';
import { openTestCrawlContext, openTestRuntime } from './helpers/runtime.js';

/** In the demo data, a ministry release and the outlets that ran it almost word for word a day later. */
const RELEASE = 'sinergi-pusat-daerah-deliverables-presidensi-g20';
const COPIES = ['kemenko-dorong-daerah-percepat-implementasi-g20', 'daerah-diminta-proaktif-dukung-presidensi-g20'];

let db: TestDatabase;
let rt: Runtime;
let site: NewsSite;
let crawl: ReturnType<typeof openTestCrawlContext>;

beforeAll(async () => {
  db = await createTestDatabase();
  rt = await openTestRuntime(db.url);
  crawl = openTestCrawlContext(db.sql);
  site = await startNewsSite();
});
afterAll(async () => {
  await crawl?.close();
  await site?.close();
  await rt?.close();
  await db?.drop();
});

const bySlug = (slug: string) => db.sql<{ id: number; cluster_id: number; copy_of: number | null; press_release_id: number | null }[]>`
  select id, cluster_id, copy_of, press_release_id from mentions where url like ${`%/berita/${slug}`}`.then((r) => r[0]!);

describe('near-duplicate detection', () => {
  test('signatures see through small edits but tell different stories apart', () => {
    const articles = loadFixtureArticles();
    const text = (slug: string) => articles.find((a) => a.slug === slug)!.paragraphs.join('\n');
    const original = minhashSignature(text(RELEASE))!;
    for (const copy of COPIES) expect(similarity(original, minhashSignature(text(copy))!)).toBeGreaterThanOrEqual(COPY_SIMILARITY);
    const other = articles.find((a) => a.outlet === 'kabar' && !COPIES.includes(a.slug))!;
    expect(similarity(original, minhashSignature(other.paragraphs.join('\n'))!)).toBeLessThan(0.2);
    expect(minhashSignature('terlalu pendek')).toBeNull();
  });

  test('copies of a press release across outlets join its story, marked as copies of the first one seen', async () => {
    // the portal that issued the release is crawled first, then the outlets that copied it
    for (const id of ['portal', 'warta', 'kabar', 'suara'] as const) {
      const outlet = site.outlets.find((o) => o.id === id)!;
      await runSourceCrawl(crawl, await factory.source(db.sql, { url: outlet.feedUrl, name: outlet.name }));
    }
    const original = await bySlug(RELEASE);
    expect(original.copy_of).toBeNull();
    for (const slug of COPIES) {
      const copy = await bySlug(slug);
      expect(copy.cluster_id).toBe(original.cluster_id);
      expect(copy.copy_of).toBe(original.id);
    }
    const [stories] = await db.sql`select count(distinct cluster_id)::int as stories, count(*)::int as mentions from mentions`;
    expect(stories!.stories).toBeLessThan(stories!.mentions);
    const [cluster] = await db.sql`select mention_count, copy_count from story_clusters where id = ${original.cluster_id}`;
    expect(cluster).toMatchObject({ mention_count: 3, copy_count: 2 });
  });

  test('a press release registered by its text counts its pickups, and later pickups are linked at ingest', async () => {
    const app = await authorizeAsAdmin(createApp(depsFromRuntime(rt)), rt.db.sql);
    const release = loadFixtureArticles().find((a) => a.slug === 'diskominfos-bali-kenak-sinarengan-ktt-g20')!;
    const res = await app.request('/api/v1/press-releases', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: release.title, text: release.paragraphs.join('\n\n') }),
    });
    expect(res.status).toBe(201);
    const created = ((await res.json()) as { data: { id: number; pickup_count: number; verbatim_count: number; outlet_count: number } }).data;
    expect(created.pickup_count).toBe(2); // the portal's own page and one outlet's copy
    expect(created.outlet_count).toBe(2);

    const detail = (await (await app.request(`/api/v1/press-releases/${created.id}`)).json()) as { data: { pickups: { url: string }[] } };
    expect(detail.data.pickups.map((p) => p.url.split('/').at(-1)).sort()).toEqual(['diskominfos-bali-kenak-sinarengan-ktt-g20', 'slogan-bahasa-bali-sukseskan-ktt-g20']);

    // a new outlet runs the same release afterwards: linked when it is stored
    await factory.mention(db.sql, { url: 'https://koran.example/rilis-bali', title: 'Slogan Bali', body: release.paragraphs.join('\n\n') });
    const [m] = await db.sql`select press_release_id from mentions where url = 'https://koran.example/rilis-bali'`;
    expect(m!.press_release_id).toBe(created.id);

    const short = await app.request('/api/v1/press-releases', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x', text: 'pendek' }) });
    expect(short.status).toBe(400);
  });
});
