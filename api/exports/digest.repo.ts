import type { Sql } from '../../core/db.js';
import { SHOWN_SENTIMENT } from '../../core/rollups.js';
import { DEFAULT_TZ } from '../../core/time.js';

/** What a digest shows beside the membumi figures: the period's top items by reach, and the jargon used most. */
export async function digestTopItems(sql: Sql, q: { topicId: number; from: string; to: string }, limit = 10) {
  return sql<{ title: string; source_name: string | null; tier: string | null; sentiment: string | null; membumi: number | null; reach: number | null; occurred_at: Date }[]>`
    select m.title, s.name as source_name, coalesce(m.tier, s.tier) as tier, ${sql.unsafe(SHOWN_SENTIMENT)} as sentiment, m.membumi, m.reach, m.occurred_at
    from topic_mentions tm join mentions m on m.id = tm.mention_id left join sources s on s.id = m.source_id
    where tm.topic_id = ${q.topicId}
      and m.occurred_at >= (${q.from}::date)::timestamp at time zone ${DEFAULT_TZ}
      and m.occurred_at < (${q.to}::date + 1)::timestamp at time zone ${DEFAULT_TZ}
    order by m.reach desc nulls last, m.occurred_at desc limit ${limit}`;
}

export async function digestJargon(sql: Sql, q: { topicId: number; from: string; to: string }, limit = 8) {
  return sql<{ term: string; plain: string; uses: number; mentions: number }[]>`
    select j->>'term' as term, max(j->>'plain') as plain, sum((j->>'count')::int)::int as uses, count(distinct m.id)::int as mentions
    from topic_mentions tm join mentions m on m.id = tm.mention_id
    cross join lateral jsonb_array_elements(coalesce(m.analysis->'jargon', '[]'::jsonb)) as j
    where tm.topic_id = ${q.topicId}
      and m.occurred_at >= (${q.from}::date)::timestamp at time zone ${DEFAULT_TZ}
      and m.occurred_at < (${q.to}::date + 1)::timestamp at time zone ${DEFAULT_TZ}
    group by 1 order by uses desc, term limit ${limit}`;
}
