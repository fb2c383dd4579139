-- What Gaung reads from each mention at ingest (analysis/): sentiment, register, voices, places, with the
-- explanation in `analysis`; and what depends on the channel: audience tier, estimated reach and how it was
-- estimated, and the membumi index with its four parts. `analysis_version` says which lexicons scored it,
-- so a re-analysis after a lexicon change finds what is out of date.

alter table mentions add column analysis_version integer;
alter table mentions add column sentiment text check (sentiment in ('positive', 'neutral', 'negative'));
alter table mentions add column sentiment_score real;
alter table mentions add column sentiment_confidence real;
alter table mentions add column register text check (register in ('elitist', 'grounded'));
alter table mentions add column grounding_score real;
alter table mentions add column voices_official integer;
alter table mentions add column voices_non_official integer;
alter table mentions add column non_official_share real;
alter table mentions add column author_voice text check (author_voice in ('official', 'media', 'individual'));
alter table mentions add column province_codes text[];
alter table mentions add column analysis jsonb;
alter table mentions add column tier text check (tier in ('official', 'state', 'national', 'regional', 'social'));
alter table mentions add column reach bigint;
alter table mentions add column reach_method text check (reach_method in ('views', 'engagement', 'audience', 'audience_repeat', 'followers'));
alter table mentions add column membumi real;
alter table mentions add column membumi_audience real;
alter table mentions add column membumi_register real;
alter table mentions add column membumi_voices real;
alter table mentions add column membumi_organic real;

create index mentions_analysis_version_idx on mentions (analysis_version, id);

-- A domain's configured audience counts once per Asia/Jakarta day: the first mention of the day carries it.
create table domain_day_reach (
  domain text not null,
  day date not null,
  primary key (domain, day)
);

-- Rollups keep sums and counts, never averages: the index of a topic-day is membumi_reach / reach.
alter table topic_daily_stats add column reach bigint not null default 0;
alter table topic_daily_stats add column membumi_reach double precision not null default 0;
alter table topic_daily_stats add column audience_reach double precision not null default 0;
alter table topic_daily_stats add column register_reach double precision not null default 0;
alter table topic_daily_stats add column voices_reach double precision not null default 0;
alter table topic_daily_stats add column organic_reach double precision not null default 0;
alter table topic_daily_stats add column membumi_sum double precision not null default 0;
alter table topic_daily_stats add column analysed integer not null default 0;
alter table topic_daily_stats add column positive integer not null default 0;
alter table topic_daily_stats add column neutral integer not null default 0;
alter table topic_daily_stats add column negative integer not null default 0;
alter table topic_daily_stats add column elitist integer not null default 0;
