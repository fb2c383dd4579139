import { normalizeSearchText } from '../core/keywords.js';
import { minhashSignature } from './similarity.js';

/**
 * A mention's text as ingest stores it, with what is computed from it: the keyword-matching text and the
 * near-duplicate signature. Computed off the main thread for crawled pages (crawler/extract/pool.ts), or by
 * ingest itself when a caller hands in plain text.
 */
export interface PreparedText {
  title: string;
  body: string;
  searchText: string;
  signature: number[] | null;
}

/** PostgreSQL text cannot hold NUL. */
const withoutNul = (text: string) => text.replace(/\u0000/g, '');

export function prepareMentionText(title: string, body: string): PreparedText {
  const t = withoutNul(title).trim();
  const b = withoutNul(body);
  return { title: t, body: b, searchText: normalizeSearchText(`${t}\n${b}`), signature: minhashSignature(b) };
}
