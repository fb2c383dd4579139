import fs from 'node:fs';
import { scores, softmax, type LinearModel, type Vector, type Weights } from './linear.js';
import { sentimentFeatures, type WordKeys } from './sentiment-features.js';
import type { Token } from './tokenize.js';

/**
 * Sentiment of a news text or social post: positive / neutral / negative, with a calibrated confidence and the
 * words that decided it. One linear model per language (models/sentiment-<lang>.json, learned by
 * `npm run model:sentiment`): Indonesian, English and the regional languages NusaX covers.
 *
 * Only sentiment-bearing evidence carries weight. A model's features are the words of its vocabulary — words a
 * sentiment lexicon lists (polarity lexicons, NusaX's sentiment headwords, Gaung's curated campaign and slang
 * terms, emoji), never topic words, places, names, pronouns or particles — each as written, as its stem, or
 * under negation ("!word"), plus two dense features from the prior polarity of every lexicon word (`@pos`,
 * `@neg`), which carry words the training data never showed. A text with no such word is neutral.
 */
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export interface SentimentResult {
  sentiment: Sentiment;
  /** Probability of positive minus probability of negative, -1..1. */
  score: number;
  /** Probability of the chosen class, calibrated (temperature) on texts of domains the model was not trained on. */
  confidence: number;
  /** The words that moved the decision most, with their pull (positive toward positive). */
  terms: { term: string; pull: number }[];
}

export interface SentimentModel extends LinearModel {
  language: string;
  /** Prior polarity, -3..3, of lexicon words (the dense features' source). */
  polarity: Map<string, number>;
  negators: Set<string>;
  phrases: Set<string>;
  /** Whether "~stem" keys are used (the Indonesian stemmer; only for Indonesian). */
  stems: boolean;
  temperature: number;
  /** Regional word → its Indonesian headword (NusaX lexicon), read as an extra word so Indonesian evidence carries over. */
  translations?: Map<string, string>;
}

export interface SentimentModelFile {
  _doc: string;
  language: string;
  bias: Weights;
  temperature: number;
  stems: boolean;
  negators: string[];
  phrases: string[];
  polarity: Record<string, number>;
  translations?: Record<string, string>;
  weights: Record<string, Weights>;
}

const MODELS = new URL('./models/', import.meta.url);

export function modelFromFile(file: SentimentModelFile): SentimentModel {
  return {
    language: file.language,
    bias: file.bias,
    temperature: file.temperature,
    stems: file.stems,
    negators: new Set(file.negators),
    phrases: new Set(file.phrases),
    polarity: new Map(Object.entries(file.polarity)),
    weights: new Map(Object.entries(file.weights)),
    ...(file.translations ? { translations: new Map(Object.entries(file.translations)) } : {}),
  };
}

const loaded = new Map<string, SentimentModel | null>();

/** The model for a language, or null when Gaung has none for it. */
export function sentimentModel(language: string): SentimentModel | null {
  if (!loaded.has(language)) {
    const file = new URL(`sentiment-${language}.json`, MODELS);
    loaded.set(language, fs.existsSync(file) ? modelFromFile(JSON.parse(fs.readFileSync(file, 'utf8')) as SentimentModelFile) : null);
  }
  return loaded.get(language)!;
}

export interface VectorVocabulary {
  /** Keys a model may weigh; during training, the candidate vocabulary. */
  has(key: string): boolean;
}

/**
 * The features of one text or sentence: vocabulary words (as written, else as stem; "!" under negation),
 * scaled by intensifiers and contrast, and the dense prior-polarity features. `terms` keeps what was written
 * for each key, for the explanation.
 */
export function sentimentVector(
  tokens: readonly Token[],
  model: Pick<SentimentModel, 'polarity' | 'negators' | 'phrases' | 'stems'>,
  vocabulary: VectorVocabulary,
  terms?: Map<string, string>,
  ignore?: ReadonlySet<string>,
): Vector {
  const x: Vector = new Map();
  let pos = 0;
  let neg = 0;
  // A model's own vocabulary answers the same for a word every time: its answers are kept on the word's keys.
  const own = ownVocabularies.get(model) === vocabulary;
  for (const f of sentimentFeatures(tokens, model.phrases, model.negators)) {
    if (model.negators.has(f.key)) continue;
    const stem = model.stems ? f.stemKey : undefined;
    if (ignore && (ignore.has(f.key) || ignore.has(f.stemKey))) continue;
    const read = own && f.keys ? readKeys(f.keys, vocabulary, model.polarity) : undefined;
    const known = read ? read.wordKnown : vocabulary.has(f.key);
    const base = known ? f.key : stem && (read ? read.stemKnown : vocabulary.has(stem)) ? stem : undefined;
    if (base) {
      const key = f.negated ? `!${base}` : base;
      x.set(key, (x.get(key) ?? 0) + f.scale);
      terms?.set(key, f.negated ? `tidak ${f.term.toLowerCase()}` : f.term.toLowerCase());
    }
    const p = (read ? read.wordPolarity : model.polarity.get(f.key)) ?? (stem ? (read ? read.rootPolarity : model.polarity.get(f.root)) : undefined);
    if (p !== undefined && p !== 0) {
      const signed = (f.negated ? -0.8 * p : p) * f.scale;
      if (signed > 0) pos += signed / 3;
      else neg -= signed / 3;
      if (!base) terms?.set(f.negated ? `!${f.key}` : f.key, f.negated ? `tidak ${f.term.toLowerCase()}` : f.term.toLowerCase());
    }
  }
  if (pos) x.set('@pos', pos);
  if (neg) x.set('@neg', neg);
  return x;
}

/**
 * Each model's own vocabulary (no adaptation), one object per model: sentimentVector keeps its answers, and the
 * model's polarities, on the words' keys (sentiment-features.ts) while the same vocabulary reads them.
 */
const ownVocabularies = new WeakMap<object, VectorVocabulary>();

function ownVocabulary(model: SentimentModel): VectorVocabulary {
  let vocabulary = ownVocabularies.get(model);
  if (!vocabulary) {
    const known = vocabularyOf(model);
    ownVocabularies.set(model, (vocabulary = { has: (k: string) => known.has(k) }));
  }
  return vocabulary;
}

interface KeysRead {
  wordKnown: boolean;
  stemKnown: boolean;
  wordPolarity: number | undefined;
  rootPolarity: number | undefined;
}

function readKeys(keys: WordKeys, vocabulary: VectorVocabulary, polarity: ReadonlyMap<string, number>): KeysRead {
  if (keys.readBy !== vocabulary) {
    keys.wordKnown = vocabulary.has(keys.word);
    keys.stemKnown = vocabulary.has(keys.stemKey);
    keys.wordPolarity = polarity.get(keys.word);
    keys.rootPolarity = polarity.get(keys.root);
    keys.readBy = vocabulary;
  }
  return keys as KeysRead;
}

/** The tokens with the Indonesian headwords of their regional words appended as one more sentence. */
export function withTranslations(tokens: readonly Token[], translations: ReadonlyMap<string, string> | undefined): readonly Token[] {
  if (!translations || tokens.length === 0) return tokens;
  const sentence = tokens.at(-1)!.sentence + 1;
  const extra: Token[] = [];
  for (const t of tokens) {
    const id = t.kind === 'word' ? translations.get(t.norm) : undefined;
    if (id) extra.push({ raw: id, norm: id, kind: 'word', sentence, sentenceStart: false, capitalized: false, acronym: false, entry: undefined });
  }
  return extra.length ? [...tokens, ...extra] : tokens;
}

/** The keys a model weighs, negated ones under their plain key: worked out once per model. */
const vocabularies = new WeakMap<SentimentModel, Set<string>>();
function vocabularyOf(model: SentimentModel): Set<string> {
  let set = vocabularies.get(model);
  if (!set) vocabularies.set(model, (set = new Set([...model.weights.keys()].map((k) => k.replace(/^!/, '')))));
  return set;
}

/** Texts longer than this many sentences are read sentence by sentence (see analyzeSentiment). */
const WHOLE_TEXT_SENTENCES = 8;

export function splitSentences(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  for (const t of tokens) {
    const last = out.at(-1);
    if (last && last[0]!.sentence === t.sentence) last.push(t);
    else out.push([t]);
  }
  return out;
}

/**
 * A short text (a post, a headline) is scored whole. A longer one (an article) is scored one sentence at a time
 * and the sentences' class probabilities are averaged: an article's tone is the tone of most of its sentences.
 * `adaptation` is the deployment's correction layer (analysis/adaptation.ts), added to the model's scores.
 */
export function analyzeSentiment(
  tokens: readonly Token[],
  opts: { language?: string; model?: SentimentModel; adaptation?: LinearModel | null; ignore?: ReadonlySet<string> } = {},
): SentimentResult {
  const model = opts.model ?? sentimentModel(opts.language ?? 'id') ?? sentimentModel('id')!;
  const ignore = opts.ignore;
  const known = vocabularyOf(model);
  const adapted = opts.adaptation?.weights;
  const vocabulary = adapted ? { has: (k: string) => known.has(k) || adapted.has(k) } : ownVocabulary(model);
  const sentences = splitSentences(tokens);
  const parts = sentences.length > WHOLE_TEXT_SENTENCES ? sentences : [tokens];
  const probs: Weights = [0, 0, 0];
  const pulls = new Map<string, number>();
  let counted = 0;
  for (const part of parts) {
    if (!part.some((t) => t.kind === 'word' || t.kind === 'emoji')) continue;
    const terms = new Map<string, string>();
    const x = sentimentVector(withTranslations(part, model.translations), model, vocabulary, terms, ignore);
    const p = softmax(scores(model, x, opts.adaptation ?? undefined), model.temperature);
    for (let i = 0; i < 3; i++) probs[i]! += p[i]!;
    counted++;
    for (const [key, term] of terms) {
      const w = model.weights.get(key);
      const a = opts.adaptation?.weights.get(key);
      const v = x.get(key) ?? 1;
      // Its own weights, and its prior polarity through the dense features.
      const pull = ((w ? w[0] - w[2] : 0) + (a ? a[0] - a[2] : 0)) * v + polarityPull(model, key.replace(/^!/, ''), key.startsWith('!'));
      if (pull !== 0) pulls.set(term, (pulls.get(term) ?? 0) + pull);
    }
  }
  if (counted === 0) return { sentiment: 'neutral', score: 0, confidence: 1, terms: [] };
  for (let i = 0; i < 3; i++) probs[i]! /= counted;
  let best = 0;
  for (let i = 1; i < 3; i++) if (probs[i]! > probs[best]!) best = i;
  const terms = [...pulls.entries()]
    .filter(([, p]) => Math.abs(p) >= 0.2)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, 6)
    .map(([term, pull]) => ({ term, pull: Math.round(pull * 100) / 100 }));
  return { sentiment: SENTIMENTS[best]!, score: round(probs[0]! - probs[2]!), confidence: round(probs[best]!), terms };
}

function polarityPull(model: SentimentModel, word: string, negated: boolean): number {
  const p = model.polarity.get(word) ?? (word.startsWith('~') ? model.polarity.get(word.slice(1)) : undefined);
  if (p === undefined) return 0;
  const signed = ((negated ? -0.8 : 1) * p) / 3;
  const pos = model.weights.get('@pos');
  const neg = model.weights.get('@neg');
  return signed > 0 ? (pos ? (pos[0] - pos[2]) * signed : 0) : neg ? (neg[0] - neg[2]) * -signed : 0;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
