import type { TextAnalysis } from '../analysis/analyze.js';
import type { Sql, TxSql } from '../core/db.js';

/**
 * How a text's analysis is stored on its mention: the figures as columns (for rollups and filters), the
 * explanation (sentiment terms, jargon with plain alternatives, register pulls, voices, places) as jsonb.
 * Used at ingest and by the re-analysis job.
 */
export const ANALYSIS_COLUMNS = [
  'analysis_version', 'sentiment', 'sentiment_score', 'sentiment_confidence', 'register', 'grounding_score', 'voices_official',
  'voices_non_official', 'non_official_share', 'author_voice', 'province_codes', 'analysis',
] as const;

export function analysisColumns(sql: Sql | TxSql) {
  return sql.unsafe(ANALYSIS_COLUMNS.join(', '));
}

export function explanationOf(a: TextAnalysis) {
  return { sentiment_terms: a.sentiment_terms, jargon: a.jargon, register_pulls: a.register_pulls, voices: a.voices, places: a.places };
}

/**
 * The analyses as a row source `a(…, language, ord)`, in the given order (ord from 1). `language` is the
 * language read from the text (analysis/language.ts); it replaces the page's declared one where it found one.
 */
export function analysisRows(sql: Sql | TxSql, list: TextAnalysis[]) {
  const col = <T>(f: (a: TextAnalysis) => T) => list.map(f);
  return sql`unnest(
      ${col((a) => a.analysis_version)}::int[], ${col((a) => a.sentiment)}::text[], ${col((a) => a.sentiment_score)}::real[],
      ${col((a) => a.sentiment_confidence)}::real[], ${col((a) => a.register)}::text[], ${col((a) => a.grounding_score)}::real[],
      ${col((a) => a.voices_official)}::int[], ${col((a) => a.voices_non_official)}::int[], ${col((a) => a.non_official_share)}::real[],
      ${col((a) => a.author_kind)}::text[], ${col((a) => `{${[...new Set(a.places.map((p) => p.province_code))].join(',')}}`)}::text[],
      ${col((a) => JSON.stringify(explanationOf(a)))}::text[], ${col((a) => a.language)}::text[]
    ) with ordinality as a(analysis_version, sentiment, sentiment_score, sentiment_confidence, register, grounding_score, voices_official,
                           voices_non_official, non_official_share, author_voice, province_codes, analysis, language, ord)`;
}
