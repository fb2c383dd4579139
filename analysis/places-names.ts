import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { charClass, codePointAt, LETTER, MARK, NUMBER } from './chars.js';
import { readLexicon } from './lexicon-file.js';

/**
 * Where a text names an Indonesian province or regency/city (kabupaten/kota), before any judgement of whether
 * the story is about it (places-context.ts, places.ts). The places are idn-area-data's CSVs, read once at load
 * from the installed package; everyday names (Jatim, Jogja, Solo, Labuan Bajo) are in lexicons/place-aliases.tsv.
 * Matching is on the text as written, never stemmed: case-insensitive, whole words only, the longest phrase wins
 * and phrases never overlap.
 *
 * Each kabupaten/kota is found as its official name, as "Kota X" / "Kabupaten X" / "Kab. X" / "Pemkot X" /
 * "Bupati X"…, and as bare "X". A bare name shared by a province and a city means the province (Jambi,
 * Bengkulu, Gorontalo); one shared by a kota and a kabupaten means the kota (Bandung, Malang, Bogor).
 * Bare names that are everyday words need a prefix (PREFIX_ONLY) or capitals (CAPITALISED_ONLY); phrases that
 * only look like places (not-place in lexicons/places-cues.tsv), street names ("Jalan Sulawesi") and districts
 * or villages that share a regency's name ("Kelurahan Kuningan") are skipped.
 */
export type PlaceKind = 'province' | 'regency';

export interface Place {
  code: string;
  name: string;
  kind: PlaceKind;
  provinceCode: string;
  provinceName: string;
}

/** Bare names that are everyday words: they count only after a prefix ("Kota Batu", "Pemkab Serang"). */
const PREFIX_ONLY = new Set([
  'batu', // stone
  'batu bara', // coal
  'banjar', // row; also two places (Kota Banjar, Kabupaten Banjar)
  'metro', // Polda Metro Jaya, Metro TV
  'serang', // attack, capitalised in every headline ("Israel Serang Gaza")
  'buru', // hunt, buru-buru
  'puncak', // peak; Puncak in Bogor
  'kaur', // kepala urusan, a village officer
  'karo', // kepala biro ("Karo Penmas Divisi Humas Polri"); "Tanah Karo" is an alias
  'tual',
]);

/**
 * Bare names that are also lower-case words: they count only when every word is capitalised ("Medan", "MEDAN",
 * not "medan perang"). medan = field, padang = plain, malang = unlucky, palu = hammer, batang = stem,
 * tegal = dry field, kudus = holy, pati = starch, subang = earring, kuningan = brass, lebak = valley,
 * badung = naughty, landak = porcupine, bangka = old, binjai = a mango, lahat = grave, bungo = flower (Minang),
 * pontianak = a ghost, kupang = a shellfish, solo = alone, ibu kota = any capital, lombok = chili (Javanese),
 * meranti = a timber, penajam = sharpener; the two- and three-word names are ordinary phrases
 * (tanah datar = flat land, sungai penuh = a full river). Capitals mean little at the start of a sentence or
 * in a headline, so there places-context.ts asks for the province to be named some other way too.
 */
export const CAPITALISED_ONLY = new Set([
  ...['medan', 'padang', 'malang', 'palu', 'batang', 'tegal', 'kudus', 'pati', 'subang', 'kuningan', 'lebak'],
  ...['badung', 'landak', 'ketapang', 'malaka', 'lingga', 'bangka', 'binjai', 'agam', 'lahat', 'rembang'],
  ...['sabang', 'bungo', 'pontianak', 'kupang', 'solo', 'diy', 'ibu kota', 'lombok', 'meranti', 'penajam'],
  ...['tebing tinggi', 'pesisir selatan', 'pesisir barat', 'tanah datar', 'tanah laut', 'tanah bumbu'],
  ...['lima puluh kota', 'sungai penuh', 'empat lawang', 'pagar alam', 'gunung mas', 'pulang pisau'],
  ...['murung raya', 'kubu raya', 'intan jaya', 'puncak jaya', 'padang panjang', 'padang lawas'],
  // banten = offerings (Balinese)
  'banten',
]);

const PREFIXES = {
  province: ['provinsi', 'prov', 'pemprov', 'pemerintah provinsi'],
  kota: ['kota', 'pemkot', 'pemerintah kota', 'wali kota', 'walikota'],
  kabupaten: ['kabupaten', 'kab', 'pemkab', 'pemerintah kabupaten', 'bupati'],
};

/** "Jalan Sulawesi", "Jl. Raya Bogor": a street named after a place is not a mention of it. */
const STREET = new Set(['jalan', 'jl', 'jln']);

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** Between two words of one name: spaces or one hyphen ("Toli-Toli"); after an abbreviation, a dot too. */
const GAP = /^[ \t\u00a0]*-?[ \t\u00a0]*$/;
const GAP_AFTER_ABBREVIATION = /^\.?[ \t\u00a0]*$/;
const ABBREVIATIONS = new Set(['kab', 'prov', 'jl', 'jln', 'kec', 'kel']);

const DATA_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');

function readCsv<K extends string>(file: string, header: readonly K[]): Record<K, string>[] {
  const [first, ...lines] = fs.readFileSync(path.join(DATA_DIR, file), 'utf8').split(/\r?\n/).filter((l) => l.trim());
  if (first !== header.join(',')) throw new Error(`idn-area-data ${file}: expected header ${header.join(',')}, got ${first}`);
  return lines.map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== header.length || line.includes('"')) throw new Error(`idn-area-data ${file} line ${i + 2}: "${line}"`);
    return Object.fromEntries(header.map((h, j) => [h, cells[j]!.trim()])) as Record<K, string>;
  });
}

/** "KABUPATEN PANGKAJENE DAN KEPULAUAN" → "Kabupaten Pangkajene dan Kepulauan", "DKI JAKARTA" → "DKI Jakarta". */
function titleCase(name: string): string {
  return name.toLowerCase().replace(/\p{L}+/gu, (w) => (w === 'dki' ? 'DKI' : w === 'dan' ? w : w[0]!.toUpperCase() + w.slice(1)));
}

export const PLACES = new Map<string, Place>();
const KOTA = new Set<string>();
for (const row of readCsv('provinces.csv', ['code', 'name'])) {
  const name = titleCase(row.name);
  PLACES.set(row.code, { code: row.code, name, kind: 'province', provinceCode: row.code, provinceName: name });
}
for (const row of readCsv('regencies.csv', ['code', 'province_code', 'name'])) {
  const province = PLACES.get(row.province_code);
  if (province?.kind !== 'province') throw new Error(`idn-area-data: regency ${row.code} has unknown province ${row.province_code}`);
  PLACES.set(row.code, { code: row.code, name: titleCase(row.name), kind: 'regency', provinceCode: province.code, provinceName: province.name });
  if (row.name.startsWith('KOTA ')) KOTA.add(row.code);
}

/** lexicons/places-cues.tsv as cue sets by class. */
export const CUES = new Map<string, Set<string>>();
for (const [cue, cls] of readLexicon('places-cues.tsv')) {
  if (cue === 'cue') continue;
  if (!cue || !cls) throw new Error(`lexicons/places-cues.tsv: "${cue}" needs a class`);
  const set = CUES.get(cls) ?? new Set<string>();
  if (set.has(cue)) throw new Error(`lexicons/places-cues.tsv: "${cue}" is listed twice as ${cls}`);
  CUES.set(cls, set.add(cue));
}
export const cues = (cls: string): Set<string> => CUES.get(cls) ?? new Set();
const NEEDS_CONTEXT = cues('needs-context');
const SUBUNIT = cues('subunit');

interface Phrase {
  words: string[];
  /** null for a not-place phrase. */
  place: Place | null;
  capitalised: boolean;
  /** The name alone, without "Kota"/"Kabupaten"/"Provinsi" or an official full name. */
  bare: boolean;
  /** Which wins when two sources give the same phrase: lower wins. */
  rank: number;
}

const RANK = { notPlace: 0, alias: 1, province: 2, kota: 3, kabupaten: 4 };
const phrases = new Map<string, Phrase>();
const lowerWords = (text: string) => text.toLowerCase().match(WORD) ?? [];

function addPhrase(text: string, place: Place | null, rank: number, bare: boolean): void {
  const words = lowerWords(text);
  const key = words.join(' ');
  if (bare && PREFIX_ONLY.has(key)) return;
  const existing = phrases.get(key);
  if (existing && existing.rank <= rank) return;
  phrases.set(key, { words, place, rank, bare, capitalised: bare && CAPITALISED_ONLY.has(key) });
}

function addNames(place: Place, bare: string, rank: number): void {
  const prefixes = place.kind === 'province' ? PREFIXES.province : KOTA.has(place.code) ? PREFIXES.kota : PREFIXES.kabupaten;
  for (const prefix of prefixes) addPhrase(`${prefix} ${bare}`, place, rank, false);
  addPhrase(bare, place, rank, true);
}

for (const text of cues('not-place')) addPhrase(text, null, RANK.notPlace, false);
for (const place of PLACES.values()) {
  if (place.kind === 'province') {
    addNames(place, place.name, RANK.province);
    // Hashtags write a province as one word: #JawaTimur, #NusaTenggaraBarat.
    if (place.name.includes(' ')) addPhrase(place.name.replace(/ /g, ''), place, RANK.province, true);
  } else {
    const rank = KOTA.has(place.code) ? RANK.kota : RANK.kabupaten;
    addPhrase(place.name, place, rank, false);
    addNames(place, place.name.replace(/^(Kabupaten|Kota) (Administrasi )?/, ''), rank);
  }
}

const aliases = new Set<string>();
for (const [alias, kind, code] of readLexicon('place-aliases.tsv')) {
  if (alias === 'alias') continue;
  const place = code === undefined ? undefined : PLACES.get(code);
  if (!alias || !place || place.kind !== kind) throw new Error(`lexicons/place-aliases.tsv: "${alias}" → ${kind} ${code} is not in idn-area-data`);
  if (aliases.has(alias.toLowerCase())) throw new Error(`lexicons/place-aliases.tsv: "${alias}" is listed twice`);
  aliases.add(alias.toLowerCase());
  addNames(place, alias, RANK.alias);
}

/** The phrases as a trie of words, so a position costs one lookup per word however many names share it. */
interface Node {
  next: Map<string, Node>;
  phrase?: Phrase;
}
const ROOT: Node = { next: new Map() };
for (const phrase of phrases.values()) {
  let node = ROOT;
  for (const word of phrase.words) {
    let child = node.next.get(word);
    if (!child) node.next.set(word, (child = { next: new Map() }));
    node = child;
  }
  node.phrase = phrase;
}

export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/** One place name as written. first/last index the words; start/end are offsets in the text. */
export interface NameHit {
  place: Place;
  first: number;
  last: number;
  start: number;
  end: number;
  matched: string;
  /** Written without a "Kota"/"Kabupaten"/"Provinsi" prefix or official full name. */
  bare: boolean;
  /** A bare name that is also an everyday word (CAPITALISED_ONLY). */
  everydayWord: boolean;
  /** A bare name that is as often something else (needs-context in lexicons/places-cues.tsv). */
  needsContext: boolean;
}

export const startsLowerCase = (word: Word) => word.text[0]! !== word.text[0]!.toUpperCase();
export const startsUpperCase = (word: Word) => word.text[0]! !== word.text[0]!.toLowerCase();

function joined(text: string, a: Word, b: Word): boolean {
  return (ABBREVIATIONS.has(a.lower) ? GAP_AFTER_ABBREVIATION : GAP).test(text.slice(a.end, b.start));
}

/**
 * What a word may start, looked up once per word of a text: a name (its trie node), or a street or a district's
 * name before which a place name is not a place (STREET, SUBUNIT). Most words start neither and have no entry.
 */
interface Start {
  node: Node | undefined;
  skipsName: boolean;
}
const STARTS = new Map<string, Start>();
for (const [word, node] of ROOT.next) STARTS.set(word, { node, skipsName: false });
for (const word of [...STREET, ...SUBUNIT]) STARTS.set(word, { node: ROOT.next.get(word), skipsName: true });

/** The longest phrase starting at words[i] (whose trie node is `node`), if any. */
function phraseAt(text: string, words: Word[], i: number, node = words[i] && ROOT.next.get(words[i]!.lower)): Phrase | undefined {
  let best: Phrase | undefined;
  let capitalised = true;
  for (let k = i; node; k++) {
    capitalised &&= !startsLowerCase(words[k]!);
    if (node.phrase && (capitalised || !node.phrase.capitalised)) best = node.phrase;
    const next = words[k + 1];
    node = next && joined(text, words[k]!, next) ? node.next.get(next.lower) : undefined;
  }
  return best;
}

/** The text's words: runs of letters, marks and numbers (WORD), found by a loop over the characters. */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const cp = codePointAt(text, i);
    if (charClass(cp) & (LETTER | MARK | NUMBER)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(wordAt(text, start, i));
      start = -1;
    }
    i += cp >= 0x10000 ? 2 : 1;
  }
  if (start >= 0) words.push(wordAt(text, start, text.length));
  return words;
}

function wordAt(text: string, start: number, end: number): Word {
  const word = text.slice(start, end);
  return { text: word, lower: word.toLowerCase(), start, end };
}

/** Every place name in the text, in order; words are the text's words the hits index. */
export function scanPlaceNames(text: string, words = splitWords(text)): NameHit[] {
  const hits: NameHit[] = [];
  for (let i = 0; i < words.length; ) {
    const word = words[i]!;
    const start = STARTS.get(word.lower);
    if (start?.skipsName) {
      let next = i + 1;
      if (words[next]?.lower === 'raya' && joined(text, words[next - 1]!, words[next]!)) next++;
      const skipped = next < words.length && joined(text, words[next - 1]!, words[next]!) ? phraseAt(text, words, next) : undefined;
      if (skipped) {
        i = next + skipped.words.length;
        continue;
      }
    }
    const phrase = start?.node && phraseAt(text, words, i, start.node);
    if (!phrase) {
      i++;
      continue;
    }
    const first = i;
    const last = i + phrase.words.length - 1;
    i = last + 1;
    if (!phrase.place) continue;
    const key = phrase.words.join(' ');
    hits.push({
      place: phrase.place,
      first,
      last,
      start: word.start,
      end: words[last]!.end,
      matched: text.slice(word.start, words[last]!.end),
      bare: phrase.bare,
      everydayWord: phrase.bare && CAPITALISED_ONLY.has(key),
      needsContext: phrase.bare && NEEDS_CONTEXT.has(key),
    });
  }
  return hits;
}
