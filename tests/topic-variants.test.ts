import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addVariantsToQuery } from '../core/query/variants-rewrite.js';
import { openTestApp, type TestApp } from './helpers/app.js';
import { tokenForRole } from './helpers/auth.js';
import { factory } from './helpers/factory.js';

let t: TestApp;
const DAY = 86_400_000;

interface Variant { text: string; query: string; sources: string[]; adds: number | null }
interface Term { text: string; start: number; end: number; words: string[]; languages: { language: string; name: string; variants: Variant[] }[] }
interface Answer { data: { query: string; from: string; to: string; terms: Term[]; attribution: string } }

const ask = async (params: Record<string, string>) => {
  const res = await t.app.request(`/api/v1/topics/variants?${new URLSearchParams(params)}`);
  return { status: res.status, body: (await res.json()) as Answer & { error?: { message: string } } };
};
const variant = (term: Term | undefined, language: string, text: string) => term?.languages.find((l) => l.language === language)?.variants.find((v) => v.text === text);

beforeAll(async () => {
  t = await openTestApp();
  const posts: [string, number][] = [
    ['Harga beras naik lagi di pasar Kramat.', 1],
    ['Rega beras munggah maneh, wong cilik tambah susah.', 2],
    ['Rega beras ing pasar Klaten mundhak.', 3],
    ['Pangaos beras di Garut teu turun-turun.', 4],
    ['Rega beras taun wingi isih murah.', 45], // outside the last 30 days
    ['Rega lombok munggah.', 5], // no "beras": not a match for the phrase
  ];
  for (const [body, daysAgo] of posts) await factory.mention(t.db.sql, { title: body, body, kind: 'social', publishedAt: new Date(Date.now() - daysAgo * DAY) });
});
afterAll(async () => t?.close());

describe('GET /api/v1/topics/variants', () => {
  test('a phrase gets Javanese and Sundanese variants with their sources and how many stored mentions of the last 30 days each adds', async () => {
    const { status, body } = await ask({ query: '"harga beras"' });
    expect(status).toBe(200);
    const [term] = body.data.terms;
    expect(term).toMatchObject({ text: '"harga beras"', start: 0, end: 13, words: ['harga', 'beras'] });
    expect(variant(term, 'jv', 'rega beras')).toEqual({ text: 'rega beras', query: '"rega beras"', sources: ['lexicon', 'parallel'], adds: 2 });
    expect(variant(term, 'su', 'pangaos beras')).toMatchObject({ query: '"pangaos beras"', adds: 1 });
    expect(term!.languages.find((l) => l.language === 'jv')!.name).toBe('Javanese');
    expect(body.data.attribution).toMatch(/NusaX.*CC BY-SA 4\.0/);

    // what the editor then does with a pick: the preview of the rewritten query has exactly those mentions more
    const picked = addVariantsToQuery('"harga beras"', [{ start: term!.start, end: term!.end, text: term!.text, variants: ['"rega beras"'] }]);
    const preview = async (query: string) => {
      const res = await t.app.request('/api/v1/topics/preview', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      return ((await res.json()) as { data: { total: number } }).data.total;
    };
    expect(await preview(picked)).toBe((await preview('"harga beras"')) + 2);
  });

  test('beside a topic\'s current version, the preview counts what the picked variants add and marks the samples they bring in', async () => {
    const topic = await factory.topic(t.db.sql, { name: 'Harga beras', query: '"harga beras"' });
    const res = await t.app.request('/api/v1/topics/preview', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '("harga beras" OR "rega beras" OR "pangaos beras")', topic_id: topic.id }),
    });
    const { data } = (await res.json()) as { data: { total: number; samples: { title: string; new: boolean }[]; current: { total: number; added: number; removed: number } } };
    expect(data.current).toMatchObject({ total: 1, added: 3, removed: 0 });
    expect(data.total).toBe(4);
    expect(data.samples.filter((s) => s.new).map((s) => s.title).sort()).toEqual([
      'Pangaos beras di Garut teu turun-turun.',
      'Rega beras ing pasar Klaten mundhak.',
      'Rega beras munggah maneh, wong cilik tambah susah.',
    ]);
    expect(data.samples.find((s) => !s.new)!.title).toBe('Harga beras naik lagi di pasar Kramat.');

    // an edit that matches nothing drops what the version matched, and has no samples to mark
    const none = await t.app.request('/api/v1/topics/preview', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'gabah', topic_id: topic.id }) });
    expect(((await none.json()) as { data: { samples: unknown[]; current: { added: number; removed: number } } }).data).toMatchObject({ samples: [], current: { added: 0, removed: 1 } });
  });

  test('a variant counts only what the query does not already match, within the days asked', async () => {
    const { body } = await ask({ query: '"harga beras" OR munggah' });
    // "Rega beras munggah maneh" is already matched by munggah
    expect(variant(body.data.terms[0], 'jv', 'rega beras')!.adds).toBe(1);
    const longer = await ask({ query: '"harga beras"', from: new Date(Date.now() - 60 * DAY).toISOString().slice(0, 10) });
    expect(variant(longer.body.data.terms[0], 'jv', 'rega beras')!.adds).toBe(3);
  });

  test('languages can be narrowed, and an unknown one, a broken query or a missing one is a 400 saying why', async () => {
    const { body } = await ask({ query: 'harga', languages: 'jv,su' });
    expect(body.data.terms[0]!.languages.map((l) => l.language)).toEqual(['jv', 'su']);
    const unknown = await ask({ query: 'harga', languages: 'jv,xx' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error!.message).toMatch(/xx unknown/);
    const broken = await ask({ query: '"harga beras' });
    expect(broken.status).toBe(400);
    expect(broken.body.error!.message).toMatch(/at character 1: this quote is never closed/);
    expect((await ask({})).status).toBe(400);
  });

  test('it is for analysts, like the preview: a staff member is refused', async () => {
    const staff = await tokenForRole(t.db.sql, 'staff');
    const res = await t.app.request('/api/v1/topics/variants?query=harga', { headers: { authorization: `Bearer ${staff}` } });
    expect(res.status).toBe(403);
  });
});
