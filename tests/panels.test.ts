import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestApp, type TestApp } from './helpers/app.js';
import { seedCoverage, SOCIAL_AUTHOR } from './helpers/coverage.js';
import { factory } from './helpers/factory.js';

let t: TestApp;
let topicId: number;
let keyMessageId: number;
const DAY = '2026-03-10';
const NEXT = '2026-03-11';
beforeAll(async () => {
  t = await openTestApp();
  topicId = (await factory.topic(t.db.sql, { name: 'G20', query: 'G20' })).id;
  const key = await t.app.request('/api/v1/topics', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Harga ikan', query: '"harga ikan"', parent_id: topicId }),
  });
  keyMessageId = ((await key.json()) as { data: { id: number } }).data.id;
  await seedCoverage(t.db.sql, DAY);
});
afterAll(async () => t?.close());

type Rows = Record<string, string | number | null>[];
const panel = async (name: string, query = '') => {
  const res = await t.app.request(`/api/v1/panels/${name}?topic=${topicId}&from=${DAY}&to=${NEXT}${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: Rows }).data;
};

describe('dashboard panels from the rollups', () => {
  test('volume comes with its share of every item collected that day, and reach splits into organic, echo and official', async () => {
    expect(await panel('volume')).toEqual([
      { day: DAY, mentions: 5, all_mentions: 6, share: 0.8333 },
      { day: NEXT, mentions: 1, all_mentions: 1, share: 1 },
    ]);
    // the ministry's own page is official; the national outlet's verbatim copy and the next day's copied story are echo
    expect(await panel('reach')).toEqual([
      { day: DAY, reach: 5700, official_reach: 1000, echo_reach: 4000, organic_reach: 700 },
      { day: NEXT, reach: 500, official_reach: 0, echo_reach: 500, organic_reach: 0 },
    ]);
    expect(await panel('stories')).toEqual([{ day: DAY, originals: 4, pickups: 1 }, { day: NEXT, originals: 0, pickups: 1 }]);
    expect(await panel('voices')).toEqual([{ day: DAY, official: 2, non_official: 3 }, { day: NEXT, official: 0, non_official: 1 }]);
    expect((await panel('sentiment'))[0]).toEqual({ day: DAY, positive: 1, neutral: 2, negative: 2, analysed: 5 });
  });

  test('the languages panel counts each mention once under the language its text is in, with its share', async () => {
    const languages = await panel('languages');
    const volume = await panel('volume');
    expect(languages[0]).toMatchObject({ language: 'id' });
    expect(languages.reduce((n, r) => n + Number(r.mentions), 0)).toBe(volume.reduce((n, r) => n + Number(r.mentions), 0));
    expect(languages.reduce((n, r) => n + Number(r.share), 0)).toBeCloseTo(1, 5);
  });

  test('the tier mix lists every tier, and provinces are normalised by the topic\'s located mentions and by all items about the province', async () => {
    expect(await panel('tiers')).toEqual([
      { tier: 'official', mentions: 1, reach: 1000, share: 0.1667 },
      { tier: 'state', mentions: 0, reach: 0, share: 0 },
      { tier: 'national', mentions: 1, reach: 4000, share: 0.1667 },
      { tier: 'regional', mentions: 3, reach: 1000, share: 0.5 },
      { tier: 'social', mentions: 1, reach: 200, share: 0.1667 },
    ]);
    expect(await panel('provinces')).toEqual([
      { province: '51', name: 'Bali', mentions: 2, reach: 5000, share: 0.4, all_mentions: 2, share_of_province: 1 },
      { province: '64', name: 'Kalimantan Timur', mentions: 2, reach: 800, share: 0.4, all_mentions: 3, share_of_province: 0.6667 },
      { province: '35', name: 'Jawa Timur', mentions: 1, reach: 200, share: 0.2, all_mentions: 1, share_of_province: 1 },
    ]);
  });

  test('top sources, voices, terms and the jargon pulling coverage toward elitist come with counts and plain alternatives', async () => {
    expect((await panel('sources', '&limit=2'))).toEqual([
      { source: 'Kabar Kaltim', mentions: 3, reach: 1000 },
      { source: 'Nasional', mentions: 1, reach: 4000 },
    ]);
    const speakers = await panel('speakers');
    // the trader and the minister are each quoted in two mentions; their order between them is a tie
    expect(speakers.slice(0, 2).find((s) => s.voice === 'Sri')).toEqual({ voice: 'Sri', class: 'non_official', mentions: 2, quotes: 2, reach: 800 });
    // a ministry speaking as itself is no voice; the minister is one, by name
    expect(speakers.filter((s) => s.class === 'official').map((s) => s.voice)).toEqual(['Airlangga Hartarto']);
    // only words that carry sentiment are terms: "sepi" pulls negative in all three reports of the traders; "pedagang", "ikan", "G20" are no terms
    const terms = await panel('terms', '&limit=10');
    expect(terms[0]).toMatchObject({ term: 'sepi', mentions: 3 });
    expect(Math.sign(terms[0]!.pull as number)).toBe(-1);
    for (const word of ['pedagang', 'ikan', 'g20', 'pasar', 'harga']) expect(terms.map((r) => r.term)).not.toContain(word);
    const jargon = await panel('jargon', '&limit=3');
    expect(jargon[0]).toEqual({ term: 'sinergi', plain: 'kerja sama', uses: 6, mentions: 2, elitist_mentions: 2 });
    expect(jargon).toHaveLength(3);
  });

  test('tier and province filters narrow every panel, the series and the membumi index, and a key message has panels of its own', async () => {
    expect(await panel('volume', '&tier=regional')).toEqual([
      { day: DAY, mentions: 2, all_mentions: 3, share: 0.6667 },
      { day: NEXT, mentions: 1, all_mentions: 1, share: 1 },
    ]);
    expect((await panel('sources', '&province=51')).map((r) => r.source)).toEqual(['Nasional', 'Kemenko']);
    expect(await panel('stories', '&province=64&kind=news')).toEqual([{ day: DAY, originals: 1, pickups: 0 }, { day: NEXT, originals: 0, pickups: 1 }]);
    const series = (await (await t.app.request(`/api/v1/topics/${topicId}/series?metric=reach&from=${DAY}&to=${NEXT}&tier=official`)).json()) as { data: { y: number }[] };
    expect(series.data.map((d) => d.y)).toEqual([1000, 0]);
    const membumi = (await (await t.app.request(`/api/v1/membumi?topic=${topicId}&from=${DAY}&to=${NEXT}&province=35`)).json()) as { summary: { mentions: number; reach: number } };
    expect(membumi.summary).toMatchObject({ mentions: 1, reach: 200 });
    const key = (await (await t.app.request(`/api/v1/panels/volume?topic=${keyMessageId}&from=${DAY}&to=${DAY}`)).json()) as { data: Rows };
    expect(key.data).toEqual([{ day: DAY, mentions: 2, all_mentions: 6, share: 0.3333 }]);
  });

  test('each panel downloads as CSV with the same numbers, and a crawled value beginning with "=" is neutralised', async () => {
    const res = await t.app.request(`/api/v1/panels/speakers?topic=${topicId}&from=${DAY}&to=${NEXT}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain(`gaung-panel-speakers-topik-${topicId}-${DAY}_${NEXT}.csv`);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('suara,golongan,sebutan,kutipan,jangkauan');
    expect(lines.slice(1, 3)).toContain('Sri,non_official,2,2,800');
    expect(lines).toContain(`"'${SOCIAL_AUTHOR.replace(/"/g, '""')}",non_official,1,1,200`);
    const volume = await (await t.app.request(`/api/v1/panels/volume?topic=${topicId}&from=${DAY}&to=${NEXT}&format=csv&lang=en`)).text();
    expect(volume.replace(/^\uFEFF/, '').split('\r\n').slice(0, 3)).toEqual(['day,mentions,all_items,share', `${DAY},5,6,0.8333`, `${NEXT},1,1,1`]);
  });

  test('the daily series and the membumi trend download as CSV too, with the numbers their JSON has', async () => {
    const lines = async (path: string) => (await (await t.app.request(path)).text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    const series = await lines(`/api/v1/topics/${topicId}/series?metric=volume&from=${DAY}&to=${NEXT}&format=csv`);
    expect(series).toEqual(['hari (WIB),volume', `${DAY},5`, `${NEXT},1`]);
    const json = (await (await t.app.request(`/api/v1/membumi?topic=${topicId}&from=${DAY}&to=${NEXT}`)).json()) as { data: { x: string; index: number | null; reach: number; mentions: number }[] };
    const membumi = await lines(`/api/v1/membumi?topic=${topicId}&from=${DAY}&to=${NEXT}&format=csv&lang=en`);
    expect(membumi[0]).toBe('day (WIB),membumi index,audience,register,voices,organic,reach,mentions');
    expect(membumi).toHaveLength(3);
    json.data.forEach((d, i) => {
      const cells = membumi[i + 1]!.split(',');
      expect(cells[0]).toBe(d.x);
      expect(cells[1]).toBe(d.index === null ? '' : String(d.index));
      expect(cells.slice(-2)).toEqual([String(d.reach), String(d.mentions)]);
    });
  });

  test('an unknown panel, a range over a year, a top-N over 50, a bad province or an unknown topic are refused with the usual error body', async () => {
    const status = async (path: string) => (await t.app.request(path)).status;
    expect(await status(`/api/v1/panels/nope?topic=${topicId}`)).toBe(400);
    expect(await status(`/api/v1/panels/volume?topic=${topicId}&from=2025-01-01&to=2026-03-01`)).toBe(400);
    expect(await status(`/api/v1/panels/sources?topic=${topicId}&limit=51`)).toBe(400);
    expect(await status(`/api/v1/panels/volume?topic=${topicId}&province=Bali`)).toBe(400);
    expect(await status(`/api/v1/panels/volume?topic=${topicId}&tier=elite`)).toBe(400);
    const missing = await t.app.request('/api/v1/panels/volume?topic=999999');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
