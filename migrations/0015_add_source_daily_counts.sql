-- Source health (GET /api/v1/sources) reads a rollup kept at ingest, not a count over every mention of every
-- source: mentions per source and UTC day of fetched_at, with the latest fetch. The day a 7- or 30-day window
-- starts inside is counted from the mentions through (source_id, fetched_at), so the figures stay exact.
create table source_daily_counts (
  source_id bigint not null references sources (id) on delete cascade,
  day date not null,
  mentions integer not null default 0,
  last_fetched_at timestamptz not null,
  primary key (source_id, day)
);

insert into source_daily_counts (source_id, day, mentions, last_fetched_at)
select source_id, (fetched_at at time zone 'UTC')::date, count(*), max(fetched_at)
from mentions where source_id is not null group by 1, 2;

create index mentions_source_fetched_idx on mentions (source_id, fetched_at);
