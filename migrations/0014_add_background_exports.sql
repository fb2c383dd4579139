-- Large mention exports run as background jobs. Workers may run on other machines than the API, so the
-- finished file lives here, in chunks of bytea written as it is produced (memory stays flat); an export and
-- its chunks are deleted 24 hours after it finishes.
create table exports (
  id bigserial primary key,
  owner_id bigint not null references users (id) on delete cascade,
  format text not null check (format in ('csv', 'xlsx')),
  filters jsonb not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  rows_done integer not null default 0,
  rows_total integer,
  rows_skipped integer not null default 0,
  error text,
  byte_size bigint not null default 0,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  expires_at timestamptz not null default now() + interval '24 hours'
);
create index exports_owner_created_idx on exports (owner_id, created_at desc);
create index exports_expires_idx on exports (expires_at);

create table export_chunks (
  export_id bigint not null references exports (id) on delete cascade,
  seq integer not null,
  data bytea not null,
  primary key (export_id, seq)
);
