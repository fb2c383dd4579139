import type { Sql, TxSql } from '../../core/db.js';
import { bumpSentimentCorrectionsVersion, rematchMention } from '../../core/corrections.js';
import { applyMatchesToRollups } from '../../core/rollups.js';
import { DEFAULT_TZ } from '../../core/time.js';
import { ApiError, notFound } from '../errors.js';
import { getCorrection, type Correction } from './corrections.repo.js';
import type { SentimentLabel } from './corrections.schema.js';

/** Who makes or undoes a correction. */
export interface Corrector {
  id: number;
  name: string;
}

export interface Applied {
  correction: Correction;
  /** false when the same correction already stood (asking twice changes nothing). */
  created: boolean;
}

/** Locks the mention, so corrections, re-analysis and re-matching of one mention take turns; a 404 when there is none. */
async function lockMention(tx: TxSql, mentionId: number): Promise<{ sentiment: string | null }> {
  const [m] = await tx<{ sentiment: string | null }[]>`select sentiment from mentions where id = ${mentionId} for update`;
  if (!m) throw notFound(`mention ${mentionId}`);
  return m;
}

/** The mention's matches as a row source for the rollups. */
const matchesOf = (tx: TxSql, mentionId: number) => tx`select topic_id, mention_id from topic_mentions where mention_id = ${mentionId}`;

/**
 * Sets the sentiment a mention shows. Its contribution to every topic's rollups is taken away, the label
 * changed, and added back, in one transaction (as re-analysis does), so the rollups stay exact. A standing
 * correction with another label is replaced (and kept, pointing at its successor).
 */
export async function correctSentiment(sql: Sql, mentionId: number, label: SentimentLabel, note: string | undefined, by: Corrector): Promise<Applied> {
  return sql.begin(async (tx) => {
    const mention = await lockMention(tx, mentionId);
    const [standing] = await tx<{ id: number; label: string }[]>`
      select id, label from mention_corrections where mention_id = ${mentionId} and kind = 'sentiment' and undone_at is null`;
    if (standing?.label === label) return { correction: (await getCorrection(tx, standing.id))!, created: false };
    await applyMatchesToRollups(tx, matchesOf(tx, mentionId), -1, DEFAULT_TZ);
    if (standing) await tx`update mention_corrections set undone_at = now(), undone_by = ${by.id}, undone_by_name = ${by.name} where id = ${standing.id}`;
    const [row] = await tx<{ id: number }[]>`
      insert into mention_corrections (mention_id, kind, label, model_label, note, created_by, created_by_name)
      values (${mentionId}, 'sentiment', ${label}, ${mention.sentiment}, ${note || null}, ${by.id}, ${by.name})
      returning id`;
    if (standing) await tx`update mention_corrections set replaced_by = ${row!.id} where id = ${standing.id}`;
    await tx`update mentions set sentiment_corrected = ${label} where id = ${mentionId}`;
    await applyMatchesToRollups(tx, matchesOf(tx, mentionId), 1, DEFAULT_TZ);
    await bumpSentimentCorrectionsVersion(tx);
    return { correction: (await getCorrection(tx, row!.id))!, created: true };
  });
}

/**
 * Marks a mention irrelevant for a topic (and the topic's key messages), or with no topic for every topic:
 * it leaves their matches, feeds and rollups at once, and no re-matching brings it back while the mark stands.
 */
export async function markIrrelevant(sql: Sql, mentionId: number, topicId: number | null, note: string | undefined, by: Corrector): Promise<Applied> {
  return sql.begin(async (tx) => {
    await lockMention(tx, mentionId);
    if (topicId !== null) {
      const [topic] = await tx`select id from topics where id = ${topicId}`;
      if (!topic) throw notFound(`topic ${topicId}`);
    }
    const [standing] = await tx<{ id: number }[]>`
      select id from mention_corrections
      where mention_id = ${mentionId} and kind = 'irrelevant' and undone_at is null and coalesce(topic_id, 0) = ${topicId ?? 0}`;
    if (standing) return { correction: (await getCorrection(tx, standing.id))!, created: false };
    const [row] = await tx<{ id: number }[]>`
      insert into mention_corrections (mention_id, kind, topic_id, note, created_by, created_by_name)
      values (${mentionId}, 'irrelevant', ${topicId}, ${note || null}, ${by.id}, ${by.name})
      returning id`;
    const leaving = await tx<{ topic_id: number }[]>`
      select topic_id from topic_mentions
      where mention_id = ${mentionId}
        ${topicId === null ? tx`` : tx`and (topic_id = ${topicId} or topic_id in (select id from topics where parent_id = ${topicId}))`}
      order by topic_id for update`;
    const topicIds = leaving.map((r) => r.topic_id);
    if (topicIds.length > 0) {
      await applyMatchesToRollups(tx, tx`select unnest(${topicIds}::bigint[]) as topic_id, ${mentionId}::bigint as mention_id`, -1, DEFAULT_TZ);
      await tx`delete from topic_mentions where mention_id = ${mentionId} and topic_id = any(${topicIds}::bigint[])`;
    }
    return { correction: (await getCorrection(tx, row!.id))!, created: true };
  });
}

/**
 * Undoes a standing correction (kept in the history with who undid it and when): a sentiment goes back to the
 * model's label, an irrelevant mention is matched again against the topics' current queries. Both move the
 * rollups with it. A 409 when the correction no longer stands.
 */
export async function undoCorrection(sql: Sql, id: number, by: Corrector): Promise<Correction> {
  return sql.begin(async (tx) => {
    const [c] = await tx<{ mention_id: number; kind: string; topic_id: number | null; undone_at: Date | null }[]>`
      select mention_id, kind, topic_id, undone_at from mention_corrections where id = ${id}`;
    if (!c) throw notFound(`correction ${id}`);
    await lockMention(tx, c.mention_id);
    const [closed] = await tx`
      update mention_corrections set undone_at = now(), undone_by = ${by.id}, undone_by_name = ${by.name}
      where id = ${id} and undone_at is null returning id`;
    if (!closed) throw new ApiError(409, 'conflict', `correction ${id} was already undone or replaced`);
    if (c.kind === 'sentiment') {
      await applyMatchesToRollups(tx, matchesOf(tx, c.mention_id), -1, DEFAULT_TZ);
      await tx`update mentions set sentiment_corrected = null where id = ${c.mention_id}`;
      await applyMatchesToRollups(tx, matchesOf(tx, c.mention_id), 1, DEFAULT_TZ);
      await bumpSentimentCorrectionsVersion(tx);
    } else {
      const topics = await tx<{ id: number }[]>`
        select id from topics ${c.topic_id === null ? tx`` : tx`where id = ${c.topic_id} or parent_id = ${c.topic_id}`} order by id`;
      await rematchMention(tx, c.mention_id, topics.map((t) => t.id));
    }
    return (await getCorrection(tx, id))!;
  });
}
