import type { Sql, TxSql } from './db.js';

/**
 * The topic-day rollup (topic_daily_stats), defined once: what a group of mentions `m` adds to its row, used
 * at ingest and when a topic is re-matched. Sums and counts only; the membumi index of a day is
 * membumi_reach / reach, each part likewise, and sentiment shares are counts over `analysed`.
 */
export const ROLLUP_COLUMNS = [
  'mentions', 'views', 'reach', 'membumi_reach', 'audience_reach', 'register_reach', 'voices_reach', 'organic_reach',
  'membumi_sum', 'analysed', 'positive', 'neutral', 'negative', 'elitist',
] as const;

export function rollupColumnList(sql: Sql | TxSql) {
  return sql.unsafe(ROLLUP_COLUMNS.join(', '));
}

/** The aggregates, in ROLLUP_COLUMNS order, over mentions aliased `m`. */
export function rollupAggregates(sql: Sql | TxSql) {
  return sql`
    count(*), coalesce(sum(m.views), 0), coalesce(sum(m.reach), 0),
    coalesce(sum(m.reach * m.membumi), 0), coalesce(sum(m.reach * m.membumi_audience), 0), coalesce(sum(m.reach * m.membumi_register), 0),
    coalesce(sum(m.reach * m.membumi_voices), 0), coalesce(sum(m.reach * m.membumi_organic), 0),
    coalesce(sum(m.membumi), 0), count(m.membumi),
    count(*) filter (where m.sentiment = 'positive'), count(*) filter (where m.sentiment = 'neutral'),
    count(*) filter (where m.sentiment = 'negative'), count(*) filter (where m.register = 'elitist')`;
}

/** ON CONFLICT … DO UPDATE SET: every column adds what the new mentions bring. */
export function rollupAddExcluded(sql: Sql | TxSql) {
  return sql.unsafe(ROLLUP_COLUMNS.map((c) => `${c} = topic_daily_stats.${c} + excluded.${c}`).join(', '));
}

/**
 * Adds (sign 1) or takes away (sign -1) these mentions' whole contribution to their topics' day rows: a
 * mention re-scored in place is taken away, changed, and added back, so the rollups stay exact. Rows are
 * upserted in key order, so this never deadlocks with ingest.
 */
export async function applyToRollups(tx: TxSql, mentionIds: number[], sign: 1 | -1, tz: string): Promise<void> {
  if (mentionIds.length === 0) return;
  const signed = tx.unsafe(ROLLUP_COLUMNS.map((c) => `${sign} * a.${c}`).join(', '));
  await tx`
    insert into topic_daily_stats (topic_id, day, mention_kind, ${rollupColumnList(tx)})
    select a.topic_id, a.day, a.kind, ${signed}
    from (
      select tm.topic_id, (m.occurred_at at time zone ${tz})::date, m.kind, ${rollupAggregates(tx)}
      from topic_mentions tm join mentions m on m.id = tm.mention_id
      where m.id = any(${mentionIds}::bigint[])
      group by 1, 2, 3
    ) as a(topic_id, day, kind, ${rollupColumnList(tx)})
    order by 1, 2, 3
    on conflict (topic_id, day, mention_kind) do update set ${rollupAddExcluded(tx)}`;
}
