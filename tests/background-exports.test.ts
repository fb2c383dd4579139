import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, depsFromRuntime } from '../api/app.js';
import { createApiToken } from '../api/auth/auth.repo.js';
import { createExport } from '../api/exports/background.repo.js';
import { MAX_PENDING_EXPORTS } from '../api/exports/background.routes.js';
import { enqueueExport } from '../core/jobs.js';
import type { Runtime } from '../core/runtime.js';
import { ingestMentions } from '../crawler/ingest.repo.js';
import { startWorkers } from '../crawler/worker.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { createTestUser, type TestUser } from './helpers/auth.js';
import { factory } from './helpers/factory.js';
import { openTestRuntime } from './helpers/runtime.js';
import { waitFor } from './helpers/wait.js';

let db: TestDatabase;
let rt: Runtime;
let app: ReturnType<typeof createApp>;
let workers: { close(): Promise<void> };
let topicId: number;
let staff: TestUser;
const tokens = {} as Record<'staff' | 'otherStaff' | 'viewer' | 'admin', string>;

const HOSTILE = ['=HYPERLINK("http://127.0.0.1:9/x","klik") G20', "+cmd|' /C calc'!A0 G20", '@SUM(1+1) G20', '-2+3 G20', 'Bel\u0007 berbunyi G20'];

beforeAll(async () => {
  db = await createTestDatabase();
  // three mentions at most in a direct XLSX download, so the topic's five need the background export
  rt = await openTestRuntime(db.url, { WORKERS: 'export', EXPORT_INLINE_MAX: '3' });
  app = createApp(depsFromRuntime(rt));
  workers = await startWorkers(rt);
  staff = await createTestUser(db.sql, 'staff');
  tokens.staff = (await createApiToken(db.sql, staff.id, { name: 't', role: 'staff' })).token;
  for (const role of ['viewer', 'admin'] as const) tokens[role] = (await createApiToken(db.sql, (await createTestUser(db.sql, role)).id, { name: 't', role })).token;
  tokens.otherStaff = (await createApiToken(db.sql, (await createTestUser(db.sql, 'staff')).id, { name: 't', role: 'staff' })).token;
  topicId = (await factory.topic(db.sql, { name: 'Ekspor besar', query: 'G20' })).id;
  const body = 'Warga Bontang menyambut Presidensi G20 dengan festival kuliner, kata Sri, pedagang di pasar. "Ramai sekali," ujarnya.';
  await ingestMentions(db.sql, [
    ...HOSTILE.map((title, i) => ({ url: `https://contoh.example/besar/${i}`, title, body: `${body} ${body}` })),
    { url: 'https://contoh.example/besar/lain', title: 'Harga cabai di pasar', body: 'Harga cabai naik lagi di pasar pagi, kata pedagang. Pembeli mengeluh.' },
  ].map((m, i) => ({ ...m, sourceId: null, kind: 'news' as const, author: null, publishedAt: new Date(Date.now() - (i + 1) * 3_600_000), language: 'id', views: 100 * (i + 1) })));
});
afterAll(async () => {
  await workers?.close();
  await rt?.close();
  await db?.drop();
});

type ExportView = { id: number; status: string; progress: { done: number; total: number | null; skipped: number }; error: string | null; download: string | null; byte_size: number };
const as = (who: keyof typeof tokens, path: string, init: RequestInit = {}) =>
  app.request(path, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${tokens[who]}` } });
const post = (who: keyof typeof tokens, body: unknown) =>
  as(who, '/api/v1/exports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function finished(who: keyof typeof tokens, id: number): Promise<ExportView> {
  return waitFor(`export ${id} to finish`, async () => {
    const { data } = (await (await as(who, `/api/v1/exports/${id}`)).json()) as { data: ExportView };
    return data.status === 'done' || data.status === 'failed' ? data : null;
  }, 30_000, 100);
}

async function prepare(format: 'csv' | 'xlsx', filters: Record<string, unknown>): Promise<ExportView> {
  const res = await post('staff', { format, filters });
  expect(res.status).toBe(202);
  const { data } = (await res.json()) as { data: ExportView & { status_url: string } };
  expect(data.status_url).toBe(`/api/v1/exports/${data.id}`);
  return finished('staff', data.id);
}

describe('background exports', () => {
  test('a CSV prepared in the background is byte for byte the direct CSV, neutralised cells included, with its progress and a dated file name', async () => {
    const done = await prepare('csv', { topic: topicId });
    expect(done).toMatchObject({ status: 'done', error: null, progress: { done: HOSTILE.length, total: HOSTILE.length, skipped: 0 } });
    expect(done.download).toBe(`/api/v1/exports/${done.id}/download`);
    const [job] = await rt.exportQueue.getJobs(['completed']);
    expect(job!.progress).toEqual({ done: HOSTILE.length, total: HOSTILE.length });

    const file = await as('staff', done.download!);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="gaung-sebutan-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}-topik-\d+\.csv"$/);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.length).toBe(done.byte_size);
    const direct = Buffer.from(await (await as('staff', `/api/v1/exports/mentions.csv?topic=${topicId}`)).arrayBuffer());
    expect(bytes.equals(direct)).toBe(true);
    const text = bytes.toString('utf8');
    expect(text).toContain(`"'${HOSTILE[0]!.replace(/"/g, '""')}"`);
    expect(text).toContain("'@SUM(1+1) G20");

    const list = (await (await as('staff', '/api/v1/exports')).json()) as { data: ExportView[] };
    expect(list.data.map((e) => e.id)).toContain(done.id);
  });

  test('an XLSX too large for the direct download is refused with a pointer to the background export, which opens in exceljs with every row', async () => {
    const direct = await as('staff', `/api/v1/exports/mentions.xlsx?topic=${topicId}`);
    expect(direct.status).toBe(413);
    expect(((await direct.json()) as { error: { message: string } }).error.message).toMatch(/background export/);

    const done = await prepare('xlsx', { topic: topicId, lang: 'en' });
    expect(done.status).toBe('done');
    const file = await as('staff', done.download!);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers.get('content-disposition')).toMatch(/filename="gaung-sebutan-.*\.xlsx"/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await file.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Mentions')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('title');
    expect(sheet.rowCount).toBe(1 + HOSTILE.length);
    const titles: string[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const cell = sheet.getRow(r).getCell(2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      titles.push(String(cell.value));
    }
    expect(titles.filter((tt) => /^'[=+\-@]/.test(tt))).toHaveLength(4);
    // a control character in crawled text would make the file unreadable: it is left out of the cell
    expect(titles).toContain('Bel berbunyi G20');
  });

  test('the tier and province filters narrow a background export like the direct one', async () => {
    const done = await prepare('csv', { topic: topicId, tier: 'state' });
    expect(done.progress).toMatchObject({ done: 0, total: 0 });
    const text = Buffer.from(await (await as('staff', done.download!)).arrayBuffer()).toString('utf8');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1); // the header only
  });

  test("another staff user can neither see nor download someone's export (404), an admin can, and a viewer may not export at all (403)", async () => {
    const done = await prepare('csv', { topic: topicId });
    expect((await as('otherStaff', `/api/v1/exports/${done.id}`)).status).toBe(404);
    expect((await as('otherStaff', `/api/v1/exports/${done.id}/download`)).status).toBe(404);
    const theirs = (await (await as('otherStaff', '/api/v1/exports')).json()) as { data: ExportView[] };
    expect(theirs.data).toEqual([]);
    expect((await as('admin', `/api/v1/exports/${done.id}/download`)).status).toBe(200);
    const viewer = await post('viewer', { format: 'csv', filters: { topic: topicId } });
    expect(viewer.status).toBe(403);
    expect((await as('viewer', `/api/v1/exports/${done.id}`)).status).toBe(403);
    expect((await as('viewer', `/api/v1/exports/${done.id}/download`)).status).toBe(403);
  });

  test('a bad request is a 400 naming the field; an export that cannot be written records why, and its download is refused', async () => {
    const bad = await post('staff', { format: 'pdf', filters: { tier: 'elite' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/format.*|tier/);

    // an export whose stored filters no longer parse (as after a change to the filters) fails with that reason, without retries
    const [row] = await db.sql<{ id: number }[]>`
      insert into exports (owner_id, format, filters) values (${staff.id}, 'csv', ${db.sql.json({ from: '2026-02-30', to: '2026-03-01', lang: 'id' })}) returning id`;
    await enqueueExport(rt.exportQueue, Number(row!.id));
    const failed = await finished('staff', Number(row!.id));
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/filters are not valid: from: not a calendar date/);
    const download = await as('staff', `/api/v1/exports/${row!.id}/download`);
    expect(download.status).toBe(409);
  });

  test('one person may have three exports waiting at once; a fourth is refused with 429, and others still get theirs', async () => {
    const busy = await createTestUser(db.sql, 'staff');
    const token = (await createApiToken(db.sql, busy.id, { name: 't', role: 'staff' })).token;
    // waiting in no queue, so they stay 'queued'
    for (let i = 0; i < MAX_PENDING_EXPORTS; i++) await createExport(db.sql, { ownerId: busy.id, format: 'csv', filters: { topic: topicId } as never });
    const refused = await app.request('/api/v1/exports', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ format: 'csv', filters: { topic: topicId } }),
    });
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('too_many_exports');
    const other = await post('staff', { format: 'csv', filters: { topic: topicId } });
    expect(other.status).toBe(202);
    await finished('staff', ((await other.json()) as { data: { id: number } }).data.id);
  });

  test('an export is gone once it has expired, its chunks with it', async () => {
    const done = await prepare('csv', { topic: topicId });
    await db.sql`update exports set expires_at = now() - interval '1 second' where id = ${done.id}`;
    expect((await as('staff', `/api/v1/exports/${done.id}`)).status).toBe(404);
    await prepare('csv', { topic: topicId }); // a new export sweeps the expired ones away
    const [left] = await db.sql<{ n: number }[]>`select count(*)::int as n from export_chunks where export_id = ${done.id}`;
    expect(left!.n).toBe(0);
  });

  test('a large export is stored in several chunks that download as the same file as the direct CSV, and a large XLSX opens with every row', async () => {
    const source = await factory.source(db.sql, { url: 'https://arsip.example/rss', name: 'Arsip' });
    const filler = 'Kabar pasar pagi dari pesisir tentang harga ikan, beras dan cabai yang dicatat warga setiap hari. '.repeat(6);
    const many = Array.from({ length: 1500 }, (_, i) => ({
      url: `https://arsip.example/berita/${i}`, sourceId: source.id, kind: 'news' as const, title: `Arsip pasar ${i}`, body: `${filler} Nomor ${i}.`,
      author: null, publishedAt: new Date(Date.now() - (i + 10) * 60_000), language: 'id', views: null,
    }));
    for (let i = 0; i < many.length; i += 500) await ingestMentions(db.sql, many.slice(i, i + 500));
    const done = await prepare('csv', { source: source.id });
    expect(done.progress).toMatchObject({ done: 1500, total: 1500 });
    const [chunks] = await db.sql<{ n: number; biggest: number }[]>`
      select count(*)::int as n, max(length(data))::int as biggest from export_chunks where export_id = ${done.id}`;
    expect(chunks!.n).toBeGreaterThan(1);
    expect(chunks!.biggest).toBeLessThan(1024 * 1024);
    const bytes = Buffer.from(await (await as('staff', done.download!)).arrayBuffer());
    const direct = Buffer.from(await (await as('staff', `/api/v1/exports/mentions.csv?source=${source.id}`)).arrayBuffer());
    expect(bytes.length).toBe(direct.length);
    expect(bytes.equals(direct)).toBe(true);

    const xlsx = await prepare('xlsx', { source: source.id });
    expect(xlsx.status).toBe('done');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await as('staff', xlsx.download!)).arrayBuffer()) as unknown as ArrayBuffer);
    expect(book.getWorksheet('Sebutan')!.rowCount).toBe(1501);
  });
});
