import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { detectLanguage } from './language.js';
import type { LinearModel } from './linear.js';
import { findPlaces } from './places.js';
import { analyzeRegister, type RegisterResult } from './register.js';
import { analyzeSentiment, type Sentiment } from './sentiment.js';
import { stemWord } from './stem.js';
import { tokenize } from './tokenize.js';
import { analyzeVoices, type Author, type VoicesResult } from './voices.js';

/**
 * Everything Gaung reads from one text: sentiment, register (elitist ↔ grounded, with the jargon that pulled it
 * and plain alternatives), voices (who is quoted, official or not) and places. The same function serves ingest
 * (crawler/extract/page.worker.ts), `npm run analyze` and POST /api/v1/analyze. What depends on the channel
 * rather than the text (tier, reach, organic, the membumi index) is added at ingest.
 */
/**
 * Which lexicons and weights scored a mention: a hash of every file in analysis/lexicons/ with the code's own
 * revision, so editing any lexicon makes the stored mentions "outdated" for the re-analysis job by itself.
 */
const CODE_REVISION = 3;
export const ANALYSIS_VERSION = lexiconsVersion(CODE_REVISION);

function lexiconsVersion(revision: number): number {
  const hash = createHash('sha256').update(String(revision));
  for (const folder of ['./lexicons/', './models/']) {
    const dir = new URL(folder, import.meta.url);
    for (const name of fs.readdirSync(dir).sort()) hash.update(name).update(fs.readFileSync(new URL(name, dir)));
  }
  return hash.digest().readUInt32BE(0) >>> 1; // fits PostgreSQL integer
}

/** The version a text analysed with a deployment's adaptation carries: the lexicons' and the adaptation's. */
export function analysisVersion(adaptationId?: string | null): number {
  if (!adaptationId) return ANALYSIS_VERSION;
  if (lastAdapted?.id !== adaptationId) {
    lastAdapted = { id: adaptationId, version: createHash('sha256').update(`${ANALYSIS_VERSION}:${adaptationId}`).digest().readUInt32BE(0) >>> 1 };
  }
  return lastAdapted.version;
}
/** A deployment has one adaptation at a time: its version is hashed once, not for every text. */
let lastAdapted: { id: string; version: number } | null = null;

export interface AnalyzeInput {
  text: string;
  title?: string | null;
  kind?: 'news' | 'social';
  author?: Author;
}

export interface AnalyzeOptions {
  /** The deployment's sentiment adaptation learned from its corrections (analysis/adaptation.ts). */
  adaptation?: { id: string; model: LinearModel; language: string; topicWords?: readonly string[] } | null;
}

export interface TextAnalysis {
  analysis_version: number;
  kind: 'news' | 'social';
  /** id, en, jv, su, ban, min, ace, bjn, bug, mad, nij or bbc; null for a text with no words. */
  language: string | null;
  language_confidence: number;
  language_words: number;
  sentiment: Sentiment;
  sentiment_score: number;
  sentiment_confidence: number;
  sentiment_terms: { term: string; pull: number }[];
  register: RegisterResult['register'];
  grounding_score: number;
  jargon: RegisterResult['jargon'];
  register_pulls: RegisterResult['pulls'];
  voices: VoicesResult['voices'];
  voices_official: number;
  voices_non_official: number;
  non_official_share: number | null;
  author_kind: VoicesResult['author_kind'];
  /** The places the story is about, grouped by province, the primary province first (`primary`); `score` and `why` say how it was weighed. */
  places: { code: string; name: string; kind: 'province' | 'regency'; province_code: string; province_name: string; count: number; primary: boolean; score: number; why: string }[];
}

const ignoredCache = new WeakMap<readonly string[], ReadonlySet<string>>();
/** The tracked topics' words and their stems, as the sentiment vocabulary's keys ("~stem"). */
function ignoredWords(words: readonly string[] | undefined): ReadonlySet<string> | undefined {
  if (!words?.length) return undefined;
  let set = ignoredCache.get(words);
  if (!set) {
    set = new Set(words.flatMap((w) => [w, `~${stemWord(w)}`]));
    ignoredCache.set(words, set);
  }
  return set;
}

export function analyzeText(input: AnalyzeInput, opts: AnalyzeOptions = {}): TextAnalysis {
  const kind = input.kind ?? 'news';
  const text = input.title ? `${input.title}.\n\n${input.text}` : input.text;
  const tokens = tokenize(text);
  const language = detectLanguage(text);
  const adaptation = opts.adaptation && opts.adaptation.language === (language.language ?? 'id') ? opts.adaptation : null;
  const sentiment = analyzeSentiment(tokens, { language: language.language ?? 'id', adaptation: adaptation?.model, ignore: ignoredWords(opts.adaptation?.topicWords) });
  const register = analyzeRegister(tokens, { kind, language: language.language });
  const voices = analyzeVoices({ text, kind, author: input.author });
  return {
    analysis_version: analysisVersion(opts.adaptation?.id),
    kind,
    language: language.language,
    language_confidence: language.confidence,
    language_words: tokens.filter((t) => t.kind === 'word').length,
    sentiment: sentiment.sentiment,
    sentiment_score: sentiment.score,
    sentiment_confidence: sentiment.confidence,
    sentiment_terms: sentiment.terms,
    register: register.register,
    grounding_score: register.grounding_score,
    jargon: register.jargon,
    register_pulls: register.pulls,
    voices: voices.voices,
    voices_official: voices.official,
    voices_non_official: voices.non_official,
    non_official_share: voices.non_official_share,
    author_kind: voices.author_kind,
    places: findPlaces(input.text, { title: input.title ?? null }).map((p) => ({
      code: p.code, name: p.name, kind: p.kind, province_code: p.provinceCode, province_name: p.provinceName, count: p.count, primary: p.primary, score: p.score, why: p.why,
    })),
  };
}
