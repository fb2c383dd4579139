import type { SentimentAdaptation } from '../analysis/adaptation.js';
import { ANALYSIS_VERSION } from '../analysis/analyze.js';
import { prepareMentionText } from '../analysis/mention-text.js';
import type { Sql } from '../core/db.js';
import { applyToRollups } from '../core/rollups.js';
import { DEFAULT_TZ } from '../core/time.js';
import type { MentionInput } from '../core/types.js';
import { analysisRows } from './analysis.repo.js';
import { scoreMentions } from './membumi.repo.js';

type Stored = {
  id: number; url: string; source_id: number | null; kind: 'news' | 'social'; title: string; body: string; author: string | null;
  views: number | null; occurred_at: Date; platform: string | null; external_id: string | null; author_handle: string | null;
  author_kind: NonNullable<MentionInput['social']>['authorKind']; followers: number | null; likes: number | null; shares: number | null;
  replies: number | null; reach: number | null; press_release_similarity: number | null; copy_similarity: number | null;
};

/**
 * Re-scores stored mentions with the current lexicons and weights: their analysis, tier, reach (kept when
 * already estimated, so a domain's daily audience is not counted twice) and membumi index; their rollup
 * contribution is taken away first and added back after, in the same transaction. With the deployment's
 * `adaptation` (core/adaptation.ts) the model's sentiment learns from the corrections; a label a person
 * corrected stays what they said (mentions.sentiment_corrected is never written here).
 */
export async function reanalyzeMentions(sql: Sql, ids: number[], opts: { adaptation?: SentimentAdaptation | null } = {}): Promise<number> {
  if (ids.length === 0) return 0;
  return sql.begin(async (tx) => {
    const rows = await tx<Stored[]>`
      select id, url, source_id, kind, title, body, author, views, occurred_at, platform, external_id, author_handle, author_kind,
             followers, likes, shares, replies, reach,
             case when press_release_id is null then null else press_release_similarity end as press_release_similarity, copy_similarity
      from mentions where id = any(${ids}::bigint[]) order by id for update`;
    if (rows.length === 0) return 0;
    const found = rows.map((r) => r.id);
    await applyToRollups(tx, found, -1, DEFAULT_TZ);
    const inputs = rows.map((r): MentionInput => ({
      url: r.url, sourceId: r.source_id, kind: r.kind, title: r.title, body: r.body, author: r.author, publishedAt: null, language: null, views: r.views,
      social: r.platform
        ? { platform: r.platform, externalId: r.external_id ?? '', authorHandle: r.author_handle, authorKind: r.author_kind, followers: r.followers, likes: r.likes, shares: r.shares, replies: r.replies }
        : undefined,
    }));
    const analyses = inputs.map((input) => prepareMentionText(input.title, input.body, { kind: input.kind, author: input.social ? { handle: input.social.authorHandle, name: input.author, platformKind: input.social.authorKind } : undefined, adaptation: opts.adaptation }).analysis);
    await tx`
      update mentions m set analysis_version = a.analysis_version, sentiment = a.sentiment, sentiment_score = a.sentiment_score,
        sentiment_confidence = a.sentiment_confidence, register = a.register, grounding_score = a.grounding_score,
        voices_official = a.voices_official, voices_non_official = a.voices_non_official, non_official_share = a.non_official_share,
        author_voice = a.author_voice, province_codes = a.province_codes::text[], analysis = a.analysis::jsonb,
        language = coalesce(a.language, m.language)
      from unnest(${found}::bigint[]) with ordinality as i(id, ord)
      join ${analysisRows(tx, analyses)} on a.ord = i.ord
      where m.id = i.id`;
    const reachOf = new Map(rows.map((r) => [r.id, r.reach]));
    await scoreMentions(
      tx,
      rows.map((r, k) => ({
        id: r.id, input: inputs[k]!, analysis: analyses[k]!, occurredAt: r.occurred_at,
        pressReleaseSimilarity: r.press_release_similarity, copySimilarity: r.copy_similarity,
      })),
      { keepReach: reachOf },
    );
    await applyToRollups(tx, found, 1, DEFAULT_TZ);
    return rows.length;
  });
}

/**
 * The next batch of mentions to re-score: those scored by older lexicons or another adaptation than the one of
 * `version` (analysisVersion in analysis/analyze.ts; the shipped lexicons' by default), or all, in id order after `afterId`.
 */
export async function nextMentionsToReanalyze(sql: Sql, q: { afterId: number; limit: number; all: boolean; maxId: number; version?: number }): Promise<number[]> {
  const rows = await sql<{ id: number }[]>`
    select id from mentions
    where id > ${q.afterId} and id <= ${q.maxId}
      ${q.all ? sql`` : sql`and (analysis_version is distinct from ${q.version ?? ANALYSIS_VERSION})`}
    order by id limit ${q.limit}`;
  return rows.map((r) => r.id);
}

export async function countMentionsToReanalyze(sql: Sql, all: boolean, version = ANALYSIS_VERSION): Promise<{ total: number; maxId: number }> {
  const [row] = await sql<{ total: number; max_id: number | null }[]>`
    select count(*)::int as total, max(id) as max_id from mentions
    ${all ? sql`` : sql`where analysis_version is distinct from ${version}`}`;
  return { total: row!.total, maxId: row!.max_id ?? 0 };
}
