import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deleteSource } from '../api/sources/sources.repo.js';
import { updateTopic } from '../api/topics/topics.repo.js';
import { rebuildRollups } from '../core/rollups.js';
import { ingestMentions } from '../crawler/ingest.repo.js';
import { reanalyzeMentions } from '../crawler/reanalyze.repo.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { factory } from './helpers/factory.js';
import { seedCoverage } from './helpers/coverage.js';

let db: TestDatabase;
let topicId: number;
const DAY = '2026-03-10';

beforeAll(async () => {
  db = await createTestDatabase();
  topicId = (await factory.topic(db.sql, { name: 'G20', query: 'G20' })).id;
  await factory.topic(db.sql, { name: 'Harga ikan', query: '"harga ikan"' });
  await seedCoverage(db.sql, DAY);
});
afterAll(async () => {
  await db?.drop();
});

type Stored = {
  topic_id: number | null; url: string; source_id: number | null; day: string; kind: string; tier: string | null; province: string | null; views: number | null; reach: number | null;
  sentiment: string | null; register: string | null; organic: number | null; author_voice: string | null; vo: number | null; vn: number | null;
  analysis: { voices?: { speaker: string; type: string }[]; jargon?: { term: string; count: number }[]; sentiment_terms?: { term: string }[] } | null;
  language: string | null;
};

/** What the rollups should hold, computed here in JavaScript from the stored mentions: an independent GROUP BY. */
async function expected() {
  const rows = await db.sql<Stored[]>`
    select tm.topic_id, m.url, m.source_id, to_char((m.occurred_at at time zone 'Asia/Jakarta')::date, 'YYYY-MM-DD') as day, m.kind, m.tier,
           m.province_codes[1] as province, m.views, m.reach, coalesce(m.sentiment_corrected, m.sentiment) as sentiment, m.register, m.membumi_organic as organic, m.author_voice,
           m.voices_official as vo, m.voices_non_official as vn, m.analysis, m.language
    from mentions m left join topic_mentions tm on tm.mention_id = m.id`;
  const stats = new Map<string, number[]>();
  const facets = new Map<string, number[]>();
  const counts = new Map<string, number>();
  const add = (map: Map<string, number[]>, key: string, values: number[]) => {
    const now = map.get(key) ?? values.map(() => 0);
    map.set(key, now.map((v, i) => v + values[i]!));
  };
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r.day}|${r.kind}|${r.tier ?? ''}|${r.province ?? ''}`;
    if (!seen.has(r.url)) counts.set(key, (counts.get(key) ?? 0) + 1);
    seen.add(r.url);
    if (r.topic_id === null) continue;
    const reach = r.reach ?? 0;
    const official = r.tier === 'official' || r.tier === 'state' || r.author_voice === 'official';
    const copy = (r.organic ?? 1) < 1;
    add(stats, `${r.topic_id}|${key}`, [
      1, r.views ?? 0, reach, r.sentiment === 'positive' ? 1 : 0, r.sentiment === 'negative' ? 1 : 0, r.register === 'elitist' ? 1 : 0,
      copy && r.author_voice !== 'official' ? 1 : 0, official ? reach : 0, !official && copy ? reach : 0, r.vo ?? 0, r.vn ?? 0,
    ]);
    const values = new Map<string, number>([[`source|${r.source_id ?? new URL(r.url).hostname.replace(/^www\./, '')}`, 1]]);
    // an unresolved pronoun ('dia') is no one to list among the top voices
    for (const v of (r.analysis?.voices ?? []).filter((x) => x.speaker !== 'dia')) values.set(`voice.${v.type}|${v.speaker}`, (values.get(`voice.${v.type}|${v.speaker}`) ?? 0) + 1);
    for (const t of r.analysis?.sentiment_terms ?? []) values.set(`term|${t.term}`, 1);
    for (const j of r.analysis?.jargon ?? []) values.set(`jargon|${j.term}`, j.count);
    if (r.language) values.set(`language|${r.language}`, 1);
    for (const [fv, uses] of values) add(facets, `${r.topic_id}|${key}|${fv}`, [1, reach, uses, r.register === 'elitist' ? 1 : 0]);
  }
  return { stats: sorted(stats), facets: sorted(facets), counts: Object.fromEntries([...counts].sort()) };
}

const sorted = (m: Map<string, number[]>) => Object.fromEntries([...m].filter(([, v]) => v[0] !== 0).sort());

/** The rollups kept without the province (migration 0016) or by facet value alone (0017) always equal the ones by province, summed. */
async function expectTierRollupsToMatch() {
  const keys = (table: string, key: string, cols: string) => db.sql<{ k: string; v: number[] }[]>`
    select ${db.sql.unsafe(key)} as k, array[${db.sql.unsafe(cols)}]::float8[] as v from ${db.sql(table)} group by 1 having sum(mentions) <> 0 order by 1`;
  const statKey = "topic_id || '|' || day || '|' || mention_kind || '|' || tier";
  const statCols = 'sum(mentions), sum(views), sum(reach), sum(membumi_reach), sum(positive), sum(negative), sum(pickups), sum(voices_official)';
  expect(await keys('topic_daily_tier_stats', statKey, statCols)).toEqual(await keys('topic_daily_stats', statKey, statCols));
  const facetKey = `${statKey} || '|' || facet || '|' || value`;
  const facetCols = 'sum(mentions), sum(reach), sum(uses), sum(elitist), sum(pull)';
  expect(await keys('topic_day_tier_facets', facetKey, facetCols)).toEqual(await keys('topic_day_facets', facetKey, facetCols));
  // the count of every item without the province (migration 0018) equals the one by province, summed
  const countKey = "day || '|' || mention_kind || '|' || tier";
  expect(await keys('mention_daily_tier_counts', countKey, 'sum(mentions)')).toEqual(await keys('mention_daily_counts', countKey, 'sum(mentions)'));
  // and the facets by value alone (migration 0017) equal them summed over kind and tier
  const valueKey = "topic_id || '|' || day || '|' || facet || '|' || value";
  expect(await keys('topic_day_value_facets', valueKey, facetCols)).toEqual(await keys('topic_day_facets', valueKey, facetCols));
}

/** What the rollup tables hold, zero rows (everything taken away again) left out. */
async function actual() {
  await expectTierRollupsToMatch();
  const stats = await db.sql<{ k: string; v: number[] }[]>`
    select topic_id || '|' || to_char(day, 'YYYY-MM-DD') || '|' || mention_kind || '|' || tier || '|' || province as k,
           array[mentions, views, reach, positive, negative, elitist, pickups, official_reach, echo_reach, voices_official, voices_non_official]::float8[] as v
    from topic_daily_stats where mentions <> 0`;
  const facets = await db.sql<{ k: string; v: number[] }[]>`
    select topic_id || '|' || to_char(day, 'YYYY-MM-DD') || '|' || mention_kind || '|' || tier || '|' || province || '|' || facet || '|' || value as k,
           array[mentions, reach, uses, elitist]::float8[] as v
    from topic_day_facets where mentions <> 0`;
  const counts = await db.sql<{ k: string; n: number }[]>`
    select to_char(day, 'YYYY-MM-DD') || '|' || mention_kind || '|' || tier || '|' || province as k, mentions as n from mention_daily_counts where mentions <> 0`;
  return {
    stats: Object.fromEntries(stats.map((r) => [r.k, r.v]).sort()),
    facets: Object.fromEntries(facets.map((r) => [r.k, r.v]).sort()),
    counts: Object.fromEntries(counts.map((r) => [r.k, r.n]).sort()),
  };
}

describe('rollups kept at ingest', () => {
  test('after ingest every rollup equals a GROUP BY over the stored mentions, with tier and first-named province in the key', async () => {
    const want = await expected();
    expect(await actual()).toEqual(want);
    const keys = Object.keys(want.stats).filter((k) => k.startsWith(`${topicId}|${DAY}`));
    expect(keys.sort()).toEqual([`${topicId}|${DAY}|news|national|51`, `${topicId}|${DAY}|news|official|51`, `${topicId}|${DAY}|news|regional|35`,
      `${topicId}|${DAY}|news|regional|64`, `${topicId}|${DAY}|social|social|`]);
    // the national outlet's verbatim copy of the ministry's text is a pickup and echo reach; the ministry's own reach is official
    expect(want.stats[`${topicId}|${DAY}|news|national|51`]).toEqual([1, 4000, 4000, 0, 0, 1, 1, 0, 4000, 1, 0]);
    expect(want.stats[`${topicId}|${DAY}|news|official|51`]).toEqual([1, 1000, 1000, 0, 0, 1, 0, 1000, 0, 1, 0]);
    expect(want.facets[`${topicId}|${DAY}|news|regional|64|voice.non_official|Sri`]).toEqual([1, 300, 1, 0]);
  });

  test('a social post seen again with more engagement moves every rollup by the difference', async () => {
    await ingestMentions(db.sql, [{
      url: 'https://mastodon.example/@sri/1', sourceId: null, kind: 'social', title: 'harga ikan', views: null, author: 'Sri', publishedAt: null, language: 'id',
      body: 'harga ikan di pasar naik lagi gara-gara G20, pembeli sepi, dagangan gak habis 😩',
      social: { platform: 'mastodon', externalId: '1', authorHandle: '@sri', authorKind: 'individual', followers: 120, likes: 40, shares: 2, replies: 1 },
    }]);
    const [post] = await db.sql<{ reach: number }[]>`select reach from mentions where url = 'https://mastodon.example/@sri/1'`;
    expect(post!.reach).toBe(43 * 20);
    expect(await actual()).toEqual(await expected());
  });

  test('after a re-analysis (a source re-tiered, mentions re-scored) the rollups still equal the GROUP BY, under the new tier', async () => {
    await db.sql`update sources set tier = 'state' where url = 'https://nasional.example/rss'`;
    const ids = (await db.sql<{ id: number }[]>`select id from mentions order by id`).map((r) => r.id);
    expect(await reanalyzeMentions(db.sql, ids)).toBe(ids.length);
    const want = await expected();
    expect(await actual()).toEqual(want);
    expect(Object.keys(want.stats).some((k) => k.includes('|news|state|51'))).toBe(true);
    expect(Object.keys(want.stats).some((k) => k.includes('|news|national|'))).toBe(false);
  });

  test('after a topic is re-matched with a new query its rollups equal the GROUP BY over its new matches', async () => {
    expect(await updateTopic(db.sql, topicId, { query: 'G20 TANPA sinergi' })).not.toBeNull();
    const want = await expected();
    expect(await actual()).toEqual(want);
    expect(Object.keys(want.facets).some((k) => k.startsWith(`${topicId}|`) && k.includes('|jargon|'))).toBe(false);
  });

  test('a source removed keeps its mentions in the rollups, counted under their domain', async () => {
    const [source] = await db.sql<{ id: number }[]>`select id from sources where url = 'https://kabar-kaltim.example/rss'`;
    expect(await deleteSource(db.sql, source!.id)).toBe(true);
    const want = await expected();
    expect(await actual()).toEqual(want);
    expect(Object.keys(want.facets).some((k) => k.endsWith('|source|kabar-kaltim.example'))).toBe(true);
  });

  test('rebuilding every rollup from the mentions gives the same tables', async () => {
    const before = await actual();
    await rebuildRollups(db.sql);
    expect(await actual()).toEqual(before);
  });
});
