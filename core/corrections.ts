import type { Sql, TxSql } from './db.js';
import { QuerySyntaxError, topicQuery, type QueryNode } from './query/parse.js';
import { queryCondition } from './query/sql.js';
import { applyMatchesToRollups } from './rollups.js';
import { DEFAULT_TZ } from './time.js';

/**
 * What the corrections people make (migration 0020) mean for the rest of Gaung, in one place:
 *  - a mention marked irrelevant for a topic is never matched to that topic or its key messages again (a
 *    backfill after a query change included); marked irrelevant for every topic, to none;
 *  - every change to the standing sentiment corrections moves one counter, so workers on any machine can
 *    tell at little cost that the deployment's adaptation must be learned again.
 */

type Db = Sql | TxSql;

/** The condition on `mentions m` that keeps out mentions marked irrelevant for this topic, its parent topic, or every topic. */
export function notMarkedIrrelevant(sql: Db, topicId: number) {
  return sql`not exists (
    select 1 from mention_corrections c
    where c.mention_id = m.id and c.kind = 'irrelevant' and c.undone_at is null
      and (c.topic_id is null or c.topic_id = ${topicId} or c.topic_id = (select t.parent_id from topics t where t.id = ${topicId}))
  )`;
}

/** The counter of changes to the standing sentiment corrections (0 before the first). */
export async function sentimentCorrectionsVersion(sql: Db): Promise<number> {
  const [row] = await sql<{ v: number }[]>`select sentiment_version as v from correction_state`;
  return row?.v ?? 0;
}

/** Moves the counter, inside the transaction that changed a sentiment correction. */
export async function bumpSentimentCorrectionsVersion(tx: TxSql): Promise<void> {
  await tx`update correction_state set sentiment_version = sentiment_version + 1`;
}

/** A standing sentiment correction with the text it was made on: what an adaptation learns from. */
export interface StoredSentimentCorrection {
  mention_id: number;
  title: string | null;
  text: string;
  kind: 'news' | 'social';
  label: 'positive' | 'neutral' | 'negative';
}

/** Every standing sentiment correction, oldest first, with its mention's title, text and kind. */
export async function standingSentimentCorrections(sql: Db): Promise<StoredSentimentCorrection[]> {
  return sql<StoredSentimentCorrection[]>`
    select c.mention_id, m.title, m.body as text, m.kind, c.label
    from mention_corrections c join mentions m on m.id = c.mention_id
    where c.kind = 'sentiment' and c.undone_at is null
    order by c.id`;
}

/**
 * Matches one mention again against these topics' current queries (after an irrelevant mark is undone) and
 * adds each new match to the rollups, through the same SQL condition as ingest and backfill. Topics for which
 * the mention is still marked irrelevant (another mark, e.g. one for every topic) stay without it.
 */
export async function rematchMention(tx: TxSql, mentionId: number, topicIds: number[], tz = DEFAULT_TZ): Promise<number[]> {
  if (topicIds.length === 0) return [];
  const topics = await tx<{ id: number; version: number; query: string; parent_query: string | null }[]>`
    select t.id, t.version, t.query, p.query as parent_query from topics t left join topics p on p.id = t.parent_id
    where t.id = any(${topicIds}::bigint[]) order by t.id`;
  const matched: number[] = [];
  for (const t of topics) {
    let node: QueryNode;
    try {
      node = topicQuery(t.query, t.parent_query);
    } catch (err) {
      if (err instanceof QuerySyntaxError) continue; // a query stored before the query language matches nothing, as at ingest
      throw err;
    }
    const [row] = await tx<{ topic_id: number }[]>`
      insert into topic_mentions (topic_id, mention_id, query_version)
      select ${t.id}, m.id, ${t.version} from mentions m
      where m.id = ${mentionId} and ${queryCondition(tx, node)} and ${notMarkedIrrelevant(tx, t.id)}
      on conflict do nothing
      returning topic_id`;
    if (row) matched.push(row.topic_id);
  }
  if (matched.length > 0) {
    await applyMatchesToRollups(tx, tx`select unnest(${matched}::bigint[]) as topic_id, ${mentionId}::bigint as mention_id`, 1, tz);
  }
  return matched;
}
