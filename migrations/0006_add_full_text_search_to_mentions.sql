-- Topic queries run on PostgreSQL full-text search ('simple' configuration: lower-cased words, no stemming,
-- so "presidensi" never matches "presiden"): a stored tsvector of title and text, and one of the title for
-- title: filters, each with a GIN index. Matching at ingest, preview and backfill all use them.
alter table mentions add column search_vector tsvector
  generated always as (to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || coalesce(body, ''))) stored;
alter table mentions add column title_vector tsvector
  generated always as (to_tsvector('simple'::regconfig, coalesce(title, ''))) stored;

create index mentions_search_vector_idx on mentions using gin (search_vector);
create index mentions_title_vector_idx on mentions using gin (title_vector);
