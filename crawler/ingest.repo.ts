import type { Sql, TxSql } from '../core/db.js';
import { mentionAuthor, prepareMentionText } from '../analysis/mention-text.js';
import { QuerySyntaxError, topicQuery, type QueryNode } from '../core/query/parse.js';
import { queryCondition } from '../core/query/sql.js';
import { assignStories, insertBands, type StoryLink } from './syndication.repo.js';
import { analysisColumns, analysisRows } from './analysis.repo.js';
import { planScores, type MentionScore } from './membumi.repo.js';
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
  for (let attempt = 1; ; attempt++) {
    try {
      return await sql.begin((tx) => ingestBatch(tx, prepared, fetchedAt));
    } catch (err) {
      if (!(err instanceof InsertRaced) || attempt >= MAX_RACED_ATTEMPTS) throw err;
    }
  }
}

/** Another writer stored one of the batch's mentions between the check and the insert; the batch goes again, and sees it stored. */
class InsertRaced extends Error {
  override name = 'InsertRaced';
}
const MAX_RACED_ATTEMPTS = 5;

/**
 * A new mention's row is written once: its story, scores and analysis are worked out first, with the id it
 * will get, and go into the insert (a second write of the row would index its text again).
 */
async function ingestBatch(tx: TxSql, prepared: PreparedMention[], fetchedAt: Date): Promise<IngestResult[]> {
  const fresh = await newMentions(tx, prepared);
  const ids = await allocateIds(tx, fresh.length);
  const rows: NewMention[] = fresh.map((k, n) => ({ ...prepared[k]!, id: ids[n]! }));
  const signed = rows.flatMap((r) => (r.signature ? [{ id: r.id, sig: r.signature }] : []));
  const stories = await assignStories(tx, signed);
  const scores = await planScores(
    tx,
    rows.map((r) => {
      const story = stories.get(r.id);
      return {
        id: r.id, input: r.input, analysis: r.analysis, occurredAt: r.occurredAt,
        copySimilarity: story?.copySimilarity ?? null, pressReleaseSimilarity: story?.pressReleaseSimilarity ?? null,
      };
    }),
  );
  const inserted = await insertMentions(tx, rows, stories, new Map(scores.map((s) => [s.id, s])), fetchedAt);
  if (inserted < rows.length) throw new InsertRaced(`${rows.length - inserted} of ${rows.length} mentions were stored by another writer meanwhile`);
  await insertBands(tx, signed);

  const idOf = new Map(fresh.map((k, n) => [k, ids[n]!]));
  const results: IngestResult[] = [];
  for (const [k, p] of prepared.entries()) {
    const id = idOf.get(k);
    if (id !== undefined) results.push({ mentionId: id, inserted: true, topicIds: [] });
    else {
      if (p.input.social) await updateEngagement(tx, p.input, fetchedAt);
      results.push({ mentionId: null, inserted: false, topicIds: [] });
    }
  }
  await applyToMentionCounts(tx, ids, 1, DEFAULT_TZ);
  await addToSourceCounts(tx, ids);
  const topics = await matchTopics(tx, ids);
  for (const r of results) if (r.mentionId !== null) r.topicIds = topics.get(r.mentionId) ?? [];
  return results;
}

type NewMention = PreparedMention & { id: number };

/**
 * Which of the batch are new: not stored yet by URL or, for a social post, by its platform id, and the first
 * of the batch with that URL or id (a repeat counts as already stored). Their positions in the batch.
 */
async function newMentions(tx: TxSql, prepared: PreparedMention[]): Promise<number[]> {
  const socialKey = (p: PreparedMention) => (p.input.social?.externalId != null ? `${p.input.social.platform}\u0000${p.input.social.externalId}` : null);
  const posts = prepared.filter((p) => socialKey(p) !== null);
  const stored = await tx<{ url: string; platform: string | null; external_id: string | null }[]>`
    select url, platform, external_id from mentions where url = any(${prepared.map((p) => p.input.url)}::text[])
    ${posts.length > 0 ? tx`union all
    select m.url, m.platform, m.external_id from unnest(${posts.map((p) => p.input.social!.platform)}::text[], ${posts.map((p) => p.input.social!.externalId)}::text[]) as s(platform, external_id)
    join mentions m on m.platform = s.platform and m.external_id = s.external_id` : tx``}`;
  const seen = new Set<string>();
  for (const r of stored) {
    seen.add(r.url);
    if (r.external_id !== null) seen.add(`${r.platform}\u0000${r.external_id}`);
  }
  const fresh: number[] = [];
  for (const [k, p] of prepared.entries()) {
    const key = socialKey(p);
    if (seen.has(p.input.url) || (key !== null && seen.has(key))) continue;
    seen.add(p.input.url);
    if (key !== null) seen.add(key);
    fresh.push(k);
  }
  return fresh;
}

/** Ids for new mention rows, taken from the table's own sequence before the rows are written. */
async function allocateIds(tx: TxSql, n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = await tx<{ id: number }[]>`select nextval(pg_get_serial_sequence('mentions', 'id'))::bigint as id from generate_series(1, ${n})`;
  return rows.map((r) => Number(r.id));
}

/**
 * Inserts the new mentions with everything worked out for them, in URL order (so two writers inserting the same
 * URLs never deadlock). Returns how many were inserted: fewer means another writer stored some meanwhile.
 */
async function insertMentions(tx: TxSql, news: NewMention[], stories: Map<number, StoryLink>, scores: Map<number, MentionScore>, fetchedAt: Date): Promise<number> {
  if (news.length === 0) return 0;
  const rows = [...news].sort((a, b) => (a.input.url < b.input.url ? -1 : a.input.url > b.input.url ? 1 : 0));
  const col = <T>(f: (p: NewMention) => T) => rows.map(f);
  const social = <T>(f: (s: NonNullable<MentionInput['social']>) => T) => rows.map((p) => (p.input.social ? f(p.input.social) : null));
  const story = <T>(f: (s: StoryLink) => T) => rows.map((p) => {
    const s = stories.get(p.id);
    return s ? f(s) : null;
  });
  const score = <T>(f: (s: MentionScore) => T) => rows.map((p) => f(scores.get(p.id)!));
  const inserted = await tx<{ id: number }[]>`
    insert into mentions (id, url, source_id, kind, title, body, author, published_at, fetched_at, occurred_at, language, views, minhash,
                          platform, external_id, author_handle, author_kind, followers, likes, shares, replies, engagement_observed_at,
                          tier, reach, reach_method, membumi, membumi_audience, membumi_register, membumi_voices, membumi_organic,
                          cluster_id, copy_of, copy_similarity, press_release_id, press_release_similarity,
                          ${analysisColumns(tx)})
    overriding system value
    select u.id, u.url, u.source_id, u.kind, u.title, u.body, u.author, u.published_at, ${fetchedAt}, u.occurred_at, coalesce(a.language, u.language), u.views,
           u.minhash::int[], u.platform, u.external_id, u.author_handle, u.author_kind, u.followers, u.likes, u.shares, u.replies,
           case when u.platform is null then null else ${fetchedAt}::timestamptz end,
           s.tier, s.reach, s.reach_method, s.membumi, s.audience, s.register, s.voices, s.organic,
           u.cluster_id, u.copy_of, u.copy_similarity, u.press_release_id, u.press_release_similarity,
           a.analysis_version, a.sentiment, a.sentiment_score, a.sentiment_confidence, a.register, a.grounding_score, a.voices_official,
           a.voices_non_official, a.non_official_share, a.author_voice, a.province_codes::text[], a.analysis::jsonb
    from unnest(
      ${col((p) => p.id)}::bigint[], ${col((p) => p.input.url)}::text[], ${col((p) => p.input.sourceId)}::bigint[], ${col((p) => p.input.kind)}::text[],
      ${col((p) => p.input.title)}::text[], ${col((p) => p.input.body)}::text[], ${col((p) => p.input.author)}::text[],
      ${col((p) => p.input.publishedAt?.toISOString() ?? null)}::timestamptz[], ${col((p) => p.occurredAt.toISOString())}::timestamptz[],
      ${col((p) => p.input.language)}::text[], ${col((p) => p.input.views)}::bigint[],
      ${col((p) => (p.signature ? `{${p.signature.join(',')}}` : null))}::text[],
      ${social((s) => s.platform)}::text[], ${social((s) => s.externalId)}::text[], ${social((s) => s.authorHandle)}::text[],
      ${social((s) => s.authorKind)}::text[], ${social((s) => s.followers)}::bigint[], ${social((s) => s.likes)}::bigint[],
      ${social((s) => s.shares)}::bigint[], ${social((s) => s.replies)}::bigint[],
      ${story((s) => s.clusterId)}::bigint[], ${story((s) => s.copyOf)}::bigint[], ${story((s) => s.copySimilarity)}::real[],
      ${story((s) => s.pressReleaseId)}::bigint[], ${story((s) => s.pressReleaseSimilarity)}::real[]
    ) with ordinality as u(id, url, source_id, kind, title, body, author, published_at, occurred_at, language, views, minhash,
                           platform, external_id, author_handle, author_kind, followers, likes, shares, replies,
                           cluster_id, copy_of, copy_similarity, press_release_id, press_release_similarity, ord)
    join unnest(
      ${score((s) => s.tier)}::text[], ${score((s) => s.reach)}::bigint[], ${score((s) => s.method)}::text[], ${score((s) => s.membumi.index)}::real[],
      ${score((s) => s.membumi.parts.audience)}::real[], ${score((s) => s.membumi.parts.register)}::real[], ${score((s) => s.membumi.parts.voices)}::real[],
      ${score((s) => s.membumi.parts.organic)}::real[]
    ) with ordinality as s(tier, reach, reach_method, membumi, audience, register, voices, organic, ord) on s.ord = u.ord
    join ${analysisRows(tx, rows.map((p) => p.analysis))} on a.ord = u.ord
    order by u.ord
    on conflict do nothing
    returning id`;
  return inserted.length;
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
 * mention matched. Rollup rows are upserted in key order so concurrent batches never deadlock. The mentions
 * are this transaction's own, unseen by any other writer, so their matches are inserted without a conflict check.
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
