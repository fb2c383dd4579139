-- The dashboard's panels read rollups kept at ingest, never a GROUP BY over every mention (core/rollups.ts).
-- A topic-day row gains two dimensions, the mention's audience tier and the province it names first ('' when
-- none or not yet scored), and five sums: pickups (copies and press-release pickups), the reach of official
-- channels and of echoes, and the quoted voices by class. topic_day_facets holds the top-N panels (sources
-- by id, else domain; voices, sentiment terms, jargon) under the same key; mention_daily_counts counts every collected mention,
-- the denominator of "share of all items". Existing rows are rebuilt here from the stored mentions.

alter table topic_daily_stats add column tier text not null default '';
alter table topic_daily_stats add column province text not null default '';
alter table topic_daily_stats add column pickups integer not null default 0;
alter table topic_daily_stats add column official_reach bigint not null default 0;
alter table topic_daily_stats add column echo_reach bigint not null default 0;
alter table topic_daily_stats add column voices_official integer not null default 0;
alter table topic_daily_stats add column voices_non_official integer not null default 0;
alter table topic_daily_stats drop constraint topic_daily_stats_pkey;

create table topic_day_facets (
  topic_id bigint not null references topics (id) on delete cascade,
  facet text not null,
  day date not null,
  mention_kind text not null,
  tier text not null,
  province text not null,
  value text not null,
  mentions integer not null default 0,
  reach bigint not null default 0,
  -- occurrences: quotes of a voice, uses of a jargon term
  uses integer not null default 0,
  elitist integer not null default 0,
  -- the sum of a sentiment term's pulls (positive towards positive)
  pull double precision not null default 0,
  primary key (topic_id, facet, day, mention_kind, tier, province, value)
);

create table mention_daily_counts (
  day date not null,
  mention_kind text not null,
  tier text not null,
  province text not null,
  mentions integer not null default 0,
  primary key (day, mention_kind, tier, province)
);

delete from topic_daily_stats;

insert into topic_daily_stats (topic_id, day, mention_kind, tier, province, mentions, views, reach, membumi_reach, audience_reach,
                               register_reach, voices_reach, organic_reach, membumi_sum, analysed, positive, neutral, negative, elitist,
                               pickups, official_reach, echo_reach, voices_official, voices_non_official)
select tm.topic_id, (m.occurred_at at time zone 'Asia/Jakarta')::date, m.kind, coalesce(m.tier, ''), coalesce(m.province_codes[1], ''),
  count(*), coalesce(sum(m.views), 0), coalesce(sum(m.reach), 0),
  coalesce(sum(m.reach * m.membumi), 0), coalesce(sum(m.reach * m.membumi_audience), 0), coalesce(sum(m.reach * m.membumi_register), 0),
  coalesce(sum(m.reach * m.membumi_voices), 0), coalesce(sum(m.reach * m.membumi_organic), 0),
  coalesce(sum(m.membumi), 0), count(m.membumi),
  count(*) filter (where m.sentiment = 'positive'), count(*) filter (where m.sentiment = 'neutral'),
  count(*) filter (where m.sentiment = 'negative'), count(*) filter (where m.register = 'elitist'),
  count(*) filter (where coalesce(m.membumi_organic, 1) < 1 and coalesce(m.author_voice, '') <> 'official'),
  coalesce(sum(m.reach) filter (where coalesce(m.tier, '') in ('official', 'state') or coalesce(m.author_voice, '') = 'official'), 0),
  coalesce(sum(m.reach) filter (where not (coalesce(m.tier, '') in ('official', 'state') or coalesce(m.author_voice, '') = 'official') and coalesce(m.membumi_organic, 1) < 1), 0),
  coalesce(sum(m.voices_official), 0), coalesce(sum(m.voices_non_official), 0)
from topic_mentions tm join mentions m on m.id = tm.mention_id
group by 1, 2, 3, 4, 5;

alter table topic_daily_stats add primary key (topic_id, day, mention_kind, tier, province);

insert into mention_daily_counts (day, mention_kind, tier, province, mentions)
select (occurred_at at time zone 'Asia/Jakarta')::date, kind, coalesce(tier, ''), coalesce(province_codes[1], ''), count(*)
from mentions group by 1, 2, 3, 4;

insert into topic_day_facets (topic_id, facet, day, mention_kind, tier, province, value, mentions, reach, uses, elitist, pull)
select tm.topic_id, f.facet, (m.occurred_at at time zone 'Asia/Jakarta')::date, m.kind, coalesce(m.tier, ''), coalesce(m.province_codes[1], ''),
  f.value, count(*), coalesce(sum(m.reach), 0), sum(f.uses), count(*) filter (where m.register = 'elitist'), sum(f.pull)
from topic_mentions tm join mentions m on m.id = tm.mention_id
cross join lateral (
  select e.facet, left(e.value, 200) as value, sum(e.uses)::int as uses, sum(e.pull)::float8 as pull
  from (
    select 'source' as facet,
           coalesce(m.source_id::text, lower(regexp_replace(substring(m.url from '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#:]+)'), '^www\.', '')), m.url) as value,
           1 as uses, 0::float8 as pull
    union all
    select 'voice.' || (v->>'type'), v->>'speaker', 1, 0 from jsonb_array_elements(coalesce(m.analysis->'voices', '[]'::jsonb)) v
    where v->>'speaker' <> 'dia'
    union all
    select 'term', t->>'term', 1, (t->>'pull')::float8 from jsonb_array_elements(coalesce(m.analysis->'sentiment_terms', '[]'::jsonb)) t
    union all
    select 'jargon', j->>'term', (j->>'count')::int, 0 from jsonb_array_elements(coalesce(m.analysis->'jargon', '[]'::jsonb)) j
  ) e
  where e.facet is not null and e.value is not null and e.value <> ''
  group by 1, 2
) f
group by 1, 2, 3, 4, 5, 6, 7;
