/**
 * Seeds the API benchmark's database in SQL, not through the crawler: sources of every tier, five topics and
 * three key messages, and `count` mentions spread over the last 120 Asia/Jakarta days on a daily and hourly
 * curve, each analysed (sentiment, register, voices, places, jargon, reach, membumi and its parts) and matched
 * to one or two topics. Every value is a hash of the mention's id, so a run seeds the same data each time.
 * Secondary indexes are dropped for the load and built again after; the rollups are then rebuilt with the
 * project's own code (core/rollups.ts rebuildRollups), so the endpoints read what ingest would have left.
 */
import { performance } from 'node:perf_hooks';
import { JARGON_PLAIN } from '../analysis/register-lexicons.js';
import { detectAlerts } from '../core/alerts.js';
import { createSql, type Sql } from '../core/db.js';
import { parseQuery, positiveTerms } from '../core/query/parse.js';
import { rebuildRollups } from '../core/rollups.js';
import { addDays, dayInZone, DEFAULT_TZ } from '../core/time.js';
import { BENCH_TOPICS, benchLists, sourceRows } from './api-data.js';

const BATCH = 50_000;

export interface SeedTimes { load: number; indexes: number; rollups: number; total: number }

/** A hash of (id, k) as a number in [0, 1): the same for every statement that asks. */
const HASH_FUNCTIONS = [
  `create function pg_temp.u(i bigint, k int) returns float8 language sql immutable parallel safe as
     $$ select (hashint8(i * 128 + k)::float8 + 2147483648.0) / 4294967296.0 $$`,
  // The mention's first topic (1..5, weighted), an optional second one, and the key messages it matches.
  `create function pg_temp.topic1(i bigint) returns int language sql immutable as $$
     select case when pg_temp.u(i, 20) < 0.3 then 1 when pg_temp.u(i, 20) < 0.55 then 2 when pg_temp.u(i, 20) < 0.75 then 3
                 when pg_temp.u(i, 20) < 0.9 then 4 else 5 end $$`,
  `create function pg_temp.topic2(i bigint) returns int language sql immutable as $$
     select case when pg_temp.u(i, 21) < 0.3 then 1 + (pg_temp.topic1(i) + floor(pg_temp.u(i, 22) * 4)::int) % 5 end $$`,
];

export async function seedDatabase(url: string, count: number, log: (line: string) => void): Promise<SeedTimes> {
  const started = performance.now();
  const sql = createSql(url, { max: 1 });
  const second = createSql(url, { max: 1 });
  try {
    for (const db of [sql, second]) {
      await db`set synchronous_commit = off`;
      await db`set jit = off`; // compiling the seeding statements would take longer than running them
      await db`set maintenance_work_mem = '256MB'`;
      for (const f of HASH_FUNCTIONS) await db.unsafe(f);
    }
    const topicIds = await seedTopicsAndSources(sql, count);
    const dropped = await dropSecondaryIndexes(sql, ['mentions', 'topic_mentions']);
    const today = dayInZone(new Date(), DEFAULT_TZ);
    const lists = benchLists(JARGON_PLAIN.keys());
    const batches: [number, number][] = [];
    for (let a = 1; a <= count; a += BATCH) batches.push([a, Math.min(count, a + BATCH - 1)]);
    let done = 0;
    // Two connections, each inserting whole id ranges; a copy only points at an earlier mention of its own range.
    await Promise.all([sql, second].map(async (db) => {
      for (let b = batches.shift(); b; b = batches.shift()) {
        await insertMentions(db, b[0], b[1], today, lists);
        await insertMatches(db, b[0], b[1], topicIds);
        done += b[1] - b[0] + 1;
        if (done % 200_000 < BATCH) log(`  ${done.toLocaleString('en')} mentions, ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
    }));
    await sql`select setval(pg_get_serial_sequence('mentions', 'id'), ${count})`;
    await countAudienceOncePerDomainDay(sql);
    const load = (performance.now() - started) / 1000;
    log(`  loaded in ${load.toFixed(0)} s; building ${dropped.length} indexes`);
    const queue = [...dropped];
    await Promise.all([sql, second].map(async (db) => { for (let d = queue.shift(); d; d = queue.shift()) await db.unsafe(d); }));
    await sql`vacuum analyze mentions`;
    await sql`vacuum analyze topic_mentions`;
    const indexes = (performance.now() - started) / 1000 - load;
    log(`  indexes and vacuum in ${indexes.toFixed(0)} s; rebuilding rollups (core/rollups.ts rebuildRollups)`);
    await rebuildRollups(sql);
    for (const t of ['topic_daily_stats', 'topic_day_facets', 'topic_daily_tier_stats', 'topic_day_tier_facets', 'mention_daily_counts', 'source_daily_counts']) await sql`vacuum analyze ${sql(t)}`;
    // Alerts as the analyze worker would have left them: a check at the end of each of the last 14 days.
    for (let d = 13; d >= 1; d--) await detectAlerts(sql, new Date(`${addDays(today, -d)}T13:00:00Z`));
    await detectAlerts(sql);
    const rollups = (performance.now() - started) / 1000 - load - indexes;
    return { load, indexes, rollups, total: (performance.now() - started) / 1000 };
  } finally {
    await sql.end({ timeout: 5 });
    await second.end({ timeout: 5 });
  }
}

async function seedTopicsAndSources(sql: Sql, count: number): Promise<number[]> {
  for (const s of sourceRows()) {
    await sql`
      insert into sources (kind, url, name, tier, interval_minutes, audience, last_fetched_at, last_success_at, last_status, last_item_count)
      values (${s.kind}, ${s.url}, ${s.name}, ${s.tier}, ${s.interval}, ${s.audience}, now() - interval '10 minutes', now() - interval '10 minutes', 'ok', 20)`;
  }
  const ids: number[] = [];
  for (const t of BENCH_TOPICS) {
    const parent = t.parent === undefined ? null : ids[t.parent]!;
    const terms = positiveTerms(parseQuery(t.query)); // as createTopic stores them
    const [row] = await sql<{ id: number }[]>`
      insert into topics (name, query, terms, parent_id, matched_version, created_at) values (${t.name}, ${t.query}, ${terms}, ${parent}, 1, now() - interval '130 days')
      returning id`;
    await sql`insert into topic_versions (topic_id, version, query, author, created_at) values (${row!.id}, 1, ${t.query}, 'bench', now() - interval '130 days')`;
    ids.push(row!.id);
  }
  await sql`
    insert into press_releases (title, url, body, minhash, published_at)
    select 'Siaran pers ' || n, 'https://www.example.go.id/siaran-pers/' || n, 'Siaran pers nomor ' || n, '{}'::int[], now() - make_interval(days => n * 9)
    from generate_series(1, 12) n`;
  // A story cluster per two originals; a copy joins its original's cluster.
  await sql`
    insert into story_clusters (id, first_mention_id, mention_count, copy_count, first_seen_at) overriding system value
    select c, 2 * c - 1, 2, 0, now() from generate_series(1, ${Math.floor(count / 2) + 1}::int) c`;
  await sql`select setval(pg_get_serial_sequence('story_clusters', 'id'), ${Math.floor(count / 2) + 1})`;
  return ids;
}

/** Drops the indexes that back no constraint (they are built again after the load, faster); their definitions. */
async function dropSecondaryIndexes(sql: Sql, tables: string[]): Promise<string[]> {
  const rows = await sql<{ name: string; def: string }[]>`
    select i.indexname as name, i.indexdef as def from pg_indexes i
    where i.schemaname = 'public' and i.tablename = any(${tables}::text[])
      and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.indexname))::regclass)`;
  for (const r of rows) await sql`drop index ${sql(r.name)}`;
  return rows.map((r) => r.def);
}

type Lists = ReturnType<typeof benchLists>;

async function insertMentions(sql: Sql, a: number, b: number, today: string, l: Lists): Promise<void> {
  const tz = DEFAULT_TZ;
  await sql`
    insert into mentions (id, url, source_id, kind, title, body, author, published_at, fetched_at, occurred_at, language, views, likes, shares,
      replies, followers, platform, external_id, author_handle, author_kind, engagement_observed_at, analysis_version, sentiment, sentiment_score,
      sentiment_confidence, register, grounding_score, voices_official, voices_non_official, non_official_share, author_voice, province_codes,
      analysis, tier, reach, reach_method, membumi, membumi_audience, membumi_register, membumi_voices, membumi_organic, cluster_id, copy_of,
      copy_similarity, press_release_id, press_release_similarity)
    overriding system value
    select i, source_url || case when social then 'posts/' else 'berita/' end || i, source_id, case when social then 'social' else 'news' end,
      (${l.topicWords}::text[])[p] || ': ' || (${l.sentences}::text[])[1 + floor(pg_temp.u(i, 30) * ${l.sentences.length})::int],
      array_to_string(array(select (${l.sentences}::text[])[1 + floor(pg_temp.u(i, 31 + k) * ${l.sentences.length})::int]
                            from generate_series(1, case when social then 1 + (i % 2)::int else 4 + (i % 4)::int end) k), ' '),
      case when social then handle else 'Redaksi' end, case when pg_temp.u(i, 6) < 0.9 then occurred_at end,
      occurred_at + make_interval(mins => 5 + floor(pg_temp.u(i, 7) * 120)::int), occurred_at, 'id', views, likes, shares, replies, followers,
      platform, case when social then 'p' || i end, handle, case when social then (case author_voice when 'individual' then 'individual' else author_voice end) end,
      case when social then occurred_at + interval '2 hours' end,
      1, sentiment, score, 0.5 + 0.5 * pg_temp.u(i, 8), case when grounding < 0.5 then 'elitist' else 'grounded' end, grounding, vo, vn,
      case when vo + vn > 0 then vn::real / (vo + vn) end, author_voice, provinces,
      jsonb_build_object(
        'voices', (select coalesce(jsonb_agg(jsonb_build_object(
            'speaker', case when k <= vo then (${l.officials}::text[])[1 + floor(pg_temp.u(i, 100 + k) * ${l.officials.length})::int]
                            when k <= vo + vn then (${l.citizens}::text[])[1 + floor(pg_temp.u(i, 100 + k) * ${l.citizens.length})::int]
                            else (${l.unknowns}::text[])[1 + floor(pg_temp.u(i, 100 + k) * ${l.unknowns.length})::int] end,
            'type', case when k <= vo then 'official' when k <= vo + vn then 'non_official' else 'unknown' end,
            'quote', null, 'cue', 'kata')), '[]'::jsonb)
          from generate_series(1, vo + vn + case when not social and pg_temp.u(i, 9) < 0.1 then 1 else 0 end) k),
        'sentiment_terms', (select coalesce(jsonb_agg(jsonb_build_object('term', t.term, 'pull', t.pull)), '[]'::jsonb) from (
            select case when side > 0 then (${l.positive}::text[])[1 + floor(pg_temp.u(i, 110 + k) ^ 1.8 * ${l.positive.length})::int]
                        else (${l.negative}::text[])[1 + floor(pg_temp.u(i, 110 + k) ^ 1.8 * ${l.negative.length})::int] end as term,
                   round((side * (0.3 + 2 * pg_temp.u(i, 115 + k)))::numeric, 2) as pull
            from generate_series(1, 1 + floor(pg_temp.u(i, 10) * 4)::int) k,
                 lateral (select case when sentiment = 'positive' or (sentiment = 'neutral' and pg_temp.u(i, 105 + k) < 0.5) then 1 else -1 end as side) s
          ) t),
        'jargon', (select coalesce(jsonb_agg(jsonb_build_object('term', (${l.jargon}::text[])[1 + floor(pg_temp.u(i, 120 + k) ^ 2 * ${l.jargon.length})::int],
                     'plain', '', 'count', 1 + floor(pg_temp.u(i, 124 + k) ^ 3 * 3)::int)), '[]'::jsonb)
          from generate_series(1, case when grounding < 0.5 then floor(pg_temp.u(i, 11) * 4)::int when pg_temp.u(i, 11) < 0.2 then 1 else 0 end) k),
        'register_pulls', '[]'::jsonb,
        'places', (select coalesce(jsonb_agg(jsonb_build_object('code', c, 'kind', 'province', 'province_code', c, 'count', 1)), '[]'::jsonb) from unnest(provinces) c)),
      tier,
      case when views is not null then views when social and likes + shares + replies > 0 then (likes + shares + replies) * 20
           when social then least(followers * 0.05, 50000)::bigint else 0 end,
      case when views is not null then 'views' when social and likes + shares + replies > 0 then 'engagement' when social then 'followers' else 'audience_repeat' end,
      100 * (0.3 * m_audience + 0.3 * grounding + 0.15 * m_voices + 0.25 * m_organic), m_audience, grounding, m_voices, m_organic,
      (coalesce(copy_of, i) + 1) / 2, copy_of, case when copy_of is not null then 0.75 + 0.25 * pg_temp.u(i, 12) end, pr, pr_similarity
    from (
      select c.*,
        case when social then (case author_voice when 'official' then 0 when 'media' then 0.35 else 1 end)
             else (case tier when 'official' then 0 when 'state' then 0.15 when 'national' then 0.35 else 0.7 end) end as m_audience,
        case when social then (case author_voice when 'official' then 0 when 'media' then 0.35 else 1 end)
             when vo + vn = 0 then 0.4 else vn::float8 / (vo + vn) end as m_voices,
        case when social and author_voice = 'official' then 0 when pr is not null then (case when pr_similarity >= 0.75 then 0 else 0.4 end)
             when copy_of is not null then 0.2 else 1 end as m_organic
      from (
        select i, social, source_id, p, s.url as source_url, s.tier, case when social then s.kind end as platform,
          case when at0 > now() then at0 - interval '1 day' else at0 end as occurred_at,
          case when social then '@warga' || (i % 50000) end as handle,
          case when pg_temp.u(i, 40) < (case when p = 2 then 0.4 else 0.25 end) then 'negative'
               when pg_temp.u(i, 40) < (case when p = 2 then 0.8 else 0.7 end) then 'neutral' else 'positive' end as sentiment,
          (pg_temp.u(i, 41) - 0.5) * 0.3 as score0,
          least(1, greatest(0, (case s.tier when 'official' then 0.25 when 'state' then 0.35 when 'national' then 0.45 when 'regional' then 0.6 else 0.7 end)
                               + (pg_temp.u(i, 42) - 0.5) * 0.6))::real as grounding,
          case when social then (case when pg_temp.u(i, 43) < 0.1 then 'official' when pg_temp.u(i, 43) < 0.25 then 'media' else 'individual' end) end as author_voice,
          case when social then 0 else floor(pg_temp.u(i, 44) ^ 1.5 * (case when s.tier in ('official', 'state') then 4 else 3 end))::int end as vo,
          case when social then 0 else floor(pg_temp.u(i, 45) ^ 2 * (case when s.tier = 'regional' then 4 else 3 end))::int end as vn,
          case when not social and s.tier in ('national', 'regional') and pg_temp.u(i, 46) < 0.35 then floor(exp(4 + pg_temp.u(i, 47) * 7))::bigint
               when social and s.kind in ('youtube', 'x') then floor(exp(3 + pg_temp.u(i, 47) * 8))::bigint end as views,
          case when social then floor(exp(2 + pg_temp.u(i, 48) * 11))::bigint end as followers,
          case when social then (case when pg_temp.u(i, 49) < 0.8 then floor(exp(pg_temp.u(i, 50) * 7))::bigint else 0 end) end as likes,
          case when social then (case when pg_temp.u(i, 49) < 0.6 then floor(exp(pg_temp.u(i, 51) * 5))::bigint else 0 end) end as shares,
          case when social then (case when pg_temp.u(i, 49) < 0.7 then floor(exp(pg_temp.u(i, 52) * 5))::bigint else 0 end) end as replies,
          case when not social and pg_temp.u(i, 60) < 0.18 and i - 1 - floor(pg_temp.u(i, 61) * 50)::bigint >= ${a} then i - 1 - floor(pg_temp.u(i, 61) * 50)::bigint end as copy_of,
          case when not social and pg_temp.u(i, 60) >= 0.18 and pg_temp.u(i, 60) < 0.22 then 1 + floor(pg_temp.u(i, 62) * 12)::bigint end as pr,
          case when not social and pg_temp.u(i, 60) >= 0.18 and pg_temp.u(i, 60) < 0.22 then (0.5 + 0.5 * pg_temp.u(i, 63))::real end as pr_similarity,
          case when pg_temp.u(i, 64) < 0.55 then
            array[(${l.provinces}::text[])[1 + floor(pg_temp.u(i, 65) * ${l.provinces.length})::int]]
            || case when pg_temp.u(i, 66) < 0.3 then array[(${l.provinces}::text[])[1 + floor(pg_temp.u(i, 67) * ${l.provinces.length})::int]] else '{}'::text[] end
          else '{}'::text[] end as provinces
        from (
          select i, pg_temp.u(i, 1) < 0.45 as social, pg_temp.topic1(i) as p,
            case when pg_temp.u(i, 1) < 0.45 then (${l.socialSlots}::int[])[1 + floor(pg_temp.u(i, 2) * ${l.socialSlots.length})::int]
                 else (${l.newsSlots}::int[])[1 + floor(pg_temp.u(i, 2) * ${l.newsSlots.length})::int] end as source_id,
            ((${today}::date - (${l.daySlots}::int[])[1 + floor(pg_temp.u(i, 3) * ${l.daySlots.length})::int])::timestamp
              + make_interval(hours => (${l.hourSlots}::int[])[1 + floor(pg_temp.u(i, 4) * ${l.hourSlots.length})::int], secs => pg_temp.u(i, 5) * 3600))
              at time zone ${tz} as at0
          from generate_series(${a}::bigint, ${b}::bigint) i
        ) g join sources s on s.id = g.source_id
      ) c
    ) d
    cross join lateral (select case sentiment when 'positive' then 0.2 + 0.7 * pg_temp.u(i, 53) when 'negative' then -0.2 - 0.7 * pg_temp.u(i, 53) else score0 end as score) sc`;
}

/** Each mention's topics: its first, maybe a second, and the key messages under them it also matches. */
async function insertMatches(sql: Sql, a: number, b: number, topics: number[]): Promise<void> {
  await sql`
    insert into topic_mentions (topic_id, mention_id, query_version, matched_at)
    select distinct (${topics}::bigint[])[t], i, 1, now() from generate_series(${a}::bigint, ${b}::bigint) i
    cross join lateral (values (pg_temp.topic1(i)), (pg_temp.topic2(i)),
      (case when 1 in (pg_temp.topic1(i), pg_temp.topic2(i)) and pg_temp.u(i, 23) < 0.35 then 6 end),
      (case when 1 in (pg_temp.topic1(i), pg_temp.topic2(i)) and pg_temp.u(i, 24) < 0.25 then 7 end),
      (case when 2 in (pg_temp.topic1(i), pg_temp.topic2(i)) and pg_temp.u(i, 25) < 0.3 then 8 end)) v(t)
    where t is not null`;
}

/** A domain's audience counts once per Asia/Jakarta day (reach.ts): the day's first news mention without views carries it. */
async function countAudienceOncePerDomainDay(sql: Sql): Promise<void> {
  const tz = DEFAULT_TZ;
  await sql`
    with news as (
      select m.id, m.source_id, (m.occurred_at at time zone ${tz})::date as day, m.occurred_at from mentions m where m.reach_method = 'audience_repeat'
    ), firsts as (
      select distinct on (source_id, day) id, source_id, day from news order by source_id, day, occurred_at, id
    ), marked as (
      update mentions m set reach = coalesce(s.audience, 20000), reach_method = 'audience'
      from firsts f join sources s on s.id = f.source_id where m.id = f.id
      returning s.url, f.day
    )
    insert into domain_day_reach (domain, day)
    select distinct substring(url from '^https?://([^/]+)'), day from marked on conflict do nothing`;
}
