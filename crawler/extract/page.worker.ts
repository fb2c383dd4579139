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
) & {
  adaptation?: AnalyzeOptions['adaptation'];
  /** The deployment's adaptation by its id alone: a thread is sent the model once, not with every page (runTask). */
  adaptationId?: string;
};

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

/** What a thread answers to a task naming an adaptation it has not been sent yet: the pool sends the task again with it. */
export const NEEDS_ADAPTATION = 'needs-adaptation';

/** The adaptations this thread was sent, newest last; two at most (one replacing the other while pages are in flight). */
const adaptations = new Map<string, NonNullable<AnalyzeOptions['adaptation']>>();

/** A task in a worker thread: the adaptation a task names is the one this thread was sent with an earlier task. */
export function runTask(task: PageTask): ExtractedPage | PreparedText | null | typeof NEEDS_ADAPTATION {
  if (task.adaptation) {
    adaptations.delete(task.adaptation.id);
    adaptations.set(task.adaptation.id, task.adaptation);
    if (adaptations.size > 2) adaptations.delete(adaptations.keys().next().value!);
  } else if (task.adaptationId !== undefined) {
    const adaptation = adaptations.get(task.adaptationId);
    if (!adaptation) return NEEDS_ADAPTATION;
    task = { ...task, adaptation };
  }
  return processPage(task);
}

export default runTask;
