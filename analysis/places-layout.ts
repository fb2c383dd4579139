import { startsLowerCase, type NameHit, type Word } from './places-names.js';

/**
 * How a text is laid out, as news is written: the headline, the dateline ("JAKARTA, KOMPAS.com -", "Jakarta
 * (ANTARA) -"), the outlet's boilerplate ("Baca juga: …" lines, "Pewarta:/Editor:" and "Artikel ini telah
 * tayang…" footers, tags, addresses) and the lead, the story's first paragraph, where it says what happened and
 * where. A place named in a dateline or boilerplate is not a mention (places.ts); one in the headline or the
 * lead weighs more.
 */
export type Zone = 'title' | 'lead' | 'body';

export interface Layout {
  /** End of the headline in the text; 0 when there is none. */
  titleEnd: number;
  /** Datelines and boilerplate, in order. */
  skipped: { start: number; end: number; why: 'dateline' | 'boilerplate' }[];
  /** End of the lead: the story's first paragraph after the dateline. */
  leadEnd: number;
  /** Words outside the headline, datelines and boilerplate. */
  storyWords: number;
  titleCase: boolean;
  /** A post rather than a story: fewer than SHORT_TEXT_WORDS words outside the headline and boilerplate. */
  short: boolean;
}

/**
 * The lead is the story's first paragraph, where news writing says what happened and where: it ends with the
 * paragraph that reaches LEAD_MIN_WORDS (a dateline alone on its line is not one), or at LEAD_MAX_WORDS in
 * text without paragraphs.
 */
const LEAD_MIN_WORDS = 20;
/** Below this many words a text is a post (a tweet is up to about 50): every place it names counts. */
export const SHORT_TEXT_WORDS = 80;
const LEAD_MAX_WORDS = 60;
/** A headline is one short paragraph before the story (a lead is longer: 20 to 50 words). */
const TITLE_MAX_WORDS = 16;

/**
 * "JAKARTA, KOMPAS.com -", "Jakarta (ANTARA) -", "TEMPO.CO, Jakarta -", "Bandung -", "Jakarta, CNN Indonesia --",
 * "KONTAN.CO.ID - JAKARTA.", "Jakarta:" (Medcom), "Jakarta. " (Jakarta Globe).
 */
const DATELINE = /^[ \t]*([^\n]{1,80}?)(?:[ \t]+[-–—]{1,2}|[ \t]*--|:|\.)(?=[ \t]|$)/;
/** A press release's "Jakarta, 12 Oktober 2022" on its own line. */
const RELEASE_DATELINE = /^[ \t]*\p{Lu}[\p{L} .]{2,40},[ \t]*\d{1,2}[ \t]+\p{L}+[ \t]+\d{4}[ \t]*$/u;
const BOILERPLATE = new RegExp(
  '^\\W*(?:laporan (?:wartawan|reporter|kontributor)|(?:baca|lihat|simak|tonton|saksikan) (?:juga|pula|selengkapnya)|baca:|artikel ini (?:telah|sudah) (?:tayang|terbit)|' +
    'berita terkait|artikel terkait|dapatkan (?:update|informasi|berita)|ikuti (?:berita|kami|update|juga)|download aplikasi|unduh aplikasi|' +
    '(?:pewarta|editor|penulis|reporter|redaktur|penyunting|kontributor|sumber|foto|video|grafis|alamat|kantor redaksi|telp|telepon|email|e-mail)\\s*:|' +
    '(?:tag|tags|topik|kata kunci)\\s*:|copyright|hak cipta|©|\\d[\\d.]* kali dilihat|di ?baca \\d)',
  'i',
);
/** After these the rest of a story is its footer. */
const FOOTER = /^\W*(?:pewarta|editor|redaktur|penyunting)\s*:|^\W*(?:copyright|hak cipta|©)|^\W*artikel ini (?:telah|sudah) (?:tayang|terbit)/i;
const ADDRESS = /\b(?:jl|jalan)\b.*(?:\b\d{5}\b|telp|telepon|fax|e-?mail|@)/i;

/** Day names, Indonesian and English: "di Jakarta, Senin" says when and where something was said or held. */
export const DAYS = new Set(['senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu', 'ahad']);
for (const day of ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']) DAYS.add(day);

const wordCount = (s: string) => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

export function readLayout(text: string, words: Word[], hits: NameHit[], titleEnd?: number): Layout {
  let titleStart = titleEnd ?? 0;
  if (titleEnd === undefined) {
    const split = /\n[ \t]*\n/.exec(text);
    const first = split ? text.slice(0, split.index) : '';
    const count = wordCount(first);
    const firstWords = words.filter((w) => split && w.end <= split.index);
    // a headline is one sentence without a date; a comma in it only in Title Case ("Longsor di Garut, Ratusan Mengungsi")
    const headlineShape = !/[.!?]\s+\S|\(\d/.test(first.trim()) && (!first.includes(',') || isTitleCase(firstWords));
    const headline = count > 0 && count <= TITLE_MAX_WORDS && headlineShape && !BOILERPLATE.test(first);
    if (split && headline && !datelineLength(first, 0, hits, false) && text.slice(split.index).trim()) {
      titleStart = split.index;
    }
  }
  const skipped: Layout['skipped'] = [];
  const shortish = words.filter((w) => w.start >= titleStart).length < SHORT_TEXT_WORDS;
  let storyLines = 0;
  for (let at = titleStart, lineEnd: number; at < text.length; at = lineEnd + 1) {
    lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(at, lineEnd);
    if (!line.trim()) continue;
    if (FOOTER.test(line) && at > text.length * 0.4) {
      skipped.push({ start: at, end: text.length, why: 'boilerplate' });
      break;
    }
    if (BOILERPLATE.test(line) || ADDRESS.test(line)) {
      skipped.push({ start: at, end: lineEnd, why: 'boilerplate' });
      continue;
    }
    const dateline = storyLines++ < 2 ? datelineLength(line, at, hits, shortish) : 0;
    if (dateline) skipped.push({ start: at, end: at + dateline, why: 'dateline' });
  }
  let storyWords = 0;
  let leadEnd = text.length;
  let s = 0;
  words.forEach((w, i) => {
    if (w.start < titleStart) return;
    while (s < skipped.length && skipped[s]!.end <= w.start) s++;
    if (s < skipped.length && skipped[s]!.start <= w.start) return;
    storyWords++;
    if (leadEnd < text.length) return;
    const next = words[i + 1];
    const paragraphEnds = !next || text.slice(w.end, next.start).includes('\n');
    if (storyWords === LEAD_MAX_WORDS || (storyWords >= LEAD_MIN_WORDS && paragraphEnds)) leadEnd = w.end;
  });
  const titleCase = isTitleCase(words.filter((w) => w.end <= titleStart));
  return { titleEnd: titleStart, skipped, leadEnd, storyWords, titleCase, short: storyWords < SHORT_TEXT_WORDS };
}

/** Most words of four letters or more capitalised. */
function isTitleCase(words: Word[]): boolean {
  const long = words.filter((w) => w.text.length > 3);
  return long.length > 1 && long.filter((w) => !startsLowerCase(w)).length >= long.length * 0.7;
}

/** The length of the dateline the line (at offset `at` in the text) starts with; 0 when it has none. */
function datelineLength(line: string, at: number, hits: NameHit[], short: boolean): number {
  if (RELEASE_DATELINE.test(line)) return line.length;
  let length = 0;
  // "KONTAN.CO.ID - JAKARTA. Harga …": an outlet, then the place
  for (let round = 0; round < 2; round++) {
    const m = DATELINE.exec(line.slice(length));
    if (!m) break;
    const prefixStart = at + length + m[0].indexOf(m[1]!);
    const isPlace = hits.some((h) => h.start === prefixStart && h.end === prefixStart + m[1]!.length);
    if (!isDatelinePrefix(m[1]!, m[0].at(-1)!, isPlace, short)) break;
    length += m[0].length;
  }
  return length;
}

/**
 * A dateline's words are place names and the outlet: capitalised, an address ("KOMPAS.com"), or "(ANTARA)".
 * Before a colon or a full stop there is only a place name ("Jakarta:", "Jakarta."). A post that starts
 * "Bandung - macet lagi" has no dateline: in a short text the outlet must be there ("Bandung, detikJabar -").
 */
function isDatelinePrefix(prefix: string, separator: string, isPlace: boolean, short: boolean): boolean {
  const tokens = prefix.split(/[\s,()]+/).filter(Boolean);
  if (separator === '.') return isPlace && tokens.length === 1 && /^\p{Lu}\p{L}{4,}$/u.test(tokens[0]!);
  if (separator === ':') return isPlace && /^\p{Lu}/u.test(prefix);
  if (!tokens.length || tokens.length > 7 || (short && !/[.,(]/.test(prefix))) return false;
  return tokens.every((t) => /\p{Lu}/u.test(t) || /\.\p{L}/u.test(t) || /^[\d/.-]+$/.test(t));
}

export function zoneOf(layout: Layout, hit: NameHit): Zone {
  return hit.start < layout.titleEnd ? 'title' : hit.start < layout.leadEnd ? 'lead' : 'body';
}

export function skippedAs(layout: Layout, hit: NameHit): 'dateline' | 'boilerplate' | undefined {
  return layout.skipped.find((r) => r.start <= hit.start && hit.start < r.end)?.why;
}
