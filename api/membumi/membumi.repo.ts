import type { Sql } from '../../core/db.js';
import { addDays, daysBetween } from '../../core/time.js';
import { rollupWhere, statsTable, type RollupFilter } from '../rollup-filter.js';
import { MEMBUMI_PARTS, type MembumiPart } from '../../analysis/membumi.js';

/**
 * The membumi index of a topic, per Asia/Jakarta day and for a whole period, from the rollups kept at
 * ingest (topic_daily_stats): index = reach-weighted mean of the mentions' indexes, each part likewise.
 * A day with no estimated reach has no index (null), not zero.
 */
export interface MembumiTotals {
  index: number | null;
  parts: Record<MembumiPart, number | null>;
  reach: number;
  mentions: number;
  analysed: number;
  sentiment: { positive: number; neutral: number; negative: number };
  elitist: number;
}

type Sums = {
  reach: number; membumi_reach: number; audience_reach: number; register_reach: number; voices_reach: number; organic_reach: number;
  mentions: number; analysed: number; positive: number; neutral: number; negative: number; elitist: number;
};

const SUMS = (sql: Sql) => sql`
  coalesce(sum(reach), 0)::float8 as reach, coalesce(sum(membumi_reach), 0)::float8 as membumi_reach,
  coalesce(sum(audience_reach), 0)::float8 as audience_reach, coalesce(sum(register_reach), 0)::float8 as register_reach,
  coalesce(sum(voices_reach), 0)::float8 as voices_reach, coalesce(sum(organic_reach), 0)::float8 as organic_reach,
  coalesce(sum(mentions), 0)::int as mentions, coalesce(sum(analysed), 0)::int as analysed, coalesce(sum(positive), 0)::int as positive,
  coalesce(sum(neutral), 0)::int as neutral, coalesce(sum(negative), 0)::int as negative, coalesce(sum(elitist), 0)::int as elitist`;

function totals(s: Sums): MembumiTotals {
  const per = (v: number) => (s.reach > 0 ? Math.round((v / s.reach) * 10) / 10 : null);
  const share = (v: number) => (s.reach > 0 ? Math.round((v / s.reach) * 1000) / 1000 : null);
  return {
    index: per(s.membumi_reach),
    parts: Object.fromEntries(MEMBUMI_PARTS.map((p) => [p, share(s[`${p}_reach`])])) as Record<MembumiPart, number | null>,
    reach: s.reach,
    mentions: s.mentions,
    analysed: s.analysed,
    sentiment: { positive: s.positive, neutral: s.neutral, negative: s.negative },
    elitist: s.elitist,
  };
}

export async function getMembumiPeriod(sql: Sql, q: RollupFilter): Promise<MembumiTotals> {
  const [row] = await sql<Sums[]>`
    select ${SUMS(sql)} from ${statsTable(sql, q)}
    where ${rollupWhere(sql, q)}`;
  return totals(row!);
}

export async function getMembumiDays(sql: Sql, q: RollupFilter): Promise<(MembumiTotals & { x: string })[]> {
  const rows = await sql<(Sums & { x: string })[]>`
    select to_char(day, 'YYYY-MM-DD') as x, ${SUMS(sql)} from ${statsTable(sql, q)}
    where ${rollupWhere(sql, q)}
    group by day order by day`;
  return rows.map((r) => ({ x: r.x, ...totals(r) }));
}

/** A period's totals beside those of the same-length period just before it, and the change in the index. */
export async function getMembumiComparison(sql: Sql, q: RollupFilter) {
  const span = daysBetween(q.from, q.to) + 1;
  const previous = { from: addDays(q.from, -span), to: addDays(q.from, -1) };
  const [period, before] = await Promise.all([getMembumiPeriod(sql, q), getMembumiPeriod(sql, { ...q, ...previous })]);
  const change = period.index !== null && before.index !== null ? Math.round((period.index - before.index) * 10) / 10 : null;
  return { ...period, previous: { ...previous, index: before.index }, change };
}
