/**
 * Whether a source has gone quiet for longer than usual: no new item for three times its usual gap
 * between items over the last 30 days (and at least twice its crawl interval, and six hours). A source
 * with fewer than three items in 30 days has no "usual" yet and is never flagged silent.
 */
export interface SourceActivity {
  interval_minutes: number;
  enabled: boolean;
  items_7d: number;
  items_30d: number;
  last_item_at: Date | null;
}

export interface SourceHealth {
  items_per_day: number;
  silent: boolean;
  silent_for_hours: number | null;
}

const HOUR = 3_600_000;

export function sourceHealth(a: SourceActivity, now = new Date()): SourceHealth {
  const itemsPerDay = Math.round((a.items_7d / 7) * 10) / 10;
  if (!a.enabled || !a.last_item_at || a.items_30d < 3) return { items_per_day: itemsPerDay, silent: false, silent_for_hours: null };
  const usualGap = (30 * 24 * HOUR) / a.items_30d;
  const allowed = Math.max(3 * usualGap, 2 * a.interval_minutes * 60_000, 6 * HOUR);
  const quiet = now.getTime() - a.last_item_at.getTime();
  return { items_per_day: itemsPerDay, silent: quiet > allowed, silent_for_hours: quiet > allowed ? Math.floor(quiet / HOUR) : null };
}
