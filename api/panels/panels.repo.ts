import { JARGON_PLAIN } from '../../analysis/register-lexicons.js';
import { getPlace } from '../../analysis/places.js';
import type { Sql } from '../../core/db.js';
import { addDays } from '../../core/time.js';
import { TIERS } from '../../core/types.js';
import { dimensionWhere, facetsTable, rollupWhere, statsTable, type RollupFilter } from '../rollup-filter.js';
import type { Panel } from './panels.schema.js';

/**
 * Each panel's rows, chart-ready, from the rollups kept at ingest (core/rollups.ts): topic_daily_stats for
 * the per-day and mix panels, topic_day_facets for the top-N tables, mention_daily_counts for "share of all
 * items". Every query reads one topic's rows for the range, never the mentions.
 */
export type PanelRow = Record<string, string | number | null>;

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** Per-day sums of rollup columns, every day of the range present (0 when nothing was collected). */
async function daily(sql: Sql, q: RollupFilter, columns: Record<string, string>): Promise<PanelRow[]> {
  const sums = sql.unsafe(Object.entries(columns).map(([as, col]) => `coalesce(sum(${col}), 0)::float8 as ${as}`).join(', '));
  const rows = await sql<PanelRow[]>`
    select to_char(day, 'YYYY-MM-DD') as day, ${sums} from ${statsTable(sql, q)} where ${rollupWhere(sql, q)} group by day`;
  const byDay = new Map(rows.map((r) => [r.day as string, r]));
  const out: PanelRow[] = [];
  for (let d = q.from; d <= q.to; d = addDays(d, 1)) {
    out.push(byDay.get(d) ?? { day: d, ...Object.fromEntries(Object.keys(columns).map((k) => [k, 0])) });
  }
  return out;
}

/** Mentions per day beside every collected mention that day (same kind, tier and province), and the topic's share. */
async function volume(sql: Sql, q: RollupFilter): Promise<PanelRow[]> {
  const [days, all] = await Promise.all([
    daily(sql, q, { mentions: 'mentions' }),
    sql<{ day: string; n: number }[]>`
      select to_char(day, 'YYYY-MM-DD') as day, sum(mentions)::int as n
      from ${sql(q.province ? 'mention_daily_counts' : 'mention_daily_tier_counts')} where ${dimensionWhere(sql, q)} group by day`,
  ]);
  const allByDay = new Map(all.map((r) => [r.day, r.n]));
  return days.map((d) => {
    const n = allByDay.get(d.day as string) ?? 0;
    return { day: d.day as string, mentions: d.mentions as number, all_mentions: n, share: ratio(d.mentions as number, n) };
  });
}

/** Mentions and reach per audience tier, every tier listed, with its share of the topic's mentions. */
async function tiers(sql: Sql, q: RollupFilter): Promise<PanelRow[]> {
  const rows = await sql<{ tier: string; mentions: number; reach: number }[]>`
    select tier, sum(mentions)::int as mentions, sum(reach)::float8 as reach from ${statsTable(sql, q)} where ${rollupWhere(sql, q)} group by tier`;
  const total = rows.reduce((n, r) => n + r.mentions, 0);
  const byTier = new Map(rows.map((r) => [r.tier, r]));
  return TIERS.map((tier) => {
    const r = byTier.get(tier);
    return { tier, mentions: r?.mentions ?? 0, reach: r?.reach ?? 0, share: ratio(r?.mentions ?? 0, total) };
  });
}

/** Mentions per province named first, as a share of the topic's located mentions and of all items about that province. */
async function provinces(sql: Sql, q: RollupFilter): Promise<PanelRow[]> {
  const [rows, all] = await Promise.all([
    sql<{ province: string; mentions: number; reach: number }[]>`
      select province, sum(mentions)::int as mentions, sum(reach)::float8 as reach from topic_daily_stats
      where ${rollupWhere(sql, q)} and province <> '' group by province having sum(mentions) > 0 order by 2 desc, 1`,
    sql<{ province: string; n: number }[]>`
      select province, sum(mentions)::int as n from mention_daily_counts where ${dimensionWhere(sql, q)} and province <> '' group by province`,
  ]);
  const located = rows.reduce((n, r) => n + r.mentions, 0);
  const allBy = new Map(all.map((r) => [r.province, r.n]));
  return rows.map((r) => ({
    province: r.province, name: getPlace(r.province)?.name ?? r.province, mentions: r.mentions, reach: r.reach,
    share: ratio(r.mentions, located), all_mentions: allBy.get(r.province) ?? 0, share_of_province: ratio(r.mentions, allBy.get(r.province) ?? 0),
  }));
}

type FacetRow = { value: string; facet: string; mentions: number; reach: number; uses: number; elitist: number; pull: number };

/** The top values of facets for the filters, ordered as `order` says. */
async function topFacets(sql: Sql, q: RollupFilter, facets: string[], order: string, limit: number): Promise<FacetRow[]> {
  return sql<FacetRow[]>`
    select value, min(facet) as facet, sum(mentions)::int as mentions, sum(reach)::float8 as reach, sum(uses)::int as uses,
           sum(elitist)::int as elitist, sum(pull)::float8 as pull
    from ${facetsTable(sql, q)} where topic_id = ${q.topicId} and facet = any(${facets}::text[]) and ${dimensionWhere(sql, q)}
    group by value${facets.length > 1 ? sql`, facet` : sql``} having sum(mentions) > 0
    order by ${sql.unsafe(order)}, value limit ${limit}`;
}

/** Top sources by name: a facet value is a source id, or the domain of a mention without a source. */
async function sources(sql: Sql, rows: FacetRow[]): Promise<PanelRow[]> {
  const ids = rows.map((r) => r.value).filter((v) => /^\d+$/.test(v));
  const names = new Map(ids.length ? (await sql<{ id: string; name: string }[]>`select id::text, name from sources where id::text = any(${ids}::text[])`).map((s) => [s.id, s.name]) : []);
  return rows.map((r) => ({ source: names.get(r.value) ?? r.value, mentions: r.mentions, reach: r.reach }));
}

const VOICE_FACETS = ['voice.official', 'voice.non_official', 'voice.unknown'];

export async function getPanel(sql: Sql, panel: Panel, q: RollupFilter, limit: number): Promise<PanelRow[]> {
  switch (panel) {
    case 'volume':
      return volume(sql, q);
    case 'reach':
      return (await daily(sql, q, { reach: 'reach', official_reach: 'official_reach', echo_reach: 'echo_reach' })).map((d) => ({
        ...d, organic_reach: (d.reach as number) - (d.official_reach as number) - (d.echo_reach as number),
      }));
    case 'sentiment':
      return daily(sql, q, { positive: 'positive', neutral: 'neutral', negative: 'negative', analysed: 'analysed' });
    case 'tiers':
      return tiers(sql, q);
    case 'voices':
      return daily(sql, q, { official: 'voices_official', non_official: 'voices_non_official' });
    case 'stories':
      return (await daily(sql, q, { mentions: 'mentions', pickups: 'pickups' })).map((d) => ({
        day: d.day as string, originals: (d.mentions as number) - (d.pickups as number), pickups: d.pickups as number,
      }));
    case 'provinces':
      return provinces(sql, q);
    case 'sources':
      return sources(sql, await topFacets(sql, q, ['source'], 'mentions desc, reach desc', limit));
    case 'speakers':
      return (await topFacets(sql, q, VOICE_FACETS, 'mentions desc, uses desc', limit)).map((r) => ({
        voice: r.value, class: r.facet.slice('voice.'.length), mentions: r.mentions, quotes: r.uses, reach: r.reach,
      }));
    case 'terms':
      return (await topFacets(sql, q, ['term'], 'mentions desc, abs(sum(pull)) desc', limit)).map((r) => ({
        term: r.value, mentions: r.mentions, pull: Math.round((r.pull / r.mentions) * 100) / 100, reach: r.reach,
      }));
    case 'languages': {
      const rows = await topFacets(sql, q, ['language'], 'mentions desc, reach desc', limit);
      const total = rows.reduce((n, r) => n + r.mentions, 0);
      return rows.map((r) => ({ language: r.value, mentions: r.mentions, reach: r.reach, share: total > 0 ? r.mentions / total : null }));
    }
    case 'jargon':
      return (await topFacets(sql, q, ['jargon'], 'elitist desc, uses desc', limit)).map((r) => ({
        term: r.value, plain: JARGON_PLAIN.get(r.value) ?? '', uses: r.uses, mentions: r.mentions, elitist_mentions: r.elitist,
      }));
  }
}
