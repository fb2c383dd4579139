import * as chrono from 'chrono-node';
import { collapseWhitespace } from './text.js';

export interface DateOptions {
  /** IANA zone for wall-clock times the page gives without a zone, e.g. 'Asia/Jakarta'. */
  timezone: string;
  /** Reference instant for relative dates and for rejecting dates in the future. */
  now: Date;
}

interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** How far past `now` a publication time may lie (clock skew between the site and us). */
const FUTURE_SLACK_MS = 5 * 60_000;
const ZONE_WORDS: Record<string, number> = { wib: 420, wita: 480, wit: 540 };

/**
 * The instant an Indonesian (or English) date text names: "Jumat, 5 November 2021 17:48 WIB",
 * "11 Oktober 2022 5:50pm", "Selasa (11/10)", "2 jam lalu", "kemarin". Texts without a zone are read
 * in `opts.timezone`; a result more than a few minutes after `opts.now` is refused.
 */
export function parseIndonesianDate(text: string, opts: DateOptions): Date | null {
  const clean = collapseWhitespace(text);
  if (!clean || NOW_WORDS.test(clean)) return null;
  const date = parseDayMonth(clean, opts) ?? parseWithChrono(clean, opts);
  return date && !isFuture(date, opts.now) ? date : null;
}

/**
 * "Baru saja", "just now", "0 menit lalu", and "hari ini"/"today" without a time of day: they name the moment
 * the page was served (or a whole day), and reading them would stamp the crawl time as the publication time.
 */
const NOW_WORDS = new RegExp(
  '\\b(?:baru saja|barusan|just now|right now|sekarang|now)\\b|\\b0\\s+(?:detik|menit|jam|seconds?|minutes?|hours?)\\b|' +
    '^(?!.*\\d{1,2}[:.]\\d{2})(?=.*\\b(?:hari ini|today)\\b)(?!.*\\d{4})',
  'i',
);

/** A machine-readable date from a meta tag or JSON-LD (ISO 8601, with or without a zone), else as free text. */
export function parseMachineDate(value: string, opts: DateOptions): Date | null {
  const v = value.trim();
  const iso = ISO.exec(v);
  let date: Date | null;
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    const wall = { year: +y!, month: +mo!, day: +d!, hour: +(h ?? 0), minute: +(mi ?? 0), second: +(s ?? 0) };
    if (!isValidDay(wall)) return null;
    const fraction = /:\d{2}(\.\d+)/.exec(v)?.[1];
    date = zone ? fromOffset(wall, offsetMinutes(zone)) : wallTimeToDate(wall, opts.timezone);
    if (fraction) date = new Date(date.getTime() + Math.round(Number(fraction) * 1000));
    if (Number.isNaN(date.getTime())) return null;
  } else {
    date = parseWithChrono(v, opts);
  }
  return date && !isFuture(date, opts.now) ? date : null;
}

/** Minutes east of UTC that `timeZone` is at `at` (DST included), from Intl. */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const w = wallTimeIn(timeZone, at);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant at which clocks in `timeZone` show `wall`. */
export function wallTimeToDate(wall: WallTime, timeZone: string): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const first = guess - zoneOffsetMinutes(timeZone, new Date(guess)) * 60_000;
  return new Date(guess - zoneOffsetMinutes(timeZone, new Date(first)) * 60_000);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallTimeIn(timeZone: string, at: Date): Readonly<WallTime> {
  let f = formatters.get(timeZone);
  if (!f) {
    const n = 'numeric' as const;
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: n, month: n, day: n, hour: n, minute: n, second: n });
    formatters.set(timeZone, f);
  }
  // A page asks for the same few instants again and again (now, a date and its midnight); formatting is the slow part.
  const t = at.getTime();
  let cache = wallTimes.get(timeZone);
  if (!cache) wallTimes.set(timeZone, (cache = new Map()));
  let wall = cache.get(t);
  if (!wall) {
    const w: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
    const seen = new Set<string>();
    for (const p of f.formatToParts(at)) {
      if (!(p.type in w) || seen.has(p.type)) continue;
      seen.add(p.type);
      w[p.type as keyof WallTime] = Number(p.value);
    }
    if (cache.size >= 4096) cache.clear();
    cache.set(t, (wall = w));
  }
  return wall;
}
const wallTimes = new Map<string, Map<number, Readonly<WallTime>>>();

/**
 * "Selasa (11/10)", "(29/01)": day/month with no year. The year is the latest that keeps the date not after now
 * and, when a day name comes with it and fits this year or last, puts the date on that day.
 */
function parseDayMonth(text: string, opts: DateOptions): Date | null {
  const m = /(?<![\d/.])(\d{1,2})\/(\d{1,2})(?!\d|\/\d)/.exec(text);
  if (!m) return null;
  const dayName = /\b(minggu|ahad|senin|selasa|rabu|kamis|jum'?at|sabtu)\b/i.exec(text.slice(0, m.index))?.[1]?.toLowerCase();
  const weekday = dayName === undefined ? undefined : WEEKDAYS[dayName.replace("'", '')];
  const time = /(?<![\d.,/])([01]?\d|2[0-3])[:.]([0-5]\d)(?![\d.,])\s*(WIB|WITA|WIT)?/i.exec(text.slice(m.index + m[0].length));
  const zone = time?.[3] ? ZONE_WORDS[time[3].toLowerCase()] : undefined;
  const thisYear = wallTimeIn(opts.timezone, opts.now).year;
  let fallback: Date | null = null;
  // Two years back at most for a day-name match (a wrong day name is a common typo); four for 29 February.
  for (let year = thisYear; year > thisYear - 5; year--) {
    const wall = { year, month: +m[2]!, day: +m[1]!, hour: time ? +time[1]! : 0, minute: time ? +time[2]! : 0, second: 0 };
    if (!isValidDay(wall)) continue;
    const date = zone === undefined ? wallTimeToDate(wall, opts.timezone) : fromOffset(wall, zone);
    if (isFuture(date, opts.now)) continue;
    const onDay = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
    if (weekday === undefined || (weekday === onDay && year >= thisYear - 1)) return date;
    fallback ??= date;
  }
  return fallback;
}
const WEEKDAYS: Record<string, number> = { minggu: 0, ahad: 0, senin: 1, selasa: 2, rabu: 3, kamis: 4, jumat: 5, sabtu: 6 };

function parseWithChrono(text: string, opts: DateOptions): Date | null {
  const ref = { instant: opts.now, timezone: zoneOffsetMinutes(opts.timezone, opts.now) };
  for (const locale of [chrono.id, chrono.en]) {
    const results = locale.parse(text, ref);
    const at = results.findIndex((r) => r.start.isCertain('day'));
    if (at < 0) continue;
    const found = results[at]!;
    const c = found.start;
    // Relative texts ("2 jam lalu", "3 hari yang lalu") are already exact instants.
    if (/lalu|sebelum|\bago\b/i.test(found.text) || (c.isCertain('hour') && c.isCertain('timezoneOffset'))) return c.date();
    // "Senin, 14 Nov 2022 | 10:15": the time may come as a separate result after the date.
    const clock = c.isCertain('hour') ? c : results.slice(at + 1).find((r) => r.start.isCertain('hour') && !r.start.isCertain('day'))?.start;
    const wall = {
      year: c.get('year') ?? 0,
      month: c.get('month') ?? 1,
      day: c.get('day') ?? 1,
      hour: clock?.get('hour') ?? 0,
      minute: clock?.get('minute') ?? 0,
      second: clock?.isCertain('second') ? (clock.get('second') ?? 0) : 0,
    };
    const zone = clock?.isCertain('timezoneOffset') ? clock.get('timezoneOffset') : null;
    let date = zone == null ? wallTimeToDate(wall, opts.timezone) : fromOffset(wall, zone);
    // "11 Oktober" without a year means the last 11 October, not the next one.
    if (!c.isCertain('year') && isFuture(date, opts.now)) {
      const earlier = { ...wall, year: wall.year - 1 };
      date = zone == null ? wallTimeToDate(earlier, opts.timezone) : fromOffset(earlier, zone);
    }
    return date;
  }
  return null;
}

/** True when the text carries something that reads as a date or time (cheap check, no parsing). */
export function looksLikeDate(text: string): boolean {
  // Most short texts of a page have no digit, and only three of the hints do without one.
  return (HAS_DIGIT.test(text) ? DATE_HINT : DATE_HINT_WITHOUT_DIGITS).test(text);
}
const HAS_DIGIT = /\d/;
export const MONTH_WORDS =
  'januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|november|nopember|desember|' +
  'january|february|march|may|june|july|august|october|december|' +
  'jan|feb|peb|mar|apr|jun|jul|agu|agt|ags|aug|sep|sept|okt|oct|nov|nop|des|dec';
const DATE_HINT = new RegExp(
  [
    '\\b(?:senin|selasa|rabu|kamis|jum\'?at|sabtu|minggu)\\b',
    `\\b\\d{1,2}\\s+(?:${MONTH_WORDS})\\b`,
    `\\b(?:${MONTH_WORDS})\\s+\\d{1,2},?\\s+\\d{4}\\b`,
    '\\b\\d{4}-\\d{2}-\\d{2}\\b',
    '(?<![\\d/])\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?(?![\\d/])',
    '\\b(?:\\d+\\s+|se)(?:detik|menit|jam|hari|minggu|pekan|bulan)\\s+(?:yang\\s+)?lalu\\b',
    '\\b\\d+\\s+(?:seconds?|minutes?|hours?|days?)\\s+ago\\b',
    '\\bkemarin\\b',
    '\\b\\d{1,2}[:.]\\d{2}\\s*(?:wib|wita|wit|am|pm)\\b',
  ].join('|'),
  'i',
);

/** The hints of DATE_HINT that need no digit. */
const DATE_HINT_WITHOUT_DIGITS = new RegExp(
  ["\\b(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu)\\b", '\\bse(?:detik|menit|jam|hari|minggu|pekan|bulan)\\s+(?:yang\\s+)?lalu\\b', '\\bkemarin\\b'].join('|'),
  'i',
);

/** A word that belongs to a date or time: a day or month name, a zone, "pukul", "lalu", "kemarin"... */
export function isDateWord(word: string): boolean {
  return DATE_WORD.test(word);
}
const DATE_WORD = new RegExp(
  `^(?:${MONTH_WORDS}|senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|pukul|wib|wita|wit|am|pm|lalu|yang|detik|menit|jam|hari|pekan|bulan|` +
    'kemarin|diperbarui|diterbitkan|dipublikasikan|update)\\.?$',
  'i',
);

/** "Z", "+07", "+0700", "+07:00" as minutes east of UTC. */
function offsetMinutes(zone: string): number {
  if (/^z$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  return (m[1] === '-' ? -1 : 1) * (+m[2]! * 60 + +(m[3] ?? 0));
}

function fromOffset(wall: WallTime, offsetMinutes: number): Date {
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - offsetMinutes * 60_000);
}

function isValidDay(w: WallTime): boolean {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day));
  return w.month >= 1 && w.month <= 12 && d.getUTCMonth() === w.month - 1 && d.getUTCDate() === w.day && w.hour < 24 && w.minute < 60;
}

function isFuture(date: Date, now: Date): boolean {
  return date.getTime() > now.getTime() + FUTURE_SLACK_MS;
}

/**
 * The publication time of a page: the first machine-readable value that parses (meta tags, JSON-LD), else the
 * first visible date/meta line that does. A visible line corrects the machine value where the reader sees
 * more: the time of day when the machine value is a bare date (or midnight), and the wall-clock time when the
 * machine value is that same wall-clock time mislabelled as UTC. A line that is the page's own clock (a time
 * to the second, at the moment of the crawl) is never a publication time.
 */
export function findPublishedAt(machineValues: readonly (string | null | undefined)[], visibleTexts: readonly string[], opts: DateOptions): Date | null {
  let machine: { date: Date; value: string } | null = null;
  for (const value of machineValues) {
    const date = value ? parseMachineDate(value, opts) : null;
    if (date) {
      machine = { date, value: value!.trim() };
      break;
    }
  }
  // Past a point only lines with a time of day can change the answer; the others are then not parsed at all.
  const only = { clocks: false };
  const visible = visibleDates(visibleTexts, opts, only);
  if (!machine) {
    const first = visible.next().value;
    if (!first || first.clock) return first?.date ?? null;
    only.clocks = true;
    // "Senin, 7 Desember 2026" here and "21:04 WIB" in the next element (or the same date with its time in a byline).
    for (const v of visible) if (v.clock && sameDay(v.date, first.date, opts.timezone)) return v.date;
    return first.date;
  }
  const m = machine.value;
  const iso = ISO.exec(m);
  const bareDate = iso ? !iso[4] || (+iso[4] === 0 && +iso[5]! === 0 && +(iso[6] ?? 0) === 0) : !/\d{1,2}[:.]\d{2}/.test(m);
  const utcLabel = iso !== null && !!iso[4] && /^(?:Z|[+-]00(?::?00)?)$/i.test(iso[7] ?? '');
  const zoneless = iso !== null && !!iso[4] && !iso[7];
  // A machine time at the moment of the crawl is the server stamping its render time; the byline's earlier date is the story's.
  const renderStamp = Math.abs(machine.date.getTime() - opts.now.getTime()) < RENDER_STAMP_MS;
  if (!bareDate && !utcLabel && !zoneless && !renderStamp) return machine.date;
  only.clocks = !renderStamp;
  for (const v of visible) {
    if (renderStamp && machine.date.getTime() - v.date.getTime() > 60 * 60_000) return v.date;
    if (!v.clock) continue;
    if (bareDate) {
      if (iso ? sameWallDay(v.date, +iso[1]!, +iso[2]!, +iso[3]!, opts.timezone) : sameDay(v.date, machine.date, opts.timezone)) return v.date;
      continue;
    }
    // The first date and time the page shows decides between the machine time and a mislabelled one.
    if (v.date.getTime() === machine.date.getTime()) break;
    // "2026-12-07T21:04:00Z" on a page that shows "7 Desember 2026 21:04 WIB": the site wrote its local time as UTC.
    if (utcLabel && sameWallMinute(v.date, opts.timezone, machine.date)) return v.date;
    // "2026-12-07T14:04:00" (no zone) on a page that shows "December 7, 2026 | 09:04 pm": the site wrote UTC without saying so.
    if (zoneless && v.date.getTime() === Date.UTC(+iso[1]!, +iso[2]! - 1, +iso[3]!, +iso[4]!, +iso[5]!, +(iso[6] ?? 0))) return v.date;
    if (!renderStamp) break;
  }
  return machine.date;
}

/** True when `date` falls exactly on midnight in `timeZone`: a date given without its time of day. */
export function isMidnight(date: Date, timeZone: string): boolean {
  const w = wallTimeIn(timeZone, date);
  return w.hour === 0 && w.minute === 0 && w.second === 0 && date.getMilliseconds() === 0;
}

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const CLOCK = /(?<![\d.,/])(?:[01]?\d|2[0-3])[:.][0-5]\d(?![\d.,])|\b(?:lalu|ago)\b/i;
const SECONDS_CLOCK = /\b\d{1,2}:\d{2}:\d{2}\b/;
/** How close to the crawl a machine time must be to be suspected of being the server's render time. */
const RENDER_STAMP_MS = 5 * 60_000;
/** How close to the crawl a time to the second must be to be the page's live clock. */
const LIVE_CLOCK_MS = 2 * 60_000;

/** The dates of the visible texts, in order, parsed one at a time as they are asked for; only those with a time of day while `only.clocks`. */
function* visibleDates(texts: readonly string[], opts: DateOptions, only: { clocks: boolean }): Generator<{ date: Date; clock: boolean }> {
  for (const text of texts) {
    const clock = CLOCK.test(text);
    if (only.clocks && !clock) continue;
    const date = looksLikeDate(text) ? parseIndonesianDate(text, opts) : null;
    if (!date) continue;
    if (SECONDS_CLOCK.test(text) && Math.abs(date.getTime() - opts.now.getTime()) < LIVE_CLOCK_MS) continue;
    yield { date, clock };
  }
}

function sameDay(a: Date, b: Date, timeZone: string): boolean {
  const w = wallTimeIn(timeZone, b);
  return sameWallDay(a, w.year, w.month, w.day, timeZone);
}

function sameWallDay(a: Date, year: number, month: number, day: number, timeZone: string): boolean {
  const w = wallTimeIn(timeZone, a);
  return w.year === year && w.month === month && w.day === day;
}

/** True when `a` shown in `timeZone` reads the same date, hour and minute as `utc` shown in UTC. */
function sameWallMinute(a: Date, timeZone: string, utc: Date): boolean {
  const w = wallTimeIn(timeZone, a);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) === Math.floor(utc.getTime() / 60_000) * 60_000;
}
