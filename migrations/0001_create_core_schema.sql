-- Sources Gaung crawls, topics it tracks, mentions it stores, which topic matched which mention,
-- and the daily rollup the dashboard reads. Runs on PostgreSQL 15+ and on PGlite.

create table sources (
  id bigint generated always as identity primary key,
  kind text not null,
  url text not null unique,
  name text not null,
  tier text not null default 'national'
    check (tier in ('official', 'state', 'national', 'regional', 'social')),
  interval_minutes integer not null default 60 check (interval_minutes between 5 and 10080),
  timezone text not null default 'Asia/Jakarta',
  enabled boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_fetched_at timestamptz,
  last_status text check (last_status in ('ok', 'error')),
  last_error text,
  last_item_count integer,
  consecutive_failures integer not null default 0
);

create table topics (
  id bigint generated always as identity primary key,
  name text not null unique,
  query text not null,
  -- the query compiled to normalised phrases; a mention matches when any phrase occurs in it
  terms text[] not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table mentions (
  id bigint generated always as identity primary key,
  url text not null unique,
  source_id bigint references sources (id) on delete set null,
  kind text not null check (kind in ('news', 'social')),
  title text not null,
  body text not null,
  author text,
  published_at timestamptz,
  fetched_at timestamptz not null default now(),
  -- the time axis: published_at when the page gives one, else when Gaung first saw it
  occurred_at timestamptz not null,
  language text,
  views bigint,
  likes bigint,
  shares bigint,
  replies bigint,
  followers bigint,
  -- lower-cased words separated by single spaces, padded with a space at each end
  search_text text not null
);

create index mentions_occurred_idx on mentions (occurred_at desc, id desc);
create index mentions_source_idx on mentions (source_id);

create table topic_mentions (
  topic_id bigint not null references topics (id) on delete cascade,
  mention_id bigint not null references mentions (id) on delete cascade,
  query_version integer not null,
  matched_at timestamptz not null default now(),
  primary key (topic_id, mention_id)
);

create index topic_mentions_mention_idx on topic_mentions (mention_id);

-- Kept at ingest: one row per topic, Asia/Jakarta day and mention kind. Sums and counts only.
create table topic_daily_stats (
  topic_id bigint not null references topics (id) on delete cascade,
  day date not null,
  mention_kind text not null,
  mentions integer not null default 0,
  views bigint not null default 0,
  primary key (topic_id, day, mention_kind)
);
