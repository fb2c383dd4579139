import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestApp, type TestApp } from './helpers/app.js';
import { factory } from './helpers/factory.js';

/** Runs `npm run --silent analyze` with these lines on standard input. */
function analyzeCli(input: string): Promise<{ code: number | null; lines: Record<string, unknown>[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'analyze'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, lines: out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) }));
    child.stdin.end(input);
  });
}

const press = 'Menteri Koordinator menyatakan sinergi seluruh pemangku kepentingan mempercepat implementasi transformasi digital selama Presidensi G20, kata Deputi Bidang Koordinasi di Jakarta.';
const post = 'harga cabai di pasar Samarinda naik bangeeet, gak masuk akal 😡 kita rakyat kecil yg susah';

describe('npm run analyze', () => {
  test('each JSON line gets its analysis in order; a malformed line gets an error with its line number and the rest still go through', async () => {
    const input = [JSON.stringify({ id: 'rilis', text: press }), '{"id": "rusak", "text": ', JSON.stringify({ id: 42, text: post, kind: 'social' }), JSON.stringify({ id: 'kosong' })].join('\n');
    const { code, lines } = await analyzeCli(input);
    expect(code).toBe(1);
    expect(lines).toHaveLength(4);
    const [release, broken, citizen, missing] = lines as [Record<string, any>, Record<string, any>, Record<string, any>, Record<string, any>];
    expect(release.id).toBe('rilis');
    expect(release.register).toBe('elitist');
    expect(release.grounding_score).toBeLessThan(0.4);
    expect(release.jargon.map((j: { term: string }) => j.term)).toEqual(expect.arrayContaining(['sinergi', 'pemangku kepentingan', 'transformasi digital']));
    expect(release.jargon.find((j: { term: string }) => j.term === 'sinergi').plain).toBeTruthy();
    expect(release.voices_official).toBeGreaterThanOrEqual(1);
    // "kata Deputi … di Jakarta." says where the release was given, not what it is about (issue 10, places)
    expect(release.places).toEqual([]);
    expect(broken).toEqual({ line: 2, error: expect.stringMatching(/not valid JSON/) });
    expect(citizen).toMatchObject({ id: 42, sentiment: 'negative', register: 'grounded' });
    expect(citizen.grounding_score).toBeGreaterThan(0.6);
    expect(citizen.places[0]).toMatchObject({ name: 'Kota Samarinda', province_name: 'Kalimantan Timur' });
    expect(missing).toEqual({ line: 4, error: expect.stringMatching(/^text:/) });
    for (const l of [release, citizen]) expect(l).toEqual(expect.objectContaining({ sentiment_score: expect.any(Number), grounding_score: expect.any(Number) }));
  }, 60_000);
});

describe('POST /api/v1/analyze', () => {
  let t: TestApp;
  let app: TestApp['app'];
  beforeAll(async () => {
    t = await openTestApp();
    app = t.app;
  });
  afterAll(async () => t?.close());

  test('returns the same object as the command line for the same text', async () => {
    const res = await app.request('/api/v1/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: post, kind: 'social' }) });
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: Record<string, unknown> };
    const { lines } = await analyzeCli(JSON.stringify({ id: 'x', text: post, kind: 'social' }));
    const { id: _id, ...fromCli } = lines[0]!;
    expect(data).toEqual(fromCli);
  }, 60_000);

  test('a pasted text is read as the deployment reads it: a tracked topic\'s own words carry no sentiment', async () => {
    const text = 'Gerakan Bangga Buatan Indonesia hadir di pasar kota hari ini';
    const ask = async () => {
      const res = await app.request('/api/v1/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, kind: 'social' }) });
      expect(res.status).toBe(200);
      return ((await res.json()) as { data: { sentiment: string; sentiment_terms: { term: string }[]; analysis_version: number } }).data;
    };
    const before = await ask();
    expect(before.sentiment_terms.map((x) => x.term)).toContain('bangga');
    await factory.topic(t.db.sql, { name: 'BBI', query: '"Bangga Buatan Indonesia"' });
    const after = await ask();
    expect(after.sentiment_terms.map((x) => x.term)).not.toContain('bangga');
    expect(after.sentiment).toBe('neutral');
    expect(after.analysis_version).not.toBe(before.analysis_version);
  });

  test('an empty text is a 400 that says so', async () => {
    const res = await app.request('/api/v1/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '  ' }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/text/);
  });
});
