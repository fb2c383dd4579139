import type { Sql } from '../../core/db.js';
import type { Mention } from '../../core/types.js';
import { SHOWN_SENTIMENT } from '../../core/rollups.js';
import { mentionWhere } from '../mention-filter.js';
import type { ListMentionsQuery } from './mentions.schema.js';

const SNIPPET_CHARS = 280;

/** What a mention's analysis says, for the feed: the figures and the index's parts; the detail adds the explanation. */
export interface MentionAnalysisFields {
  sentiment: string | null; sentiment_score: number | null; register: string | null; grounding_score: number | null;
  tier: string | null; reach: number | null; reach_method: string | null; membumi: number | null;
  membumi_parts: { audience: number; register: number; voices: number; organic: number } | null;
  voices_official: number | null; voices_non_official: number | null; province_codes: string[] | null;
  /** `sentiment` is the label shown: a person's correction, else the model's (`model_sentiment`). */
  model_sentiment: string | null;
  sentiment_correction: { id: number; label: string; by: string; at: string; note: string | null } | null;
  /** Standing irrelevant marks: for a topic (and its key messages), or for every topic (topic_id null). */
  irrelevant: { id: number; topic_id: number | null; by: string; at: string }[];
}

const ANALYSIS_FIELDS = (sql: Sql) => sql`
  ${sql.unsafe(SHOWN_SENTIMENT)} as sentiment, m.sentiment as model_sentiment, ${correctionFields(sql)}, m.sentiment_score, m.register, m.grounding_score, m.tier, m.reach, m.reach_method, m.membumi,
  case when m.membumi is null then null else json_build_object('audience', m.membumi_audience, 'register', m.membumi_register,
    'voices', m.membumi_voices, 'organic', m.membumi_organic) end as membumi_parts,
  m.voices_official, m.voices_non_official, m.province_codes`;

/** The standing corrections of mention `m` (migration 0020), for the feed's corrected marks and undo buttons. */
const correctionFields = (sql: Sql) => sql`
  (select json_build_object('id', c.id, 'label', c.label, 'by', c.created_by_name, 'at', c.created_at, 'note', c.note)
     from mention_corrections c where c.mention_id = m.id and c.kind = 'sentiment' and c.undone_at is null) as sentiment_correction,
  coalesce((select json_agg(json_build_object('id', c.id, 'topic_id', c.topic_id, 'by', c.created_by_name, 'at', c.created_at) order by c.id)
     from mention_corrections c where c.mention_id = m.id and c.kind = 'irrelevant' and c.undone_at is null), '[]'::json) as irrelevant`;

export type MentionListItem = Omit<Mention, 'body'> & MentionAnalysisFields & { snippet: string; source_tier: string | null };

/** Newest first within the range and filters (tier and province as in the rollups), keyset-paged on (occurred_at, id). */
export async function listMentions(sql: Sql, q: ListMentionsQuery): Promise<MentionListItem[]> {
  return sql<MentionListItem[]>`
    select m.id, m.url, m.source_id, s.name as source_name, s.tier as source_tier, m.kind, m.title,
           left(m.body, ${SNIPPET_CHARS}) as snippet, m.author, m.published_at, m.fetched_at, m.occurred_at,
           m.language, m.views, m.platform, m.author_handle, m.author_kind, m.followers, m.likes, m.shares, m.replies,
           m.cluster_id, m.copy_of, m.press_release_id, ${ANALYSIS_FIELDS(sql)}
    from mentions m
    left join sources s on s.id = m.source_id
    where ${mentionWhere(sql, q)}
      ${q.cursor ? sql`and (m.occurred_at, m.id) < (${q.cursor.at}, ${q.cursor.id})` : sql``}
    order by m.occurred_at desc, m.id desc
    limit ${q.limit}`;
}

type MentionDetail = Mention & MentionAnalysisFields & { topic_ids: number[]; analysis: unknown; analysis_version: number | null };

export async function getMention(sql: Sql, id: number): Promise<MentionDetail | null> {
  const [row] = await sql<MentionDetail[]>`
    select m.id, m.url, m.source_id, s.name as source_name, m.kind, m.title, m.body, m.author, m.published_at,
           m.fetched_at, m.occurred_at, m.language, m.views, m.platform, m.author_handle, m.author_kind, m.followers,
           m.likes, m.shares, m.replies, m.cluster_id, m.copy_of, m.copy_similarity, m.press_release_id, m.press_release_similarity,
           ${ANALYSIS_FIELDS(sql)}, m.sentiment_confidence, m.non_official_share, m.author_voice, m.analysis, m.analysis_version,
           coalesce((select array_agg(topic_id order by topic_id) from topic_mentions where mention_id = m.id), '{}') as topic_ids
    from mentions m left join sources s on s.id = m.source_id
    where m.id = ${id}`;
  return row ?? null;
}
