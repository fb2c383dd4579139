import type { Sql } from '../core/db.js';
import { DEFAULT_TZ } from '../core/time.js';
import type { MentionKind, Tier } from '../core/types.js';

/** The mentions feed's and the exports' filters: inclusive Asia/Jakarta days, a topic, a source and dimensions. */
export interface MentionFilter {
  from: string;
  to: string;
  topic?: number | undefined;
  source?: number | undefined;
  kind?: MentionKind | undefined;
  tier?: Tier | undefined;
  province?: string | undefined;
  /** The language of the text (analysis/language.ts). */
  language?: string | undefined;
}

/**
 * The conditions on `mentions m` for the filters. Tier and province mean what they mean in the rollups
 * (api/rollup-filter.ts, core/rollups.ts): the mention's own tier and the province it names first, so the
 * feed lists exactly the mentions a panel counts for the same filters.
 */
export function mentionWhere(sql: Sql, q: MentionFilter) {
  return sql`m.occurred_at >= (${q.from}::date)::timestamp at time zone ${DEFAULT_TZ}
    and m.occurred_at < (${q.to}::date + 1)::timestamp at time zone ${DEFAULT_TZ}
    ${q.topic ? sql`and exists (select 1 from topic_mentions tm where tm.mention_id = m.id and tm.topic_id = ${q.topic})` : sql``}
    ${q.source ? sql`and m.source_id = ${q.source}` : sql``}
    ${q.kind ? sql`and m.kind = ${q.kind}` : sql``}
    ${q.tier ? sql`and m.tier = ${q.tier}` : sql``}
    ${q.province ? sql`and m.province_codes[1] = ${q.province}` : sql``}
    ${q.language ? sql`and m.language = ${q.language}` : sql``}`;
}
