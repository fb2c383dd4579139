import { ownString } from './chars.js';
import { readLexiconJson } from './lexicon-file.js';
import { keepsForm, stemWord } from './stem.js';
import type { Token } from './tokenize.js';

/**
 * The words a sentiment decision reads, with the rules applied: each feature is a lexicon key (the word,
 * or "~stem" as a fallback), whether it sits in a negation scope, and the scale intensifiers, downtoners and
 * contrast give it. Used the same way when the lexicon is learned and when a text is scored.
 */
export interface SentimentRules {
  negators: string[];
  scopeWords: number;
  intensifiers: Record<string, number>;
  downtoners: Record<string, number>;
  contrast: string[];
  contrastBefore: string[];
  beforeContrast: number;
  afterContrast: number;
  curatedScale: number;
  bias: Record<'positive' | 'neutral' | 'negative', number>;
}

export const RULES = readLexiconJson<SentimentRules>('sentiment-rules.json');

export interface SentimentFeature {
  key: string;
  stemKey: string;
  /** stemKey without its "~": the root the polarity lexicon is looked up by. */
  root: string;
  /** What was written, for the explanation. */
  term: string;
  negated: boolean;
  scale: number;
  /** The word's shared keys (a word's feature, not a negator's): sentiment.ts keeps a model's answers for them there. */
  keys?: WordKeys;
}

const NEGATORS = new Set(RULES.negators);
const CONTRAST = new Set(RULES.contrast);
const CONCESSIVE = new Set(RULES.contrastBefore);
const MODIFIERS = new Map<string, number>([...Object.entries(RULES.intensifiers), ...Object.entries(RULES.downtoners)]);

/**
 * `phrases` are two-word lexicon entries ("terima kasih", "luar biasa"): such a pair is read as one feature.
 * `negators` are the language's own ("ora", "teu", "not"); Indonesian's by default.
 */
export function sentimentFeatures(input: readonly Token[], phrases: ReadonlySet<string> = new Set(), negators: ReadonlySet<string> = NEGATORS): SentimentFeature[] {
  const tokens = phrases.size > 0 ? joinPhrases(input, phrases) : input;
  const out: SentimentFeature[] = [];
  let negLeft = 0;
  let modifier = 1;
  let segmentScale = 1;
  let sentence = -1;
  let segmentStart = 0;
  let concessive = false;
  for (const t of tokens) {
    if (t.sentence !== sentence) {
      sentence = t.sentence;
      segmentStart = out.length;
      negLeft = 0;
      modifier = 1;
      segmentScale = 1;
      concessive = false;
    }
    if (t.kind === 'punct') {
      negLeft = 0;
      modifier = 1;
      // "Meski mahal, rasanya enak": the clause after the comma is the one that counts.
      if (concessive && t.raw === ',') {
        concessive = false;
        segmentStart = contrastHere(out, segmentStart);
        segmentScale = RULES.afterContrast;
      }
      continue;
    }
    if (t.kind !== 'word' && t.kind !== 'emoji') continue;
    const w = t.norm;
    const rules = t.entry ? (t.entry.sentiment ??= wordRules(w)) : wordRules(w);
    if (rules.contrast) {
      negLeft = 0;
      if (rules.concessive) {
        concessive = true;
        segmentStart = out.length;
      } else {
        segmentStart = contrastHere(out, segmentStart);
        segmentScale = RULES.afterContrast;
      }
      continue;
    }
    if (negators.has(w)) {
      negLeft = RULES.scopeWords;
      out.push({ key: w, stemKey: w, root: w.slice(1), term: t.raw, negated: false, scale: segmentScale, keys: undefined });
      continue;
    }
    if (rules.modifier !== undefined) {
      modifier *= rules.modifier;
      continue;
    }
    // A name keeps its form (stem.ts): "~Samarinda", not a stem of it.
    const keys = keepsForm(t) ? rules.asWritten : rules.stemmed;
    out.push({ key: w, stemKey: keys.stemKey, root: keys.root, term: t.raw, negated: negLeft > 0, scale: segmentScale * modifier, keys });
    if (negLeft > 0) negLeft--;
    modifier = 1;
  }
  return out;
}

/** A contrast word: the features before it in its segment count less; returns where the next segment starts. */
function contrastHere(out: SentimentFeature[], segmentStart: number): number {
  for (let i = segmentStart; i < out.length; i++) out[i]!.scale *= RULES.beforeContrast;
  return out.length;
}

/**
 * One word read one way (stemmed, or as written): its "~root" key and root, shared by every feature of it, and
 * what the last vocabulary that read it answered (sentiment.ts), so the next text costs no lookups.
 */
export interface WordKeys {
  word: string;
  stemKey: string;
  root: string;
  readBy?: object;
  wordKnown?: boolean;
  stemKnown?: boolean;
  wordPolarity?: number;
  rootPolarity?: number;
}

/**
 * What the rules and the stemmer say of one word, worked out once per word and kept on the tokenizer's entry for
 * it (tokenize.ts): one read instead of five lookups (the keys kept are looked up in several maps, and a string
 * kept hashes once). Words without an entry (joined phrases, translations) are looked up here.
 */
export interface WordRules {
  contrast: boolean;
  concessive: boolean;
  /** An intensifier's or a downtoner's factor. */
  modifier: number | undefined;
  /** The word's keys stemmed ("~root" of its stem), and as written ("~" and the word). */
  stemmed: WordKeys;
  asWritten: WordKeys;
}

const rulesCache = new Map<string, WordRules>();
const RULES_CACHE_LIMIT = 100_000;

function wordRules(word: string): WordRules {
  let rules = rulesCache.get(word);
  if (rules === undefined) {
    word = ownString(word);
    const root = stemWord(word);
    rules = {
      contrast: CONTRAST.has(word),
      concessive: CONCESSIVE.has(word),
      modifier: MODIFIERS.get(word),
      stemmed: { word, stemKey: `~${root}`, root },
      asWritten: { word, stemKey: `~${word}`, root: word },
    };
    if (rulesCache.size >= RULES_CACHE_LIMIT) rulesCache.clear();
    rulesCache.set(word, rules);
  }
  return rules;
}

/** The first words of two-word phrases, per phrase set: most words start none, and need no pair looked up. */
const firstWordsOf = new WeakMap<ReadonlySet<string>, Set<string>>();

/** The tokens with each two-word phrase as one token; the tokens themselves when there is none (most sentences). */
function joinPhrases(tokens: readonly Token[], phrases: ReadonlySet<string>): readonly Token[] {
  let firsts = firstWordsOf.get(phrases);
  if (!firsts) firstWordsOf.set(phrases, (firsts = new Set([...phrases].map((p) => p.split(' ')[0]!))));
  let out: Token[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (next && t.kind === 'word' && firsts.has(t.norm) && next.kind === 'word' && next.sentence === t.sentence && phrases.has(`${t.norm} ${next.norm}`)) {
      out ??= tokens.slice(0, i);
      out.push({ ...t, raw: `${t.raw} ${next.raw}`, norm: `${t.norm} ${next.norm}`, capitalized: false, acronym: false, entry: undefined });
      i++;
    } else out?.push(t);
  }
  return out ?? tokens;
}
