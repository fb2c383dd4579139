import { Hono } from 'hono';
import { csvAnswer } from '../exports/cells.js';
import { MEMBUMI } from '../../analysis/membumi.js';
import { addDays, DEFAULT_TZ } from '../../core/time.js';
import type { AppDeps } from '../app.js';
import { notFound, parseInput } from '../errors.js';
import { getTopic } from '../topics/topics.repo.js';
import { getMembumiComparison, getMembumiDays } from './membumi.repo.js';
import { membumiQuery } from './membumi.schema.js';

/**
 * "Apakah pesan sampai ke masyarakat?": a topic's membumi index for the period, the period before it of the
 * same length, the change, and the index and its parts per day. The weights behind it come along.
 */
export function membumiRoutes({ sql }: AppDeps) {
  return new Hono().get('/', async (c) => {
    const q = parseInput(membumiQuery, c.req.query());
    if (!(await getTopic(sql, q.topic))) throw notFound(`topic ${q.topic}`);
    const base = { topicId: q.topic, kind: q.kind, tier: q.tier, province: q.province, from: q.from, to: q.to };
    const [summary, days] = await Promise.all([getMembumiComparison(sql, base), getMembumiDays(sql, base)]);
    const byDay = new Map(days.map((d) => [d.x, d]));
    const data = [];
    for (let d = q.from; d <= q.to; d = addDays(d, 1)) {
      const row = byDay.get(d);
      data.push({ x: d, index: row?.index ?? null, parts: row?.parts ?? null, reach: row?.reach ?? 0, mentions: row?.mentions ?? 0 });
    }
    if (q.format === 'csv') {
      const header = q.lang === 'en'
        ? ['day (WIB)', 'membumi index', 'audience', 'register', 'voices', 'organic', 'reach', 'mentions']
        : ['hari (WIB)', 'indeks membumi', 'saluran', 'bahasa', 'suara', 'organik', 'jangkauan', 'sebutan'];
      const rows = data.map((d) => [d.x, d.index, d.parts?.audience ?? null, d.parts?.register ?? null, d.parts?.voices ?? null, d.parts?.organic ?? null, d.reach, d.mentions]);
      return csvAnswer(c, `gaung-membumi-topik-${q.topic}-${q.from}_${q.to}.csv`, header, rows);
    }
    return c.json({
      topicId: q.topic,
      tz: DEFAULT_TZ,
      from: q.from,
      to: q.to,
      summary,
      weights: MEMBUMI.weights,
      data,
    });
  });
}
