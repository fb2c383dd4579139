import { ownString } from './chars.js';
import {
  DAILY_WORDS, ENGLISH, EVERYDAY_ACRONYMS, INSTITUTION, jargonTerm, NOT_CHAT, PARTICLES, PERSONAL,
  phrasesFrom, REGIONAL, type Phrase,
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

/** The longest of `phrases` (those starting with token i's word) that the tokens from i spell. */
function matchPhrase(tokens: readonly Token[], i: number, phrases: readonly Phrase[]) {
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

/** What the lexicons say of one normalised word, whatever its place in a text. */
export interface WordFacts {
  syllables: number;
  phrases: readonly Phrase[] | undefined;
  everydayAcronym: boolean;
  jargon: string | undefined;
  /** INSTITUTION's entry: true when it counts only with a capital. */
  institution: boolean | undefined;
  /** regionalLanguage of the word as written in lower case. */
  regional: string | undefined;
  /** The first of the English, personal, particle and daily-life lists that has it. */
  list: 'english' | 'personal' | 'particles' | 'daily' | null;
}

/**
 * Words repeat across texts: each word's lookups are done once (a handful of maps and the jargon stripping) and
 * kept on the tokenizer's entry for it (tokenize.ts), or here for a token without one.
 */
const factsCache = new Map<string, WordFacts>();
const FACTS_CACHE_LIMIT = 100_000;

function wordFacts(norm: string): WordFacts {
  let facts = factsCache.get(norm);
  if (facts === undefined) {
    norm = ownString(norm);
    facts = {
      syllables: syllables(norm),
      phrases: phrasesFrom(norm),
      everydayAcronym: EVERYDAY_ACRONYMS.has(norm),
      jargon: jargonTerm(norm),
      institution: INSTITUTION.get(norm),
      regional: regionalLanguage(norm, norm),
      list: ENGLISH.has(norm) ? 'english' : PERSONAL.has(norm) ? 'personal' : PARTICLES.has(norm) ? 'particles' : DAILY_WORDS.has(norm) ? 'daily' : null,
    };
    if (factsCache.size >= FACTS_CACHE_LIMIT) factsCache.clear();
    factsCache.set(norm, facts);
  }
  return facts;
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
    const facts = t.entry ? (t.entry.register ??= wordFacts(norm)) : wordFacts(norm);
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
      syllableSum += facts.syllables;
    }
    if (i < skipUntil) continue;

    const phrase = facts.phrases && matchPhrase(tokens, i, facts.phrases);
    if (phrase) {
      skipUntil = i + phrase.words.length;
      add(phrase.cls === 'jargon' ? ev.jargon : phrase.cls === 'daily' ? ev.dailyLife : ev.acronyms, phrase.key);
      continue;
    }
    if (acronym) {
      if (!facts.everydayAcronym) add(ev.acronyms, t.raw);
      continue;
    }
    const term = facts.jargon;
    if (term) {
      add(ev.jargon, term);
      continue;
    }
    const name = t.capitalized && !t.sentenceStart;
    const lower = t.raw === norm ? norm : t.raw.toLowerCase();
    const rawLower = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
    const continued = continuesExpansion(tokens, i, t);
    const language = name || continued ? undefined : rawLower === norm ? facts.regional : regionalLanguage(norm, rawLower);
    if (language) {
      add(ev.regional, `${rawLower}\t${language}`);
      continue;
    }
    const capitalOnly = facts.institution;
    if (capitalOnly !== undefined) {
      const next = tokens[i + 1];
      if (!capitalOnly || (t.capitalized && (!t.sentenceStart || (next?.kind === 'word' && next.capitalized)))) {
        add(ev.acronyms, t.raw);
        continue;
      }
    }
    if (facts.list === 'english') add(ev.english, norm);
    else if (facts.list === 'personal') add(ev.personal, norm);
    else if (facts.list === 'particles') add(ev.particles, norm);
    else if (facts.list === 'daily') add(ev.dailyLife, norm);
    else if (rawLower !== norm && !continued && !NOT_CHAT.has(rawLower)) add(ev.chat, rawLower);
  }

  return scoreRegister({ words, syllableWords, syllableSum, sentences, sentenceEnds }, ev, opts.kind, opts.language);
}

