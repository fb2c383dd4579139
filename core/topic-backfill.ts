import { notMarkedIrrelevant } from './corrections.js';
import type { Sql } from './db.js';
import { topicQuery } from './query/parse.js';
import { queryCondition } from './query/sql.js';
import { rebuildTopicRollups } from './rollups.js';

/**
 * Re-matches every stored mention against a topic's current query after it is saved: matches of older
 * versions are dropped, the mentions are matched in id ranges (progress after each), and the topic's daily
 * rollups are rebuilt from its matches in one transaction, so mentions ingested meanwhile are counted once.
 * Stops early when the topic was saved again (a newer backfill takes over). The same SQL condition as ingest;
 * mentions people marked irrelevant for the topic stay out (core/corrections.ts).
 */
export interface BackfillProgress {
  done: number;
  total: number;
}

const RANGE = 20_000;

export async function backfillTopic(
  sql: Sql,
  topicId: number,
  version: number,
  onProgress: (p: BackfillProgress) => Promise<void> = async () => {},
): Promise<{ matched: number; superseded: boolean }> {
  const current = async () =>
    (await sql<{ version: number; query: string; parent_query: string | null }[]>`
      select t.version, t.query, p.query as parent_query from topics t left join topics p on p.id = t.parent_id where t.id = ${topicId}`)[0];
  const topic = await current();
  if (!topic || topic.version !== version) return { matched: 0, superseded: true };
  const condition = queryCondition(sql, topicQuery(topic.query, topic.parent_query));
  const [bounds] = await sql<{ max_id: number | null; total: number }[]>`select max(id) as max_id, count(*)::int as total from mentions`;
  const maxId = bounds!.max_id ?? 0;
  await sql`delete from topic_mentions where topic_id = ${topicId} and query_version <> ${version}`;
  let done = 0;
  for (let from = 0; from < maxId; from += RANGE) {
    if ((await current())?.version !== version) return { matched: 0, superseded: true };
    await sql`
      insert into topic_mentions (topic_id, mention_id, query_version)
      select ${topicId}, m.id, ${version} from mentions m
      where m.id > ${from} and m.id <= ${from + RANGE} and ${condition} and ${notMarkedIrrelevant(sql, topicId)}
      on conflict do nothing`;
    const [seen] = await sql<{ n: number }[]>`select count(*)::int as n from mentions where id <= ${from + RANGE}`;
    done = seen!.n;
    await onProgress({ done, total: bounds!.total });
  }
  return sql.begin(async (tx) => {
    const [locked] = await tx<{ version: number }[]>`select version from topics where id = ${topicId} for update`;
    if (!locked || locked.version !== version) return { matched: 0, superseded: true };
    await rebuildTopicRollups(tx, topicId);
    await tx`update topics set matched_version = ${version} where id = ${topicId}`;
    const [n] = await tx<{ n: number }[]>`select count(*)::int as n from topic_mentions where topic_id = ${topicId}`;
    return { matched: n!.n, superseded: false };
  });
}
