import { JARGON_PLAIN } from './register-lexicons.js';
import { RATE_FEATURES, REGISTER_WEIGHTS, type RateFeature } from './register-weights.js';

/**
 * The register score from the evidence analyzeRegister collected: each feature's contribution in logit units,
 * weighted by lexicons/register-weights.json (its "_doc" explains the formula), and the pulls that explain it.
 */
export type Register = 'elitist' | 'grounded';
export type SourceKind = 'news' | 'social';

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

/** Per feature, what was seen and how often ("sinergi" → 2). */
export type Evidence = Map<string, number>;

export interface Counts {
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
export function scoreRegister(c: Counts, ev: Record<RateFeature, Evidence>, kind: SourceKind | undefined, language?: string | null): RegisterResult {
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
  // The whole text in a regional language is the campaign's own ask ("the slogan in regional languages"); in English it reaches few.
  const languageLogit = language ? (W.languagePrior[language] ?? (language === 'id' ? 0 : W.languagePrior.regional)) : 0;
  if (language && languageLogit !== 0) parts.push({ feature: 'language', logit: languageLogit, detail: `bahasa teks: ${language}` });

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
