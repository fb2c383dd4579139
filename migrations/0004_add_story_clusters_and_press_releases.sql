-- Syndication: near-duplicate mentions grouped into story clusters (MinHash signatures, LSH bands),
-- each copy pointing at the first-seen original; the campaign's own press releases and their pickups.

create table story_clusters (
  id bigint generated always as identity primary key,
  first_mention_id bigint,
  mention_count integer not null default 0,
  copy_count integer not null default 0,
  first_seen_at timestamptz not null default now()
);

alter table mentions add column minhash integer[];
alter table mentions add column cluster_id bigint references story_clusters (id) on delete set null;
-- set when this mention is a near-verbatim copy of an earlier one (first seen wins)
alter table mentions add column copy_of bigint references mentions (id) on delete set null;
alter table mentions add column copy_similarity real;

create index mentions_cluster_idx on mentions (cluster_id);

create table mention_bands (
  band smallint not null,
  hash integer not null,
  mention_id bigint not null references mentions (id) on delete cascade,
  primary key (band, hash, mention_id)
);

create table press_releases (
  id bigint generated always as identity primary key,
  title text not null,
  url text unique,
  body text not null,
  minhash integer[] not null,
  published_at timestamptz,
  created_at timestamptz not null default now()
);

create table press_release_bands (
  band smallint not null,
  hash integer not null,
  press_release_id bigint not null references press_releases (id) on delete cascade,
  primary key (band, hash, press_release_id)
);

alter table mentions add column press_release_id bigint references press_releases (id) on delete set null;
alter table mentions add column press_release_similarity real;

create index mentions_press_release_idx on mentions (press_release_id);
