import type { Sql } from '../../core/db.js';
import { parseQuery, positiveTerms, type QueryNode } from '../../core/query/parse.js';
import { queryCondition } from '../../core/query/sql.js';
import { backfillTopic } from '../../core/topic-backfill.js';
import type { SERIES_METRICS } from './topics.schema.js';
import { DEFAULT_TZ } from '../../core/time.js';
import type { Topic } from '../../core/types.js';
import { rollupWhere, statsTable, type RollupFilter } from '../rollup-filter.js';

export interface TopicWithCounts extends Topic {
  mention_count: number;
  last_day: string | null;
}

export async function listTopics(sql: Sql): Promise<TopicWithCounts[]> {
  return sql<TopicWithCounts[]>`
    select t.*, coalesce(s.mentions, 0)::int as mention_count, s.last_day
    from topics t
    left join (
      select topic_id, sum(mentions) as mentions, to_char(max(day), 'YYYY-MM-DD') as last_day
      from topic_daily_tier_stats group by topic_id
    ) s on s.topic_id = t.id
    order by t.name`;
}

export async function getTopic(sql: Sql, id: number): Promise<Topic | null> {
  const [row] = await sql<Topic[]>`select * from topics where id = ${id}`;
  return row ?? null;
}

/**
 * How stored mentions are matched after a save: 'inline' before returning (small databases, the demo,
 * tests), 'later' by a background backfill job the caller queues (core/topic-backfill.ts).
 */
export type BackfillMode = 'inline' | 'later';

/** Creates a topic (version 1); stored mentions are matched as `backfill` says. Null when the name is taken. */
export async function createTopic(
  sql: Sql,
  input: { name: string; query: string; author?: string | null; parentId?: number | null },
  backfill: BackfillMode = 'inline',
): Promise<Topic | null> {
  const terms = positiveTerms(parseQuery(input.query));
  const topic = await sql.begin(async (tx) => {
    const [row] = await tx<Topic[]>`
      insert into topics (name, query, terms, parent_id) values (${input.name}, ${input.query}, ${terms}, ${input.parentId ?? null})
      on conflict do nothing returning *`;
    if (row) await tx`insert into topic_versions (topic_id, version, query, author) values (${row.id}, ${row.version}, ${row.query}, ${input.author ?? null})`;
    return row ?? null;
  });
  if (!topic || backfill === 'later') return topic;
  await backfillTopic(sql, topic.id, topic.version);
  return getTopic(sql, topic.id);
}

/** Whether the database holds at most `limit` mentions (counted without scanning more). */
export async function mentionCountAtMost(sql: Sql, limit: number): Promise<boolean> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from (select 1 from mentions limit ${limit + 1}) x`;
  return row!.n <= limit;
}

export interface TopicVersion {
  version: number;
  query: string;
  author: string | null;
  created_at: Date;
}

/** A topic's saved queries, newest first. */
export async function listTopicVersions(sql: Sql, topicId: number): Promise<TopicVersion[]> {
  return sql<TopicVersion[]>`select version, query, author, created_at from topic_versions where topic_id = ${topicId} order by version desc`;
}

/** Renames a topic or changes its query; a new query is a new version and re-matches stored mentions. */
export async function updateTopic(
  sql: Sql,
  id: number,
  input: { name?: string; query?: string; author?: string | null },
  backfill: BackfillMode = 'inline',
): Promise<Topic | null | 'name_taken'> {
  const result = await sql.begin(async (tx) => {
    const [current] = await tx<Topic[]>`select * from topics where id = ${id} for update`;
    if (!current) return null;
    if (input.name && input.name !== current.name) {
      const [clash] = await tx`select 1 from topics where name = ${input.name} and id <> ${id} and parent_id is not distinct from ${current.parent_id}`;
      if (clash) return 'name_taken' as const;
    }
    const queryChanged = input.query !== undefined && input.query !== current.query;
    const terms = queryChanged ? positiveTerms(parseQuery(input.query!)) : current.terms;
    const [topic] = await tx<Topic[]>`
      update topics set
        name = ${input.name ?? current.name},
        query = ${input.query ?? current.query},
        terms = ${terms},
        version = version + ${queryChanged ? 1 : 0},
        updated_at = now()
      where id = ${id} returning *`;
    if (!queryChanged) return { topic: topic!, queryChanged, keyMessages: [] as Topic[] };
    await tx`insert into topic_versions (topic_id, version, query, author) values (${id}, ${topic!.version}, ${topic!.query}, ${input.author ?? null})`;
    // A key message matches its parent's query too: when that changes, each key message gets a new version.
    const keyMessages = await tx<Topic[]>`update topics set version = version + 1, updated_at = now() where parent_id = ${id} returning *`;
    for (const k of keyMessages) await tx`insert into topic_versions (topic_id, version, query, author) values (${k.id}, ${k.version}, ${k.query}, ${input.author ?? null})`;
    return { topic: topic!, queryChanged, keyMessages };
  });
  if (!result || result === 'name_taken') return result;
  if (!result.queryChanged || backfill === 'later') return result.topic;
  await backfillTopic(sql, id, result.topic.version);
  for (const k of result.keyMessages) await backfillTopic(sql, k.id, k.version);
  return getTopic(sql, id);
}

/** A topic's key messages (their own versions move when the topic's query changes). */
export async function listKeyMessages(sql: Sql, topicId: number): Promise<Topic[]> {
  return sql<Topic[]>`select * from topics where parent_id = ${topicId} order by name`;
}

export async function deleteTopic(sql: Sql, id: number): Promise<boolean> {
  const rows = await sql`delete from topics where id = ${id} returning id`;
  return rows.length > 0;
}

/** Chart-ready daily points from the rollup; days without mentions are absent here and filled by the caller. */
export async function getTopicSeries(
  sql: Sql,
  q: RollupFilter & { metric: (typeof SERIES_METRICS)[number] },
): Promise<{ x: string; y: number }[]> {
  // Allow-listed by the schema; each metric is a column of the rollup.
  const column = { volume: 'mentions', views: 'views', reach: 'reach', positive: 'positive', neutral: 'neutral', negative: 'negative' }[q.metric];
  const value = sql`sum(${sql(column)})`;
  return sql<{ x: string; y: number }[]>`
    select to_char(day, 'YYYY-MM-DD') as x, ${value}::float8 as y
    from ${statsTable(sql, q)}
    where ${rollupWhere(sql, q)}
    group by day order by day`;
}

export interface QueryPreview {
  total: number;
  days: { x: string; y: number }[];
  samples: { id: number; url: string; title: string; source_name: string | null; occurred_at: Date; snippet: string }[];
}

/** Mentions `m` that occurred from the day `from` to the day `to` (inclusive, Asia/Jakarta days). */
export const dayWindow = (sql: Sql, range: { from: string; to: string }) =>
  sql`m.occurred_at >= (${range.from}::date)::timestamp at time zone ${DEFAULT_TZ}
    and m.occurred_at < (${range.to}::date + 1)::timestamp at time zone ${DEFAULT_TZ}`;

/**
 * What a query would match among stored mentions, per Asia/Jakarta day from `from` to `to`, with the newest
 * matches as samples: counted by PostgreSQL full-text search, never by loading mentions into Node.
 */
export async function previewQuery(sql: Sql, node: QueryNode, range: { from: string; to: string }, samples = 8): Promise<QueryPreview> {
  const window = dayWindow(sql, range);
  const condition = queryCondition(sql, node);
  const [days, rows] = await Promise.all([
    sql<{ x: string; y: number }[]>`
      select to_char((m.occurred_at at time zone ${DEFAULT_TZ})::date, 'YYYY-MM-DD') as x, count(*)::int as y
      from mentions m where ${window} and ${condition} group by 1 order by 1`,
    sql<QueryPreview['samples']>`
      select m.id, m.url, m.title, s.name as source_name, m.occurred_at, left(m.body, 240) as snippet
      from mentions m left join sources s on s.id = m.source_id
      where ${window} and ${condition} order by m.occurred_at desc, m.id desc limit ${samples}`,
  ]);
  return { total: days.reduce((n, d) => n + d.y, 0), days, samples: rows };
}

/**
 * What an edited query changes against the current one over the days: how many stored mentions it adds and
 * how many it no longer matches, and which of the given sample ids the current query does not match (new).
 */
export async function compareQueries(
  sql: Sql,
  edited: QueryNode,
  current: QueryNode,
  range: { from: string; to: string },
  sampleIds: number[],
): Promise<{ added: number; removed: number; newIds: number[] }> {
  const e = queryCondition(sql, edited);
  const c = queryCondition(sql, current);
  const [row] = await sql<{ added: number; removed: number; new_ids: string[] }[]>`
    select count(*) filter (where ${e} and not coalesce(${c}, false))::int as added,
           count(*) filter (where ${c} and not coalesce(${e}, false))::int as removed,
           coalesce(array_agg(m.id) filter (where m.id = any(${sampleIds.map(String)}::bigint[]) and not coalesce(${c}, false)), '{}') as new_ids
    from mentions m where ${dayWindow(sql, range)} and (${e} or ${c})`;
  return { added: row?.added ?? 0, removed: row?.removed ?? 0, newIds: (row?.new_ids ?? []).map(Number) };
}
