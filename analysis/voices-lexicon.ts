import fs from 'node:fs';
import { createRequire } from 'node:module';
import { readLexicon } from './lexicon-file.js';

/**
 * The words voices reads speaker phrases with, from the lexicons beside the code: titles (official-titles.txt),
 * roles of ordinary people (citizen-roles.txt), institutions (voices-institutions.txt), the other words of a
 * role phrase (voices-role-words.txt), news outlets (voices-media-outlets.txt), and Indonesian provinces and
 * regencies (idn-area-data, ODbL, as places.ts reads them; place-aliases.tsv). Lookups are by whole words on
 * tokens, the longest phrase first; a term of two or three capitals ("PT", "AS", "AKP") matches only as written.
 */
export interface Tok {
  /** The word less the brackets, quotes and trailing commas around it ("(Persero)" → "Persero"). */
  text: string;
  lower: string;
  cap: boolean;
  /** All capitals, two letters or more: an acronym ("KSPI", "IKP"), never part of a name. */
  acronym: boolean;
  paren: boolean;
  /** A number, a roman numeral or a unit code ("IV/Diponegoro", "0708/Purworejo", "(52)"). */
  numeric: boolean;
}

export type TermKind = 'official' | 'generic' | 'default' | 'nondefault' | 'citizen' | 'soft' | 'inst-official' | 'inst-non';
/** `marker`: the term begins a name ("PT", "Universitas", "band"), so capitalised words after it are that name. */
export interface Term { kind: TermKind; role: string; marker: boolean; capital?: boolean }
export type WordKind = 'field' | 'namefield' | 'place' | 'location' | 'honorific' | 'person' | 'group' | 'former' | 'account' | 'thing' | 'media';
export interface Hit<T> { len: number; value: T }

const ROMAN = /^(?:[IVX]{1,5}|\d[\d./-]*|Rp[\d.,]+|US\$[\d.,]*)(?:\/[\p{L}\d.-]+)?$/u;
const DEGREE = /^(?:\p{Lu}\p{Ll}{0,2}\.)+\p{L}{1,4}\.?$/u; // Sp.A, M.Si, S.H., Ph.D
const INITIAL = /^\p{Lu}\.$/u;

export function tokenize(phrase: string): Tok[] {
  const toks: Tok[] = [];
  for (const m of phrase.matchAll(/\S+/g)) {
    const raw = m[0];
    const paren = raw.startsWith('(') || raw.endsWith(')');
    let text = raw.replace(/^[("“'‘[]+/, '').replace(/[)"”'’\],;:]+$/, '');
    if (text.endsWith('.') && !INITIAL.test(text) && !DEGREE.test(text) && !HONORIFIC_ABBREVIATION.has(text.toLowerCase())) text = text.slice(0, -1);
    if (!text) continue;
    const letters = text.replace(/[^\p{L}]/gu, '');
    toks.push({
      text,
      lower: text.toLowerCase(),
      cap: /^\p{Lu}/u.test(text),
      acronym: letters.length >= 2 && letters === letters.toUpperCase() && !INITIAL.test(text),
      paren,
      numeric: ROMAN.test(text),
    });
  }
  return toks;
}

export const isDegree = (t: Tok) => t.text.length <= 8 && DEGREE.test(t.text) && !INITIAL.test(t.text);
export const isInitial = (t: Tok) => INITIAL.test(t.text);
const HONORIFIC_ABBREVIATION = new Set(['dr.', 'drg.', 'prof.', 'ir.', 'drs.', 'dra.', 'h.', 'hj.', 'mr.', 'mrs.', 'ms.', 'pdt.', 'k.h.', 'kab.', 'pol.']);

/** A phrase table keyed by its lower-case words joined by one space, with the longest phrase each first word begins. */
class Table<T> {
  /** Whether a short lower-case abbreviation ("dr.") matches only as written. */
  constructor(private readonly lowerExact = false) {}
  private readonly map = new Map<string, { value: T; exact: string | null; capital: boolean }[]>();
  private readonly firsts = new Map<string, number>();
  add(term: string, value: T, capital = false) {
    const words = term.trim().split(/\s+/);
    const key = words.join(' ').toLowerCase();
    const letters = term.replace(/[^\p{L}]/gu, '');
    // "PT", "AS", "AKP" match only in capitals; "dr." (a physician) only in lower case, unlike "Dr." (a doctorate).
    const exact = letters.length <= 3 && (letters === letters.toUpperCase() || (this.lowerExact && letters === letters.toLowerCase() && term.endsWith('.'))) ? words.join(' ') : null;
    const list = this.map.get(key) ?? [];
    list.push({ value, exact, capital });
    this.map.set(key, list);
    const first = words[0]!.toLowerCase();
    this.firsts.set(first, Math.max(this.firsts.get(first) ?? 0, words.length));
  }
  has(term: string) {
    return this.map.has(term.trim().split(/\s+/).join(' ').toLowerCase());
  }
  /** The longest entry starting at token i. */
  at(toks: Tok[], i: number): Hit<T> | null {
    const longest = i < toks.length ? this.firsts.get(toks[i]!.lower) : undefined;
    if (!longest) return null;
    for (let n = Math.min(longest, toks.length - i); n >= 1; n--) {
      let key = toks[i]!.lower;
      for (let k = 1; k < n; k++) key += ' ' + toks[i + k]!.lower;
      // "kuasa hukumnya", "pengacaranya": a role with the possessive -nya is the role.
      const last = toks[i + n - 1]!.lower;
      const list = this.map.get(key) ?? (last.length > 6 && last.endsWith('nya') && !toks[i + n - 1]!.cap ? this.map.get(key.slice(0, -3)) : undefined);
      if (!list) continue;
      let written = toks[i]!.text;
      for (let k = 1; k < n; k++) written += ' ' + toks[i + k]!.text;
      const entry = list.find((e) => (e.exact ? e.exact === written : !e.capital || toks[i]!.cap));
      if (entry) return { len: n, value: entry.value };
    }
    return null;
  }
}

export const TERMS = new Table<Term>(true);
const seen = new Map<string, string>();
function addTerm(file: string, term: string, value: Term, capital = false) {
  const key = term.toLowerCase().replace(/\s+/g, ' ');
  if (seen.has(key) && !/^\p{Lu}{2,3}$/u.test(term)) throw new Error(`lexicons/${file}: "${term}" is also in ${seen.get(key)}`);
  seen.set(key, file);
  TERMS.add(term, value, capital);
}
for (const [term = '', role, flag] of readLexicon('official-titles.txt')) {
  const kind: TermKind = flag === 'generic' || flag === 'default' || flag === 'nondefault' ? flag : 'official';
  addTerm('official-titles.txt', term, { kind, role: (role || term).toLowerCase(), marker: false });
}
for (const [term = '', role, flag] of readLexicon('citizen-roles.txt')) {
  addTerm('citizen-roles.txt', term, { kind: flag === 'soft' ? 'soft' : 'citizen', role: (role || term).toLowerCase(), marker: flag === 'marker' });
}
for (const [term = '', type, flag] of readLexicon('voices-institutions.txt')) {
  if (type !== 'official' && type !== 'non_official') throw new Error(`lexicons/voices-institutions.txt: "${term}" needs official or non_official`);
  const marker = flag === 'marker' || (flag === 'capital' && type === 'non_official');
  addTerm('voices-institutions.txt', term, { kind: type === 'official' ? 'inst-official' : 'inst-non', role: term.toLowerCase(), marker, capital: flag === 'capital' }, flag === 'capital');
}

export const WORDS = new Table<WordKind>();
const KINDS = new Set<WordKind>(['field', 'namefield', 'place', 'location', 'honorific', 'person', 'group', 'former', 'account', 'thing']);
for (const [term = '', kind] of readLexicon('voices-role-words.txt')) {
  if (!KINDS.has(kind as WordKind)) throw new Error(`lexicons/voices-role-words.txt: "${term}" has no known kind ("${kind}")`);
  if (WORDS.has(term)) throw new Error(`lexicons/voices-role-words.txt: "${term}" is listed twice`);
  WORDS.add(term, kind as WordKind);
}
for (const [name = ''] of readLexicon('voices-media-outlets.txt')) WORDS.add(name, 'media');

// Indonesian provinces and regencies, without "Kabupaten"/"Kota", and their everyday names.
export const PLACES = new Table<true>();
const require = createRequire(import.meta.url);
const areaData = require.resolve('idn-area-data/package.json').replace(/package\.json$/, 'data/');
for (const file of ['provinces.csv', 'regencies.csv']) {
  for (const line of fs.readFileSync(`${areaData}${file}`, 'utf8').split('\n').slice(1)) {
    const name = line.split(',').at(-1)?.replace(/^"|"$/g, '').trim();
    if (name) PLACES.add(name.replace(/^(?:KABUPATEN|KOTA)\s+(?:ADMINISTRASI\s+)?/i, ''), true);
  }
}
// Everyday names of places ("Jogja", "Kaltim"), kept by places.ts; voices reads them when they are there.
if (fs.existsSync(new URL('./lexicons/place-aliases.tsv', import.meta.url))) {
  for (const [alias = '', kind] of readLexicon('place-aliases.tsv')) if (kind === 'province' || kind === 'regency') PLACES.add(alias, true);
}

/** A word that says "this phrase is a field of office": affixed nouns such as Perikanan, Kesehatan, Pembinaan. */
const AFFIXED_FIELD = /^(?:(?:Pe[mnr]?|Ke|Per)\p{Ll}{3,}an|\p{Lu}\p{Ll}{3,}(?:logi|grafi|fisika|isasi|nomi))$/u; // … Klimatologi, Geofisika

export type Vocab = { len: number; kind: 'term'; term: Term } | { len: number; kind: WordKind };

const memo = new WeakMap<Tok[], (Vocab | null | undefined)[]>();

/** Role vocabulary at token i: a typed term, a word of a role phrase, an acronym or a number; null for a name. */
export function vocabAt(toks: Tok[], i: number): Vocab | null {
  if (i >= toks.length) return null;
  let cache = memo.get(toks);
  if (!cache) memo.set(toks, (cache = []));
  const known = cache[i];
  if (known !== undefined) return known;
  return (cache[i] = vocabOf(toks, i));
}

function vocabOf(toks: Tok[], i: number): Vocab | null {
  const term = TERMS.at(toks, i);
  const word = WORDS.at(toks, i);
  if (term && (!word || term.len >= word.len)) return { len: term.len, kind: 'term', term: term.value };
  if (word) return { len: word.len, kind: word.value };
  const t = toks[i]!;
  if (t.acronym || t.numeric || t.paren || isDegree(t) || (t.text.length >= 8 && AFFIXED_FIELD.test(t.text)) || /^[&/+-]$/.test(t.text)) {
    return { len: 1, kind: 'field' };
  }
  // Kemenkes, Kemensos …; Diskominfos, Disdukcapil, Disbudpar …: ministries and regional offices not listed by name.
  if (/^(?:Kemen\p{L}{2,}|Dis\p{Ll}{3,}\d?)$/u.test(t.text)) return { len: 1, kind: 'term', term: { kind: 'inst-official', role: t.lower, marker: false } };
  return null;
}
