import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseQuery, positiveTerms, QuerySyntaxError } from '../core/query/parse.js';
import { queryCondition } from '../core/query/sql.js';
import { ingestMentions } from '../crawler/ingest.repo.js';
import type { MentionInput } from '../core/types.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { factory } from './helpers/factory.js';

const syntaxError = (query: string) => {
  try {
    parseQuery(query);
  } catch (err) {
    if (err instanceof QuerySyntaxError) return { position: err.position, message: err.message };
    throw err;
  }
  throw new Error(`"${query}" parsed`);
};

describe('topic query language: syntax', () => {
  test('operators in English and Indonesian, commas, parentheses, phrases, wildcards, NEAR and fields parse into one tree', () => {
    const q = parseQuery('("Presidensi G20" ATAU KTT) DAN sukses* TANPA hoaks, title:rilis, harga NEAR/3 beras, source:"Kabar Pesisir", tier:daerah');
    expect(q.type).toBe('or');
    expect(JSON.stringify(q)).toContain('"type":"prefix","stem":"sukses"');
    expect(JSON.stringify(q)).toContain('"type":"near"');
    expect(JSON.stringify(q)).toContain('"tier":"regional"');
    expect(parseQuery('G20 AND rakyat')).toEqual(parseQuery('G20 DAN rakyat'));
    expect(parseQuery('G20 rakyat')).toEqual(parseQuery('G20 AND rakyat'));
    expect(parseQuery('G20 OR rakyat')).toEqual(parseQuery('G20, rakyat'));
    expect(parseQuery('G20 NOT hoaks')).toEqual(parseQuery('G20 -hoaks'));
  });

  test('lower-case "dan", "atau" and "tanpa" are words to search for, not operators', () => {
    expect(parseQuery('harga dan pasokan')).toEqual({ type: 'and', nodes: [{ type: 'term', word: 'harga' }, { type: 'term', word: 'dan' }, { type: 'term', word: 'pasokan' }] });
  });

  test.each([
    ['"KTT G20', 1, /quote is never closed/],
    ['G20 AND', 5, /nothing after/],
    ['(G20 OR KTT', 1, /never closed/],
    ['G20)', 4, /has no \( before it/],
    ['OR G20', 1, /nothing before OR/],
    ['G20 NEAR/0 rakyat', 5, /distance must be from 1/],
    ['harga NEAR beras', 7, /NEAR needs a distance/],
    ['tier:provinsi', 6, /not a tier/],
    ['s* G20', 1, /at least two letters/],
    ['TANPA hoaks', 1, /only excludes/],
    ['"!!!" , ???', 1, /no letters or digits/],
    ['G20 ?', 5, /not part of a word/],
  ])('"%s" is refused at character %i, saying why', (query, position, why) => {
    const e = syntaxError(query);
    expect(e.position).toBe(position);
    expect(e.message).toMatch(why);
    expect(e.message).toMatch(new RegExp(`^at character ${position}:`));
  });

  test('search feeds are asked for what the query looks for, never what it excludes', () => {
    expect(positiveTerms(parseQuery('Presidensi G20, "KTT G20" TANPA hoaks, harga*'))).toEqual(['presidensi g20', 'ktt g20', 'harga']);
  });
});

describe('topic query language: matching in PostgreSQL', () => {
  let db: TestDatabase;
  const texts: Record<string, { title: string; body: string; source?: 'regional' | 'national' }> = {
    phrase: { title: 'Presidensi G20 di Bali', body: 'Delegasi datang untuk KTT G20 dan warga menyambut dengan meriah di Nusa Dua.' },
    split: { title: 'Kabar pasar', body: 'Presidensi Indonesia tahun ini membuat pedagang berharap G20 membawa pembeli.' },
    hoax: { title: 'Hoaks KTT G20', body: 'Beredar hoaks soal pembatalan KTT G20 di media sosial, warga diminta waspada.' },
    prefix: { title: 'Festival UMKM', body: 'Acara festival berlangsung sukses besar dan kesuksesan itu dirasakan pedagang.' },
    near: { title: 'Harga di pasar', body: 'Harga cabai dan beras di pasar tradisional naik tajam menjelang akhir pekan.' },
    far: { title: 'Catatan pasar', body: 'Harga cabai naik lagi, kata pedagang yang sudah dua puluh tahun berjualan di los sayur, sedangkan beras tetap.' },
    regional: { title: 'Nelayan Bontang', body: 'Nelayan Bontang berharap harga solar turun setelah pertemuan G20 selesai.', source: 'regional' },
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const regional = await factory.source(db.sql, { name: 'Kabar Pesisir', url: 'https://kabarpesisir.example/rss', tier: 'regional' });
    const national = await factory.source(db.sql, { name: 'Warta Nusantara', url: 'https://warta.example/rss', tier: 'national' });
    const inputs: MentionInput[] = Object.entries(texts).map(([key, t]) => ({
      url: `https://contoh.example/${key}`, sourceId: t.source === 'regional' ? regional.id : national.id, kind: 'news', title: t.title, body: t.body,
      author: null, publishedAt: new Date(Date.now() - 3_600_000), language: 'id', views: null,
    }));
    await ingestMentions(db.sql, inputs);
  });
  afterAll(async () => db?.drop());

  const matching = async (query: string) => {
    const rows = await db.sql<{ url: string }[]>`select m.url from mentions m where ${queryCondition(db.sql, parseQuery(query))} order by m.url`;
    return rows.map((r) => r.url.split('/').pop()!).sort();
  };

  test.each([
    ['"Presidensi G20"', ['phrase']],
    ['Presidensi G20', ['phrase', 'split']],
    ['KTT G20 TANPA hoaks', ['phrase']],
    ['sukses*', ['prefix']],
    ['harga NEAR/3 beras', ['near']],
    ['harga NEAR/20 beras', ['far', 'near']],
    ['title:hoaks', ['hoax']],
    ['source:"Kabar Pesisir" G20', ['regional']],
    ['tier:daerah', ['regional']],
    ['(nelayan ATAU pedagang) DAN G20', ['regional', 'split']],
  ])('%s matches exactly the mentions it says', async (query, expected) => {
    expect(await matching(query)).toEqual([...expected].sort());
  });

  test('a topic saved afterwards (backfill) and the same topic present at ingest select the same mentions', async () => {
    const queries = ['Presidensi G20', '"KTT G20" TANPA hoaks', 'harga NEAR/3 beras, sukses*', 'tier:daerah ATAU title:festival', 'source:warta G20'];
    const keyOf = (url: string) => url.split('/').pop()!;
    // Backfill: topics created after the mentions were stored.
    const topics: { id: number; query: string; backfilled: string[] }[] = [];
    for (const [i, query] of queries.entries()) {
      const topic = await factory.topic(db.sql, { name: `Isi ulang ${i}`, query });
      const rows = await db.sql<{ url: string }[]>`select m.url from topic_mentions tm join mentions m on m.id = tm.mention_id where tm.topic_id = ${topic.id}`;
      topics.push({ id: topic.id, query, backfilled: rows.map((r) => keyOf(r.url)).sort() });
    }
    // Ingest: the same texts from the same sources, stored again under new URLs while the topics exist.
    const sources = new Map((await db.sql<{ url: string; source_id: number }[]>`select url, source_id from mentions`).map((r) => [keyOf(r.url), r.source_id]));
    await ingestMentions(db.sql, Object.entries(texts).map(([key, t]) => ({
      url: `https://lagi.example/${key}`, sourceId: sources.get(key)!, kind: 'news' as const, title: t.title, body: t.body,
      author: null, publishedAt: new Date(Date.now() - 3_600_000), language: 'id', views: null,
    })));
    for (const t of topics) {
      const rows = await db.sql<{ url: string }[]>`
        select m.url from topic_mentions tm join mentions m on m.id = tm.mention_id
        where tm.topic_id = ${t.id} and m.url like 'https://lagi.example/%'`;
      expect({ query: t.query, keys: rows.map((r) => keyOf(r.url)).sort() }).toEqual({ query: t.query, keys: t.backfilled });
      expect(t.backfilled.length).toBeGreaterThan(0);
    }
  });
});
