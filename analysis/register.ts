import {
  DAILY_WORDS, ENGLISH, EVERYDAY_ACRONYMS, INSTITUTION, JARGON_PLAIN, jargonTerm, NOT_CHAT, PARTICLES, PERSONAL,
  phrasesFrom, REGIONAL,
} from './register-lexicons.js';
import { REGISTER_WEIGHTS, type RateFeature } from './register-weights.js';
import type { Token } from './tokenize.js';

/**
 * The register of a text on the elitist ↔ grounded axis ("membumi"): technocratic jargon, institution
 * acronyms, untranslated English, long sentences and long words pull one way; first and second person,
 * particles, chat spellings, daily-life frames and regional-language words pull the other. The score is a
 * small logistic formula whose weights are data (lexicons/register-weights.json); `pulls` says what moved it.
 */
export type Register = 'elitist' | 'grounded';

export interface RegisterPull {
  feature: string;
  direction: Register;
  /** This feature's share of the score's distance from the middle; grounded minus elitist weights ≈ score − 0.5. */
  weight: number;
  /** The evidence, in words a comms lead reads: the terms found, or the measured value. */
  detail: string;
}

export interface RegisterFeatures {
  jargonPer100: number;
  acronymPer100: number;
  englishPer100: number;
  wordsPerSentence: number;
  syllablesPerWord: number;
  personalPer100: number;
  particlePer100: number;
  dailyLifePer100: number;
  regionalPer100: number;
  chatPer100: number;
  emojiPer100: number;
  hashtagPer100: number;
}

export interface RegisterResult {
  /** 0..1; 1 is fully grounded, everyday language. */
  grounding_score: number;
  register: Register;
  /** Technocratic terms found, most frequent first, each with a plain alternative. */
  jargon: { term: string; plain: string; count: number }[];
  pulls: RegisterPull[];
  features: RegisterFeatures;
}

export interface RegisterOptions {
  kind?: 'news' | 'social';
}

type Evidence = Map<string, number>;
// One set of evidence maps, cleared per call: analysis is synchronous, and ingest calls this for every mention.
const RATE_EVIDENCE: Record<RateFeature, Evidence> = {
  jargon: new Map(), acronyms: new Map(), english: new Map(), personal: new Map(), particles: new Map(),
  chat: new Map(), dailyLife: new Map(), regional: new Map(), emoji: new Map(), hashtags: new Map(),
};
const RATE_FEATURES = Object.keys(RATE_EVIDENCE) as RateFeature[];

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

  return scoreRegister({ words, syllableWords, syllableSum, sentences, sentenceEnds }, ev, opts.kind);
}

interface Counts {
  words: number;
  syllableWords: number;
  syllableSum: number;
  sentences: number;
  sentenceEnds: number;
}

function total(e: Evidence): number {
  let n = 0;
  for (const c of e.values()) n += c;
  return n;
}
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const clamp = (x: number) => Math.max(-1, Math.min(1, x));
const byCountDesc = (a: [string, number], b: [string, number]) => b[1] - a[1];
const byWeightDesc = (a: RegisterPull, b: RegisterPull) => b.weight - a.weight;
const KIND_DETAIL = {
  news: 'berita: titik awal sedikit ke arah bahasa resmi',
  social: 'media sosial: titik awal sedikit ke arah bahasa sehari-hari',
} as const;

interface Part {
  feature: string;
  logit: number;
  detail: string;
}

// No closures in here: the module runs under tsx, whose name-keeping wraps every function created per call.
function scoreRegister(c: Counts, ev: Record<RateFeature, Evidence>, kind: RegisterOptions['kind']): RegisterResult {
  const W = REGISTER_WEIGHTS;
  const rates = {} as Record<RateFeature, number>;
  const reliability = c.words / (c.words + W.shortText.halfWords);
  const parts: Part[] = [];
  for (const f of RATE_FEATURES) {
    const rate = c.words ? (total(ev[f]) * 100) / c.words : 0;
    rates[f] = rate;
    if (!rate) continue;
    const w = W.rates[f];
    const size = w.weight * (1 - Math.exp(-rate / w.scale)) * reliability;
    parts.push({ feature: f, logit: w.pull === 'elitist' ? -size : size, detail: describe(f, ev[f]) });
  }
  const wordsPerSentence = c.sentences ? c.words / c.sentences : 0;
  const syllablesPerWord = c.syllableWords ? c.syllableSum / c.syllableWords : 0;
  if (c.sentenceEnds > 0 && c.sentences > 0) {
    const r = W.ranges.sentenceLength;
    const logit = -r.weight * clamp((wordsPerSentence - r.neutral) / r.span) * reliability;
    parts.push({ feature: 'sentenceLength', logit, detail: `rata-rata ${round(wordsPerSentence, 1)} kata per kalimat` });
  }
  if (c.syllableWords > 0) {
    const r = W.ranges.syllables;
    const logit = -r.weight * clamp((syllablesPerWord - r.neutral) / r.span) * reliability;
    parts.push({ feature: 'syllables', logit, detail: `rata-rata ${round(syllablesPerWord, 1)} suku kata per kata` });
  }
  if (kind) parts.push({ feature: 'kind', logit: W.kindPrior[kind], detail: KIND_DETAIL[kind] });

  let sum = 0;
  for (const p of parts) sum += p.logit;
  const score = sigmoid(W.bias + sum);
  // Each pull's share of the distance from the starting point: its logit times the sigmoid's mean slope between
  // the start and the result, so the pulls add up exactly (grounded minus elitist = score − σ(bias)).
  const slope = Math.abs(sum) < 1e-9 ? score * (1 - score) : (score - sigmoid(W.bias)) / sum;
  const pulls: RegisterPull[] = [];
  for (const p of parts) {
    if (p.logit === 0) continue;
    const direction = p.logit < 0 ? 'elitist' : 'grounded';
    pulls.push({ feature: p.feature, direction, weight: round(Math.abs(p.logit * slope), 3), detail: p.detail });
  }
  pulls.sort(byWeightDesc);

  const jargon: RegisterResult['jargon'] = [];
  for (const [term, count] of [...ev.jargon].sort(byCountDesc)) jargon.push({ term, plain: JARGON_PLAIN.get(term) ?? '', count });

  const grounding = round(score, 3);
  return {
    grounding_score: grounding,
    register: grounding >= 0.5 ? 'grounded' : 'elitist',
    jargon,
    pulls,
    features: {
      jargonPer100: round(rates.jargon),
      acronymPer100: round(rates.acronyms),
      englishPer100: round(rates.english),
      wordsPerSentence: round(wordsPerSentence),
      syllablesPerWord: round(syllablesPerWord),
      personalPer100: round(rates.personal),
      particlePer100: round(rates.particles),
      dailyLifePer100: round(rates.dailyLife),
      regionalPer100: round(rates.regional),
      chatPer100: round(rates.chat),
      emojiPer100: round(rates.emoji),
      hashtagPer100: round(rates.hashtags),
    },
  };
}

/** "sinergi ×2, implementasi, …": the first six, most frequent first. */
function list(items: [string, number][]): string {
  let out = '';
  for (let i = 0; i < items.length && i < 6; i++) {
    const [key, n] = items[i]!;
    out += (i ? ', ' : '') + (n > 1 ? `${key} ×${n}` : key);
  }
  return items.length > 6 ? `${out}, …` : out;
}

/** The evidence of one feature, most frequent first; regional words grouped by language ("Jawa: ora, piye"). */
function describe(feature: RateFeature, e: Evidence): string {
  if (feature === 'emoji') return `${total(e)} emoji`;
  const top = [...e].sort(byCountDesc);
  if (feature !== 'regional') return list(top);
  const byLanguage = new Map<string, [string, number][]>();
  for (const [key, n] of top) {
    const tab = key.indexOf('\t');
    const language = key.slice(tab + 1);
    const items = byLanguage.get(language) ?? [];
    items.push([key.slice(0, tab), n]);
    byLanguage.set(language, items);
  }
  let out = '';
  for (const [language, items] of byLanguage) out += `${out ? '; ' : ''}${language}: ${list(items)}`;
  return out;
}
