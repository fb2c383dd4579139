import type { Sql, TxSql } from '../core/db.js';
import { mentionAuthor, prepareMentionText } from '../analysis/mention-text.js';
import { QuerySyntaxError, topicQuery, type QueryNode } from '../core/query/parse.js';
import { queryCondition } from '../core/query/sql.js';
import { assignStories } from './syndication.repo.js';
import { analysisColumns, analysisRows } from './analysis.repo.js';
import { scoreMentions } from './membumi.repo.js';
import { addToSourceCounts, applyMatchesToRollups, applyToMentionCounts } from '../core/rollups.js';
import type { TextAnalysis } from '../analysis/analyze.js';
import { estimateReach } from '../analysis/reach.js';
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

interface PreparedMention {
  input: MentionInput;
  occurredAt: Date;
  signature: number[] | null;
  analysis: TextAnalysis;
}

function prepareMention(raw: MentionInput, fetchedAt: Date): PreparedMention {
  const text = raw.prepared ?? prepareMentionText(raw.title, raw.body, mentionAuthor(raw));
  const input: MentionInput = { ...raw, title: text.title, body: text.body, author: raw.author === null ? null : raw.author.replace(/\u0000/g, '') };
  return {
    input,
    occurredAt: input.publishedAt && input.publishedAt <= fetchedAt ? input.publishedAt : fetchedAt,
    signature: text.signature,
    analysis: text.analysis,
  };
}

/** Stores one mention; see ingestMentions. */
export async function ingestMention(sql: Sql, raw: MentionInput, fetchedAt = new Date()): Promise<IngestResult> {
  return (await ingestMentions(sql, [raw], fetchedAt))[0]!;
}

/**
 * Stores a batch of mentions, puts them in story clusters, matches them against every topic and adds them
 * to the daily rollups, all in one transaction and a fixed number of statements, whatever the batch size: a
 * crash leaves either all of it or none, and ingesting a URL again changes nothing (a social post seen again
 * gets its engagement updated instead). Results come back in input order.
 */
export async function ingestMentions(sql: Sql, raws: MentionInput[], fetchedAt = new Date()): Promise<IngestResult[]> {
  if (raws.length === 0) return [];
  const prepared = raws.map((raw) => prepareMention(raw, fetchedAt));
  return sql.begin(async (tx) => {
    const ids = await insertMentions(tx, prepared, fetchedAt);
    const results: IngestResult[] = [];
    const claimed = new Set<number>();
    for (const p of prepared) {
      const id = ids.get(p.input.url);
      // The first input with a URL is the one inserted; a repeat in the same batch counts as already stored.
      if (id !== undefined && !claimed.has(id)) {
        claimed.add(id);
        results.push({ mentionId: id, inserted: true, topicIds: [] });
      } else {
        if (p.input.social) await updateEngagement(tx, p.input, fetchedAt);
        results.push({ mentionId: null, inserted: false, topicIds: [] });
      }
    }
    const fresh = results.flatMap((r, i) => (r.inserted && prepared[i]!.signature ? [{ id: r.mentionId!, sig: prepared[i]!.signature! }] : []));
    const stories = await assignStories(tx, fresh);
    await scoreMentions(
      tx,
      results.flatMap((r, i) => {
        if (!r.inserted) return [];
        const p = prepared[i]!;
        const story = stories.get(r.mentionId!);
        return [{
          id: r.mentionId!, input: p.input, analysis: p.analysis, occurredAt: p.occurredAt, copySimilarity: story?.copySimilarity ?? null,
          pressReleaseSimilarity: story?.pressReleaseSimilarity ?? null, story: story ? { clusterId: story.clusterId, copyOf: story.copyOf } : undefined,
        }];
      }),
    );
    await applyToMentionCounts(tx, [...claimed], 1, DEFAULT_TZ);
    await addToSourceCounts(tx, [...claimed]);
    const topics = await matchTopics(tx, [...claimed]);
    for (const r of results) if (r.mentionId !== null) r.topicIds = topics.get(r.mentionId) ?? [];
    return results;
  });
}

/** Inserts the new ones in URL order (so two workers inserting the same URLs never deadlock); their ids by URL. */
async function insertMentions(tx: TxSql, prepared: PreparedMention[], fetchedAt: Date): Promise<Map<string, number>> {
  const rows = [...prepared].sort((a, b) => (a.input.url < b.input.url ? -1 : a.input.url > b.input.url ? 1 : 0));
  const col = <T>(f: (p: PreparedMention) => T) => rows.map(f);
  const social = <T>(f: (s: NonNullable<MentionInput['social']>) => T) => rows.map((p) => (p.input.social ? f(p.input.social) : null));
  const inserted = await tx<{ id: number; url: string }[]>`
    insert into mentions (url, source_id, kind, title, body, author, published_at, fetched_at, occurred_at, language, views, minhash,
                          platform, external_id, author_handle, author_kind, followers, likes, shares, replies, engagement_observed_at,
                          ${analysisColumns(tx)})
    select u.url, u.source_id, u.kind, u.title, u.body, u.author, u.published_at, ${fetchedAt}, u.occurred_at, coalesce(a.language, u.language), u.views,
           u.minhash::int[], u.platform, u.external_id, u.author_handle, u.author_kind, u.followers, u.likes, u.shares, u.replies,
           case when u.platform is null then null else ${fetchedAt}::timestamptz end,
           a.analysis_version, a.sentiment, a.sentiment_score, a.sentiment_confidence, a.register, a.grounding_score, a.voices_official,
           a.voices_non_official, a.non_official_share, a.author_voice, a.province_codes::text[], a.analysis::jsonb
    from unnest(
      ${col((p) => p.input.url)}::text[], ${col((p) => p.input.sourceId)}::bigint[], ${col((p) => p.input.kind)}::text[],
      ${col((p) => p.input.title)}::text[], ${col((p) => p.input.body)}::text[], ${col((p) => p.input.author)}::text[],
      ${col((p) => p.input.publishedAt?.toISOString() ?? null)}::timestamptz[], ${col((p) => p.occurredAt.toISOString())}::timestamptz[],
      ${col((p) => p.input.language)}::text[], ${col((p) => p.input.views)}::bigint[],
      ${col((p) => (p.signature ? `{${p.signature.join(',')}}` : null))}::text[],
      ${social((s) => s.platform)}::text[], ${social((s) => s.externalId)}::text[], ${social((s) => s.authorHandle)}::text[],
      ${social((s) => s.authorKind)}::text[], ${social((s) => s.followers)}::bigint[], ${social((s) => s.likes)}::bigint[],
      ${social((s) => s.shares)}::bigint[], ${social((s) => s.replies)}::bigint[]
    ) with ordinality as u(url, source_id, kind, title, body, author, published_at, occurred_at, language, views, minhash,
                           platform, external_id, author_handle, author_kind, followers, likes, shares, replies, ord)
    join ${analysisRows(tx, rows.map((p) => p.analysis))} on a.ord = u.ord
    order by u.ord
    on conflict do nothing
    returning id, url`;
  return new Map(inserted.map((r) => [r.url, r.id]));
}

/**
 * Parsed topic queries by topic and version, so a batch does not parse them again. Queries are checked when
 * saved; one stored before the query language that no longer parses matches nothing rather than stopping ingest.
 */
const parsed = new Map<string, QueryNode | null>();
function parsedQuery(t: { id: number; version: number; query: string; parent_query: string | null }): QueryNode | null {
  const key = `${t.id}:${t.version}:${t.query}\u0000${t.parent_query ?? ''}`;
  if (!parsed.has(key)) {
    if (parsed.size > 10_000) parsed.clear();
    let node: QueryNode | null = null;
    try {
      node = topicQuery(t.query, t.parent_query);
    } catch (err) {
      if (!(err instanceof QuerySyntaxError)) throw err;
    }
    parsed.set(key, node);
  }
  return parsed.get(key) ?? null;
}

/**
 * Matches new mentions against every topic and adds each match to its topic-day rollup; the topics each
 * mention matched. Rollup rows are upserted in key order so concurrent batches never deadlock.
 */
async function matchTopics(tx: TxSql, ids: number[]): Promise<Map<number, number[]>> {
  const byMention = new Map<number, number[]>();
  if (ids.length === 0) return byMention;
  const topics = (
    await tx<{ id: number; version: number; query: string; parent_query: string | null }[]>`
      select t.id, t.version, t.query, p.query as parent_query from topics t left join topics p on p.id = t.parent_id order by t.id`
  )
    .map((t) => ({ ...t, node: parsedQuery(t) }))
    .filter((t): t is typeof t & { node: QueryNode } => t.node !== null);
  if (topics.length === 0) return byMention;
  // Each topic's query as its SQL condition: the same one a backfill and a preview run (core/query/sql.ts).
  const perTopic = topics.map((t) => tx`select ${t.id}::bigint as topic_id, m.id as mention_id, ${t.version}::int as version from mentions m where m.id = any(${ids}::bigint[]) and ${queryCondition(tx, t.node)}`);
  const candidates = perTopic.slice(1).reduce((acc, q) => tx`${acc} union all ${q}`, perTopic[0]!);
  const matched = await tx<{ topic_id: number; mention_id: number }[]>`
    insert into topic_mentions (topic_id, mention_id, query_version)
    select c.topic_id, c.mention_id, c.version from (${candidates}) c
    order by c.topic_id, c.mention_id
    on conflict do nothing
    returning topic_id, mention_id`;
  if (matched.length > 0) {
    const pairs = tx`select * from unnest(${matched.map((m) => m.topic_id)}::bigint[], ${matched.map((m) => m.mention_id)}::bigint[]) as x(topic_id, mention_id)`;
    await applyMatchesToRollups(tx, pairs, 1, DEFAULT_TZ);
  }
  for (const m of matched) byMention.set(m.mention_id, [...(byMention.get(m.mention_id) ?? []), m.topic_id]);
  return byMention;
}

/**
 * A post seen again: its engagement now, its reach re-estimated from it. When its views or reach change, its
 * rollup contribution is taken away before and added back after, so every rollup moves by the difference.
 */
async function updateEngagement(tx: TxSql, input: MentionInput, observedAt: Date): Promise<void> {
  const s = input.social!;
  type Seen = { id: number; views: number | null; likes: number | null; shares: number | null; replies: number | null; followers: number | null; reach: number | null };
  const [row] = await tx<Seen[]>`
    select id, views, likes, shares, replies, followers, reach from mentions
    where url = ${input.url} or (platform = ${s.platform} and external_id = ${s.externalId})
    order by id limit 1 for update`;
  if (!row) return;
  const now = {
    views: input.views ?? row.views, likes: s.likes ?? row.likes, shares: s.shares ?? row.shares, replies: s.replies ?? row.replies,
    followers: s.followers ?? row.followers,
  };
  const estimate = estimateReach({ kind: 'social', ...now, tier: 'social', sourceAudience: null, firstOfDomainToday: false });
  // Only an estimate from what the post shows replaces the stored reach; "no signal" keeps what it had.
  const reach = estimate.method === 'audience_repeat' ? row.reach : estimate.reach;
  const moved = now.views !== row.views || reach !== row.reach;
  const matches = tx`select topic_id, mention_id from topic_mentions where mention_id = ${row.id}`;
  if (moved) await applyMatchesToRollups(tx, matches, -1, DEFAULT_TZ);
  await tx`
    update mentions set views = ${now.views}, likes = ${now.likes}, shares = ${now.shares}, replies = ${now.replies}, followers = ${now.followers},
      engagement_observed_at = ${observedAt}
      ${reach !== row.reach ? tx`, reach = ${reach}, reach_method = ${estimate.method}` : tx``}
    where id = ${row.id}`;
  if (moved) await applyMatchesToRollups(tx, matches, 1, DEFAULT_TZ);
}
