import { Hono } from 'hono';
import { DEFAULT_TZ } from '../../core/time.js';
import type { AppDeps } from '../app.js';
import { csvAnswer } from '../exports/cells.js';
import { notFound, parseInput } from '../errors.js';
import { getTopic } from '../topics/topics.repo.js';
import { PANEL_COLUMNS } from './panels.columns.js';
import { getPanel } from './panels.repo.js';
import { panelParam, panelQuery } from './panels.schema.js';

/**
 * `GET /api/v1/panels/:panel?topic&from&to&kind&tier&province&limit`: one dashboard panel's data from the
 * rollups, as `{ data }` or, with `format=csv`, the same rows as a spreadsheet-safe CSV (headers in
 * Bahasa Indonesia, or English with `lang=en`).
 */
export function panelRoutes({ sql }: AppDeps) {
  return new Hono().get('/:panel', async (c) => {
    const { panel } = parseInput(panelParam, c.req.param());
    const q = parseInput(panelQuery, c.req.query());
    if (!(await getTopic(sql, q.topic))) throw notFound(`topic ${q.topic}`);
    const filter = { topicId: q.topic, from: q.from, to: q.to, kind: q.kind, tier: q.tier, province: q.province };
    const rows = await getPanel(sql, panel, filter, q.limit);
    if (q.format === 'json') {
      return c.json({ panel, topicId: q.topic, tz: DEFAULT_TZ, from: q.from, to: q.to, filters: { kind: q.kind ?? null, tier: q.tier ?? null, province: q.province ?? null }, data: rows });
    }
    const columns = PANEL_COLUMNS[panel];
    const header = columns.map(([, id, en]) => (q.lang === 'en' ? en : id));
    return csvAnswer(c, `gaung-panel-${panel}-topik-${q.topic}-${q.from}_${q.to}.csv`, header, rows.map((r) => columns.map(([key]) => r[key] ?? null)));
  });
}
