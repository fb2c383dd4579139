import { performance } from 'node:perf_hooks';
import type { AnalyzeInput, AnalyzeOptions } from '../../analysis/analyze.js';
import { prepareMentionText, type PreparedText } from '../../analysis/mention-text.js';
import { decodeHtml, extractArticle, type ExtractedArticle } from './article.js';

/**
 * What runs in the page pool's worker threads (crawler/extract/pool.ts): everything a page costs in CPU
 * between its bytes arriving and its mention going to the database.
 */
export type PageTask = (
  | { op: 'article'; url: string; timezone: string; html?: string; body?: Uint8Array; contentType?: string | null }
  | { op: 'prepare'; title: string; body: string; kind?: AnalyzeInput['kind']; author?: AnalyzeInput['author'] }
) & { adaptation?: AnalyzeOptions['adaptation'] };

export interface ExtractedPage {
  article: ExtractedArticle;
  prepared: PreparedText;
  /** Milliseconds this page took: decoding and extraction, then the analysis of its text (for the crawl's figures). */
  ms: { extract: number; analyze: number };
}

export function processPage(task: Extract<PageTask, { op: 'article' }>): ExtractedPage | null;
export function processPage(task: Extract<PageTask, { op: 'prepare' }>): PreparedText;
export function processPage(task: PageTask): ExtractedPage | PreparedText | null;
export function processPage(task: PageTask): ExtractedPage | PreparedText | null {
  if (task.op === 'prepare') return prepareMentionText(task.title, task.body, { kind: task.kind, author: task.author, adaptation: task.adaptation });
  const started = performance.now();
  const html = task.html ?? decodeHtml(task.body ?? new Uint8Array(), task.contentType ?? null);
  const article = extractArticle(html, task.url, { timezone: task.timezone });
  if (!article) return null;
  const extracted = performance.now();
  const prepared = prepareMentionText(article.title, article.body, { kind: 'news', adaptation: task.adaptation });
  return { article, prepared, ms: { extract: extracted - started, analyze: performance.now() - extracted } };
}

export default processPage;
