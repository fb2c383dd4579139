import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../app.js';
import { requireUser } from '../auth/auth.middleware.js';
import { idParam } from '../common.schema.js';
import { parseInput, readJson } from '../errors.js';
import { csvBytes } from '../exports/writers.js';
import { correctionRows, CORRECTION_COLUMNS, listCorrections } from './corrections.repo.js';
import { createCorrectionBody, exportCorrectionsQuery, listCorrectionsQuery } from './corrections.schema.js';
import { correctSentiment, markIrrelevant, undoCorrection, type Corrector } from './corrections.service.js';
import { adaptationSummaries } from './adaptation.service.js';

/** The signed-in person (or the token's owner) a correction is recorded under. */
function corrector(c: Context): Corrector {
  const { user } = requireUser(c);
  return { id: user.id, name: user.display_name || user.username };
}

/**
 * Corrections from the people who use Gaung: a mention's sentiment set by hand, a mention marked irrelevant
 * for a topic or every topic, undone later if need be; the history as a list and as CSV; and what the
 * corrections teach the analysis (the adaptation re-analysis applies) on the evaluation sets.
 */
export function correctionRoutes({ sql, logger }: AppDeps) {
  const adaptation = adaptationSummaries(sql);
  return new Hono()
    .get('/adaptation', async (c) => c.json({ data: await adaptation() }))
    .get('/', async (c) => {
      const q = parseInput(listCorrectionsQuery, c.req.query());
      const rows = await listCorrections(sql, q);
      return c.json({ data: rows, nextCursor: rows.length === q.limit ? rows[rows.length - 1]!.id : null });
    })
    .get('/export.csv', (c) => {
      const q = parseInput(exportCorrectionsQuery, c.req.query());
      const headers = CORRECTION_COLUMNS.map(([id, en]) => (q.lang === 'en' ? en : id));
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="gaung-koreksi${q.topic ? `-topik-${q.topic}` : ''}.csv"`);
      async function* bytes() {
        try {
          yield* csvBytes(headers, correctionRows(sql, q));
        } catch (err) {
          logger.error({ err }, 'corrections export failed');
          throw err;
        }
      }
      return c.body(Readable.toWeb(Readable.from(bytes())) as ReadableStream);
    })
    .post('/', async (c) => {
      const body = parseInput(createCorrectionBody, await readJson(c.req.raw));
      const by = corrector(c);
      const applied = body.kind === 'sentiment'
        ? await correctSentiment(sql, body.mention_id, body.label!, body.note, by)
        : await markIrrelevant(sql, body.mention_id, body.topic_id ?? null, body.note, by);
      if (applied.created) logger.info({ correctionId: applied.correction.id, mentionId: body.mention_id, kind: body.kind, by: by.id }, 'correction made');
      return c.json({ data: applied.correction, created: applied.created }, applied.created ? 201 : 200);
    })
    .post('/:id/undo', async (c) => {
      const { id } = parseInput(idParam, c.req.param());
      const by = corrector(c);
      const correction = await undoCorrection(sql, id, by);
      logger.info({ correctionId: id, by: by.id }, 'correction undone');
      return c.json({ data: correction });
    });
}
