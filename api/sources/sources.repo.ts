import type { Sql } from '../../core/db.js';
import { applyToRollups } from '../../core/rollups.js';
import type { Source } from '../../core/types.js';
import { sourceHealth, type SourceActivity, type SourceHealth } from '../../core/source-health.js';
import type { CreateSourceInput, UpdateSourceInput } from './sources.schema.js';

export type SourceWithCounts = Source & { mention_count: number } & SourceActivity & SourceHealth;

/**
 * Every source with its health: counts, items per day, and whether it has gone silent. Read from the per-day
 * counts kept at ingest (source_daily_counts, UTC days of fetched_at); only the day a 7- or 30-day window
 * starts inside is counted from the mentions, through (source_id, fetched_at), so the counts are exact.
 */
export async function listSources(sql: Sql, now = new Date()): Promise<SourceWithCounts[]> {
  // The windows' bounds are worked out here, once: as SQL expressions they would be computed again for every row.
  const since7 = new Date(now.getTime() - 7 * 86_400_000);
  const since30 = new Date(now.getTime() - 30 * 86_400_000);
  const utcDay = (at: Date) => at.toISOString().slice(0, 10);
  const nextUtcDay = (at: Date) => new Date(`${utcDay(at)}T00:00:00Z`).getTime() + 86_400_000;
  // One range per window, so each is an index range scan (an OR of the two would read every index entry of the source).
  const edgeCount = (at: Date) =>
    sql`(select count(*) from mentions m where m.source_id = s.id and m.fetched_at > ${at} and m.fetched_at < ${new Date(nextUtcDay(at))})::int`;
  const rows = await sql<(Source & { mention_count: number } & SourceActivity)[]>`
    select s.*, coalesce(d.mention_count, 0) as mention_count, coalesce(d.days_7d, 0) + ${edgeCount(since7)} as items_7d,
           coalesce(d.days_30d, 0) + ${edgeCount(since30)} as items_30d, d.last_item_at
    from sources s
    left join (
      select c.source_id, sum(c.mentions)::int as mention_count,
             (sum(c.mentions) filter (where c.day > ${utcDay(since7)}::date))::int as days_7d,
             (sum(c.mentions) filter (where c.day > ${utcDay(since30)}::date))::int as days_30d,
             max(c.last_fetched_at) as last_item_at
      from source_daily_counts c group by c.source_id
    ) d on d.source_id = s.id
    order by s.name`;
  return rows.map((r) => ({ ...r, ...sourceHealth(r, now) }));
}

export async function getSourceById(sql: Sql, id: number): Promise<Source | null> {
  const [row] = await sql<Source[]>`select * from sources where id = ${id}`;
  return row ?? null;
}

/** Null when a source with that URL already exists. */
export async function createSource(sql: Sql, input: CreateSourceInput): Promise<Source | null> {
  const [row] = await sql<Source[]>`
    insert into sources (kind, url, name, tier, interval_minutes, timezone, enabled, render, audience, config)
    values (${input.kind}, ${input.url}, ${input.name}, ${input.tier}, ${input.interval_minutes}, ${input.timezone},
            ${input.enabled}, ${input.render}, ${input.audience}, ${sql.json(input.config as never)})
    on conflict (url) do nothing returning *`;
  return row ?? null;
}

export async function updateSource(sql: Sql, id: number, input: UpdateSourceInput): Promise<Source | null> {
  const [row] = await sql<Source[]>`
    update sources set
      name = coalesce(${input.name ?? null}, name),
      tier = coalesce(${input.tier ?? null}, tier),
      interval_minutes = coalesce(${input.interval_minutes ?? null}::int, interval_minutes),
      timezone = coalesce(${input.timezone ?? null}, timezone),
      enabled = coalesce(${input.enabled ?? null}::boolean, enabled),
      render = coalesce(${input.render ?? null}, render),
      audience = ${input.audience === undefined ? sql`audience` : sql`${input.audience}::bigint`},
      config = ${input.config === undefined ? sql`config` : sql`${sql.json(input.config as never)}`},
      updated_at = now()
    where id = ${id} returning *`;
  return row ?? null;
}

/** Removes a source; its mentions stay, counted under their domain in the rollups from now on (core/rollups.ts). */
export async function deleteSource(sql: Sql, id: number): Promise<boolean> {
  return sql.begin(async (tx) => {
    const mentions = (await tx<{ id: number }[]>`select id from mentions where source_id = ${id} order by id for update`).map((m) => m.id);
    await applyToRollups(tx, mentions, -1);
    const rows = await tx`delete from sources where id = ${id} returning id`;
    await applyToRollups(tx, mentions, 1);
    return rows.length > 0;
  });
}
