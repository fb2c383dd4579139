import type { Sql } from '../../core/db.js';
import { DEFAULT_TZ } from '../../core/time.js';
import type { Mention } from '../../core/types.js';
import type { ListMentionsQuery } from './mentions.schema.js';

const SNIPPET_CHARS = 280;

export type MentionListItem = Omit<Mention, 'body'> & { snippet: string; source_tier: string | null };

/** Newest first within the range, keyset-paged on (occurred_at, id). */
export async function listMentions(sql: Sql, q: ListMentionsQuery): Promise<MentionListItem[]> {
  return sql<MentionListItem[]>`
    select m.id, m.url, m.source_id, s.name as source_name, s.tier as source_tier, m.kind, m.title,
           left(m.body, ${SNIPPET_CHARS}) as snippet, m.author, m.published_at, m.fetched_at, m.occurred_at,
           m.language, m.views, m.platform, m.author_handle, m.author_kind, m.followers, m.likes, m.shares, m.replies,
           m.cluster_id, m.copy_of, m.press_release_id
    from mentions m
    left join sources s on s.id = m.source_id
    where m.occurred_at >= (${q.from}::date)::timestamp at time zone ${DEFAULT_TZ}
      and m.occurred_at < (${q.to}::date + 1)::timestamp at time zone ${DEFAULT_TZ}
      ${q.topic ? sql`and exists (select 1 from topic_mentions tm where tm.mention_id = m.id and tm.topic_id = ${q.topic})` : sql``}
      ${q.source ? sql`and m.source_id = ${q.source}` : sql``}
      ${q.kind ? sql`and m.kind = ${q.kind}` : sql``}
      ${q.cursor ? sql`and (m.occurred_at, m.id) < (${q.cursor.at}, ${q.cursor.id})` : sql``}
    order by m.occurred_at desc, m.id desc
    limit ${q.limit}`;
}

export async function getMention(sql: Sql, id: number): Promise<(Mention & { topic_ids: number[] }) | null> {
  const [row] = await sql<(Mention & { topic_ids: number[] })[]>`
    select m.id, m.url, m.source_id, s.name as source_name, m.kind, m.title, m.body, m.author, m.published_at,
           m.fetched_at, m.occurred_at, m.language, m.views, m.platform, m.author_handle, m.author_kind, m.followers,
           m.likes, m.shares, m.replies, m.cluster_id, m.copy_of, m.copy_similarity, m.press_release_id, m.press_release_similarity,
           coalesce((select array_agg(topic_id order by topic_id) from topic_mentions where mention_id = m.id), '{}') as topic_ids
    from mentions m left join sources s on s.id = m.source_id
    where m.id = ${id}`;
  return row ?? null;
}
