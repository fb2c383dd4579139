/** Days on Gaung's charts are calendar days in one IANA zone (Asia/Jakarta unless chosen otherwise). */
export const DEFAULT_TZ = 'Asia/Jakarta';

const DAY_MS = 86_400_000;

/** Intl formatters by zone: making one costs far more than using it, and ingest asks for thousands of days a second. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();
function cached(cache: Map<string, Intl.DateTimeFormat>, tz: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = cache.get(tz);
  if (!f) {
    f = make(); // throws RangeError for a zone that does not exist, before anything is cached
    if (cache.size > 1000) cache.clear();
    cache.set(tz, f);
  }
  return f;
}

/** 'YYYY-MM-DD' of the instant `at` as seen in `tz`. */
export function dayInZone(at: Date, tz: string = DEFAULT_TZ): string {
  return cached(dayFormats, tz, () => new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' })).format(at);
}

/** Adds whole days to a 'YYYY-MM-DD' string. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Every day from `from` to `to` inclusive, each with y from `rows` or 0: the one place empty buckets are filled. */
export function fillDays(rows: { x: string; y: number }[], from: string, to: string): { x: string; y: number }[] {
  const byDay = new Map(rows.map((r) => [r.x, r.y]));
  const out: { x: string; y: number }[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push({ x: d, y: byDay.get(d) ?? 0 });
  return out;
}

/** ISO 8601 with the zone's offset, e.g. 2021-11-05T17:48:00+07:00 for Asia/Jakarta. */
export function isoInZone(at: Date, tz: string = DEFAULT_TZ): string {
  const parts = Object.fromEntries(
    cached(clockFormats, tz, () => new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }))
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  const offsetMin = Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
