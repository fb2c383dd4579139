import type { Sql, TxSql } from '../core/db.js';
import { minhashSignature } from '../analysis/similarity.js';
import { normalizeSearchText, termsMatch } from '../core/keywords.js';
import { assignStory } from './syndication.repo.js';
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
/** PostgreSQL text cannot hold NUL; other control characters are noise in titles. */
const clean = (text: string) => text.replace(/\u0000/g, '');
const cleanOrNull = (text: string | null) => (text === null ? null : clean(text));

export async function ingestMention(sql: Sql, raw: MentionInput, fetchedAt = new Date()): Promise<IngestResult> {
  const input: MentionInput = { ...raw, title: clean(raw.title).trim(), body: clean(raw.body), author: cleanOrNull(raw.author) };
  const occurredAt = input.publishedAt && input.publishedAt <= fetchedAt ? input.publishedAt : fetchedAt;
  const searchText = normalizeSearchText(`${input.title}\n${input.body}`);
  const signature = minhashSignature(input.body);
  const s = input.social;
  return sql.begin(async (tx) => {
    const [row] = await tx<{ id: number }[]>`
      insert into mentions (url, source_id, kind, title, body, author, published_at, fetched_at, occurred_at, language, views, search_text,
                            platform, external_id, author_handle, author_kind, followers, likes, shares, replies, engagement_observed_at)
      values (${input.url}, ${input.sourceId}, ${input.kind}, ${input.title}, ${input.body}, ${input.author},
              ${input.publishedAt}, ${fetchedAt}, ${occurredAt}, ${input.language}, ${input.views}, ${searchText},
              ${s?.platform ?? null}, ${s?.externalId ?? null}, ${s?.authorHandle ?? null}, ${s?.authorKind ?? null},
              ${s?.followers ?? null}, ${s?.likes ?? null}, ${s?.shares ?? null}, ${s?.replies ?? null}, ${s ? fetchedAt : null})
      on conflict (url) do nothing
      returning id`;
    if (!row) {
      if (s) await updateEngagement(tx, input, fetchedAt);
      return { mentionId: null, inserted: false, topicIds: [] };
    }
    if (signature) await assignStory(tx, row.id, signature);
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

/** A post seen again: its engagement now, and the rollup's views moved by the difference. */
async function updateEngagement(tx: TxSql, input: MentionInput, observedAt: Date): Promise<void> {
  const s = input.social!;
  const [row] = await tx<{ id: number; old_views: number | null; occurred_at: Date; kind: string }[]>`
    with prev as (select id, views from mentions where url = ${input.url} for update)
    update mentions m set
      views = coalesce(${input.views}, m.views), likes = coalesce(${s.likes}, m.likes), shares = coalesce(${s.shares}, m.shares),
      replies = coalesce(${s.replies}, m.replies), followers = coalesce(${s.followers}, m.followers), engagement_observed_at = ${observedAt}
    from prev where m.id = prev.id
    returning m.id, prev.views as old_views, m.occurred_at, m.kind`;
  const delta = row && input.views !== null ? input.views - (row.old_views ?? 0) : 0;
  if (!row || delta === 0) return;
  await tx`
    update topic_daily_stats set views = views + ${delta}
    where topic_id in (select topic_id from topic_mentions where mention_id = ${row.id})
      and day = (${row.occurred_at}::timestamptz at time zone ${DEFAULT_TZ})::date and mention_kind = ${row.kind}`;
}
