import fs from 'node:fs';
import { charClass, codePointAt, LETTER, MARK, ownString } from './chars.js';

/**
 * Which language a text is in: Indonesian, English, or one of NusaX's ten regional languages (Javanese,
 * Sundanese, Balinese, Minangkabau, Acehnese, Banjarese, Buginese, Madurese, Ngaju, Toba Batak). A
 * multinomial naive Bayes over words and the letter sequences inside them (2 to 4 letters, the word's edges
 * marked), learned by `npm run model:language` from NusaX train (CC-BY-SA 4.0) and SmSA train (MIT) into
 * models/language.json. Real streams are mostly Indonesian, and Indonesian posts borrow regional words, so a
 * regional language is named only when the evidence beats Indonesian by `margin` (chosen on NusaX valid and
 * SmSA valid by the trainer).
 */
/** NusaX language folder names with the codes Gaung stores (ISO 639-3 where ISO 639-1 has none). */
export const NUSAX_LANGUAGES = {
  indonesian: 'id',
  english: 'en',
  javanese: 'jv',
  sundanese: 'su',
  balinese: 'ban',
  minangkabau: 'min',
  acehnese: 'ace',
  banjarese: 'bjn',
  buginese: 'bug',
  madurese: 'mad',
  ngaju: 'nij',
  toba_batak: 'bbc',
} as const;
export type NusaxLanguage = keyof typeof NUSAX_LANGUAGES;
export type LanguageCode = (typeof NUSAX_LANGUAGES)[NusaxLanguage];
export const LANGUAGE_CODES = Object.values(NUSAX_LANGUAGES) as LanguageCode[];

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

const MIN_GRAM = 2;
const MAX_GRAM = 4;
const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

/**
 * Words of a text as the model reads them: lower case, typographic apostrophes plain, links' scheme words left
 * out. A word is a letter and the letters, marks and apostrophes after it (\p{L}[\p{L}\p{M}'’]* as a regular
 * expression), found by a loop over the characters.
 */
function languageWords(text: string, maxChars = Infinity): string[] {
  const sample = (text.length > maxChars ? text.slice(0, maxChars) : text).toLowerCase();
  const words: string[] = [];
  let start = -1;
  let curly = false;
  for (let i = 0; i <= sample.length; ) {
    const cp = i < sample.length ? codePointAt(sample, i) : -1;
    const cls = cp < 0 ? 0 : charClass(cp);
    if (start < 0) {
      if (cls & LETTER) start = i;
    } else if (cls & (LETTER | MARK) || cp === APOSTROPHE || cp === RIGHT_QUOTE) {
      if (cp === RIGHT_QUOTE) curly = true;
    } else {
      const slice = sample.slice(start, i);
      const w = curly ? slice.replace(/’/g, "'") : slice;
      if (w !== 'http' && w !== 'https' && w !== 'www') words.push(w);
      start = -1;
      curly = false;
      continue; // this character may start the next word
    }
    i += cp >= 0x10000 ? 2 : 1;
  }
  return words;
}

/** The features of one word: the word as `w:word` and its letter sequences with `_` marking the edges. */
export function wordFeatures(w: string): string[] {
  const out = [`w:${w}`];
  const padded = `_${w}_`;
  for (let n = MIN_GRAM; n <= MAX_GRAM; n++) for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
  return out;
}

/** The features of a text, word by word (what the trainer counts). */
export function languageFeatures(text: string, maxChars = Infinity): string[] {
  const out: string[] = [];
  for (const w of languageWords(text, maxChars)) out.push(...wordFeatures(w));
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
 * A word's summed log-probabilities per language (natural log) over its known features, or null when none is
 * known, remembered per word and model: words repeat across texts, so each is worked out once. A feature no
 * language showed in training says nothing: smoothing it would favour the languages with the least training text.
 */
const wordCache = new WeakMap<LanguageModel, Map<string, Float64Array | null>>();
const WORD_CACHE_LIMIT = 200_000;

function wordScores(w: string, model: LanguageModel, cache: Map<string, Float64Array | null>): Float64Array | null {
  let v = cache.get(w);
  if (v !== undefined) return v;
  const k = model.languages.length;
  let sum: Float64Array | null = null;
  for (const f of wordFeatures(w)) {
    const lp = model.features[f];
    if (!lp) continue;
    sum ??= new Float64Array(k);
    for (let i = 0; i < k; i++) sum[i]! += lp[i]! / 100;
  }
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  cache.set(ownString(w), (v = sum));
  return v;
}

/** Per-language log-probabilities of a text's known features, and its number of words; null when nothing is known. */
export function languageScores(text: string, model: LanguageModel): { scores: number[]; words: number } | null {
  const k = model.languages.length;
  const scores = new Array<number>(k).fill(0);
  let known = 0;
  let cache = wordCache.get(model);
  if (!cache) wordCache.set(model, (cache = new Map()));
  const words = languageWords(text, model.maxChars);
  for (const w of words) {
    const v = wordScores(w, model, cache);
    if (!v) continue;
    known++;
    for (let i = 0; i < k; i++) scores[i]! += v[i]!;
  }
  return known === 0 ? null : { scores, words: words.length };
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
