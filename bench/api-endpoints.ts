/**
 * Every GET endpoint the dashboard calls (dashboard/src/api.ts, panels.ts), with the filters it sends, and
 * for those that aggregate, the same figures computed naively: a GROUP BY over mentions and topic_mentions
 * for the range. `check` reads a few totals from the endpoint's answer and from the naive rows, which must agree.
 */
import type { Sql } from '../core/db.js';
import { addDays, daysBetween, DEFAULT_TZ } from '../core/time.js';

export interface Filter { topic: number; from: string; to: string; kind?: 'news' | 'social'; tier?: string }
type Row = Record<string, unknown>;
type Body = { data: Row[]; summary?: Row & { previous: Row } };

export interface Endpoint {
  name: string;
  path: string;
  /** The same figures from the raw mentions; absent where the endpoint reads mentions itself (the feed, sources, alerts). */
  naive?: (sql: Sql) => Promise<Row[]>;
  /** A few totals from the endpoint's body and from the naive rows, in the same order. */
  check?: { api: (body: Body) => number[]; naive: (rows: Row[]) => number[] };
}

const TZ = DEFAULT_TZ;
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const sum = (rows: Row[], key: string) => rows.reduce((n, r) => n + num(r[key]), 0);
const sums = (...keys: string[]) => (rows: Row[]) => keys.map((k) => sum(rows, k));
const dataSums = (...keys: string[]) => (b: Body) => sums(...keys)(b.data);

const qs = (f: Partial<Filter>, extra: Record<string, string> = {}) =>
  new URLSearchParams(Object.entries({ ...f, ...extra }).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();

const inRange = (sql: Sql, f: { from: string; to: string }) => sql`
  m.occurred_at >= (${f.from}::date)::timestamp at time zone ${TZ} and m.occurred_at < (${f.to}::date + 1)::timestamp at time zone ${TZ}`;
const dims = (sql: Sql, f: Filter) => sql`${f.kind ? sql`and m.kind = ${f.kind}` : sql``} ${f.tier ? sql`and coalesce(m.tier, '') = ${f.tier}` : sql``}`;
/** A topic's mentions for the filters, aliased m. */
const topicWhere = (sql: Sql, f: Filter) => sql`tm.topic_id = ${f.topic} and ${inRange(sql, f)} ${dims(sql, f)}`;
const topicRows = (sql: Sql, f: Filter) => sql`topic_mentions tm join mentions m on m.id = tm.mention_id where ${topicWhere(sql, f)}`;
const day = (sql: Sql) => sql`to_char((m.occurred_at at time zone ${TZ})::date, 'YYYY-MM-DD')`;

const OFFICIAL = "(coalesce(m.tier, '') in ('official', 'state') or coalesce(m.author_voice, '') = 'official')";
const PICKUP = "coalesce(m.membumi_organic, 1) < 1 and coalesce(m.author_voice, '') <> 'official'";

/** Per-day sums straight from the mentions. */
const perDay = (cols: string) => (f: Filter) => (sql: Sql) =>
  sql<Row[]>`select ${day(sql)} as day, ${sql.unsafe(cols)} from ${topicRows(sql, f)} group by 1 order by 1`;

/** Top-N values of one jsonb array in the analysis (voices, sentiment terms, jargon), counted once per mention. */
const topJson = (f: Filter, array: string, value: string, facet: string, uses: string, order: string) => (sql: Sql) => sql<Row[]>`
  select value, facet, count(*)::int as mentions, sum(uses)::int as uses, sum(reach)::float8 as reach,
         (count(*) filter (where register = 'elitist'))::int as elitist, sum(pull)::float8 as pull
  from (
    select m.id, m.reach, m.register, left(${sql.unsafe(value)}, 200) as value, ${sql.unsafe(facet)} as facet,
           sum(${sql.unsafe(uses)}) as uses, sum(coalesce((e->>'pull')::float8, 0)) as pull
    from topic_mentions tm join mentions m on m.id = tm.mention_id
    cross join lateral jsonb_array_elements(coalesce(m.analysis->${array}, '[]'::jsonb)) e
    where ${topicWhere(sql, f)} and ${sql.unsafe(value)} is not null and ${sql.unsafe(value)} <> ''
    group by 1, 2, 3, 4, 5
  ) x group by value, facet order by ${sql.unsafe(order)}, value limit 10`;

function panelNaive(panel: string, f: Filter): (sql: Sql) => Promise<Row[]> {
  switch (panel) {
    case 'volume':
      return async (sql) => {
        const [topic, all] = await Promise.all([
          perDay('count(*)::int as mentions')(f)(sql),
          sql<Row[]>`select ${day(sql)} as day, count(*)::int as all_mentions from mentions m where ${inRange(sql, f)} ${dims(sql, f)} group by 1`,
        ]);
        return [...topic, ...all];
      };
    case 'reach':
      return perDay(`coalesce(sum(m.reach), 0)::float8 as reach, coalesce(sum(m.reach) filter (where ${OFFICIAL}), 0)::float8 as official_reach,
        coalesce(sum(m.reach) filter (where not ${OFFICIAL} and coalesce(m.membumi_organic, 1) < 1), 0)::float8 as echo_reach`)(f);
    case 'sentiment':
      return perDay(`count(*) filter (where m.sentiment = 'positive') as positive, count(*) filter (where m.sentiment = 'neutral') as neutral,
        count(*) filter (where m.sentiment = 'negative') as negative, count(m.membumi) as analysed`)(f);
    case 'tiers':
      return (sql) => sql<Row[]>`select coalesce(m.tier, '') as tier, count(*)::int as mentions, coalesce(sum(m.reach), 0)::float8 as reach from ${topicRows(sql, f)} group by 1`;
    case 'voices':
      return perDay('coalesce(sum(m.voices_official), 0) as official, coalesce(sum(m.voices_non_official), 0) as non_official')(f);
    case 'stories':
      return perDay(`count(*) - count(*) filter (where ${PICKUP}) as originals, count(*) filter (where ${PICKUP}) as pickups`)(f);
    case 'sources':
      return (sql) => sql<Row[]>`
        select coalesce(s.name, x.value) as source, x.mentions, x.reach from (
          select coalesce(m.source_id::text, lower(regexp_replace(substring(m.url from '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#:]+)'), '^www\\.', '')), m.url) as value,
                 count(*)::int as mentions, coalesce(sum(m.reach), 0)::float8 as reach
          from ${topicRows(sql, f)} group by 1 order by 2 desc, 3 desc, 1 limit 10
        ) x left join sources s on s.id::text = x.value order by x.mentions desc, x.reach desc, x.value`;
    case 'speakers':
      return topJson(f, 'voices', "e->>'speaker'", "'voice.' || (e->>'type')", '1', 'mentions desc, uses desc');
    case 'terms':
      return topJson(f, 'sentiment_terms', "e->>'term'", "'term'", '1', 'mentions desc, abs(sum(pull)) desc');
    case 'jargon':
      return topJson(f, 'jargon', "e->>'term'", "'jargon'", "(e->>'count')::int", 'elitist desc, uses desc');
    case 'provinces':
      return async (sql) => {
        const [topic, all] = await Promise.all([
          sql<Row[]>`select m.province_codes[1] as province, count(*)::int as mentions, coalesce(sum(m.reach), 0)::float8 as reach
                     from ${topicRows(sql, f)} and coalesce(m.province_codes[1], '') <> '' group by 1 order by 2 desc, 1`,
          sql<Row[]>`select m.province_codes[1] as province, count(*)::int as all_mentions from mentions m
                     where ${inRange(sql, f)} ${dims(sql, f)} and coalesce(m.province_codes[1], '') <> '' group by 1`,
        ]);
        const shown = new Set(topic.map((r) => r.province));
        return [...topic, ...all.filter((r) => shown.has(r.province))];
      };
    default:
      throw new Error(`no naive query for panel ${panel}`);
  }
}

const PANEL_CHECKS: Record<string, [api: string[], naive: string[]]> = {
  volume: [['mentions', 'all_mentions'], ['mentions', 'all_mentions']],
  reach: [['reach', 'official_reach', 'echo_reach'], ['reach', 'official_reach', 'echo_reach']],
  sentiment: [['positive', 'neutral', 'negative', 'analysed'], ['positive', 'neutral', 'negative', 'analysed']],
  tiers: [['mentions', 'reach'], ['mentions', 'reach']],
  voices: [['official', 'non_official'], ['official', 'non_official']],
  stories: [['originals', 'pickups'], ['originals', 'pickups']],
  sources: [['mentions', 'reach'], ['mentions', 'reach']],
  speakers: [['mentions', 'quotes'], ['mentions', 'uses']],
  terms: [['mentions', 'reach'], ['mentions', 'reach']],
  jargon: [['uses', 'mentions', 'elitist_mentions'], ['uses', 'mentions', 'elitist']],
  provinces: [['mentions', 'all_mentions'], ['mentions', 'all_mentions']],
};
export const PANEL_NAMES = Object.keys(PANEL_CHECKS);

/** The membumi endpoint's figures from the mentions: the period, the one before it, per day. */
function membumiNaive(f: Filter) {
  const span = daysBetween(f.from, f.to) + 1;
  const before = addDays(f.from, -span);
  return (sql: Sql) => sql<Row[]>`
    select ${day(sql)} as day, count(*)::int as mentions, coalesce(sum(m.reach), 0)::float8 as reach,
           coalesce(sum(m.reach * m.membumi), 0)::float8 as membumi_reach, coalesce(sum(m.reach * m.membumi_audience), 0)::float8 as audience_reach,
           coalesce(sum(m.reach * m.membumi_register), 0)::float8 as register_reach, coalesce(sum(m.reach * m.membumi_voices), 0)::float8 as voices_reach,
           coalesce(sum(m.reach * m.membumi_organic), 0)::float8 as organic_reach, count(m.membumi)::int as analysed,
           count(*) filter (where m.sentiment = 'negative') as negative, count(*) filter (where m.register = 'elitist') as elitist
    from ${topicRows(sql, { ...f, from: before })} group by 1 order by 1`;
}
const indexOf = (rows: Row[]) => { const r = sum(rows, 'reach'); return r > 0 ? Math.round((sum(rows, 'membumi_reach') / r) * 10) / 10 : 0; };

export function dashboardEndpoints(f: Filter, variant: Filter, today: string): Endpoint[] {
  const series = (metric: string, g: Filter, agg: string): Endpoint => ({
    name: `series ${metric}${g.kind ? ` kind=${g.kind}` : ''}${g.tier ? ` tier=${g.tier}` : ''}`,
    path: `/api/v1/topics/${g.topic}/series?${qs({ from: g.from, to: g.to, kind: g.kind, tier: g.tier }, { metric })}`,
    naive: perDay(`${agg}::float8 as y`)(g),
    check: { api: dataSums('y'), naive: sums('y') },
  });
  const membumi = (g: Filter, label: string): Endpoint => ({
    name: `membumi${label}`,
    path: `/api/v1/membumi?${qs(g)}`,
    naive: membumiNaive(g),
    check: {
      api: (b) => [num(b.summary!.mentions), num(b.summary!.index), num(b.summary!.previous.index)],
      naive: (rows) => {
        const now = rows.filter((r) => (r.day as string) >= g.from);
        return [sum(now, 'mentions'), indexOf(now), indexOf(rows.filter((r) => (r.day as string) < g.from))];
      },
    },
  });
  const panels = (g: Filter, label: string): Endpoint[] => PANEL_NAMES.map((panel) => ({
    name: `panel ${panel}${label}`,
    path: `/api/v1/panels/${panel}?${qs(g)}`,
    naive: panelNaive(panel, g),
    check: { api: dataSums(...PANEL_CHECKS[panel]![0]), naive: sums(...PANEL_CHECKS[panel]![1]) },
  }));
  const vlabel = ` ${variant.kind}+${variant.tier}`;
  return [
    {
      name: 'topics',
      path: '/api/v1/topics',
      naive: (sql) => sql<Row[]>`
        select t.id, t.name, coalesce(s.n, 0)::int as mention_count, s.last_day from topics t
        left join (select tm.topic_id, count(*) as n, to_char(max((m.occurred_at at time zone ${TZ})::date), 'YYYY-MM-DD') as last_day
                   from topic_mentions tm join mentions m on m.id = tm.mention_id group by 1) s on s.topic_id = t.id
        order by t.name`,
      check: { api: dataSums('mention_count'), naive: sums('mention_count') },
    },
    series('volume', f, 'count(*)'),
    series('reach', f, 'coalesce(sum(m.reach), 0)'),
    series('negative', f, "count(*) filter (where m.sentiment = 'negative')"),
    series('volume', { ...f, kind: 'social' }, 'count(*)'),
    series('volume', { ...f, tier: 'regional' }, 'count(*)'),
    membumi(f, ''),
    membumi(variant, vlabel),
    { name: 'mentions feed', path: `/api/v1/mentions?${qs(f, { limit: '25' })}` },
    { name: 'mentions feed kind=social', path: `/api/v1/mentions?${qs({ ...f, kind: 'social' }, { limit: '25' })}` },
    { name: 'alerts (7 days)', path: `/api/v1/alerts?${qs({ from: addDays(today, -6), to: today })}` },
    { name: 'sources', path: '/api/v1/sources' },
    ...panels(f, ''),
    ...panels(variant, vlabel),
  ];
}
