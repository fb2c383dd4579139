import { Hono } from 'hono';
import { MEMBUMI } from '../../analysis/membumi.js';
import { addDays, daysBetween, DEFAULT_TZ } from '../../core/time.js';
import type { AppDeps } from '../app.js';
import { notFound, parseInput } from '../errors.js';
import { getTopic } from '../topics/topics.repo.js';
import { getMembumiDays, getMembumiPeriod } from './membumi.repo.js';
import { membumiQuery } from './membumi.schema.js';

/**
 * "Apakah pesan sampai ke masyarakat?": a topic's membumi index for the period, the period before it of the
 * same length, the change, and the index and its parts per day. The weights behind it come along.
 */
export function membumiRoutes({ sql }: AppDeps) {
  return new Hono().get('/', async (c) => {
    const q = parseInput(membumiQuery, c.req.query());
    if (!(await getTopic(sql, q.topic))) throw notFound(`topic ${q.topic}`);
    const span = daysBetween(q.from, q.to) + 1;
    const previous = { from: addDays(q.from, -span), to: addDays(q.from, -1) };
    const base = { topicId: q.topic, kind: q.kind };
    const [period, before, days] = await Promise.all([
      getMembumiPeriod(sql, { ...base, from: q.from, to: q.to }),
      getMembumiPeriod(sql, { ...base, ...previous }),
      getMembumiDays(sql, { ...base, from: q.from, to: q.to }),
    ]);
    const byDay = new Map(days.map((d) => [d.x, d]));
    const data = [];
    for (let d = q.from; d <= q.to; d = addDays(d, 1)) {
      const row = byDay.get(d);
      data.push({ x: d, index: row?.index ?? null, parts: row?.parts ?? null, reach: row?.reach ?? 0, mentions: row?.mentions ?? 0 });
    }
    const change = period.index !== null && before.index !== null ? Math.round((period.index - before.index) * 10) / 10 : null;
    return c.json({
      topicId: q.topic,
      tz: DEFAULT_TZ,
      from: q.from,
      to: q.to,
      summary: { ...period, previous: { ...previous, index: before.index }, change },
      weights: MEMBUMI.weights,
      data,
    });
  });
}
