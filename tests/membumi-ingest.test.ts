import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REACH } from '../analysis/reach.js';
import { minhashSignature } from '../analysis/similarity.js';
import { createPressRelease } from '../api/press-releases/press-releases.repo.js';
import { ingestMentions } from '../crawler/ingest.repo.js';
import type { MentionInput } from '../core/types.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { factory } from './helpers/factory.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

const RELEASE = [
  'Kementerian Koordinator Bidang Perekonomian menegaskan sinergi seluruh pemangku kepentingan dalam Presidensi G20 Indonesia menjadi kunci akselerasi pemulihan ekonomi nasional.',
  'Implementasi transformasi digital dan optimalisasi ekosistem UMKM terus didorong melalui kolaborasi multilateral yang inklusif dan berkelanjutan, kata Deputi Bidang Koordinasi Ekonomi Digital, Rudy Salahuddin.',
  'Pemerintah mengajak seluruh pemangku kepentingan untuk mengorkestrasi narasi positif Presidensi G20 secara masif dan terstruktur di berbagai kanal komunikasi publik.',
].join('\n\n');

const mention = (over: Partial<MentionInput> & Pick<MentionInput, 'url' | 'title' | 'body'>): MentionInput => ({
  sourceId: null, kind: 'news', author: null, publishedAt: new Date(Date.now() - 3_600_000), language: 'id', views: null, ...over,
});

type Row = {
  url: string; sentiment: string; register: string; grounding_score: number; tier: string; reach: number; reach_method: string;
  membumi: number; membumi_organic: number; membumi_voices: number; voices_official: number; voices_non_official: number; province_codes: string[];
  analysis: { jargon: { term: string; plain: string }[] };
};

describe('analysis and the membumi index at ingest', () => {
  test("a ministry release's verbatim pickup, a regional story quoting a fisherman and a citizen's post are scored apart, and the topic-day rollup is their reach-weighted index", async () => {
    const topic = await factory.topic(db.sql, { name: 'G20 membumi', query: 'G20' });
    const national = await factory.source(db.sql, { url: 'https://nasional.example/rss', tier: 'national' });
    const regional = await factory.source(db.sql, { url: 'https://kabarbontang.example/rss', tier: 'regional' });
    const social = await factory.source(db.sql, { url: 'https://mastodon.example', tier: 'social', kind: 'mastodon', config: { instance: 'https://mastodon.example', hashtag: 'G20' } });
    await createPressRelease(db.sql, { title: 'Sinergi untuk Presidensi G20', url: null, body: RELEASE, publishedAt: null, signature: minhashSignature(RELEASE)! });

    await ingestMentions(db.sql, [
      mention({ url: 'https://nasional.example/berita/sinergi-g20', sourceId: national.id, title: 'Sinergi pemangku kepentingan kunci Presidensi G20', body: RELEASE }),
      mention({
        url: 'https://kabarbontang.example/berita/nelayan-g20', sourceId: regional.id, title: 'Nelayan Bontang bicara soal G20', views: 1481,
        body: 'Harga solar untuk perahu naik lagi minggu ini, kata Darto, nelayan di Bontang, Kalimantan Timur. "Kami dengar soal G20 di televisi, tapi di pasar ikan harga tidak berubah," ujar Darto. Ia berharap pemerintah ikut memikirkan nelayan kecil yang setiap hari melaut.',
      }),
      mention({
        url: 'https://mastodon.example/@sri/1', sourceId: social.id, kind: 'social', title: 'harga cabai', views: null,
        body: 'harga cabai di pasar naik lagi, katanya G20 bikin ekonomi pulih tapi kita yg di pasar gak ngerasain apa2 sih 😡',
        social: { platform: 'mastodon', externalId: '1', authorHandle: '@sri', authorKind: 'individual', followers: 120, likes: 30, shares: 10, replies: 5 },
      }),
    ]);
    const rows = await db.sql<Row[]>`select url, sentiment, register, grounding_score, tier, reach, reach_method, membumi, membumi_organic, membumi_voices,
      voices_official, voices_non_official, province_codes, analysis from mentions order by url`;
    const [fisherman, post, echo] = [...rows] as [Row, Row, Row]; // by URL: kabarbontang, mastodon, nasional

    expect(echo).toMatchObject({ register: 'elitist', tier: 'national', reach_method: 'audience', reach: REACH.tierAudience.national, membumi_organic: 0 });
    expect(echo.analysis.jargon.map((j) => j.term)).toEqual(expect.arrayContaining(['sinergi', 'pemangku kepentingan', 'akselerasi']));
    expect(echo.voices_official).toBeGreaterThanOrEqual(1);
    expect(fisherman).toMatchObject({ tier: 'regional', reach: 1481, reach_method: 'views', membumi_organic: 1, membumi_voices: 1, voices_non_official: 1 });
    expect(fisherman.province_codes).toContain('64');
    expect(post).toMatchObject({ sentiment: 'negative', register: 'grounded', tier: 'social', reach_method: 'engagement', reach: 45 * REACH.engagementToViews });
    expect(echo.membumi).toBeLessThan(25);
    expect(fisherman.membumi).toBeGreaterThan(60);
    expect(post.membumi).toBeGreaterThan(85);

    const [day] = await db.sql<{ reach: number; membumi_reach: number; mentions: number; negative: number; elitist: number; analysed: number }[]>`
      select sum(reach)::float8 as reach, sum(membumi_reach)::float8 as membumi_reach, sum(mentions)::int as mentions, sum(negative)::int as negative,
             sum(elitist)::int as elitist, sum(analysed)::int as analysed
      from topic_daily_stats where topic_id = ${topic.id}`;
    const expected = rows.reduce((n, r) => n + r.reach * r.membumi, 0) / rows.reduce((n, r) => n + r.reach, 0);
    expect(day!.mentions).toBe(3);
    expect(day!.analysed).toBe(3);
    expect(day!.elitist).toBe(1);
    expect(day!.negative).toBeGreaterThanOrEqual(1);
    expect(day!.membumi_reach / day!.reach).toBeCloseTo(expected, 3);
    // the sentiment series read the same counts from the rollup
    const { sql } = db;
    const negative = await sql<{ y: number }[]>`select sum(negative)::int as y from topic_daily_stats where topic_id = ${topic.id}`;
    expect(negative[0]!.y).toBe(day!.negative);
    // the national echo carries the most reach, so the day reads low although two of three mentions are grounded
    expect(day!.membumi_reach / day!.reach).toBeLessThan(35);
  });

  test("a domain's audience counts once per day: its second audience-estimated mention that day adds no reach", async () => {
    const source = await factory.source(db.sql, { url: 'https://portal.example.go.id/rss', tier: 'official' });
    const body = (n: number) => `Pemerintah kota menggelar rapat koordinasi persiapan kegiatan nomor ${n} di balai kota bersama seluruh camat dan lurah.`.repeat(3);
    await ingestMentions(db.sql, [1, 2].map((n) => mention({ url: `https://portal.example.go.id/berita/${n}`, sourceId: source.id, title: `Rapat ${n}`, body: body(n) })));
    const rows = await db.sql<{ reach: number; reach_method: string }[]>`select reach, reach_method from mentions where source_id = ${source.id} order by url`;
    expect(rows).toEqual([{ reach: REACH.tierAudience.official, reach_method: 'audience' }, { reach: 0, reach_method: 'audience_repeat' }]);
  });

  test('a post seen again with more engagement has its reach re-estimated, and the topic-day reach and index sums move by the difference', async () => {
    const topic = await factory.topic(db.sql, { name: 'Harga pasar', query: 'harga beras' });
    const post = (likes: number) =>
      mention({
        url: 'https://mastodon.example/@budi/7', kind: 'social', title: 'harga beras', views: null,
        body: 'harga beras di warung deket rumah naik lagi, gaji segini doang gimana mau nabung ya 😩',
        social: { platform: 'mastodon', externalId: '7', authorHandle: '@budi', authorKind: 'individual', followers: 80, likes, shares: 0, replies: 0 },
      });
    await ingestMentions(db.sql, [post(10)]);
    const before = await db.sql<{ reach: number; membumi_reach: number }[]>`select reach::float8, membumi_reach from topic_daily_stats where topic_id = ${topic.id}`;
    await ingestMentions(db.sql, [post(50)]);
    const [m] = await db.sql<{ reach: number; membumi: number }[]>`select reach, membumi from mentions where url = 'https://mastodon.example/@budi/7'`;
    const after = await db.sql<{ reach: number; membumi_reach: number }[]>`select reach::float8, membumi_reach from topic_daily_stats where topic_id = ${topic.id}`;
    expect(before[0]!.reach).toBe(10 * REACH.engagementToViews);
    expect(m!.reach).toBe(50 * REACH.engagementToViews);
    expect(after[0]!.reach).toBe(50 * REACH.engagementToViews);
    expect(after[0]!.membumi_reach - before[0]!.membumi_reach).toBeCloseTo(40 * REACH.engagementToViews * m!.membumi, 0);
  });
});

describe('two writers at once', () => {
  test('storing the same pages at the same moment, each page is stored once, in one story, and counted once', async () => {
    const source = await factory.source(db.sql, { url: 'https://serentak.example/rss', tier: 'regional' });
    // Every word pair carries the story's number, so no two stories share a shingle.
    const story = (n: number) => 'warga menggelar kerja bakti membersihkan saluran air menjelang musim hujan kata ketua setempat mereka berharap banjir tidak terulang'
      .split(' ').map((w) => `${w} RT${n}`).join(' ');
    // Pairs of outlets running the same story: 0 and 1 tell story 0, 2 and 3 story 1, and so on.
    const page = (round: number, n: number) => mention({
      url: `https://serentak.example/berita/${round}-${n}`, sourceId: source.id, title: `Kerja bakti ${round}-${Math.floor(n / 2)}`,
      body: story(round * 100 + Math.floor(n / 2)),
    });
    for (let round = 0; round < 4; round++) {
      const first = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => page(round, n));
      const second = [9, 8, 7, 6, 5, 4].map((n) => page(round, n)); // overlaps 4..7, in another order
      const [a, b] = await Promise.all([ingestMentions(db.sql, first), ingestMentions(db.sql, second)]);
      const insertedUrls = [...a.map((r, k) => (r.inserted ? first[k]!.url : null)), ...b.map((r, k) => (r.inserted ? second[k]!.url : null))].filter(Boolean);
      expect(insertedUrls.sort()).toEqual([...new Set([...first, ...second].map((m) => m.url))].sort());
    }
    const [counts] = await db.sql<{ mentions: number; stories: number; unclustered: number; unbanded: number; counted: number }[]>`
      select count(*)::int as mentions, count(distinct cluster_id)::int as stories, count(*) filter (where cluster_id is null)::int as unclustered,
             count(*) filter (where not exists (select 1 from mention_bands b where b.mention_id = m.id))::int as unbanded,
             (select coalesce(sum(c.mentions), 0)::int from source_daily_counts c where c.source_id = ${source.id}) as counted
      from mentions m where m.source_id = ${source.id}`;
    expect(counts).toEqual({ mentions: 40, stories: 20, unclustered: 0, unbanded: 0, counted: 40 });
  });
});
