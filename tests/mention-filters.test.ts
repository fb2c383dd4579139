import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestApp, type TestApp } from './helpers/app.js';
import { seedCoverage } from './helpers/coverage.js';
import { factory } from './helpers/factory.js';

let t: TestApp;
let topicId: number;
const DAY = '2026-03-10';
const NEXT = '2026-03-11';
beforeAll(async () => {
  t = await openTestApp();
  topicId = (await factory.topic(t.db.sql, { name: 'G20', query: 'G20' })).id;
  await seedCoverage(t.db.sql, DAY);
});
afterAll(async () => t?.close());

const range = () => `topic=${topicId}&from=${DAY}&to=${NEXT}`;

async function feed(query: string) {
  const res = await t.app.request(`/api/v1/mentions?${range()}&limit=100${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { tier: string | null; province_codes: string[] | null }[] }).data;
}

async function panelCount(query: string): Promise<number> {
  const res = await t.app.request(`/api/v1/panels/volume?${range()}${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { mentions: number }[] }).data.reduce((n, d) => n + d.mentions, 0);
}

async function csvRows(query: string): Promise<number> {
  const res = await t.app.request(`/api/v1/exports/mentions.csv?${range()}${query}`);
  expect(res.status).toBe(200);
  return (await res.text()).split('\r\n').filter(Boolean).length - 1;
}

describe('tier and province filters on the feed and the exports', () => {
  test('for each filter the feed lists as many mentions as the volume panel counts, and the CSV export has as many rows', async () => {
    const filters = ['', '&tier=regional', '&tier=official', '&tier=social', '&province=64', '&province=51', '&province=35',
      '&tier=regional&province=64', '&tier=national&province=51', '&kind=news&province=64', '&tier=state', '&province=11'];
    const counts: Record<string, number> = {};
    for (const f of filters) {
      const rows = await feed(f);
      counts[f] = rows.length;
      expect(rows.length, `feed ${f || '(no filter)'}`).toBe(await panelCount(f));
      expect(await csvRows(f), `CSV ${f || '(no filter)'}`).toBe(rows.length);
    }
    // the filters do narrow: known figures of the seeded campaign
    expect(counts).toMatchObject({ '': 6, '&tier=regional': 3, '&province=51': 2, '&province=64': 2, '&tier=state': 0 });
  });

  test('the province filter is the province a mention names first, as in the panels', async () => {
    for (const m of await feed('&province=64')) expect(m.province_codes?.[0]).toBe('64');
    for (const m of await feed('&tier=regional')) expect(m.tier).toBe('regional');
  });

  test('a bad tier or province is a 400 naming the field, on the feed and the exports alike', async () => {
    for (const path of ['/api/v1/mentions', '/api/v1/exports/mentions.csv']) {
      const tier = await t.app.request(`${path}?tier=elite`);
      expect(tier.status).toBe(400);
      expect(((await tier.json()) as { error: { message: string } }).error.message).toMatch(/tier/);
      expect((await t.app.request(`${path}?province=Bali`)).status).toBe(400);
    }
  });

  test('the language filter lists only mentions whose text is in that language, on the feed and the CSV alike, and names a bad code', async () => {
    await t.db.sql`update mentions set language = 'jv' where id = (select min(id) from mentions)`;
    const jv = await feed('&language=jv');
    expect(jv.length).toBe(1);
    expect(await csvRows('&language=jv')).toBe(1);
    expect((await feed('&language=id')).length).toBe((await feed('')).length - 1);
    const csv = await (await t.app.request(`/api/v1/exports/mentions.csv?${range()}&language=jv`)).text();
    expect(csv.split('\r\n')[0]).toContain('bahasa');
    expect(csv.split('\r\n')[1]).toContain(',jv,');
    const bad = await t.app.request('/api/v1/mentions?language=klingon');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/language/);
  });
});
