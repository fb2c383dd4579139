-- Every saved query of a topic, with who saved it and when: the history analysts read and diff, and the days
-- a chart marks as "the query changed here". Version 1 of every existing topic is its current query.
create table topic_versions (
  topic_id bigint not null references topics (id) on delete cascade,
  version integer not null,
  query text not null,
  author text,
  created_at timestamptz not null default now(),
  primary key (topic_id, version)
);

insert into topic_versions (topic_id, version, query, created_at)
select id, version, query, updated_at from topics;
