import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Hono } from 'hono';
import type { AppDeps } from '../app.js';
import { parseInput } from '../errors.js';
import { csvLine, neutralize } from './cells.js';
import { EXPORT_COLUMNS, exportRows } from './exports.repo.js';
import { exportQuery, type ExportQuery } from './exports.schema.js';

const fileName = (q: ExportQuery, ext: string) => `gaung-sebutan-${q.from}_${q.to}${q.topic ? `-topik-${q.topic}` : ''}.${ext}`;
const headers = (q: ExportQuery) => EXPORT_COLUMNS.map(([id, en]) => (q.lang === 'en' ? en : id));

/** Mentions for any filter as CSV or XLSX, streamed as they are read; every cell is safe to open in a spreadsheet. */
export function exportRoutes({ sql, logger }: AppDeps) {
  return new Hono()
    .get('/mentions.csv', (c) => {
      const q = parseInput(exportQuery, c.req.query());
      async function* lines() {
        yield Buffer.from(`\uFEFF${csvLine(headers(q))}`); // the byte-order mark makes Excel read UTF-8
        for await (const row of exportRows(sql, q)) yield Buffer.from(csvLine(row));
      }
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="${fileName(q, 'csv')}"`);
      return c.body(Readable.toWeb(Readable.from(lines())) as ReadableStream);
    })
    .get('/mentions.xlsx', (c) => {
      const q = parseInput(exportQuery, c.req.query());
      const out = new PassThrough();
      const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
      const sheet = book.addWorksheet(q.lang === 'en' ? 'Mentions' : 'Sebutan');
      sheet.columns = headers(q).map((h) => ({ header: h, key: h, width: h === 'judul' || h === 'title' || h.startsWith('cup') || h === 'excerpt' ? 60 : 18 }));
      void (async () => {
        for await (const row of exportRows(sql, q)) sheet.addRow(row.map(neutralize)).commit();
        sheet.commit();
        await book.commit();
      })().catch((err: Error) => {
        logger.error({ err }, 'xlsx export failed');
        out.destroy(err);
      });
      c.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      c.header('content-disposition', `attachment; filename="${fileName(q, 'xlsx')}"`);
      return c.body(Readable.toWeb(out) as ReadableStream);
    });
}
