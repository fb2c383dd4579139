// The Indonesian stemmer of the `natural` package (a Sastrawi-style dictionary stemmer), loaded on its own:
// natural's index pulls in every language and its database adapters.
import { createRequire } from 'node:module';
import { ownString } from './chars.js';
import type { Token } from './tokenize.js';

const require = createRequire(import.meta.url);
const stemmer = require('natural/lib/natural/stemmers/indonesian/stemmer_id.js') as { stem(word: string): string };

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** The root of an Indonesian word ("pembangunan" → "bangun"), remembered per word. */
export function stemWord(word: string): string {
  let root = cache.get(word);
  if (root === undefined) {
    word = ownString(word);
    // Reduplication keeps one half: "anak-anak" → "anak", "sayur-mayur" → "sayur".
    const first = word.includes('-') ? word.split('-')[0]! : word;
    root = /^\p{Ll}+$/u.test(first) && first.length > 3 ? stemmer.stem(first) || first : first;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, root);
  }
  return root;
}

/** A token's root; names are left alone: capitalised words inside a sentence, acronyms, hashtags, mentions. */
export function stemToken(token: Token): string {
  return keepsForm(token) ? token.norm : stemWord(token.norm);
}

/** Whether a token is a name or not a word, which stemToken leaves as it is. */
export function keepsForm(token: Token): boolean {
  return token.kind !== 'word' || token.acronym || (token.capitalized && !token.sentenceStart);
}
