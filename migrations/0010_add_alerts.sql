-- Alerts a communications lead should see today: a topic's volume or negative sentiment spiking against its
-- 7-day baseline (with the mentions that drove it), and sources gone silent. One alert per kind, subject and
-- day; delivered_at / delivery_error record the webhook delivery.
create table alerts (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('volume_spike', 'negative_spike', 'silent_source')),
  topic_id bigint references topics (id) on delete cascade,
  source_id bigint references sources (id) on delete cascade,
  day date not null,
  value double precision not null,
  baseline double precision not null,
  detail jsonb not null default '{}',
  created_at timestamptz not null default now(),
  delivered_at timestamptz,
  delivery_error text
);

create unique index alerts_once_a_day_idx on alerts (kind, coalesce(topic_id, 0), coalesce(source_id, 0), day);
create index alerts_day_idx on alerts (day desc, id desc);
