import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { detectLanguage } from './language.js';
import { fitLinear, type LinearModel } from './linear.js';
import { macroF1 } from './datasets.js';
import { analyzeSentiment, SENTIMENTS, sentimentModel, sentimentVector, type Sentiment } from './sentiment.js';
import { tokenize } from './tokenize.js';

/**
 * A deployment's own sentiment adaptation, learned from the labels its staff corrected. Commercial tools answer
 * domain shift with opaque retraining; this is a small correction layer on the shipped Indonesian model, added
 * to its scores: new weights only on words the model already treats as sentiment-bearing (so a correction
 * can't teach a topic word or a place to carry sentiment) and on the class biases, each pulled toward zero so
 * that one correction moves little and many agreeing corrections move more. Its report says what it changes on
 * the evaluation sets shipped in analysis/eval/ and which words it moved most.
 *
 * It also carries the words of the deployment's tracked topics: whatever a campaign is called ("Bangga Buatan
 * Indonesia", "Gerakan Sehat"), naming it is not a feeling, so those words get no weight in any language.
 */
export interface SentimentCorrection {
  text: string;
  title?: string | null;
  kind: 'news' | 'social';
  label: Sentiment;
}

export interface SentimentAdaptation {
  /** Hash of the corrections it was learned from; '' when there are none. */
  id: string;
  /** Corrections it learned from (Indonesian ones; others are not adapted yet). */
  corrections: number;
  /** Corrections it left aside: not Indonesian. */
  skipped: number;
  language: 'id';
  /** Added to the Indonesian model's class scores. */
  model: LinearModel;
  /** Words of the tracked topics' queries (lower case): no sentiment weight in any language. */
  topicWords: string[];
}

const L2_WORDS = 0.05;
const L2_BIAS = 0.5;
const EPOCHS = 200;

const textOf = (c: Pick<SentimentCorrection, 'text' | 'title'>) => (c.title ? `${c.title}.\n\n${c.text}` : c.text);

/** The words of topic queries' terms ("Presidensi G20" → presidensi, g20), lower case, sorted, once each. */
export function topicWordsOf(terms: readonly string[]): string[] {
  const words = new Set<string>();
  for (const term of terms) for (const w of term.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []) words.add(w);
  return [...words].sort();
}

export function learnAdaptation(corrections: readonly SentimentCorrection[], opts: { topicTerms?: readonly string[] } = {}): SentimentAdaptation {
  const base = sentimentModel('id')!;
  const topicWords = topicWordsOf(opts.topicTerms ?? []);
  const usable = corrections.filter((c) => (detectLanguage(textOf(c)).language ?? 'id') === 'id');
  const empty: LinearModel = { bias: [0, 0, 0], weights: new Map() };
  const hash = createHash('sha256').update(topicWords.join(' ')).update('\u0002');
  if (usable.length === 0) {
    const id = topicWords.length ? hash.digest('hex').slice(0, 16) : '';
    return { id, corrections: 0, skipped: corrections.length, language: 'id', model: empty, topicWords };
  }
  const id = hash
    .update(usable.map((c) => `${c.label}\u0000${textOf(c)}`).sort().join('\u0001'))
    .digest('hex')
    .slice(0, 16);
  const vocabulary = { has: (k: string) => base.weights.has(k) || base.weights.has(`!${k}`) };
  const examples = usable.map((c) => ({ x: sentimentVector(tokenize(textOf(c)), base, vocabulary), y: SENTIMENTS.indexOf(c.label), weight: 1 }));
  // Fit the whole model from the shipped one with every weight pulled back toward it, then keep the difference.
  const fitted = fitLinear(examples, {
    anchor: base,
    l2: (k) => (k.startsWith('@') ? L2_WORDS * 10 : L2_WORDS),
    biasL2: L2_BIAS,
    epochs: EPOCHS,
    rate: 0.02,
  });
  const delta: LinearModel = { bias: [0, 1, 2].map((c) => fitted.bias[c]! - base.bias[c]!) as LinearModel['bias'], weights: new Map() };
  for (const [k, w] of fitted.weights) {
    const b = base.weights.get(k) ?? [0, 0, 0];
    const d: [number, number, number] = [w[0] - b[0], w[1] - b[1], w[2] - b[2]];
    if (Math.max(...d.map(Math.abs)) >= 0.001) delta.weights.set(k, d);
  }
  return { id, corrections: usable.length, skipped: corrections.length - usable.length, language: 'id', model: delta, topicWords };
}

export interface AdaptationReport {
  corrections: number;
  skipped: number;
  /** Macro-F1 before and after on each evaluation set, and accuracy on the corrections themselves. */
  sets: { name: string; n: number; before: number; after: number }[];
  /** The words whose pull (toward positive) the adaptation moved most. */
  terms: { term: string; pull: number }[];
  bias: { positive: number; neutral: number; negative: number };
  /** The tracked topics' words, which carry no sentiment. */
  topic_words: string[];
}

interface EvalRow { text: string; label: Sentiment }

function evaluationSets(): { name: string; rows: EvalRow[] }[] {
  const read = (file: string, textCol: number, labelCol: number) =>
    fs
      .readFileSync(new URL(`./eval/${file}`, import.meta.url), 'utf8')
      .split('\n')
      .slice(1)
      .filter((l) => l.trim())
      .map((l) => l.split('\t'))
      .map((c) => ({ text: c[textCol]!, label: c[labelCol] as Sentiment }));
  return [
    { name: 'campaign-sentiment (written for Gaung)', rows: read('campaign-sentiment.tsv', 4, 3) },
    { name: 'news-seed-sentences (real news)', rows: read('news-seed-sentences.tsv', 3, 2) },
  ];
}

export function adaptationReport(a: SentimentAdaptation, corrections: readonly SentimentCorrection[] = []): AdaptationReport {
  const predict = (text: string, with_: boolean) => analyzeSentiment(tokenize(text), { language: 'id', adaptation: with_ ? a.model : null }).sentiment;
  const sets = evaluationSets().map(({ name, rows }) => ({
    name,
    n: rows.length,
    before: round(macroF1(rows, (r) => predict(r.text, false))),
    after: round(macroF1(rows, (r) => predict(r.text, true))),
  }));
  if (corrections.length) {
    const acc = (with_: boolean) => corrections.filter((c) => predict(textOf(c), with_) === c.label).length / corrections.length;
    sets.push({ name: 'the corrections themselves (accuracy)', n: corrections.length, before: round(acc(false)), after: round(acc(true)) });
  }
  const terms = [...a.model.weights]
    .filter(([k]) => !k.startsWith('@'))
    .map(([k, w]) => ({ term: k.startsWith('!') ? `tidak ${k.slice(1)}` : k.replace(/^~/, ''), pull: round(w[0] - w[2]) }))
    .sort((x, y) => Math.abs(y.pull) - Math.abs(x.pull))
    .slice(0, 15);
  const [positive, neutral, negative] = a.model.bias.map(round) as [number, number, number];
  return { corrections: a.corrections, skipped: a.skipped, sets, terms, bias: { positive, neutral, negative }, topic_words: a.topicWords };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
