import { Hono } from 'hono';
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
    const base = { topicId: q.topic, kind: q.kind, from: q.from, to: q.to };
    const [summary, days] = await Promise.all([getMembumiComparison(sql, base), getMembumiDays(sql, base)]);
    const byDay = new Map(days.map((d) => [d.x, d]));
    const data = [];
    for (let d = q.from; d <= q.to; d = addDays(d, 1)) {
      const row = byDay.get(d);
      data.push({ x: d, index: row?.index ?? null, parts: row?.parts ?? null, reach: row?.reach ?? 0, mentions: row?.mentions ?? 0 });
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
