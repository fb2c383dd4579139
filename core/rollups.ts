import type { PendingQuery, Row } from 'postgres';
import type { Sql, TxSql } from './db.js';
import { DEFAULT_TZ } from './time.js';

/**
 * The rollups the dashboard reads, defined once (migration 0013): what a group of mentions `m` adds to
 *  - topic_daily_stats: per topic, Asia/Jakarta day, mention kind, tier and the province named first;
 *  - topic_day_facets: the same key and a facet value (a source's id, else the domain; a voice; a sentiment term; a jargon term;
 *    the language of the text);
 *  - topic_daily_tier_stats, topic_day_tier_facets: the same sums without the province, for reads that name none;
 *  - topic_day_value_facets: the facet sums per topic, day and value only, for top-N reads with no kind, tier or province;
 *  - mention_daily_counts: every collected mention, matched or not, per day, kind, tier and province;
 *  - mention_daily_tier_counts: the same without the province, for "share of all items" when no province is chosen.
 * Sums and counts only: the membumi index of a day is membumi_reach / reach, each part likewise, and
 * sentiment shares are counts over `analysed`. Every writer (ingest, re-analysis, re-seen social posts,
 * topic re-match, rebuild) goes through the functions here, so the rollups always equal a GROUP BY over
 * the mentions they cover.
 */
export const ROLLUP_COLUMNS = [
  'mentions', 'views', 'reach', 'membumi_reach', 'audience_reach', 'register_reach', 'voices_reach', 'organic_reach',
  'membumi_sum', 'analysed', 'positive', 'neutral', 'negative', 'elitist',
  'pickups', 'official_reach', 'echo_reach', 'voices_official', 'voices_non_official',
] as const;
export const FACET_COLUMNS = ['mentions', 'reach', 'uses', 'elitist', 'pull'] as const;
export const FACETS = ['source', 'voice.official', 'voice.non_official', 'voice.unknown', 'term', 'jargon', 'language'] as const;

type Db = Sql | TxSql;
type Fragment = PendingQuery<Row[]>;

/** Official channels: official and state-media tiers, and posts by official accounts. */
const OFFICIAL = "(coalesce(m.tier, '') in ('official', 'state') or coalesce(m.author_voice, '') = 'official')";
/** Echo: a copy of another story or a pickup of a press release (organic below 1), not from an official channel. */
const ECHO = `not ${OFFICIAL} and coalesce(m.membumi_organic, 1) < 1`;
/**
 * The sentiment a mention shows, over mentions aliased `m`: a person's correction (migration 0020) wins over
 * the model's label, which stays in `sentiment`. Rollups, the feed, exports and alerts all count this one.
 */
export const SHOWN_SENTIMENT = 'coalesce(m.sentiment_corrected, m.sentiment)';

/** The key every rollup shares after topic_id, over mentions aliased `m`. */
const keyOf = (sql: Db, tz: string) =>
  sql`(m.occurred_at at time zone ${tz})::date, m.kind, coalesce(m.tier, ''), coalesce(m.province_codes[1], '')`;

/** The aggregates, in ROLLUP_COLUMNS order, over mentions aliased `m`. */
function statAggregates(sql: Db) {
  return sql`
    count(*), coalesce(sum(m.views), 0), coalesce(sum(m.reach), 0),
    coalesce(sum(m.reach * m.membumi), 0), coalesce(sum(m.reach * m.membumi_audience), 0), coalesce(sum(m.reach * m.membumi_register), 0),
    coalesce(sum(m.reach * m.membumi_voices), 0), coalesce(sum(m.reach * m.membumi_organic), 0),
    coalesce(sum(m.membumi), 0), count(m.membumi),
    count(*) filter (where ${sql.unsafe(SHOWN_SENTIMENT)} = 'positive'), count(*) filter (where ${sql.unsafe(SHOWN_SENTIMENT)} = 'neutral'),
    count(*) filter (where ${sql.unsafe(SHOWN_SENTIMENT)} = 'negative'), count(*) filter (where m.register = 'elitist'),
    count(*) filter (where coalesce(m.membumi_organic, 1) < 1 and coalesce(m.author_voice, '') <> 'official'),
    coalesce(sum(m.reach) filter (where ${sql.unsafe(OFFICIAL)}), 0), coalesce(sum(m.reach) filter (where ${sql.unsafe(ECHO)}), 0),
    coalesce(sum(m.voices_official), 0), coalesce(sum(m.voices_non_official), 0)`;
}

/** Each mention's facet values, once per mention with how often they occur in it: a lateral `f(facet, value, uses, pull)`. */
function facetValues(sql: Db) {
  return sql`
    cross join lateral (
      select e.facet, left(e.value, 200) as value, sum(e.uses)::int as uses, sum(e.pull)::float8 as pull
      from (
        select 'source' as facet,
               coalesce(m.source_id::text, lower(regexp_replace(substring(m.url from '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#:]+)'), '^www\\.', '')), m.url) as value,
               1 as uses, 0::float8 as pull
        union all
        select 'voice.' || (v->>'type'), v->>'speaker', 1, 0 from jsonb_array_elements(coalesce(m.analysis->'voices', '[]'::jsonb)) v
        where v->>'speaker' <> 'dia' -- a pronoun no earlier speaker resolved is a voice, but nobody to list
        union all
        select 'term', t->>'term', 1, (t->>'pull')::float8 from jsonb_array_elements(coalesce(m.analysis->'sentiment_terms', '[]'::jsonb)) t
        union all
        select 'jargon', j->>'term', (j->>'count')::int, 0 from jsonb_array_elements(coalesce(m.analysis->'jargon', '[]'::jsonb)) j
        union all
        select 'language', m.language, 1, 0
      ) e
      where e.facet is not null and e.value is not null and e.value <> ''
      group by 1, 2
    ) f`;
}

const list = (sql: Db, cols: readonly string[], prefix = '') => sql.unsafe(cols.map((c) => `${prefix}${c}`).join(', '));
const signed = (sql: Db, cols: readonly string[], sign: 1 | -1) => sql.unsafe(cols.map((c) => `${sign} * a.${c}`).join(', '));
const addExcluded = (sql: Db, table: string, cols: readonly string[]) => sql.unsafe(cols.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', '));

const summed = (sql: Db, cols: readonly string[], sign: 1 | -1) => sql.unsafe(cols.map((c) => `${sign} * sum(a.${c})`).join(', '));

/**
 * Adds (sign 1) or takes away (sign -1) what the (topic_id, mention_id) pairs of `matches` bring to the
 * topic rollups: each by province, the same sums without the province (migration 0016) and the facets by
 * value alone (migration 0017), from one aggregate per statement. Rows are upserted in key order, so concurrent writers never deadlock.
 */
export async function applyMatchesToRollups(tx: Db, matches: Fragment, sign: 1 | -1, tz = DEFAULT_TZ): Promise<void> {
  await tx`
    with a (topic_id, day, kind, tier, province, ${list(tx, ROLLUP_COLUMNS)}) as (
      select x.topic_id, ${keyOf(tx, tz)}, ${statAggregates(tx)}
      from (${matches}) x join mentions m on m.id = x.mention_id
      group by 1, 2, 3, 4, 5
    ), by_province as (
      insert into topic_daily_stats (topic_id, day, mention_kind, tier, province, ${list(tx, ROLLUP_COLUMNS)})
      select a.topic_id, a.day, a.kind, a.tier, a.province, ${signed(tx, ROLLUP_COLUMNS, sign)} from a
      order by 1, 2, 3, 4, 5
      on conflict (topic_id, day, mention_kind, tier, province) do update set ${addExcluded(tx, 'topic_daily_stats', ROLLUP_COLUMNS)}
    )
    insert into topic_daily_tier_stats (topic_id, day, mention_kind, tier, ${list(tx, ROLLUP_COLUMNS)})
    select a.topic_id, a.day, a.kind, a.tier, ${summed(tx, ROLLUP_COLUMNS, sign)} from a
    group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (topic_id, day, mention_kind, tier) do update set ${addExcluded(tx, 'topic_daily_tier_stats', ROLLUP_COLUMNS)}`;
  await tx`
    with a (topic_id, facet, day, kind, tier, province, value, ${list(tx, FACET_COLUMNS)}) as (
      select x.topic_id, f.facet, ${keyOf(tx, tz)}, f.value,
             count(*), coalesce(sum(m.reach), 0), sum(f.uses), count(*) filter (where m.register = 'elitist'), sum(f.pull)
      from (${matches}) x join mentions m on m.id = x.mention_id ${facetValues(tx)}
      group by 1, 2, 3, 4, 5, 6, 7
    ), by_province as (
      insert into topic_day_facets (topic_id, facet, day, mention_kind, tier, province, value, ${list(tx, FACET_COLUMNS)})
      select a.topic_id, a.facet, a.day, a.kind, a.tier, a.province, a.value, ${signed(tx, FACET_COLUMNS, sign)} from a
      order by 1, 2, 3, 4, 5, 6, 7
      on conflict (topic_id, facet, day, mention_kind, tier, province, value) do update set ${addExcluded(tx, 'topic_day_facets', FACET_COLUMNS)}
    ), by_tier as (
      insert into topic_day_tier_facets (topic_id, facet, day, mention_kind, tier, value, ${list(tx, FACET_COLUMNS)})
      select a.topic_id, a.facet, a.day, a.kind, a.tier, a.value, ${summed(tx, FACET_COLUMNS, sign)} from a
      group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
      on conflict (topic_id, facet, day, mention_kind, tier, value) do update set ${addExcluded(tx, 'topic_day_tier_facets', FACET_COLUMNS)}
    )
    insert into topic_day_value_facets (topic_id, facet, day, value, ${list(tx, FACET_COLUMNS)})
    select a.topic_id, a.facet, a.day, a.value, ${summed(tx, FACET_COLUMNS, sign)} from a
    group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (topic_id, facet, day, value) do update set ${addExcluded(tx, 'topic_day_value_facets', FACET_COLUMNS)}`;
}

/** Adds or takes away these mentions in the count of every collected mention (the denominator of "share"). */
export async function applyToMentionCounts(tx: Db, mentionIds: number[], sign: 1 | -1, tz = DEFAULT_TZ): Promise<void> {
  if (mentionIds.length === 0) return;
  await tx`
    with a (day, kind, tier, province, mentions) as (
      select ${keyOf(tx, tz)}, ${sign} * count(*) from mentions m where m.id = any(${mentionIds}::bigint[]) group by 1, 2, 3, 4
    ), by_province as (
      insert into mention_daily_counts (day, mention_kind, tier, province, mentions)
      select * from a order by 1, 2, 3, 4
      on conflict (day, mention_kind, tier, province) do update set mentions = mention_daily_counts.mentions + excluded.mentions
    )
    insert into mention_daily_tier_counts (day, mention_kind, tier, mentions)
    select day, kind, tier, sum(mentions) from a group by 1, 2, 3 order by 1, 2, 3
    on conflict (day, mention_kind, tier) do update set mentions = mention_daily_tier_counts.mentions + excluded.mentions`;
}

/**
 * Counts newly stored mentions in their source's day (UTC day of fetched_at; migration 0015), for source health.
 * Neither re-analysis nor re-matching moves these counts; a deleted source takes its rows with it.
 */
export async function addToSourceCounts(tx: Db, mentionIds: number[]): Promise<void> {
  if (mentionIds.length === 0) return;
  await tx`
    insert into source_daily_counts (source_id, day, mentions, last_fetched_at)
    select m.source_id, (m.fetched_at at time zone 'UTC')::date, count(*), max(m.fetched_at) from mentions m
    where m.id = any(${mentionIds}::bigint[]) and m.source_id is not null
    group by 1, 2 order by 1, 2
    on conflict (source_id, day) do update set mentions = source_daily_counts.mentions + excluded.mentions,
      last_fetched_at = greatest(source_daily_counts.last_fetched_at, excluded.last_fetched_at)`;
}

/**
 * Adds (sign 1) or takes away (sign -1) these mentions' whole contribution to every rollup: a mention
 * re-scored in place is taken away, changed, and added back, so the rollups stay exact.
 */
export async function applyToRollups(tx: TxSql, mentionIds: number[], sign: 1 | -1, tz = DEFAULT_TZ): Promise<void> {
  if (mentionIds.length === 0) return;
  await applyMatchesToRollups(tx, tx`select topic_id, mention_id from topic_mentions where mention_id = any(${mentionIds}::bigint[])`, sign, tz);
  await applyToMentionCounts(tx, mentionIds, sign, tz);
}

/** Rebuilds one topic's rollups from its matches (after a re-match), inside the caller's transaction. */
export async function rebuildTopicRollups(tx: TxSql, topicId: number, tz = DEFAULT_TZ): Promise<void> {
  await tx`delete from topic_daily_stats where topic_id = ${topicId}`;
  await tx`delete from topic_day_facets where topic_id = ${topicId}`;
  await tx`delete from topic_daily_tier_stats where topic_id = ${topicId}`;
  await tx`delete from topic_day_tier_facets where topic_id = ${topicId}`;
  await tx`delete from topic_day_value_facets where topic_id = ${topicId}`;
  await applyMatchesToRollups(tx, tx`select topic_id, mention_id from topic_mentions where topic_id = ${topicId}`, 1, tz);
}

/** Rebuilds every rollup from the stored mentions and matches, in one transaction (e.g. after loading mentions by SQL). */
export async function rebuildRollups(sql: Sql, tz = DEFAULT_TZ): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`delete from topic_daily_stats`;
    await tx`delete from topic_day_facets`;
    await tx`delete from topic_daily_tier_stats`;
    await tx`delete from topic_day_tier_facets`;
    await tx`delete from topic_day_value_facets`;
    await tx`delete from mention_daily_counts`;
    await tx`delete from mention_daily_tier_counts`;
    await tx`delete from source_daily_counts`;
    await applyMatchesToRollups(tx, tx`select topic_id, mention_id from topic_mentions`, 1, tz);
    await tx`
      insert into mention_daily_counts (day, mention_kind, tier, province, mentions)
      select ${keyOf(tx, tz)}, count(*) from mentions m group by 1, 2, 3, 4`;
    await tx`
      insert into mention_daily_tier_counts (day, mention_kind, tier, mentions)
      select day, mention_kind, tier, sum(mentions) from mention_daily_counts group by 1, 2, 3`;
    await tx`
      insert into source_daily_counts (source_id, day, mentions, last_fetched_at)
      select source_id, (fetched_at at time zone 'UTC')::date, count(*), max(fetched_at) from mentions where source_id is not null group by 1, 2`;
  });
}
