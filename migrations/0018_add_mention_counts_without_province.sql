-- "Share of all items" divides a topic's mentions by every collected mention of the day. Without a province
-- filter it summed mention_daily_counts across every province (about 5,600 rows for 30 days at 1M
-- mentions); the same counts keyed by day, kind and tier serve those reads (api/panels/panels.repo.ts).
create table mention_daily_tier_counts (
  day date not null,
  mention_kind text not null,
  tier text not null,
  mentions integer not null default 0,
  primary key (day, mention_kind, tier)
);

insert into mention_daily_tier_counts (day, mention_kind, tier, mentions)
select day, mention_kind, tier, sum(mentions) from mention_daily_counts group by 1, 2, 3;
