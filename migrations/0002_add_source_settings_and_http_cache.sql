-- Source kinds beyond RSS keep their settings in `config` (validated by the API per kind);
-- `render` says when a page is rendered in Chromium; `audience` is the per-source reach figure.
alter table sources add column config jsonb not null default '{}';
alter table sources add column render text not null default 'auto' check (render in ('auto', 'always', 'never'));
alter table sources add column audience bigint;
alter table sources add column last_success_at timestamptz;

-- Validators for conditional GET, per URL, so an unchanged feed or page costs one 304.
create table http_cache (
  url text primary key,
  etag text,
  last_modified text,
  checked_at timestamptz not null default now()
);
