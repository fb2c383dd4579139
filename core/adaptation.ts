import { analysisVersion } from '../analysis/analyze.js';
import { learnAdaptation, type SentimentAdaptation, type SentimentCorrection } from '../analysis/adaptation.js';
import { sentimentCorrectionsVersion, standingSentimentCorrections } from './corrections.js';
import type { Sql } from './db.js';
import type { Logger } from './logger.js';
import { positiveTerms, topicQuery } from './query/parse.js';

/**
 * The deployment's sentiment adaptation (analysis/adaptation.ts), learned from its standing sentiment
 * corrections. Each process holds one and asks PostgreSQL at most every `checkEveryMs` whether the corrections
 * changed (one counter, migration 0020); when they did, it learns again. Every worker on every machine learns
 * from the same corrections, so they agree on the adaptation's id and on the analysis version it gives.
 */
export interface AdaptationProvider {
  /** The adaptation now, or null when there are no corrections to learn from. */
  current(): Promise<SentimentAdaptation | null>;
  /** The analysis version a mention scored now carries (analysis/analyze.ts: lexicons and adaptation). */
  version(): Promise<number>;
}

/** The words and phrases the tracked topics' queries look for (a query that no longer parses adds none). */
export async function trackedTopicTerms(sql: Sql): Promise<string[]> {
  const topics = await sql<{ query: string; parent_query: string | null }[]>`
    select t.query, p.query as parent_query from topics t left join topics p on p.id = t.parent_id`;
  return topics.flatMap((t) => {
    try {
      return positiveTerms(topicQuery(t.query, t.parent_query));
    } catch {
      return [];
    }
  });
}

/** What changes the adaptation: the corrections' counter and the topics' queries (their versions and number). */
export async function adaptationStamp(sql: Sql): Promise<string> {
  const [row] = await sql<{ stamp: string }[]>`select count(*)::text || ':' || coalesce(sum(version), 0)::text as stamp from topics`;
  return `${await sentimentCorrectionsVersion(sql)}/${row?.stamp ?? ''}`;
}

/** Learns the adaptation from the stored corrections and the tracked topics now, once; with the corrections it learned from. */
export async function learnDeploymentAdaptation(sql: Sql): Promise<{ adaptation: SentimentAdaptation; corrections: SentimentCorrection[] }> {
  const [stored, topicTerms] = await Promise.all([standingSentimentCorrections(sql), trackedTopicTerms(sql)]);
  const corrections = stored.map((c) => ({ text: c.text, title: c.title, kind: c.kind, label: c.label }));
  return { adaptation: learnAdaptation(corrections, { topicTerms }), corrections };
}

/** The adaptation now, or null when there is nothing to adapt to (no corrections, no topics). */
export async function loadAdaptation(sql: Sql): Promise<SentimentAdaptation | null> {
  const { adaptation } = await learnDeploymentAdaptation(sql);
  return adaptation.id ? adaptation : null;
}

export function adaptationProvider(sql: Sql, opts: { checkEveryMs?: number; logger?: Logger } = {}): AdaptationProvider {
  const every = opts.checkEveryMs ?? 60_000;
  let held: { version: string; adaptation: SentimentAdaptation | null } | null = null;
  let checkedAt = 0;
  let pending: Promise<SentimentAdaptation | null> | null = null;

  const refresh = async (): Promise<SentimentAdaptation | null> => {
    const version = await adaptationStamp(sql);
    checkedAt = Date.now();
    if (held && held.version === version) return held.adaptation;
    const started = Date.now();
    const adaptation = await loadAdaptation(sql);
    held = { version, adaptation };
    opts.logger?.info({ correctionsVersion: version, adaptation: adaptation?.id ?? null, corrections: adaptation?.corrections ?? 0, ms: Date.now() - started }, 'sentiment adaptation learned from corrections');
    return adaptation;
  };

  const current = async () => {
    if (held && Date.now() - checkedAt < every) return held.adaptation;
    // one look at a time, however many pages ask at once
    pending ??= refresh().finally(() => (pending = null));
    try {
      return await pending;
    } catch (err) {
      // the database away for a moment: keep scoring with what we had (nothing, before the first look)
      opts.logger?.warn({ err: (err as Error).message }, 'could not check the corrections; the adaptation stays as it was');
      if (held) checkedAt = Date.now();
      return held?.adaptation ?? null;
    }
  };
  return { current, version: async () => analysisVersion((await current())?.id) };
}
