import { readLexicon } from './lexicon-file.js';
import { RULES, sentimentFeatures, type SentimentFeature } from './sentiment-features.js';
import type { Token } from './tokenize.js';

/**
 * Sentiment of a news text or social post: positive / neutral / negative, with a score and a confidence,
 * from two lexicons Gaung owns. `sentiment-learned.tsv` holds per-word class weights learned from the SmSA
 * training data (binarised naive Bayes; `npm run lexicon:sentiment`), negated forms ("!enak") where the
 * data shows them; `sentiment-curated.tsv` adds campaign, slang and emoji polarity (-3..3) by hand.
 * Negation flips a word's weights, intensifiers and contrast scale them (sentiment-features.ts).
 */
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];
type Weights = [number, number, number];

export interface SentimentResult {
  sentiment: Sentiment;
  /** Probability of positive minus probability of negative, -1..1. */
  score: number;
  /** Probability of the chosen class. */
  confidence: number;
  /** The words that moved the decision most, with their pull (positive toward positive). */
  terms: { term: string; pull: number }[];
}

export interface SentimentModel {
  learned: Map<string, Weights>;
  curated: Map<string, number>;
  phrases: Set<string>;
  /** Words that mark a topic rather than a feeling: their learned weights are not used. */
  topicWords: Set<string>;
  prior: Weights;
  bias: Weights;
  /** Base weights by feature, filled as texts are scored. */
  cache: Map<string, Weights>;
  /** For news and for social posts: extra class offsets and the weight of the words' neutral evidence, tuned on the campaign set's tune part. */
  kindBias: Partial<Record<'news' | 'social', { bias: Weights; neutralScale: number }>>;
}

export function loadSentimentModel(learnedFile = 'sentiment-learned.tsv', curatedFile = 'sentiment-curated.tsv'): SentimentModel {
  const learned = new Map<string, Weights>();
  const topicWords = new Set(readLexicon('sentiment-topic-words.txt').map((r) => r[0]!.toLowerCase()));
  const kindBias: SentimentModel['kindBias'] = {};
  let prior: Weights = [0, 0, 0];
  let bias: Weights = [RULES.bias.positive, RULES.bias.neutral, RULES.bias.negative];
  for (const [key, ...w] of readLexicon(learnedFile)) {
    const weights = w.slice(0, 3).map(Number) as Weights;
    const extra = w[3] === undefined ? 1 : Number(w[3]);
    if (weights.length !== 3 || weights.some((n) => !Number.isFinite(n))) throw new Error(`lexicons/${learnedFile}: "${key}" needs three numbers`);
    if (key === '__prior__') prior = weights;
    else if (key === '__bias__') bias = weights;
    else if (key === '__bias_news__') kindBias.news = { bias: weights, neutralScale: extra };
    else if (key === '__bias_social__') kindBias.social = { bias: weights, neutralScale: extra };
    else learned.set(key!, weights);
  }
  const curated = new Map<string, number>();
  for (const [term, polarity] of readLexicon(curatedFile)) {
    const p = Number(polarity);
    if (!Number.isFinite(p) || p < -3 || p > 3) throw new Error(`lexicons/${curatedFile}: "${term}" needs a polarity from -3 to 3`);
    curated.set(term!.toLowerCase(), p);
  }
  const phrases = new Set([...curated.keys()].filter((k) => k.includes(' ')));
  return { learned, curated, phrases, topicWords, prior, bias, kindBias, cache: new Map() };
}

let defaultModel: SentimentModel | undefined;

/** What one feature adds to each class score. */
function featureWeights(model: SentimentModel, f: SentimentFeature): Weights {
  const key = f.negated ? `!${f.key}\t${f.stemKey}` : `${f.key}\t${f.stemKey}`;
  let base = model.cache.get(key);
  if (!base) {
    base = baseWeights(model, f);
    if (model.cache.size > 200_000) model.cache.clear();
    model.cache.set(key, base);
  }
  return f.scale === 1 ? base : [base[0] * f.scale, base[1] * f.scale, base[2] * f.scale];
}

/** A feature's weights before intensifiers and contrast scale them: learned (or flipped under negation) plus curated. */
function baseWeights(model: SentimentModel, f: SentimentFeature): Weights {
  const w: Weights = [0, 0, 0];
  const learned = model.topicWords.has(f.key)
    ? undefined
    : f.negated
      ? (model.learned.get(`!${f.key}`) ?? model.learned.get(`!${f.stemKey}`) ?? flip(model.learned.get(f.key) ?? model.learned.get(f.stemKey)))
      : (model.learned.get(f.key) ?? model.learned.get(f.stemKey));
  if (learned) for (let i = 0; i < 3; i++) w[i] = learned[i]!;
  const polarity = model.curated.get(f.key) ?? model.curated.get(f.stemKey.slice(1));
  if (polarity !== undefined) {
    const p = (f.negated ? -polarity : polarity) * RULES.curatedScale;
    w[0] += p;
    w[2] -= p;
    w[1] -= Math.abs(p) / 2;
  }
  return w;
}

function flip(w: Weights | undefined): Weights | undefined {
  return w && [w[2] * 0.8, w[1], w[0] * 0.8];
}

/** Texts longer than this many sentences are read sentence by sentence (see analyzeSentiment). */
const WHOLE_TEXT_SENTENCES = 3;

/**
 * A short text (a post, a review, a headline) is scored whole. A longer one (an article) is scored one
 * sentence at a time and the sentences' class probabilities are averaged: summed over hundreds of words,
 * naive-Bayes evidence saturates and calls every article certain, and an article's tone is the tone of
 * most of its sentences, not of its longest word list.
 */
export function analyzeSentiment(
  tokens: readonly Token[],
  opts: { kind?: 'news' | 'social'; model?: SentimentModel } = {},
): SentimentResult {
  const model = opts.model ?? (defaultModel ??= loadSentimentModel());
  const pulls = new Map<string, number>();
  const sentences = splitSentences(tokens);
  const parts = sentences.length > WHOLE_TEXT_SENTENCES ? sentences : [tokens];
  const probs: Weights = [0, 0, 0];
  let counted = 0;
  for (const part of parts) {
    const p = classProbabilities(part, model, opts.kind, pulls);
    if (!p) continue;
    for (let i = 0; i < 3; i++) probs[i]! += p[i]!;
    counted++;
  }
  if (counted === 0) return { sentiment: 'neutral', score: 0, confidence: 1, terms: [] };
  for (let i = 0; i < 3; i++) probs[i]! /= counted;
  let best = 0;
  for (let i = 1; i < 3; i++) if (probs[i]! > probs[best]!) best = i;
  const terms = [...pulls.entries()]
    .filter(([, p]) => Math.abs(p) >= 0.5)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, 6)
    .map(([term, pull]) => ({ term, pull: Math.round(pull * 100) / 100 }));
  return { sentiment: SENTIMENTS[best]!, score: round(probs[0]! - probs[2]!), confidence: round(probs[best]!), terms };
}

function splitSentences(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  for (const t of tokens) {
    const last = out.at(-1);
    if (last && last[0]!.sentence === t.sentence) last.push(t);
    else out.push([t]);
  }
  return out;
}

/** Class probabilities of one text or sentence; null when it has no word to read. */
function classProbabilities(tokens: readonly Token[], model: SentimentModel, kindName: 'news' | 'social' | undefined, pulls: Map<string, number>): Weights | null {
  const kind = kindName ? model.kindBias[kindName] : undefined;
  const kb = kind?.bias ?? [0, 0, 0];
  // In SmSA a formal, newsy wording itself marks "neutral"; for campaign news and posts the words' neutral
  // weights count only `neutralScale` as much, so a press release that praises is not called neutral.
  const neutralScale = kind?.neutralScale ?? 1;
  const scores: Weights = [0, 1, 2].map((i) => model.prior[i]! + model.bias[i]! + kb[i]!) as Weights;
  const features = sentimentFeatures(tokens, model.phrases);
  if (features.length === 0) return null;
  for (const f of features) {
    const w = featureWeights(model, f);
    scores[0] += w[0];
    scores[1] += w[1] * neutralScale;
    scores[2] += w[2];
    const pull = w[0] - w[2];
    if (pull !== 0) {
      const term = (f.negated ? `tidak ${f.term}` : f.term).toLowerCase();
      pulls.set(term, (pulls.get(term) ?? 0) + pull);
    }
  }
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const total = exp[0]! + exp[1]! + exp[2]!;
  return exp.map((e) => e / total) as Weights;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
