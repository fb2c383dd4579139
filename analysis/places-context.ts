import { DAYS, type Layout } from './places-layout.js';
import { cues, startsUpperCase, type NameHit, type Word } from './places-names.js';

/**
 * Whether a place name, by the words around it, is a mention of the place (judgeHit): not when it is a dish or
 * product ("nasi Padang", "khas Bandung"), an organisation, club or outlet named after the place ("Bank Jateng",
 * "Universitas Airlangga Surabaya", "Persib Bandung", "Bali Post", "Pos-Kupang.com"), a declaration ("Deklarasi
 * Bali"), where something was said ("kata Usman dalam diskusi daring di Jakarta, Kamis"; "dalam konferensi pers
 * di Graha BNPB, Jakarta"), where the national government sits ("di Istana Merdeka, Jakarta"), a district inside
 * another province's city ("Kuningan, Jakarta Selatan") or a person's name ("Irjen Pol Teddy Minahasa"); names
 * that are as often a word or a person need their province named some other way too. The cue words are data:
 * lexicons/places-cues.tsv.
 */
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
/** What may follow where something was said: "di Jakarta pada Senin", "… bahwa …", "in Jakarta on Monday". */
const AFTER_VENUE = new Set(['pada', 'hari', 'bahwa', 'tadi', 'kemarin', 'pagi', 'siang', 'sore', 'malam', 'beberapa', 'sejak', 'on', 'that']);
const VENUE_PREPOSITIONS = new Set(['di', 'dari', 'in', 'at', 'from']);

const WEB = /\.(?:com|co|id|net|org|go|or|ac|info|tv)\b|@|www\.|:\/\//i;
/** Between the words of a venue or an attribution: no sentence end, quote or new line. */
const SAME_CLAUSE = /^[ \t\u00a0,()/’'-]*$/;

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
