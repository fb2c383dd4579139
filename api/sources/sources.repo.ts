import type { Sql } from '../../core/db.js';
import type { Source } from '../../core/types.js';
import { sourceHealth, type SourceActivity, type SourceHealth } from '../../core/source-health.js';
import type { CreateSourceInput, UpdateSourceInput } from './sources.schema.js';

export type SourceWithCounts = Source & { mention_count: number } & SourceActivity & SourceHealth;

/** Every source with its health: counts, items per day, and whether it has gone silent. */
export async function listSources(sql: Sql, now = new Date()): Promise<SourceWithCounts[]> {
  const rows = await sql<(Source & { mention_count: number } & SourceActivity)[]>`
    select s.*, coalesce(a.mention_count, 0) as mention_count, coalesce(a.items_7d, 0) as items_7d,
           coalesce(a.items_30d, 0) as items_30d, a.last_item_at
    from sources s
    left join lateral (
      select count(*)::int as mention_count,
             (count(*) filter (where m.fetched_at > ${now}::timestamptz - interval '7 days'))::int as items_7d,
             (count(*) filter (where m.fetched_at > ${now}::timestamptz - interval '30 days'))::int as items_30d,
             max(m.fetched_at) as last_item_at
      from mentions m where m.source_id = s.id
    ) a on true
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

export async function deleteSource(sql: Sql, id: number): Promise<boolean> {
  const rows = await sql`delete from sources where id = ${id} returning id`;
  return rows.length > 0;
}
