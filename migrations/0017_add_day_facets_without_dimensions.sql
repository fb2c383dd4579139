-- A top-N panel with no kind, tier or province filter (the dashboard's first view) summed a facet value's
-- row for every kind and tier of every day: about 7,500 rows for a 30-day top terms at 1M mentions. The same
-- sums keyed by topic, facet, day and value only serve those reads (api/rollup-filter.ts); core/rollups.ts
-- writes them in the statement that writes the other facet tables.
create table topic_day_value_facets (
  topic_id bigint not null references topics (id) on delete cascade,
  facet text not null,
  day date not null,
  value text not null,
  mentions integer not null default 0,
  reach bigint not null default 0,
  uses integer not null default 0,
  elitist integer not null default 0,
  pull double precision not null default 0,
  primary key (topic_id, facet, day, value)
);

insert into topic_day_value_facets (topic_id, facet, day, value, mentions, reach, uses, elitist, pull)
select topic_id, facet, day, value, sum(mentions), sum(reach), sum(uses), sum(elitist), sum(pull)
from topic_day_tier_facets group by 1, 2, 3, 4;
