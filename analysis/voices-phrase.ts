import { createRequire } from 'node:module';
import { PLACES, WORDS, isDegree, isInitial, tokenize, vocabAt, type Tok } from './voices-lexicon.js';
import { classifyRole } from './voices-type.js';

/**
 * A speaker phrase split into the person's name and the role around it. "Kapolres Bogor AKBP Rio Wahyu Anggoro"
 * is Rio Wahyu Anggoro with the role "Kapolres Bogor AKBP"; "Darto, nelayan di Bontang" is Darto, "nelayan di
 * Bontang"; "Brotoseno bergurau" and "Smith usai laga tersebut" are Brotoseno and Smith. The role words come
 * first (titles, institutions, fields of office, one place after them), then the name: capitalised words up to
 * a lower-case word, an age "(44)" or a degree. A run of capitalised words followed by more role words was an
 * institution's name ("Pertamina Patra Niaga Regional Jawa"), not the person's.
 *
 * A phrase with no name is one of: a pronoun ("dia", "ia", "beliau"), a descriptor pointing back to someone
 * ("Pria berusia 44 tahun ini", "pelatih asal Serbia itu"), an unnamed person ("seorang pedagang"), an office
 * ("Kepala Dinas Kominfo Kaltim"), or no person at all (an institution, an outlet, a place, an account label).
 */
export type PhraseKind = 'named' | 'pronoun' | 'descriptor' | 'anonymous' | 'office' | 'none';
export interface Phrase {
  kind: PhraseKind;
  text: string;
  name: string | null;
  honorific: string | null;
  /** Role text around the name, each a phrase to type from (prefix, appositions). */
  roles: string[];
  /** A nickname this phrase gives ("yang akrab disapa Kiki"), or true when it says it is one ("sapaan akrabnya"). */
  alias: string | true | null;
  /** The full name this phrase says it is the nickname of ("sapaan akrab Friderica"). */
  aliasOf?: string;
  /** The name comes after a verb: someone the clause is about, not its subject ("menuntut mantan Kadis X, Arif"). */
  object?: boolean;
  age: boolean;
}

const require = createRequire(import.meta.url);
const iso = require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;
const FUNCTION_WORDS = new Set(iso.id ?? []);
const PRONOUNS = new Set(['dia', 'ia', 'beliau', 'dirinya']);
const NOT_A_NAME = new Set(
  ('senin selasa rabu kamis jumat sabtu minggu ahad januari februari maret april mei juni juli agustus september oktober ' +
    'november desember hal tahun pukul wib wita wit tuhan allah alhamdulillah insyaallah ' +
    'covid-19 covid korea g20 ktt lebaran idulfitri natal ramadan').split(' '),
);
const PARTICLES = new Set(['bin', 'binti', 'van', 'de', 'der', 'von', 'al', 'el', 'da', 'dos', 'del', 'la', 'le', 'ten', 'ter']);
const DEMONSTRATIVE = /(?:^|\s)(?:ini|itu|tersebut)$/i;
const ALIAS = /(?:(?:yang\s+)?(?:akrab|biasa|kerap|sering)\s+(?:di)?(?:sapa|panggil|disapa|dipanggil)\s+|(?:dengan\s+)?panggilan\s+|(?<=\p{Lu}\p{L}*\s+)atau\s+(?=\p{Lu}\p{L}*$))(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)?)/u;
/** "Kiki, sapaan akrab Friderica": this name is the nickname of another. */
const ALIAS_OF = /^(?:sapaan|panggilan)\s+(?:akrab|karib)\s+(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*)$/u;
const ALIAS_SELF = /^(?:sapaan\s+akrab(?:nya)?|panggilan\s+akrab(?:nya)?|(?:begitu|demikian)\s+(?:ia|dia|beliau)\s+(?:biasa\s+|akrab\s+|kerap\s+)?(?:disapa|dipanggil)|(?:begitu|demikian)\s+[\p{L}\s-]{1,30}\s+(?:memanggil|menyapa)nya|nama\s+lengkapnya)$/iu;

const isCapWord = (t: Tok) => t.cap && !t.acronym && !t.paren && !t.numeric && !isDegree(t) && /\p{Ll}/u.test(t.text);
/** Lower-case words after which capitalised words name a place ("asal Cimahi", "di Garut", "tujuan Yogyakarta"). */
const BEFORE_PLACE = new Set(['warga', 'penduduk', 'masyarakat', 'asal', 'di', 'dari', 'ke', 'tujuan', 'dekat', 'sekitar', 'kawasan', 'wilayah', 'daerah', 'kampung', 'desa', 'kota', 'kabupaten', 'pulau', 'pasar', 'jalan', 'kelurahan', 'kecamatan', 'provinsi', 'luar', 'negeri', 'dusun']);
/** Words that join the words of an institution's name ("Institute for Development of Economics and Finance"). */
const JOINING = new Set(['of', 'for', 'on', 'and', 'the', 'dan', 'untuk', '&', 'de', 'la', 'des', 'du', 'in']);
/** Titles that are also family names ("Arif Rahman Hakim"): at the end of a name they stay in it. */
const NAME_TITLES = new Set(['hakim', 'raja', 'ratu', 'sultan', 'pangeran', 'mayor', 'kolonel']);
export const VERB = /^(?:me|di)\p{Ll}{3,}$/u;
const BALINESE = /^(?:I|Ni)$/;

/** Skips an institution's or a place's capitalised name from i (with its joining words); returns where it ends. */
function skipProperName(toks: Tok[], i: number): number {
  let k = i;
  while (k < toks.length && ((isCapWord(toks[k]!) && (!vocabAt(toks, k) || vocabAt(toks, k)!.kind === 'namefield')) || (k > i && JOINING.has(toks[k]!.lower) && toks[k + 1] && isCapWord(toks[k + 1]!)))) k++;
  return k;
}

/** Where the role words end and the name begins, token by token. */
function splitName(toks: Tok[]) {
  let i = 0;
  let group = false;
  let honorific: string | null = null;
  let placeTaken = false;
  let lastWasRole = false;
  let skipNext = false;
  while (i < toks.length) {
    const t = toks[i]!;
    const next = toks[i + 1];
    if (BALINESE.test(t.text) && next && isCapWord(next)) break; // "I Wayan Sukadana", "Ni Luh Putu Ariani"
    const word = WORDS.at(toks, i);
    if (word?.value === 'honorific' && (t.cap || t.text.endsWith('.')) && next && (isCapWord(next) || WORDS.at(toks, i + word.len)?.value === 'honorific')) {
      honorific = toks.slice(i, i + word.len).map((x) => x.text).join(' ');
      i += word.len;
      // "Dr. H. Ahmad Syafii", "Prof. Dr. Ir. Budi": titles in a row.
      for (let w = WORDS.at(toks, i); w?.value === 'honorific' && toks[i + w.len] && isCapWord(toks[i + w.len]!); w = WORDS.at(toks, i)) i += w.len;
      break;
    }
    const v = vocabAt(toks, i);
    if (v?.kind === 'group') group = true;
    if (v && v.kind !== 'namefield') {
      i += v.len;
      lastWasRole = v.kind === 'term' || v.kind === 'field' || v.kind === 'place';
      // "PT Gema Pentas Nusantara", "band Senandung", "Kampung Babakan": the words after a marker name the institution or place.
      skipNext = (v.kind === 'term' && v.term.marker) || v.kind === 'location' || skipNext;
      continue;
    }
    if (isCapWord(t) || v?.kind === 'namefield') {
      if (skipNext) {
        const end = Math.max(i + 1, skipProperName(toks, i));
        // "Bank Permata Josua Pardede", "PT Maju Jaya Budi Santoso": three capitals or more after a marker, up to the
        // end of the phrase, are the institution and then a two-word name.
        const tail = end === toks.length || (!toks[end]!.cap && !toks[end]!.paren);
        i = end - i >= 3 && tail && !BEFORE_PLACE.has(toks[i - 1]?.lower ?? '') && WORDS.at(toks, i - 1)?.value !== 'location' ? end - 2 : end;
        skipNext = false;
        lastWasRole = true;
        continue;
      }
      // One place right after a title or an office: "Bupati Purworejo Yuli Hastuti", "Dinas … Bontang Aji".
      const place = lastWasRole && !placeTaken ? PLACES.at(toks, i) : null;
      if (place) {
        placeTaken = true;
        i += place.len;
        lastWasRole = false;
        continue;
      }
      break;
    }
    skipNext = BEFORE_PLACE.has(t.lower) || (skipNext && JOINING.has(t.lower));
    lastWasRole = false;
    i++;
  }
  // The name runs over capitalised words. Role words inside the run with more capitalised words after them
  // mean the run so far named an institution ("Pertamina Patra Niaga Regional Jawa"): start again after them.
  let start = i;
  let k = i;
  let trailingRole = false;
  while (k < toks.length) {
    const t = toks[k]!;
    if (k === start && isCapWord(t) && FUNCTION_WORDS.has(t.lower)) break;
    const v = vocabAt(toks, k);
    const nameWord = (k === start && BALINESE.test(t.text) && toks[k + 1] && isCapWord(toks[k + 1]!)) || (isCapWord(t) && (!v || v.kind === 'namefield' || (v.kind === 'place' && k > start))) || (k > start && (isInitial(t) || PARTICLES.has(t.lower))) || (k === start && isInitial(t));
    if (nameWord) {
      k++;
      continue;
    }
    // "Badan Kebijakan Fiskal (BKF)": a name followed by its acronym was an institution's.
    if (k > start && t.paren && t.acronym) {
      k++;
      while (k < toks.length && vocabAt(toks, k) && vocabAt(toks, k)!.kind !== 'namefield') k += vocabAt(toks, k)!.len;
      start = k;
      continue;
    }
    if (k > start && v && v.kind !== 'group' && (t.cap || t.acronym || t.numeric) && !t.paren && !isDegree(t)) { // "KAI Daop 8 Surabaya Luqman"
      let after = k;
      while (after < toks.length && vocabAt(toks, after) && vocabAt(toks, after)!.kind !== 'namefield') after += vocabAt(toks, after)!.len;
      const more = after < toks.length && isCapWord(toks[after]!);
      if (!more && v.len === 1 && NAME_TITLES.has(t.lower) && after === k + 1) {
        k++;
        continue;
      }
      if (!more) {
        trailingRole = v.kind !== 'term' || v.term.kind.startsWith('inst'); // "Patra Niaga Regional", not "Budi Ketua RT"
        break;
      }
      const place = PLACES.at(toks, after); // "… Daop 8 Surabaya Luqman Arif"
      if (place && toks[after + place.len] && isCapWord(toks[after + place.len]!)) after += place.len;
      k = start = after;
      continue;
    }
    break;
  }
  // "Laporan itu", "Pria ini": a word before a demonstrative is a common noun, not a name.
  const demonstrative = k < toks.length && /^(?:ini|itu|tersebut)$/.test(toks[k]!.lower);
  const named = k > start && !trailingRole && !demonstrative;
  return named ? { nameStart: start, nameEnd: k, roleEnd: start, group, honorific } : { nameStart: -1, nameEnd: -1, roleEnd: toks.length, group, honorific };
}

function validName(toks: Tok[]): boolean {
  if (!toks.length || toks.length > 6) return false;
  const words = toks.filter((t) => !isInitial(t) && !PARTICLES.has(t.lower));
  if (!words.length || words.some((t) => NOT_A_NAME.has(t.lower.replace(/[^\p{L}\d-]/gu, '')))) return false;
  if (words.length === 1 && (FUNCTION_WORDS.has(words[0]!.lower) || /^\p{Lu}\p{Ll}{2,}nya$/u.test(words[0]!.text))) return false; // "Isinya", "Akibatnya"
  if (WORDS.at(toks, 0)?.value === 'media') return false;
  // "Jakarta", "Kutai Kartanegara", "Surabaya": a place alone is not a person.
  const place = PLACES.at(toks, 0) ?? (WORDS.at(toks, 0)?.value === 'place' ? WORDS.at(toks, 0) : null);
  if (place?.len === toks.length) return false;
  return !/\.(?:com|co|id)$/i.test(toks.at(-1)!.text);
}

const parsed = new Map<string, Phrase>();

/** One comma-free part of a speaker phrase (remembered: the same parts come back within and across texts). */
export function parsePart(part: string): Phrase {
  const text = part.trim();
  const known = parsed.get(text);
  if (known) return known;
  if (parsed.size > 20_000) parsed.clear();
  const phrase = readPart(text);
  parsed.set(text, phrase);
  return phrase;
}

function readPart(text: string): Phrase {
  const phrase: Phrase = { kind: 'none', text, name: null, honorific: null, roles: [], alias: null, age: false };
  if (!text) return phrase;
  const aliasMatch = ALIAS.exec(text);
  if (ALIAS_SELF.test(text)) return { ...phrase, alias: true };
  const aliasOf = ALIAS_OF.exec(text);
  if (aliasOf) return { ...phrase, aliasOf: aliasOf[1]! };
  let toks = tokenize(aliasMatch ? text.slice(0, aliasMatch.index) : text);
  if (aliasMatch) phrase.alias = aliasMatch[1]!;
  if (toks.length === 1 && PRONOUNS.has(toks[0]!.lower)) return { ...phrase, kind: 'pronoun' };
  if (toks.some((t) => WORDS.at([t], 0)?.value === 'account' && t.cap)) return phrase;
  let split = splitName(toks);
  // "… menuntut mantan Kepala Dinas PUPR, Arif": a verb before the name ends someone else's clause.
  // ("Majelis hakim yang diketuai Dedy": the body someone heads is their role, not a clause about them.)
  const verb = toks.slice(0, split.nameStart).findLastIndex((t, k) => VERB.test(t.text) && !vocabAt(toks, k) && !/^di(?:ketuai|pimpin|wakili)$/.test(t.lower));
  const object = split.nameStart >= 0 && verb >= 0;
  if (object) {
    toks = toks.slice(verb + 1);
    split = splitName(toks);
  }
  const prefix = toks.slice(0, split.roleEnd);
  const prefixText = prefix.map((t) => t.text).join(' ');
  phrase.honorific = split.honorific;
  phrase.age = toks.some((t, k) => k >= Math.max(0, split.nameEnd) && t.paren && /^\d{1,3}$/.test(t.text));
  if (split.nameStart >= 0) {
    const name = toks.slice(split.nameStart, split.nameEnd);
    // "Pemerintah Kota Tanjung Sari", "Dinas PUPR Cianjur": after an institution and no person's title, the capitals name it.
    const first = vocabAt(prefix, 0);
    const institutionOnly = first?.kind === 'term' && first.term.kind.startsWith('inst') &&
      prefix.every((t, k) => { const v = vocabAt(prefix, k); return v?.kind !== 'term' || v.term.kind.startsWith('inst'); });
    if (validName(name) && !institutionOnly) {
      phrase.kind = 'named';
      phrase.name = name.map((t) => t.text).join(' ');
      if (object) phrase.object = true;
      const rest = toks.slice(split.nameEnd).filter((t) => !t.paren);
      const titlesOnly = prefix.every((t, k) => WORDS.at(prefix, k)?.value === 'honorific' || isInitial(t)); // "Dr. H."
      if (prefixText && (!titlesOnly || classifyRole(prefix))) phrase.roles.push(prefixText);
      // A role written after the name without a comma ("Budi Santoso Ketua RT 05") still types it.
      if (rest.length && vocabAt(rest, 0)?.kind === 'term') phrase.roles.push(rest.map((t) => t.text).join(' '));
      return phrase;
    }
  }
  const lead = split.honorific ? toks.slice(1) : toks;
  const role = classifyRole(toks);
  const personWord = toks.some((t, k) => vocabAt(toks, k)?.kind === 'person');
  // "Kependudukan dan Pencatatan Sipil Provinsi NTT": the rest of a title cut by a comma is role words only.
  const allVocab = onlyRoleWords(toks);
  if (role || personWord || phrase.age || allVocab || split.group) phrase.roles.push(text); // "Salah seorang joki"
  const head = vocabAt(lead, 0);
  const title = head?.kind === 'term' && ['official', 'generic', 'default'].includes(head.term.kind);
  if (DEMONSTRATIVE.test(text) && (role || personWord)) phrase.kind = 'descriptor';
  else if (role && split.group) phrase.kind = 'anonymous';
  // An office names one person when it says which: "Kapolres Bogor", "Kepala Dinas Kominfo Kaltim", "Pak Menteri"; a bare "Jaksa" does not.
  else if (role?.type === 'official' && title && lead[0]!.cap && (lead.length > head!.len || split.honorific)) phrase.kind = 'office';
  else if (role?.type === 'non_official' && !toks.some((t) => t.cap) && toks.length <= 3) phrase.kind = 'anonymous';
  return phrase;
}

/** Every word a role word, a place or a joining word ("Informatika dan Statistik Provinsi Sumatera Barat"). */
export function onlyRoleWords(toks: Tok[]): boolean {
  let k = 0;
  let role = false;
  while (k < toks.length) {
    const v = vocabAt(toks, k);
    const len = v?.len ?? PLACES.at(toks, k)?.len ?? (JOINING.has(toks[k]!.lower) ? 1 : 0);
    if (!len) return false;
    role ||= !!v && v.kind !== 'group';
    k += len;
  }
  return role;
}
