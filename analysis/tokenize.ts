import { readLexiconMap } from './lexicon-file.js';

/**
 * Indonesian text as tokens, for every part of the analysis. Handles what news and social posts do to
 * words: reduplication written with a 2 ("gara2" → "gara-gara") or a hyphen ("anak-anak"), elongation
 * ("bangeeet" → "banget"), chat spellings ("gak", "tdk" → "tidak"; lexicons/slang.tsv), hashtags,
 * @mentions, URLs, numbers and emoji. `raw` keeps what was written (capitals, acronyms, place names);
 * `norm` is what lexicons are looked up by.
 */
export type TokenKind = 'word' | 'number' | 'hashtag' | 'mention' | 'url' | 'emoji' | 'punct';

export interface Token {
  raw: string;
  norm: string;
  kind: TokenKind;
  /** Sentence number, from 0. */
  sentence: number;
  /** First word of its sentence (so its capital says nothing). */
  sentenceStart: boolean;
  /** Starts with a capital letter and has lower-case letters (Menteri, Samarinda). */
  capitalized: boolean;
  /** Two or more letters, all capitals (KSP, BPIP, UMKM), digits allowed (G20). */
  acronym: boolean;
}

const SLANG = new Map([...readLexiconMap('slang.tsv')].map(([k, v]) => [k, v[0]!.split(/\s+/)]));

// The alternatives in GROUP_KINDS order, as plain groups: named groups would give every match an object to collect.
const TOKEN = new RegExp(
  [
    String.raw`(https?:\/\/\S+|www\.\S+)`,
    String.raw`(@[\p{L}\p{N}_.]+)`,
    String.raw`(#[\p{L}\p{N}_]+)`,
    String.raw`(\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)?(?:-\p{L}[\p{L}\p{M}\p{N}]*)*)`,
    String.raw`(\d+(?:[.,]\d+)*%?)`,
    String.raw`(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{Emoji_Modifier})*|[:;]-?[()DPp]|<3)`,
    String.raw`([.!?]+|[,;:()"“”]|\n{2,})`,
  ].join('|'),
  'gu',
);
const GROUP_KINDS: TokenKind[] = ['url', 'mention', 'hashtag', 'word', 'number', 'emoji', 'punct'];

/** "bangeeet" → "banget", "mantaaap" → "mantap": a letter written three or more times counts once. */
export function reduceElongation(word: string): string {
  return word.replace(/(\p{L})\1{2,}/gu, '$1');
}

/** "gara2" → "gara-gara", "anak2nya" → "anak-anaknya"; other words as they are. */
export function expandReduplication(word: string): string {
  const m = /^(\p{L}{2,})2(\p{L}*)$/u.exec(word);
  return m ? `${m[1]}-${m[1]}${m[2]}` : word;
}

/**
 * What a word as written says, worked out once per word: words repeat across texts. `norms` are the word's
 * normalised forms (a chat spelling may stand for two words).
 */
interface WordInfo {
  acronym: boolean;
  capitalized: boolean;
  norms: string[];
}
const wordCache = new Map<string, WordInfo>();
const WORD_CACHE_LIMIT = 100_000;

function wordInfo(raw: string): WordInfo {
  let info = wordCache.get(raw);
  if (info === undefined) {
    const acronym = isAcronym(raw);
    // Acronyms are names (KTP, BPIP), never chat spellings, so they are not looked up in the slang list.
    info = { acronym, capitalized: !acronym && isCapitalized(raw), norms: acronym ? [raw.toLowerCase()] : normalizeWord(raw) };
    if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
    wordCache.set(raw, info);
  }
  return info;
}

function normalizeWord(raw: string): string[] {
  const lower = raw.toLowerCase().replace(/’/g, "'");
  const slang = SLANG.get(lower) ?? SLANG.get(reduceElongation(lower));
  if (slang) return slang;
  const word = expandReduplication(reduceElongation(lower));
  return SLANG.get(word) ?? [word];
}

const LETTER = /\p{L}/gu;
const HAS_DIGIT = /\d/;

/** Two or more letters, all capitals (KSP, BPIP, UMKM), digits allowed (G20). */
function isAcronym(raw: string): boolean {
  const first = raw.charCodeAt(0);
  if (first >= 97 && first <= 122) return false; // most words start in lower case: no upper-casing needed to know
  const upper = raw.toUpperCase();
  if (raw !== upper || raw === raw.toLowerCase()) return false;
  return HAS_DIGIT.test(raw) || (raw.match(LETTER)?.length ?? 0) >= 2;
}

/** Starts with a capital letter and has lower-case letters (Menteri, Samarinda). */
function isCapitalized(raw: string): boolean {
  const first = raw[0]!;
  return first !== first.toLowerCase() && first === first.toUpperCase() && raw !== raw.toUpperCase();
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let atStart = true;
  const source = text.normalize('NFC');
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(source); m !== null; m = TOKEN.exec(source)) {
    const raw = m[0];
    let group = 1;
    while (group < GROUP_KINDS.length && m[group] === undefined) group++;
    const kind = GROUP_KINDS[group - 1] ?? 'punct';
    if (kind === 'punct') {
      tokens.push({ raw, norm: raw, kind, sentence, sentenceStart: false, capitalized: false, acronym: false });
      // "...", "!?" or a blank line ends a sentence; a comma, a colon, a bracket or a quote does not.
      const c = raw.charCodeAt(0);
      if (c === 46 || c === 33 || c === 63 || c === 10) {
        sentence++;
        atStart = true;
      }
      continue;
    }
    if (kind === 'word') {
      const { acronym, capitalized, norms } = wordInfo(raw);
      for (let i = 0; i < norms.length; i++) tokens.push({ raw, norm: norms[i]!, kind, sentence, sentenceStart: atStart && i === 0, capitalized, acronym });
    } else {
      const norm = kind === 'hashtag' || kind === 'mention' ? raw.toLowerCase() : raw;
      tokens.push({ raw, norm, kind, sentence, sentenceStart: atStart, capitalized: false, acronym: false });
    }
    atStart = false;
  }
  return tokens;
}

/** The words of a text, normalised: what lexicons are matched against. */
export function words(tokens: readonly Token[]): string[] {
  return tokens.filter((t) => t.kind === 'word').map((t) => t.norm);
}
