/** Days on Gaung's charts are calendar days in one IANA zone (Asia/Jakarta unless chosen otherwise). */
export const DEFAULT_TZ = 'Asia/Jakarta';

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' of the instant `at` as seen in `tz`. */
export function dayInZone(at: Date, tz: string = DEFAULT_TZ): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
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
