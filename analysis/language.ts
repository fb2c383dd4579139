import fs from 'node:fs';

/**
 * Which language a text is in: Indonesian, English, or one of NusaX's ten regional languages (Javanese,
 * Sundanese, Balinese, Minangkabau, Acehnese, Banjarese, Buginese, Madurese, Ngaju, Toba Batak). A
 * multinomial naive Bayes over words and the letter sequences inside them (2 to 4 letters, the word's edges
 * marked), learned by `npm run model:language` from NusaX train (CC-BY-SA 4.0) and SmSA train (MIT) into
 * models/language.json. Real streams are mostly Indonesian, and Indonesian posts borrow regional words, so a
 * regional language is named only when the evidence beats Indonesian by `margin` (chosen on NusaX valid and
 * SmSA valid by the trainer).
 */
export interface LanguageModel {
  languages: string[];
  /** Feature → log-probabilities per language, in hundredths (rounded to keep the file small). */
  features: Record<string, number[]>;
  /** Log-odds a non-Indonesian language must win by. */
  margin: number;
  /** A text of fewer words than this says little (many words are shared): it needs `shortMargin` instead. */
  shortWords: number;
  shortMargin: number;
  /** Characters read from a long text. */
  maxChars: number;
}

export interface LanguageGuess {
  language: string | null;
  /** Share of the probability on the chosen language, 0..1. */
  confidence: number;
}

const WORD = /\p{L}[\p{L}\p{M}'’]*/gu;
const MIN_GRAM = 2;
const MAX_GRAM = 4;

/** The features of a text: each word as `w:word` and its letter sequences with `_` marking the edges. */
export function languageFeatures(text: string, maxChars = Infinity): string[] {
  const out: string[] = [];
  const sample = text.length > maxChars ? text.slice(0, maxChars) : text;
  for (const m of sample.toLowerCase().matchAll(WORD)) {
    const w = m[0].replace(/’/g, "'");
    if (/^(?:https?|www)$/.test(w)) continue;
    out.push(`w:${w}`);
    const padded = `_${w}_`;
    for (let n = MIN_GRAM; n <= MAX_GRAM; n++) for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
  }
  return out;
}

let defaultModel: LanguageModel | undefined;
const MODEL_FILE = new URL('./models/language.json', import.meta.url);

export function loadLanguageModel(file: URL | string = MODEL_FILE): LanguageModel {
  const model = JSON.parse(fs.readFileSync(file, 'utf8')) as LanguageModel;
  if (!Array.isArray(model.languages)) throw new Error(`${String(file)}: not a language model`);
  return model;
}

/**
 * Per-language log-probabilities of a text's known features (natural log), or null when none is known. A
 * feature no language showed in training says nothing: smoothing it would favour the languages with the
 * least training text.
 */
export function languageScores(text: string, model: LanguageModel): { scores: number[]; words: number } | null {
  const feats = languageFeatures(text, model.maxChars);
  if (feats.length === 0) return null;
  let words = 0;
  const k = model.languages.length;
  const scores = new Array<number>(k).fill(0);
  let known = 0;
  for (const f of feats) {
    if (f.startsWith('w:')) words++;
    const lp = model.features[f];
    if (lp) {
      known++;
      for (let i = 0; i < k; i++) scores[i]! += lp[i]! / 100;
    }
  }
  return known === 0 ? null : { scores, words };
}

export function detectLanguage(text: string, model: LanguageModel = (defaultModel ??= loadLanguageModel())): LanguageGuess {
  const read = languageScores(text, model);
  if (!read) return { language: null, confidence: 0 };
  const id = model.languages.indexOf('id');
  // Regional and foreign languages must beat Indonesian by the margin.
  const margin = read.words < model.shortWords ? model.shortMargin : model.margin;
  const adjusted = read.scores.map((s, i) => (i === id ? s + margin : s));
  let best = 0;
  for (let i = 1; i < adjusted.length; i++) if (adjusted[i]! > adjusted[best]!) best = i;
  const max = adjusted[best]!;
  let total = 0;
  for (const s of adjusted) total += Math.exp(s - max);
  return { language: model.languages[best]!, confidence: Math.round((1 / total) * 1000) / 1000 };
}
