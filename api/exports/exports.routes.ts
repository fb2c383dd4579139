import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Hono } from 'hono';
import type { AppDeps } from '../app.js';
import { addDays, dayInZone, DEFAULT_TZ } from '../../core/time.js';
import { DATA_ATTRIBUTIONS } from '../attributions.js';
import { notFound, parseInput } from '../errors.js';
import { getMembumiComparison, getMembumiDays } from '../membumi/membumi.repo.js';
import { getTopic } from '../topics/topics.repo.js';
import { renderDigest } from './digest.js';
import { digestJargon, digestTopItems } from './digest.repo.js';
import { csvLine, neutralize } from './cells.js';
import { EXPORT_COLUMNS, exportRows } from './exports.repo.js';
import { digestQuery, exportQuery, type ExportQuery } from './exports.schema.js';

const fileName = (q: ExportQuery, ext: string) => `gaung-sebutan-${q.from}_${q.to}${q.topic ? `-topik-${q.topic}` : ''}.${ext}`;
const headers = (q: ExportQuery) => EXPORT_COLUMNS.map(([id, en]) => (q.lang === 'en' ? en : id));

/** Mentions for any filter as CSV or XLSX, streamed as they are read; every cell is safe to open in a spreadsheet. */
export function exportRoutes({ sql, logger }: AppDeps) {
  return new Hono()
    .get('/digest.pdf', async (c) => {
      const q = parseInput(digestQuery, c.req.query());
      const topic = await getTopic(sql, q.topic);
      if (!topic) throw notFound(`topic ${q.topic}`);
      const to = q.day ?? dayInZone(new Date(), DEFAULT_TZ);
      const from = q.period === 'weekly' ? addDays(to, -6) : to;
      const range = { topicId: q.topic, from: addDays(to, -6), to };
      const [summary, days, top, jargon] = await Promise.all([
        getMembumiComparison(sql, { topicId: q.topic, from, to }),
        getMembumiDays(sql, range),
        digestTopItems(sql, { topicId: q.topic, from, to }),
        digestJargon(sql, { topicId: q.topic, from, to }),
      ]);
      // The charts always show the last seven days, so a daily digest has its context.
      const byDay = new Map(days.map((d) => [d.x, d]));
      const series = [];
      for (let d = range.from; d <= to; d = addDays(d, 1)) series.push({ x: d, index: byDay.get(d)?.index ?? null, mentions: byDay.get(d)?.mentions ?? 0 });
      const doc = renderDigest({
        topic: topic.name, period: q.period === 'weekly' ? 'mingguan' : 'harian', from, to, summary, days: series, top, jargon,
        attributions: DATA_ATTRIBUTIONS,
      });
      c.header('content-type', 'application/pdf');
      c.header('content-disposition', `attachment; filename="gaung-ringkasan-${q.period}-topik-${q.topic}-${to}.pdf"`);
      return c.body(Readable.toWeb(doc as unknown as Readable) as ReadableStream);
    })
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
