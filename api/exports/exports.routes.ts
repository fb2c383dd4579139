import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../app.js';
import { addDays, dayInZone, DEFAULT_TZ } from '../../core/time.js';
import { DATA_ATTRIBUTIONS } from '../attributions.js';
import { ApiError, notFound, parseInput } from '../errors.js';
import { getMembumiComparison, getMembumiDays } from '../membumi/membumi.repo.js';
import { getTopic } from '../topics/topics.repo.js';
import { renderDigest } from './digest.js';
import { digestJargon, digestTopItems } from './digest.repo.js';
import { backgroundExportRoutes } from './background.routes.js';
import { countExportRows, exportRows } from './exports.repo.js';
import { digestQuery, exportQuery, type ExportFormat, type ExportQuery } from './exports.schema.js';
import { CONTENT_TYPES, exportBytes, exportFileName } from './writers.js';

/**
 * Mentions for any filter as CSV or XLSX, streamed as they are read; every cell is safe to open in a
 * spreadsheet. An XLSX of more than EXPORT_INLINE_MAX mentions is refused (413) for a background export.
 */
export function exportRoutes(deps: AppDeps) {
  const { sql, logger, exportInlineMax } = deps;
  const download = (c: Context, q: ExportQuery, format: ExportFormat) => {
    const onBadRow = (mentionId: number, err: Error) => logger.warn({ mentionId, err: err.message }, 'export row skipped');
    c.header('content-type', CONTENT_TYPES[format]);
    c.header('content-disposition', `attachment; filename="${exportFileName(q, format)}"`);
    async function* bytes() {
      try {
        yield* exportBytes(format, q, exportRows(sql, q, onBadRow));
      } catch (err) {
        logger.error({ err, format }, 'export failed');
        throw err;
      }
    }
    return c.body(Readable.toWeb(Readable.from(bytes())) as ReadableStream);
  };
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
      return download(c, q, 'csv');
    })
    .get('/mentions.xlsx', async (c) => {
      const q = parseInput(exportQuery, c.req.query());
      const rows = await countExportRows(sql, q);
      if (rows > exportInlineMax) {
        throw new ApiError(413, 'too_large', `${rows} mentions are more than the ${exportInlineMax} an XLSX download holds; prepare it as a background export (POST /api/v1/exports) and download it when it is ready`);
      }
      return download(c, q, 'xlsx');
    })
    .route('/', backgroundExportRoutes(deps));
}
