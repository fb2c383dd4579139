-- Public social posts: who posted, what kind of account, and engagement as observed at fetch time.
alter table mentions add column platform text;
alter table mentions add column external_id text;
alter table mentions add column author_handle text;
alter table mentions add column author_kind text check (author_kind in ('official', 'organization', 'verified', 'media', 'individual'));
alter table mentions add column engagement_observed_at timestamptz;

create unique index mentions_platform_external_idx on mentions (platform, external_id) where external_id is not null;
