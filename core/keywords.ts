import type { Sql, TxSql } from './db.js';

/**
 * Topic keyword queries, first version: phrases separated by commas, OR or ATAU; quotes optional.
 * `Presidensi G20, "G20 Indonesia" OR KTT G20` matches a mention containing any of the three phrases,
 * case-insensitive, on whole words. Ingest and re-matching both run the same SQL (`termsMatch`).
 */
export class KeywordQueryError extends Error {}

const MAX_TERMS = 50;

/** Lower-cased words joined by single spaces, padded with one space at each end. */
export function normalizeSearchText(text: string): string {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return ` ${words.join(' ')} `;
}

export function compileKeywordQuery(query: string): string[] {
  const parts = query
    .split(/,|\s+(?:OR|ATAU)\s+/)
    .map((p) => p.trim().replace(/^"(.*)"$/s, '$1'))
    .filter((p) => p.length > 0);
  if (parts.length === 0) throw new KeywordQueryError('query has no keywords: write at least one word or "phrase"');
  const terms = [...new Set(parts.map((p) => normalizeSearchText(p).trim()))];
  const empty = parts.find((p) => normalizeSearchText(p).trim() === '');
  if (empty !== undefined) throw new KeywordQueryError(`"${empty}" has no letters or digits to match`);
  if (terms.length > MAX_TERMS) throw new KeywordQueryError(`query has ${terms.length} keywords; at most ${MAX_TERMS}`);
  return terms;
}

/** SQL condition: topic `t` matches mention `m`. The one definition of a match, used at ingest and on re-match. */
export function termsMatch(sql: Sql | TxSql) {
  return sql`exists (select 1 from unnest(t.terms) as term where position(' ' || term || ' ' in m.search_text) > 0)`;
}
