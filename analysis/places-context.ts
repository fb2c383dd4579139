import { cues, startsLowerCase, startsUpperCase, type NameHit, type Word } from './places-names.js';

/**
 * Whether a place name, where it stands, says what the story is about. Two readings of the text:
 *
 * - its layout (readLayout): the headline, the dateline ("JAKARTA, KOMPAS.com -", "Jakarta (ANTARA) -"), the
 *   outlet's boilerplate ("Baca juga: …" lines, "Pewarta:/Editor:" and "Artikel ini telah tayang…" footers,
 *   addresses) and the lead, the first words of the story, where news writing puts what happened and where;
 * - the words around each name (judgeHit): a dish or product ("nasi Padang", "khas Bandung"), an organisation,
 *   club or outlet named after the place ("Bank Jateng", "Universitas Airlangga Surabaya", "Persib Bandung",
 *   "Bali Post", "Pos-Kupang.com"), a declaration ("Deklarasi Bali"), where something was said ("kata Usman
 *   dalam diskusi daring di Jakarta, Kamis"; "dalam konferensi pers di Graha BNPB, Jakarta") or where the
 *   national government sits ("di Istana Merdeka, Jakarta"), a district inside another province's city
 *   ("Kuningan, Jakarta Selatan"), and names that are as often a word or a person (they need their province
 *   named some other way too). The cue words are data: lexicons/places-cues.tsv.
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

const FOOD = cues('food');
const ORGANISATION = cues('organisation');
const ORGANISATION_UNIT = cues('organisation-unit');
const CLUB = cues('club');
const MEDIA_BEFORE = cues('media-before');
const MEDIA_AFTER = cues('media-after');
const DOCUMENT = cues('document');
const ORIGIN = cues('origin');
const SPEECH = cues('speech');
const PRESS = cues('press');
const FILLER = cues('filler');
const NATIONAL_SEAT = cues('national-seat');
const CLUB_SHAPE = /^(Pers[a-z]{1,8}|PS[A-Z]{1,4})$/;
const HONORIFIC = cues('honorific');
const DAYS = new Set(['senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu', 'ahad']);
for (const day of ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']) DAYS.add(day);
/** What may follow where something was said: "di Jakarta pada Senin", "… bahwa …", "in Jakarta on Monday". */
const AFTER_VENUE = new Set(['pada', 'hari', 'bahwa', 'tadi', 'kemarin', 'pagi', 'siang', 'sore', 'malam', 'beberapa', 'sejak', 'on', 'that']);
const VENUE_PREPOSITIONS = new Set(['di', 'dari', 'in', 'at', 'from']);

/**
 * "JAKARTA, KOMPAS.com -", "Jakarta (ANTARA) -", "TEMPO.CO, Jakarta -", "Bandung -", "Jakarta, CNN Indonesia --",
 * "Jakarta:" (Medcom), "Jakarta. " (Jakarta Globe).
 */
const DATELINE = /^[ \t]*([^\n]{1,80}?)(?:[ \t]+[-–—]{1,2}|[ \t]*--|:|\.)(?=[ \t]|$)/;
const BOILERPLATE = new RegExp(
  '^\\W*(?:(?:baca|lihat|simak|tonton|saksikan) (?:juga|pula|selengkapnya)|baca:|artikel ini (?:telah|sudah) (?:tayang|terbit)|' +
    'berita terkait|artikel terkait|dapatkan (?:update|informasi|berita)|ikuti (?:berita|kami|update|juga)|download aplikasi|unduh aplikasi|' +
    '(?:pewarta|editor|penulis|reporter|redaktur|penyunting|kontributor|sumber|foto|video|grafis|alamat|kantor redaksi|telp|telepon|email|e-mail)\\s*:|' +
    '(?:tag|tags|topik|kata kunci)\\s*:|copyright|hak cipta|©|\\d[\\d.]* kali dilihat|di ?baca \\d)',
  'i',
);
/** After these the rest of a story is its footer. */
const FOOTER = /^\W*(?:pewarta|editor|redaktur|penyunting)\s*:|^\W*(?:copyright|hak cipta|©)|^\W*artikel ini (?:telah|sudah) (?:tayang|terbit)/i;
const ADDRESS = /\b(?:jl|jalan)\b.*(?:\b\d{5}\b|telp|telepon|fax|e-?mail|@)/i;
const WEB = /\.(?:com|co|id|net|org|go|or|ac|info|tv)\b|@|www\.|:\/\//i;
/** Between the words of a venue or an attribution: no sentence end, quote or new line. */
const SAME_CLAUSE = /^[ \t\u00a0,()/’'-]*$/;

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
  const m = DATELINE.exec(line);
  if (!m) return 0;
  const prefixStart = at + m[0].indexOf(m[1]!);
  const isPlace = hits.some((h) => h.start === prefixStart && h.end === prefixStart + m[1]!.length);
  return isDatelinePrefix(m[1]!, m[0].at(-1)!, isPlace, short) ? m[0].length : 0;
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

export const PERSON = 'a person\'s name';

export interface HitContext {
  /** Why the name is not a mention of the place, if it is not. */
  drop?: string;
  /** Counted only when the text names the same province some other way too. */
  needsSupport?: boolean;
  /** "asal Jakarta": where a person comes from. */
  origin?: boolean;
  /** "di Jakarta, Senin": the where-and-when of an event, which may be anywhere the story is not about. */
  when?: boolean;
}

const allCaps = (w: Word) => w.text.length > 1 && w.text === w.text.toUpperCase() && w.text !== w.text.toLowerCase();
const isNumber = (w: Word) => /^\p{N}/u.test(w.text);
const sentenceStart = (text: string, w: Word) => /(?:^|[.!?]|\n)[\s"“'‘(]*$/.test(text.slice(Math.max(0, w.start - 6), w.start));
const spaced = (text: string, a: Word, b: Word) => /^[ \t\u00a0]+$/.test(text.slice(a.end, b.start));

export function judgeHit(text: string, words: Word[], hits: NameHit[], index: number, layout: Layout): HitContext {
  const hit = hits[index]!;
  const before = words[hit.first - 1];
  const after = words[hit.last + 1];
  const prev = before && spaced(text, before, words[hit.first]!) ? before : undefined;
  const next = after && spaced(text, words[hit.last]!, after) ? after : undefined;

  if (WEB.test(tokenAround(text, hit.start, hit.end))) return { drop: 'web address' };
  if (prev && FOOD.has(prev.lower)) return { drop: `"${prev.text} ${hit.matched}" is a dish or product` };
  if (prev && DOCUMENT.has(prev.lower)) return { drop: 'names a document' };
  if (prev && (CLUB_SHAPE.test(prev.text) || (CLUB.has(prev.lower) && startsUpperCase(prev)))) return { drop: 'names a club' };
  if (next && CLUB.has(next.lower) && startsUpperCase(next)) return { drop: 'names a club' };
  if (prev && MEDIA_BEFORE.has(prev.lower) && startsUpperCase(prev) && !(prev.lower === 'antara' && prev.text !== 'ANTARA' && sentenceStart(text, prev))) {
    return { drop: 'names an outlet' };
  }
  if (next && MEDIA_AFTER.has(next.lower) && startsUpperCase(next)) return { drop: 'names an outlet' };
  if (insideOrganisation(text, words, hit)) return { drop: 'part of an organisation\'s name' };
  const venue = venueOf(text, words, hit);
  if (venue) return { drop: venue };
  if (isPersonName(text, words, hit)) return { drop: PERSON };

  let needsSupport = hit.needsContext;
  if (hit.needsContext) {
    const following = hits[index + 1];
    if (following && following.first === hit.last + 1 && following.place.provinceCode !== hit.place.provinceCode && /^\s*,\s*$/.test(text.slice(hit.end, following.start))) {
      return { drop: `a district of ${following.place.name}` };
    }
  }
  if (hit.everydayWord) {
    const w = words[hit.first]!;
    const inTitle = hit.start < layout.titleEnd;
    const capitalsSayNothing = sentenceStart(text, w) || (allCaps(w) && [before, after].some((n) => n && allCaps(n)));
    if ((capitalsSayNothing && !layout.short) || (inTitle && layout.titleCase)) needsSupport = true;
  }
  const origin = (prev !== undefined && ORIGIN.has(prev.lower)) || (before?.lower === 'dari' && words[hit.first - 2]?.lower === 'berasal');
  const when = hit.bare && prev?.lower === 'di' && after !== undefined && isDayAfter(text, words, hit);
  return { needsSupport, origin, when };
}

/** "Irjen Pol Teddy Minahasa", "Asep Garut (45)": a bare regency name as a surname. */
function isPersonName(text: string, words: Word[], hit: NameHit): boolean {
  if (!hit.bare || hit.place.kind !== 'regency') return false;
  if (/^ \(\d{1,3}(?: tahun)?\)/.test(text.slice(hit.end, hit.end + 12)) && startsUpperCase(words[hit.first - 1] ?? words[hit.first]!)) return true;
  const given = words[hit.first - 1];
  if (!given || !spaced(text, given, words[hit.first]!) || !startsUpperCase(given) || HONORIFIC.has(given.lower)) return false;
  for (let j = hit.first - 2, steps = 0; j >= 0 && steps < 2; j--, steps++) {
    const w = words[j]!;
    if (!/^[ \t\u00a0.]+$/.test(text.slice(w.end, words[j + 1]!.start))) return false;
    if (HONORIFIC.has(w.lower)) return true;
    if (!startsUpperCase(w)) return false;
  }
  return false;
}

/** "Jakarta, Senin", "Jakarta pada Senin", "Jakarta, Jumat (5/11)". */
function isDayAfter(text: string, words: Word[], hit: NameHit): boolean {
  const next = words[hit.last + 1]!;
  const gap = text.slice(hit.end, next.start);
  if (/^\s*,\s*$/.test(gap)) return DAYS.has(next.lower);
  return /^\s+$/.test(gap) && next.lower === 'pada' && DAYS.has(words[hit.last + 2]?.lower ?? '');
}

function tokenAround(text: string, start: number, end: number): string {
  let a = start;
  let b = end;
  while (a > 0 && !/\s/.test(text[a - 1]!)) a--;
  while (b < text.length && !/\s/.test(text[b]!)) b++;
  return text.slice(a, b);
}

/** "Bank Jateng", "PT Semen Padang", "Universitas Negeri Semarang"; not "Bank Indonesia Perwakilan Jawa Timur". */
function insideOrganisation(text: string, words: Word[], hit: NameHit): boolean {
  for (let j = hit.first - 1, steps = 0; j >= 0 && steps < 6; j--, steps++) {
    const w = words[j]!;
    if (!/^[ \t\u00a0()]+$/.test(text.slice(w.end, words[j + 1]!.start)) || !(startsUpperCase(w) || isNumber(w))) return false;
    if (ORGANISATION_UNIT.has(w.lower)) return false;
    if (ORGANISATION.has(w.lower)) return true;
  }
  return false;
}

/**
 * Where something was said or held rather than what it is about: the name ends a "di …" or "dari …" phrase of
 * capitalised words and venue words that an attribution or press event leads to ("kata X saat ditemui di Balai
 * Kota Bogor, Kamis"; "dalam keterangan tertulis di Jayapura, Senin"), or, for Jakarta, that names a national
 * institution's building ("di Istana Merdeka, Jakarta"). The phrase must end there (a comma, a day, "pada",
 * "bahwa", the end of the sentence), not run on into a clause ("kata dia, di Jakarta harga naik").
 */
function venueOf(text: string, words: Word[], hit: NameHit): string | undefined {
  let nationalSeat = false;
  let j = hit.first - 1;
  for (let steps = 0; ; j--, steps++) {
    if (j < 0 || steps > 10 || !SAME_CLAUSE.test(text.slice(words[j]!.end, words[j + 1]!.start))) return undefined;
    const w = words[j]!;
    if (VENUE_PREPOSITIONS.has(w.lower)) break;
    if (!(startsUpperCase(w) || isNumber(w) || FILLER.has(w.lower))) return undefined;
    if (NATIONAL_SEAT.has(w.lower) || w.lower.startsWith('kemen')) nationalSeat = true;
  }
  if (!venueEnds(text, words, hit)) return undefined;
  if (nationalSeat && hit.place.provinceCode === '31') return 'where the national government sits';
  for (let k = j - 1, steps = 0; k >= 0 && steps < 14; k--, steps++) {
    const w = words[k]!;
    if (!SAME_CLAUSE.test(text.slice(w.end, words[k + 1]!.start))) return undefined;
    if (SPEECH.has(w.lower) || PRESS.has(w.lower)) return 'where it was said (press venue)';
    if (!(startsUpperCase(w) || isNumber(w) || FILLER.has(w.lower))) return undefined;
  }
  return undefined;
}

function venueEnds(text: string, words: Word[], hit: NameHit): boolean {
  for (let m = hit.last, steps = 0; steps < 6; m++, steps++) {
    const next = words[m + 1];
    if (!next) return true;
    const gap = text.slice(words[m]!.end, next.start);
    if (/[.,!?;"“”(\n]/.test(gap)) return true;
    if (DAYS.has(next.lower) || AFTER_VENUE.has(next.lower)) return true;
    if (!(startsUpperCase(next) || isNumber(next))) return false;
  }
  return false;
}
