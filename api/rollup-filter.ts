import type { Sql } from '../core/db.js';
import type { MentionKind, Tier } from '../core/types.js';

/** The dashboard's filters over the rollups (migration 0013): a topic, inclusive Asia/Jakarta days and dimensions. */
export interface RollupFilter {
  topicId: number;
  from: string;
  to: string;
  kind?: MentionKind | undefined;
  tier?: Tier | undefined;
  province?: string | undefined;
}

/** The kind, tier and province conditions, for any rollup table (each has those columns). */
export function dimensionWhere(sql: Sql, q: Omit<RollupFilter, 'topicId'>) {
  return sql`day between ${q.from}::date and ${q.to}::date
    ${q.kind ? sql`and mention_kind = ${q.kind}` : sql``}
    ${q.tier ? sql`and tier = ${q.tier}` : sql``}
    ${q.province ? sql`and province = ${q.province}` : sql``}`;
}

/**
 * Where a read finds its sums: the rollups by province when it names one, else the same sums kept without the
 * province (migration 0016), a fraction of the rows. Both have every other column dimensionWhere names.
 */
export const statsTable = (sql: Sql, q: { province?: string | undefined }) => sql(q.province ? 'topic_daily_stats' : 'topic_daily_tier_stats');
export const facetsTable = (sql: Sql, q: { province?: string | undefined; kind?: string | undefined; tier?: string | undefined }) =>
  sql(q.province ? 'topic_day_facets' : q.kind || q.tier ? 'topic_day_tier_facets' : 'topic_day_value_facets');

/** A topic's rows of topic_daily_stats or topic_day_facets (or their tier tables) for the filters. */
export function rollupWhere(sql: Sql, q: RollupFilter) {
  return sql`topic_id = ${q.topicId} and ${dimensionWhere(sql, q)}`;
}
