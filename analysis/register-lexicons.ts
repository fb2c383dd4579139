import { ownString } from './chars.js';
import { readLexicon, readLexiconMap } from './lexicon-file.js';

/**
 * The word lists of the register analysis (lexicons/*), built once at load into the lookups analyzeRegister
 * walks per token: sets and maps for single words, and one phrase index keyed by a phrase's first word, so a
 * text costs a few map lookups per word whatever the size of the lists.
 */
export type PhraseClass = 'jargon' | 'daily' | 'institution';

export interface Phrase {
  words: string[];
  cls: PhraseClass;
  /** The lexicon entry, as counted and shown ("pemangku kepentingan"). */
  key: string;
}

const firstCells = (name: string) => readLexicon(name).map((row) => row[0]!.toLowerCase());

/** term → plain alternative (jargon.tsv). */
export const JARGON_PLAIN = new Map([...readLexiconMap('jargon.tsv')].map(([term, cells]) => [term, cells[0] ?? '']));

export const EVERYDAY_ACRONYMS = new Set(firstCells('everyday-acronyms.txt'));
export const ENGLISH = new Set(firstCells('english-words.txt'));
/** word → language (regional-words.txt). */
export const REGIONAL = new Map([...readLexiconMap('regional-words.txt')].map(([word, cells]) => [word, cells[0]!]));

/** Institution words; `true` when the word counts only written with a capital ("Badan", not "badan"). */
export const INSTITUTION = new Map<string, boolean>();

/** Single words of the jargon, daily-life and institution lists (one-word entries and hyphenated phrases). */
export const JARGON_WORDS = new Map<string, string>();
export const DAILY_WORDS = new Set<string>();
const PHRASES = new Map<string, Phrase[]>();

function addEntry(entry: string, cls: PhraseClass): void {
  const words = entry.split(/\s+/);
  if (words.length === 1) {
    if (cls === 'jargon') JARGON_WORDS.set(entry, entry);
    else if (cls === 'daily') DAILY_WORDS.add(entry);
    return;
  }
  // "side event" is also written "side-event", which the tokenizer keeps as one word.
  if (cls === 'jargon') JARGON_WORDS.set(words.join('-'), entry);
  const list = PHRASES.get(words[0]!) ?? [];
  list.push({ words, cls, key: entry });
  list.sort((a, b) => b.words.length - a.words.length);
  PHRASES.set(words[0]!, list);
}

for (const term of JARGON_PLAIN.keys()) addEntry(term, 'jargon');
for (const word of firstCells('daily-life.txt')) addEntry(word, 'daily');
for (const row of readLexicon('institution-words.txt')) {
  const entry = row[0]!.toLowerCase();
  if (entry.includes(' ')) addEntry(entry, 'institution');
  else INSTITUTION.set(entry, row[1] === 'capital');
}

/** Phrases that start with this word, longest first. */
export function phrasesFrom(word: string): readonly Phrase[] | undefined {
  return PHRASES.get(word);
}

/** First and second person, as the tokenizer normalises them ("gue", "aku" → "saya"; "lo" → "kamu"). */
export const PERSONAL = new Set(['saya', 'kita', 'kami', 'kamu', 'anda', 'engkau', 'kalian', 'kau']);

/** Particles and interjections of everyday speech ("wkwk", "hehe" arrive as "haha"). */
export const PARTICLES = new Set([
  'sih', 'kok', 'dong', 'deh', 'ya', 'yah', 'lho', 'loh', 'kan', 'nih', 'tuh', 'yuk', 'ayo', 'ayok', 'nah', 'lah',
  'toh', 'haha', 'wah', 'waduh', 'aduh', 'duh', 'astaga', 'banget', 'cuy', 'bro', 'sis', 'gan', 'min',
]);

/**
 * Rows of lexicons/slang.tsv that are also standard written Indonesian or news abbreviations, so seeing them
 * says nothing about chat: "tak" (formal), "buat", "kaya", "km"/"cm" (units), "dr" (doctor), "pol" (police rank).
 */
export const NOT_CHAT = new Set(['tak', 'buat', 'kaya', 'pol', 'dr', 'km', 'cm', 'g', 'pemda', 'pemkot', 'pemkab', 'pemprov', 'negri']);

// Inflected jargon: "mengimplementasikan" → "implementasi". Only a stripped form that is itself a jargon term
// counts, so stripping never invents a match. (The dictionary stemmer in stem.ts is not used here: it reads
// "memfasilitasi" as "fasilitas" and "keberlanjutan" as "lanjut".)
const PREFIXES: [string, string[]][] = [
  ['memper', ['']], ['diper', ['']], ['meng', ['', 'k']], ['peng', ['', 'k']], ['meny', ['s']], ['peny', ['s']],
  ['mem', ['', 'p']], ['pem', ['', 'p']], ['men', ['', 't']], ['pen', ['', 't']], ['me', ['']], ['pe', ['']],
  ['ber', ['']], ['be', ['']], ['ter', ['', 'r']], ['te', ['r']], ['per', ['']], ['di', ['']], ['ke', ['']], ['se', ['']],
];
const SUFFIXES = ['', 'nya', 'kan', 'kannya', 'an', 'annya', 'i', 'lah'];

function stripToJargon(word: string): string | undefined {
  for (const suffix of SUFFIXES) {
    if (suffix && !word.endsWith(suffix)) continue;
    const stem = word.slice(0, word.length - suffix.length);
    if (suffix && JARGON_WORDS.has(stem)) return JARGON_WORDS.get(stem);
    for (const [prefix, restores] of PREFIXES) {
      if (!stem.startsWith(prefix) || stem.length - prefix.length < 4) continue;
      const rest = stem.slice(prefix.length);
      for (const restore of restores) {
        const hit = JARGON_WORDS.get(restore + rest);
        if (hit) return hit;
      }
    }
  }
  return undefined;
}

const rootCache = new Map<string, string | null>();
const ROOT_CACHE_LIMIT = 100_000;

/** The jargon term a word is, directly or inflected; undefined when it is none. */
export function jargonTerm(word: string): string | undefined {
  const direct = JARGON_WORDS.get(word);
  if (direct) return direct;
  if (word.length < 6) return undefined;
  let hit = rootCache.get(word);
  if (hit === undefined) {
    hit = stripToJargon(word) ?? null;
    if (rootCache.size >= ROOT_CACHE_LIMIT) rootCache.clear();
    rootCache.set(ownString(word), hit);
  }
  return hit ?? undefined;
}
