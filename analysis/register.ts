import {
  DAILY_WORDS, ENGLISH, EVERYDAY_ACRONYMS, INSTITUTION, jargonTerm, NOT_CHAT, PARTICLES, PERSONAL,
  phrasesFrom, REGIONAL,
} from './register-lexicons.js';
import { type Evidence, type RegisterResult, scoreRegister, type SourceKind } from './register-score.js';
import { RATE_FEATURES, type RateFeature } from './register-weights.js';
import type { Token } from './tokenize.js';

/**
 * The register of a text on the elitist ↔ grounded axis ("membumi"): technocratic jargon, institution
 * acronyms, untranslated English, long sentences and long words pull one way; first and second person,
 * particles, chat spellings, daily-life frames and regional-language words pull the other. The score is a
 * small logistic formula whose weights are data (lexicons/register-weights.json); `pulls` says what moved it.
 */
export type { Register, RegisterFeatures, RegisterPull, RegisterResult, SourceKind } from './register-score.js';

export interface RegisterOptions {
  /** Where the text appeared; shifts the starting point slightly (lexicons/register-weights.json, kindPrior). */
  kind?: SourceKind;
  /** The text's language (analysis/language.ts): a regional language pulls grounded, English elitist (languagePrior). */
  language?: string | null;
}

// One set of evidence maps, cleared per call: analysis is synchronous, and ingest calls this for every mention.
const RATE_EVIDENCE: Record<RateFeature, Evidence> = {
  jargon: new Map(), acronyms: new Map(), english: new Map(), personal: new Map(), particles: new Map(),
  chat: new Map(), dailyLife: new Map(), regional: new Map(), emoji: new Map(), hashtags: new Map(),
};

/** Roman numerals ("kuartal III", "Deputi IV") are capitals, not acronyms. */
const ROMAN = /^[IVX]+$/;

const add = (e: Evidence, key: string) => e.set(key, (e.get(key) ?? 0) + 1);

/** Vowel groups: "pelaksanaan" 4 (pe-lak-sa-naan reads as 5, close enough for an average). */
function syllables(word: string): number {
  let n = 0;
  let inVowel = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const vowel = c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 233; // a e i o u é
    if (vowel && !inVowel) n++;
    inVowel = vowel;
  }
  return n || 1;
}

/**
 * Sentences written in capitals ("HARGA CABAI NAIK LAGI") are shouting, not a row of acronyms. Checked only
 * for a sentence that has one, from the capital word's position (a sentence's tokens are consecutive).
 */
function isShouting(tokens: readonly Token[], at: number): boolean {
  const sentence = tokens[at]!.sentence;
  let words = 0;
  let caps = 0;
  for (let i = at; i >= 0 && tokens[i]!.sentence === sentence; i--) {
    if (tokens[i]!.kind !== 'word') continue;
    words++;
    if (tokens[i]!.acronym) caps++;
  }
  for (let i = at + 1; i < tokens.length && tokens[i]!.sentence === sentence; i++) {
    if (tokens[i]!.kind !== 'word') continue;
    words++;
    if (tokens[i]!.acronym) caps++;
  }
  return words >= 3 && caps / words >= 0.6;
}

/** The second token of one chat spelling written as two words ("gpp" → "tidak", "apa-apa") is not seen twice. */
const continuesExpansion = (tokens: readonly Token[], i: number, t: Token) =>
  i > 0 && tokens[i - 1]!.raw === t.raw && tokens[i - 1]!.norm !== t.norm;

/** A regional word, also with a Javanese/Sundanese possessive or definite ending: "bojoku", "omahe", "regane". */
function regionalLanguage(norm: string, rawLower: string): string | undefined {
  const direct = REGIONAL.get(norm) ?? REGIONAL.get(rawLower);
  if (direct || rawLower.length < 5) return direct;
  for (const end of REGIONAL_ENDINGS) {
    if (rawLower.endsWith(end) && rawLower.length - end.length >= 3) {
      const hit = REGIONAL.get(rawLower.slice(0, -end.length));
      if (hit) return hit;
    }
  }
  return undefined;
}
const REGIONAL_ENDINGS = ['ku', 'mu', 'ne', 'e', 'na'];

function matchPhrase(tokens: readonly Token[], i: number, norm: string) {
  const phrases = phrasesFrom(norm);
  if (!phrases) return undefined;
  for (const p of phrases) {
    const last = p.words.length - 1;
    let k = 1;
    for (; k <= last; k++) {
      const t = tokens[i + k];
      if (!t || t.kind !== 'word') break;
      const want = p.words[k]!;
      if (t.norm !== want && !(k === last && t.norm === `${want}nya`)) break;
    }
    if (k > last) return p;
  }
  return undefined;
}

export function analyzeRegister(tokens: readonly Token[], opts: RegisterOptions = {}): RegisterResult {
  for (const e of RATE_FEATURES) RATE_EVIDENCE[e].clear();
  const ev = RATE_EVIDENCE;
  let shoutSentence = -1;
  let shouting = false;
  let words = 0;
  let syllableWords = 0;
  let syllableSum = 0;
  let sentences = 0;
  let lastSentence = -1;
  let sentenceEnds = 0;
  let skipUntil = 0;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') {
      if (t.kind === 'emoji') add(ev.emoji, t.raw);
      else if (t.kind === 'hashtag') add(ev.hashtags, t.raw);
      else if (t.kind === 'punct' && (t.raw[0] === '.' || t.raw[0] === '!' || t.raw[0] === '?' || t.raw[0] === '\n')) sentenceEnds++;
      continue;
    }
    const norm = t.norm;
    words++;
    if (t.sentence !== lastSentence) {
      sentences++;
      lastSentence = t.sentence;
    }
    if (t.acronym && t.sentence !== shoutSentence) {
      shoutSentence = t.sentence;
      shouting = isShouting(tokens, i);
    }
    const acronym = t.acronym && !shouting && !ROMAN.test(t.raw);
    if (!acronym) {
      syllableWords++;
      syllableSum += syllables(norm);
    }
    if (i < skipUntil) continue;

    const phrase = matchPhrase(tokens, i, norm);
    if (phrase) {
      skipUntil = i + phrase.words.length;
      add(phrase.cls === 'jargon' ? ev.jargon : phrase.cls === 'daily' ? ev.dailyLife : ev.acronyms, phrase.key);
      continue;
    }
    if (acronym) {
      if (!EVERYDAY_ACRONYMS.has(norm)) add(ev.acronyms, t.raw);
      continue;
    }
    const term = jargonTerm(norm);
    if (term) {
      add(ev.jargon, term);
      continue;
    }
    const name = t.capitalized && !t.sentenceStart;
    const lower = t.raw === norm ? norm : t.raw.toLowerCase();
    const rawLower = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
    const continued = continuesExpansion(tokens, i, t);
    const language = name || continued ? undefined : regionalLanguage(norm, rawLower);
    if (language) {
      add(ev.regional, `${rawLower}\t${language}`);
      continue;
    }
    const capitalOnly = INSTITUTION.get(norm);
    if (capitalOnly !== undefined) {
      const next = tokens[i + 1];
      if (!capitalOnly || (t.capitalized && (!t.sentenceStart || (next?.kind === 'word' && next.capitalized)))) {
        add(ev.acronyms, t.raw);
        continue;
      }
    }
    if (ENGLISH.has(norm)) add(ev.english, norm);
    else if (PERSONAL.has(norm)) add(ev.personal, norm);
    else if (PARTICLES.has(norm)) add(ev.particles, norm);
    else if (DAILY_WORDS.has(norm)) add(ev.dailyLife, norm);
    else if (rawLower !== norm && !continued && !NOT_CHAT.has(rawLower)) add(ev.chat, rawLower);
  }

  return scoreRegister({ words, syllableWords, syllableSum, sentences, sentenceEnds }, ev, opts.kind, opts.language);
}

