import { charClass, codePointAt, EMOJI_MODIFIER, LETTER, MARK, NUMBER, ownString, PICTOGRAPHIC, widthOf } from './chars.js';
import { readLexiconMap } from './lexicon-file.js';
import type { WordFacts } from './register.js';
import type { WordRules } from './sentiment-features.js';

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
  /** The tokenizer's shared entry for this word's `norm` (words only; none on a token made otherwise). */
  entry?: WordEntry;
}

/**
 * A normalised word as the tokenizer gives it, one object shared by its tokens in every text. The analyses that
 * read a word keep what they work out about it here, so a word costs them one property read, not a lookup each.
 */
export interface WordEntry {
  readonly norm: string;
  /** register.ts's lexicon facts, filled on first use. */
  register?: WordFacts;
  /** sentiment-features.ts's rules and stem keys, filled on first use. */
  sentiment?: WordRules;
}

const SLANG = new Map([...readLexiconMap('slang.tsv')].map(([k, v]) => [k, v[0]!.split(/\s+/)]));

/**
 * A text's tokens are what this regular expression matches, alternatives in this order (the first that matches at
 * a position wins): links, @mentions, hashtags, words, numbers, emoji and emoticons, sentence punctuation.
 *
 *   (https?:\/\/\S+|www\.\S+) | (@[\p{L}\p{N}_.]+) | (#[\p{L}\p{N}_]+)
 *   | (\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)?(?:-\p{L}[\p{L}\p{M}\p{N}]*)*) | (\d+(?:[.,]\d+)*%?)
 *   | (\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{Emoji_Modifier})*|[:;]-?[()DPp]|<3)
 *   | ([.!?]+|[,;:()"“”]|\n{2,})   (flags gu)
 *
 * It is matched by hand (tokenAt): a match per token was most of the tokenizer's time.
 */
const SPACE_CHARS = new Set([9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);
const isSpace = (c: number) => SPACE_CHARS.has(c) || (c >= 0x2000 && c <= 0x200a);
const isDigit = (c: number) => c >= 48 && c <= 57;
const has = (s: string, i: number, bits: number) => i < s.length && (charClass(codePointAt(s, i)) & bits) !== 0;

/** The end of a run of characters of the classes `bits` (or the characters `a`, `b`) from i. */
function runOf(s: string, i: number, bits: number, a = -1, b = -1): number {
  while (i < s.length) {
    const cp = codePointAt(s, i);
    if ((charClass(cp) & bits) === 0 && cp !== a && cp !== b) break;
    i += widthOf(cp);
  }
  return i;
}

/** The token TOKEN matches at i: its end, with its kind in `found.kind`; -1 when none starts there. */
function tokenAt(s: string, i: number, found: { kind: TokenKind }): number {
  const c = s.charCodeAt(i);
  const cls = charClass(codePointAt(s, i));
  let end: number;
  if ((end = urlEnd(s, i, c)) > 0) found.kind = 'url';
  else if (c === 64 && (end = runOf(s, i + 1, LETTER | NUMBER, 95, 46)) > i + 1) found.kind = 'mention'; // @, then letters, numbers, _ and .
  else if (c === 35 && (end = runOf(s, i + 1, LETTER | NUMBER, 95)) > i + 1) found.kind = 'hashtag'; // #, then letters, numbers and _
  else if (cls & LETTER) {
    end = wordEnd(s, i);
    found.kind = 'word';
  } else if (isDigit(c)) {
    end = numberEnd(s, i);
    found.kind = 'number';
  } else if ((end = emojiEnd(s, i, c, cls)) > 0) found.kind = 'emoji';
  else if ((end = punctEnd(s, i, c)) > 0) found.kind = 'punct';
  else return -1;
  return end;
}

/** https?:\/\/\S+|www\.\S+ */
function urlEnd(s: string, i: number, c: number): number {
  let rest = -1;
  if (c === 104 && s.startsWith('http', i)) {
    const colon = s.charCodeAt(i + 4) === 115 ? i + 5 : i + 4;
    if (s.startsWith('://', colon)) rest = colon + 3;
  } else if (c === 119 && s.startsWith('www.', i)) rest = i + 4;
  if (rest < 0 || rest >= s.length || isSpace(s.charCodeAt(rest))) return -1;
  while (rest < s.length && !isSpace(s.charCodeAt(rest))) rest++;
  return rest;
}

/** \p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)?(?:-\p{L}[\p{L}\p{M}\p{N}]*)* from a letter at i. */
function wordEnd(s: string, i: number): number {
  let end = runOf(s, i, LETTER | MARK | NUMBER);
  const q = s.charCodeAt(end);
  if ((q === 39 || q === 0x2019) && has(s, end + 1, LETTER)) end = runOf(s, end + 1, LETTER);
  while (s.charCodeAt(end) === 45 && has(s, end + 1, LETTER)) end = runOf(s, end + 1, LETTER | MARK | NUMBER);
  return end;
}

/** \d+(?:[.,]\d+)*%? from a digit at i. */
function numberEnd(s: string, i: number): number {
  let end = i + 1;
  while (isDigit(s.charCodeAt(end))) end++;
  for (let sep = s.charCodeAt(end); (sep === 46 || sep === 44) && isDigit(s.charCodeAt(end + 1)); sep = s.charCodeAt(end)) {
    end += 2;
    while (isDigit(s.charCodeAt(end))) end++;
  }
  return s.charCodeAt(end) === 37 ? end + 1 : end;
}

/** \p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{Emoji_Modifier})*|[:;]-?[()DPp]|<3 */
function emojiEnd(s: string, i: number, c: number, cls: number): number {
  if (cls & PICTOGRAPHIC) {
    let end = i + widthOf(codePointAt(s, i));
    while (end < s.length) {
      const next = codePointAt(s, end);
      if (next === 0xfe0f) end++;
      else if (next === 0x200d && has(s, end + 1, PICTOGRAPHIC)) end += 1 + widthOf(codePointAt(s, end + 1));
      else if (charClass(next) & EMOJI_MODIFIER) end += widthOf(next);
      else break;
    }
    return end;
  }
  if (c === 58 || c === 59) {
    const mouth = s.charCodeAt(i + 1) === 45 ? i + 2 : i + 1;
    return EMOTICON_MOUTHS.has(s.charCodeAt(mouth)) ? mouth + 1 : -1;
  }
  return c === 60 && s.charCodeAt(i + 1) === 51 ? i + 2 : -1;
}
/** ( ) D P p */
const EMOTICON_MOUTHS = new Set([40, 41, 68, 80, 112]);

/** [.!?]+|[,;:()"“”]|\n{2,} */
function punctEnd(s: string, i: number, c: number): number {
  if (c === 46 || c === 33 || c === 63) {
    let end = i + 1;
    for (let d = s.charCodeAt(end); d === 46 || d === 33 || d === 63; d = s.charCodeAt(end)) end++;
    return end;
  }
  if (SINGLE_PUNCT.has(c)) return i + 1;
  if (c !== 10 || s.charCodeAt(i + 1) !== 10) return -1;
  let end = i + 2;
  while (s.charCodeAt(end) === 10) end++;
  return end;
}
/** , ; : ( ) " “ ” */
const SINGLE_PUNCT = new Set([44, 59, 58, 40, 41, 34, 0x201c, 0x201d]);

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
 * What a word as written says, worked out once per word: words repeat across texts. `norms` are the entries of
 * the word's normalised forms (a chat spelling may stand for two words); `raw` is the word, one string shared by
 * its tokens.
 */
interface WordInfo {
  raw: string;
  hash: number;
  acronym: boolean;
  capitalized: boolean;
  norms: WordEntry[];
}

/**
 * The words seen, in an open-addressing table keyed by a hash of their characters: a word seen before is found
 * from the text itself, without cutting a string out of it or hashing one. Bounded: emptied when half full.
 */
const WORD_SLOTS = 1 << 18;
const WORD_LIMIT = WORD_SLOTS / 2;
let wordTable: (WordInfo | undefined)[] = new Array<WordInfo | undefined>(WORD_SLOTS).fill(undefined);
let wordsKept = 0;

function wordInfo(s: string, start: number, end: number): WordInfo {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ s.charCodeAt(i), 0x01000193);
  let slot = hash & (WORD_SLOTS - 1);
  for (let info = wordTable[slot]; info !== undefined; info = wordTable[slot]) {
    if (info.hash === hash && info.raw.length === end - start && s.startsWith(info.raw, start)) return info;
    slot = (slot + 1) & (WORD_SLOTS - 1);
  }
  if (wordsKept >= WORD_LIMIT) {
    wordTable = new Array<WordInfo | undefined>(WORD_SLOTS).fill(undefined);
    wordsKept = 0;
    slot = hash & (WORD_SLOTS - 1);
  }
  // A word kept in the table must not keep the text it was found in.
  const info = readWord(ownString(s.slice(start, end)), hash);
  wordTable[slot] = info;
  wordsKept++;
  return info;
}

function readWord(raw: string, hash: number): WordInfo {
  const acronym = isAcronym(raw);
  // Acronyms are names (KTP, BPIP), never chat spellings, so they are not looked up in the slang list.
  const norms = acronym ? [raw.toLowerCase()] : normalizeWord(raw);
  return { raw, hash, acronym, capitalized: !acronym && isCapitalized(raw), norms: norms.map((norm) => ({ norm })) };
}

function normalizeWord(raw: string): string[] {
  const lower = raw.toLowerCase().replace(/’/g, "'");
  const slang = SLANG.get(lower) ?? SLANG.get(reduceElongation(lower));
  if (slang) return slang;
  const word = expandReduplication(reduceElongation(lower));
  return SLANG.get(word) ?? [word];
}

const LETTERS = /\p{L}/gu;
const HAS_DIGIT = /\d/;

/** Two or more letters, all capitals (KSP, BPIP, UMKM), digits allowed (G20). */
function isAcronym(raw: string): boolean {
  const first = raw.charCodeAt(0);
  if (first >= 97 && first <= 122) return false; // most words start in lower case: no upper-casing needed to know
  const upper = raw.toUpperCase();
  if (raw !== upper || raw === raw.toLowerCase()) return false;
  return HAS_DIGIT.test(raw) || (raw.match(LETTERS)?.length ?? 0) >= 2;
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
  const found = { kind: 'punct' as TokenKind };
  for (let at = 0; at < source.length; ) {
    const end = tokenAt(source, at, found);
    if (end < 0) {
      at += widthOf(codePointAt(source, at));
      continue;
    }
    const kind = found.kind;
    if (kind === 'word') {
      const { raw, acronym, capitalized, norms } = wordInfo(source, at, end);
      for (let i = 0; i < norms.length; i++) {
        const entry = norms[i]!;
        tokens.push({ raw, norm: entry.norm, kind, sentence, sentenceStart: atStart && i === 0, capitalized, acronym, entry });
      }
      atStart = false;
      at = end;
      continue;
    }
    const raw = source.slice(at, end);
    at = end;
    if (kind === 'punct') {
      tokens.push({ raw, norm: raw, kind, sentence, sentenceStart: false, capitalized: false, acronym: false, entry: undefined });
      // "...", "!?" or a blank line ends a sentence; a comma, a colon, a bracket or a quote does not.
      const c = raw.charCodeAt(0);
      if (c === 46 || c === 33 || c === 63 || c === 10) {
        sentence++;
        atStart = true;
      }
      continue;
    }
    const norm = kind === 'hashtag' || kind === 'mention' ? raw.toLowerCase() : raw;
    tokens.push({ raw, norm, kind, sentence, sentenceStart: atStart, capitalized: false, acronym: false, entry: undefined });
    atStart = false;
  }
  return tokens;
}

/** The words of a text, normalised: what lexicons are matched against. */
export function words(tokens: readonly Token[]): string[] {
  return tokens.filter((t) => t.kind === 'word').map((t) => t.norm);
}
