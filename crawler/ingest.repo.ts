import type { Sql } from '../core/db.js';
import { normalizeSearchText, termsMatch } from '../core/keywords.js';
import { DEFAULT_TZ } from '../core/time.js';
import type { MentionInput } from '../core/types.js';

/** Which of these canonical URLs are already stored, so a re-crawl fetches only new articles. */
export async function findStoredUrls(sql: Sql, urls: string[]): Promise<Set<string>> {
  if (urls.length === 0) return new Set();
  const rows = await sql<{ url: string }[]>`select url from mentions where url = any(${urls}::text[])`;
  return new Set(rows.map((r) => r.url));
}

export interface IngestResult {
  mentionId: number | null;
  inserted: boolean;
  topicIds: number[];
}

/**
 * Stores one mention, matches it against every topic and adds it to the daily rollup, all in one
 * transaction: a crash leaves either all of it or none, and a second ingest of the same URL changes nothing.
 */
export async function ingestMention(sql: Sql, input: MentionInput, fetchedAt = new Date()): Promise<IngestResult> {
  const occurredAt = input.publishedAt && input.publishedAt <= fetchedAt ? input.publishedAt : fetchedAt;
  const searchText = normalizeSearchText(`${input.title}\n${input.body}`);
  return sql.begin(async (tx) => {
    const [row] = await tx<{ id: number }[]>`
      insert into mentions (url, source_id, kind, title, body, author, published_at, fetched_at, occurred_at, language, views, search_text)
      values (${input.url}, ${input.sourceId}, ${input.kind}, ${input.title}, ${input.body}, ${input.author},
              ${input.publishedAt}, ${fetchedAt}, ${occurredAt}, ${input.language}, ${input.views}, ${searchText})
      on conflict (url) do nothing
      returning id`;
    if (!row) return { mentionId: null, inserted: false, topicIds: [] };
    const matched = await tx<{ topic_id: number }[]>`
      insert into topic_mentions (topic_id, mention_id, query_version)
      select t.id, m.id, t.version from topics t, mentions m
      where m.id = ${row.id} and ${termsMatch(tx)}
      on conflict do nothing
      returning topic_id`;
    const topicIds = matched.map((m) => m.topic_id);
    if (topicIds.length > 0) {
      await tx`
        insert into topic_daily_stats (topic_id, day, mention_kind, mentions, views)
        select topic_id, (${occurredAt}::timestamptz at time zone ${DEFAULT_TZ})::date, ${input.kind}, 1, ${input.views ?? 0}
        from unnest(${topicIds}::bigint[]) as topic_id
        on conflict (topic_id, day, mention_kind) do update
          set mentions = topic_daily_stats.mentions + 1, views = topic_daily_stats.views + excluded.views`;
    }
    return { mentionId: row.id, inserted: true, topicIds };
  });
}
