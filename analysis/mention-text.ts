import type { MentionInput } from '../core/types.js';
import { analyzeText, type AnalyzeInput, type AnalyzeOptions, type TextAnalysis } from './analyze.js';
import { minhashSignature } from './similarity.js';

/**
 * A mention's text as ingest stores it, with what is computed from it: the near-duplicate signature and
 * the analysis. Computed off the main thread for crawled pages (crawler/extract/pool.ts), or by
 * ingest itself when a caller hands in plain text.
 */
export interface PreparedText {
  title: string;
  body: string;
  signature: number[] | null;
  /** Sentiment, register, voices and places (analyze.ts). */
  analysis: TextAnalysis;
}

/** PostgreSQL text cannot hold NUL. */
const withoutNul = (text: string) => text.replace(/\u0000/g, '');

/** `adaptation`: the deployment's sentiment adaptation learned from its corrections (core/adaptation.ts), when there is one. */
export function prepareMentionText(title: string, body: string, opts: Pick<AnalyzeInput, 'kind' | 'author'> & AnalyzeOptions = {}): PreparedText {
  const t = withoutNul(title).trim();
  const b = withoutNul(body);
  // A social post's "title" is its own first line: the body alone is the text.
  const analysis = analyzeText({ text: b, title: opts.kind === 'social' ? null : t, kind: opts.kind, author: opts.author }, { adaptation: opts.adaptation });
  return { title: t, body: b, signature: minhashSignature(b), analysis };
}

/** The kind and author a mention's analysis needs (a social post's author is its voice). */
export function mentionAuthor(input: MentionInput): Pick<AnalyzeInput, 'kind' | 'author'> {
  const s = input.social;
  return { kind: input.kind, author: s ? { handle: s.authorHandle, name: input.author, platformKind: s.authorKind } : undefined };
}
