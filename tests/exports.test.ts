import ExcelJS from 'exceljs';
import { pdfText } from './helpers/pdf.js';
import { parseCsv } from './helpers/csv.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, depsFromRuntime } from '../api/app.js';
import { csvLine, neutralize } from '../api/exports/cells.js';
import type { Runtime } from '../core/runtime.js';
import { ingestMentions } from '../crawler/ingest.repo.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { authorizeAsAdmin } from './helpers/auth.js';
import { factory } from './helpers/factory.js';
import { openTestRuntime } from './helpers/runtime.js';

let db: TestDatabase;
let rt: Runtime;
let app: ReturnType<typeof createApp>;
let topicId: number;

const HOSTILE = ['=HYPERLINK("http://127.0.0.1:9/x","klik") G20', "+cmd|' /C calc'!A0 G20", '@SUM(1+1) G20', '-2+3 G20'];

beforeAll(async () => {
  db = await createTestDatabase();
  rt = await openTestRuntime(db.url);
  app = await authorizeAsAdmin(createApp(depsFromRuntime(rt)), rt.db.sql);
  topicId = (await factory.topic(db.sql, { name: 'Ekspor', query: 'G20' })).id;
  const body = 'Warga Bontang menyambut Presidensi G20 dengan festival kuliner, kata Sri, pedagang di pasar. "Ramai sekali," ujarnya.';
  await ingestMentions(db.sql, [
    ...HOSTILE.map((title, i) => ({ url: `https://contoh.example/ekspor/${i}`, title, body: `${body} ${body}` })),
    { url: 'https://contoh.example/ekspor/lain', title: 'Harga cabai di pasar', body: 'Harga cabai naik lagi di pasar pagi, kata pedagang. Pembeli mengeluh.' },
  ].map((m, i) => ({ ...m, sourceId: null, kind: 'news' as const, author: null, publishedAt: new Date(Date.now() - (i + 1) * 3_600_000), language: 'id', views: 100 * (i + 1) })));
});
afterAll(async () => {
  await rt?.close();
  await db?.drop();
});


describe('export cells', () => {
  test('text that starts like a formula, a tab or a carriage return is neutralised; numbers and other text are not', () => {
    expect(neutralize('=1+1')).toBe("'=1+1");
    expect(neutralize('\tTAB')).toBe("'\tTAB");
    expect(neutralize('\rCR')).toBe("'\rCR");
    expect(neutralize('-5')).toBe("'-5");
    expect(neutralize(-5)).toBe(-5);
    expect(neutralize('Harga cabai')).toBe('Harga cabai');
    expect(csvLine(['a,b', 'kata "dia"', null, 3])).toBe('"a,b","kata ""dia""",,3\r\n');
  });
});

describe('exports', () => {
  test('the CSV of a topic has every matching mention, Indonesian headers, and no cell a spreadsheet would run as a formula', async () => {
    const res = await app.request(`/api/v1/exports/mentions.csv?topic=${topicId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="gaung-sebutan-.*-topik-\d+\.csv"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a UTF-8 byte-order mark, so Excel reads it as UTF-8
    const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(header!.slice(0, 4)).toEqual(['waktu_wib', 'judul', 'url', 'sumber']);
    expect(rows).toHaveLength(HOSTILE.length);
    const titles = rows.map((r) => r[1]!);
    for (const t of titles) expect(t).toMatch(/^'[=+\-@]/);
    expect(titles).toContain(`'${HOSTILE[0]}`);
    expect(rows[0]![0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(rows.every((r) => r.length === header!.length)).toBe(true);
    const membumi = header!.indexOf('indeks_membumi');
    expect(rows.every((r) => Number(r[membumi]) > 0)).toBe(true);
  });

  test('the XLSX has the same rows, English headers on request, and the hostile titles as plain text', async () => {
    const res = await app.request(`/api/v1/exports/mentions.xlsx?topic=${topicId}&lang=en`);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Mentions')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('title');
    expect(sheet.rowCount).toBe(1 + HOSTILE.length);
    for (let r = 2; r <= sheet.rowCount; r++) {
      const cell = sheet.getRow(r).getCell(2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(String(cell.value)).toMatch(/^'[=+\-@]/);
      expect(cell.formula).toBeUndefined();
    }
  });

  test('a bad filter is a 400 naming it', async () => {
    const res = await app.request('/api/v1/exports/mentions.csv?from=2022-02-30&kind=tv');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/kind/);
  });
});

describe('PDF digest', () => {
  test('the weekly digest is a PDF in Indonesian whose text carries the headline index, its reading, the top items and the attributions', async () => {
    const res = await app.request(`/api/v1/exports/digest.pdf?topic=${topicId}&period=weekly`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    const membumi = (await (await app.request(`/api/v1/membumi?topic=${topicId}&from=${new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10)}`)).json()) as { summary: { index: number } };
    expect(text).toContain('Ringkasan mingguan');
    expect(text).toContain('Apakah pesan sampai ke masyarakat?');
    expect(text).toContain(`Indeks Membumi ${membumi.summary.index.toLocaleString('id-ID', { maximumFractionDigits: 1 })}`);
    expect(text).toContain('Sebutan teratas menurut jangkauan');
    expect(text).toContain('@SUM(1+1) G20');
    expect(text).toContain('idn-area-data');
  });

  test('a digest for a topic that does not exist is a 404', async () => {
    expect((await app.request('/api/v1/exports/digest.pdf?topic=999999')).status).toBe(404);
  });
});
