import { MONTH_WORDS } from './dates.js';

/** Words that say how often a page was read, in Indonesian and English. */
const READ_WORDS = '(?:dilihat|di\\s?lihat|dibaca|di\\s?baca|views?|viewed|pembaca|tayangan|hits?|reads?)';
/** "1.481", "5,432", "1,2", "644". */
const NUMBER = '(\\d{1,3}(?:[.,]\\d{3})+|\\d+(?:[.,]\\d+)?)';
/** rb/ribu = thousand, jt/juta = million; a unit must not run on into a word ("5 menit" is no million). */
const UNIT = '(?:\\s*(rb|ribu|k|jt|juta|m)(?![a-z]))?';
const NOT_DURATION = '(?!\\s*(?:menit|detik|jam|min\\b|mins?\\b))';

// "644 kali dilihat", "1,2 rb kali dibaca", "2.3K views"
const COUNT_FIRST = new RegExp(`(?<![\\d.,])${NUMBER}${UNIT}${NOT_DURATION}\\.?\\s*(?:kali|x|×)?\\s*${READ_WORDS}\\b`, 'i');
// "Di baca 1481 kali", "dibaca: 2.300x", "Views: 5,432"
const WORD_FIRST = new RegExp(`\\b${READ_WORDS}\\s*:?\\s*${NUMBER}${UNIT}${NOT_DURATION}(?![\\d.,]*\\d)`, 'i');

/** The year that closes a date: "7 Desember 2026", "Dec 7, 2026", "07/12/2026". */
const YEAR_OF_DATE = new RegExp(`(?:\\b(?:${MONTH_WORDS})\\.?\\s+(?:\\d{1,2},?\\s+)?|\\d{1,2}[/.-]\\d{1,2}[/.-])$`, 'i');

/**
 * "644 kali dilihat", skipping a year that closes a date right before a counter written word first:
 * "Senin, 7 Desember 2026 / Dibaca 1.234 kali" counts 1,234, not 2026.
 */
const COUNT_FIRST_ALL = new RegExp(COUNT_FIRST.source, 'gi');
function countFirst(flat: string): RegExpExecArray | null {
  const re = COUNT_FIRST_ALL;
  re.lastIndex = 0;
  for (let m = re.exec(flat); m; m = re.exec(flat)) {
    const isYear = /^(?:19|20)\d\d$/.test(m[1]!) && YEAR_OF_DATE.test(flat.slice(Math.max(0, m.index - 30), m.index));
    if (!isYear) return m;
    re.lastIndex = m.index + m[1]!.length;
  }
  return null;
}

const HAS_DIGIT = /\d/;
/** A part of every word in READ_WORDS. */
const READ_WORD_PART = /lihat|baca|view|tayangan|hit|read/i;

const MULTIPLIERS: Record<string, number> = { rb: 1e3, ribu: 1e3, k: 1e3, jt: 1e6, juta: 1e6, m: 1e6 };

/**
 * The view count a page shows: "644 kali dilihat", "Di baca 1481 kali", "Dibaca 1.481 kali", "dibaca: 2.300x",
 * "1,2 rb kali dibaca", "Views: 5,432". Null when the text holds no counter.
 */
export function parseViewCount(text: string): number | null {
  // Both forms need a digit and a read word: most texts have neither, and are ruled out without the two patterns.
  if (!HAS_DIGIT.test(text) || !READ_WORD_PART.test(text)) return null;
  const flat = text.replace(/\s+/g, ' ');
  const matches = [countFirst(flat), WORD_FIRST.exec(flat)].filter((m): m is RegExpExecArray => m !== null);
  const first = matches.sort((a, b) => a.index - b.index)[0];
  if (!first) return null;
  const unit = first[2]?.toLowerCase();
  const value = readNumber(first[1]!, unit !== undefined) * (unit ? (MULTIPLIERS[unit] ?? 1) : 1);
  return Number.isFinite(value) ? Math.round(value) : null;
}

/**
 * Indonesian writes thousands with "." and decimals with ","; English the other way round. Groups of exactly
 * three digits are thousands either way; with a unit ("1,2 rb", "1.5 jt") a single separator is a decimal point.
 */
function readNumber(raw: string, hasUnit: boolean): number {
  const separators = raw.match(/[.,]/g) ?? [];
  if (separators.length === 0) return Number(raw);
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(raw) && !(hasUnit && separators.length === 1)) return Number(raw.replace(/[.,]/g, ''));
  const last = Math.max(raw.lastIndexOf('.'), raw.lastIndexOf(','));
  return Number(`${raw.slice(0, last).replace(/[.,]/g, '')}.${raw.slice(last + 1)}`);
}

/** The first view counter among the page's short meta/info texts. */
export function findViewCount(texts: readonly string[]): number | null {
  for (const text of texts) {
    const count = parseViewCount(text);
    if (count !== null) return count;
  }
  return null;
}
