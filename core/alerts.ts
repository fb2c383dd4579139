import type { Sql } from './db.js';
import { SHOWN_SENTIMENT } from './rollups.js';
import { sourceHealth, type SourceActivity } from './source-health.js';
import { addDays, dayInZone, DEFAULT_TZ } from './time.js';

/**
 * Spikes and silences, from the rollups kept at ingest. A day's count c of a topic (or key message) is a spike
 * against the 7 days before it, with mean μ and standard deviation σ, when c ≥ MIN_COUNT, c ≥ μ + 3σ and
 * c ≥ 2μ: volume for all mentions, negative sentiment for negative ones (then also at least 40 % of the day's
 * analysed mentions). Each alert carries the mentions that drove it, most reach first.
 */
export const SPIKE_RULE = { minCount: 5, sigmas: 3, ratio: 2, negativeShare: 0.4, baselineDays: 7 } as const;

export type AlertKind = 'volume_spike' | 'negative_spike' | 'silent_source';

export interface Alert {
  id: number;
  kind: AlertKind;
  topic_id: number | null;
  topic_name: string | null;
  source_id: number | null;
  source_name: string | null;
  day: string;
  value: number;
  baseline: number;
  detail: { reason: string; mentions?: { id: number; title: string; url: string; source_name: string | null; reach: number | null }[] };
  created_at: Date;
  delivered_at: Date | null;
  delivery_error: string | null;
}

export function isSpike(count: number, history: number[], rule = SPIKE_RULE): { spike: boolean; mean: number; sd: number } {
  const mean = history.reduce((a, b) => a + b, 0) / Math.max(history.length, 1);
  const sd = Math.sqrt(history.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(history.length, 1));
  return { spike: count >= rule.minCount && count >= mean + rule.sigmas * sd && count >= rule.ratio * mean, mean, sd };
}

type DayRow = { topic_id: number; name: string; day: string; mentions: number; negative: number; analysed: number };

/** Finds today's spikes and silent sources and records each once; returns the alerts that are new. */
export async function detectAlerts(sql: Sql, now = new Date()): Promise<Alert[]> {
  const today = dayInZone(now, DEFAULT_TZ);
  const from = addDays(today, -SPIKE_RULE.baselineDays);
  const rows = await sql<DayRow[]>`
    select s.topic_id, t.name, to_char(s.day, 'YYYY-MM-DD') as day, sum(s.mentions)::int as mentions,
           sum(s.negative)::int as negative, sum(s.analysed)::int as analysed
    from topic_daily_tier_stats s join topics t on t.id = s.topic_id
    where s.day between ${from}::date and ${today}::date
    group by 1, 2, 3`;
  const byTopic = new Map<number, DayRow[]>();
  for (const r of rows) byTopic.set(r.topic_id, [...(byTopic.get(r.topic_id) ?? []), r]);
  const found: { kind: AlertKind; topicId: number | null; sourceId: number | null; value: number; baseline: number; reason: string }[] = [];
  for (const [topicId, days] of byTopic) {
    const at = (d: string) => days.find((x) => x.day === d);
    const history = Array.from({ length: SPIKE_RULE.baselineDays }, (_, i) => at(addDays(today, -SPIKE_RULE.baselineDays + i)));
    const now = at(today);
    if (!now) continue;
    const volume = isSpike(now.mentions, history.map((h) => h?.mentions ?? 0));
    if (volume.spike) found.push({ kind: 'volume_spike', topicId, sourceId: null, value: now.mentions, baseline: volume.mean, reason: `${now.mentions} sebutan hari ini, rata-rata 7 hari sebelumnya ${volume.mean.toFixed(1)}` });
    const negative = isSpike(now.negative, history.map((h) => h?.negative ?? 0));
    if (negative.spike && now.negative >= SPIKE_RULE.negativeShare * Math.max(now.analysed, 1)) {
      found.push({ kind: 'negative_spike', topicId, sourceId: null, value: now.negative, baseline: negative.mean, reason: `${now.negative} sebutan negatif hari ini (${Math.round((100 * now.negative) / Math.max(now.analysed, 1))} %), rata-rata 7 hari sebelumnya ${negative.mean.toFixed(1)}` });
    }
  }
  const activity = await sql<({ id: number; name: string } & SourceActivity)[]>`
    select s.id, s.name, s.interval_minutes, s.enabled,
           (select count(*) from mentions m where m.source_id = s.id and m.fetched_at > ${now}::timestamptz - interval '7 days')::int as items_7d,
           (select count(*) from mentions m where m.source_id = s.id and m.fetched_at > ${now}::timestamptz - interval '30 days')::int as items_30d,
           (select max(m.fetched_at) from mentions m where m.source_id = s.id) as last_item_at
    from sources s where s.enabled`;
  for (const s of activity) {
    const health = sourceHealth(s, now);
    if (health.silent) found.push({ kind: 'silent_source', topicId: null, sourceId: s.id, value: health.silent_for_hours ?? 0, baseline: health.items_per_day, reason: `${s.name} senyap selama ${health.silent_for_hours} jam` });
  }
  const created: Alert[] = [];
  for (const f of found) {
    const drivers = f.topicId === null ? [] : await sql<NonNullable<Alert['detail']['mentions']>>`
      select m.id, m.title, m.url, s.name as source_name, m.reach from topic_mentions tm
      join mentions m on m.id = tm.mention_id left join sources s on s.id = m.source_id
      where tm.topic_id = ${f.topicId} and (m.occurred_at at time zone ${DEFAULT_TZ})::date = ${today}::date
        ${f.kind === 'negative_spike' ? sql`and ${sql.unsafe(SHOWN_SENTIMENT)} = 'negative'` : sql``}
      order by m.reach desc nulls last, m.id desc limit 5`;
    const [row] = await sql<{ id: number }[]>`
      insert into alerts (kind, topic_id, source_id, day, value, baseline, detail)
      values (${f.kind}, ${f.topicId}, ${f.sourceId}, ${today}, ${f.value}, ${f.baseline}, ${sql.json({ reason: f.reason, mentions: drivers } as never)})
      on conflict do nothing returning id`;
    if (row) created.push((await listAlerts(sql, { ids: [row.id] }))[0]!);
  }
  return created;
}

export async function listAlerts(sql: Sql, q: { from?: string; to?: string; ids?: number[]; limit?: number }): Promise<Alert[]> {
  return sql<Alert[]>`
    select a.id, a.kind, a.topic_id, t.name as topic_name, a.source_id, s.name as source_name, to_char(a.day, 'YYYY-MM-DD') as day,
           a.value, a.baseline, a.detail, a.created_at, a.delivered_at, a.delivery_error
    from alerts a left join topics t on t.id = a.topic_id left join sources s on s.id = a.source_id
    where true
      ${q.ids ? sql`and a.id = any(${q.ids}::bigint[])` : sql``}
      ${q.from ? sql`and a.day >= ${q.from}::date` : sql``}
      ${q.to ? sql`and a.day <= ${q.to}::date` : sql``}
    order by a.day desc, a.id desc limit ${q.limit ?? 200}`;
}

/**
 * Sends new alerts to the configured webhook (ALERT_WEBHOOK_URL, from the environment, so trusted), one
 * POST each with an Indonesian summary and the alert as JSON; the outcome is written on the alert.
 */
export async function deliverAlerts(sql: Sql, alerts: Alert[], webhookUrl: string | undefined, timeoutMs = 10_000): Promise<void> {
  if (!webhookUrl) return;
  for (const alert of alerts) {
    const subject = alert.topic_name ?? alert.source_name ?? '';
    const text = `[Gaung] ${LABELS[alert.kind]}: ${subject} — ${alert.detail.reason}`;
    try {
      const res = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text, alert }),
        signal: AbortSignal.timeout(timeoutMs),
        // A redirect could send the alert anywhere, an address inside the network included: it is not followed.
        redirect: 'manual',
      });
      if (res.status >= 300 && res.status < 400) throw new Error(`the webhook answered HTTP ${res.status} (a redirect, which alerts do not follow)`);
      if (!res.ok) throw new Error(`the webhook answered HTTP ${res.status}`);
      await sql`update alerts set delivered_at = now(), delivery_error = null where id = ${alert.id}`;
    } catch (err) {
      await sql`update alerts set delivery_error = ${(err as Error).message} where id = ${alert.id}`;
    }
  }
}

const LABELS: Record<AlertKind, string> = {
  volume_spike: 'Lonjakan sebutan',
  negative_spike: 'Lonjakan sentimen negatif',
  silent_source: 'Sumber senyap',
};
