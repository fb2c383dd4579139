-- The dashboard's usual views filter by topic, days, kind and tier, rarely by province; topic_daily_stats and
-- topic_day_facets also split every row by the province named first, so a 30-day chart summed thousands of
-- rows and a top-N table nearly as many as there are mentions. The same sums, keyed without the province, serve
-- every read without a province filter (api/rollup-filter.ts); core/rollups.ts writes both in one statement.
create table topic_daily_tier_stats (like topic_daily_stats including defaults);
alter table topic_daily_tier_stats drop column province;
alter table topic_daily_tier_stats add primary key (topic_id, day, mention_kind, tier);
alter table topic_daily_tier_stats add foreign key (topic_id) references topics (id) on delete cascade;

create table topic_day_tier_facets (like topic_day_facets including defaults);
alter table topic_day_tier_facets drop column province;
alter table topic_day_tier_facets add primary key (topic_id, facet, day, mention_kind, tier, value);
alter table topic_day_tier_facets add foreign key (topic_id) references topics (id) on delete cascade;

insert into topic_daily_tier_stats (topic_id, day, mention_kind, tier, mentions, views, reach, membumi_reach, audience_reach, register_reach,
                                    voices_reach, organic_reach, membumi_sum, analysed, positive, neutral, negative, elitist, pickups,
                                    official_reach, echo_reach, voices_official, voices_non_official)
select topic_id, day, mention_kind, tier, sum(mentions), sum(views), sum(reach), sum(membumi_reach), sum(audience_reach), sum(register_reach),
       sum(voices_reach), sum(organic_reach), sum(membumi_sum), sum(analysed), sum(positive), sum(neutral), sum(negative), sum(elitist), sum(pickups),
       sum(official_reach), sum(echo_reach), sum(voices_official), sum(voices_non_official)
from topic_daily_stats group by 1, 2, 3, 4;

insert into topic_day_tier_facets (topic_id, facet, day, mention_kind, tier, value, mentions, reach, uses, elitist, pull)
select topic_id, facet, day, mention_kind, tier, value, sum(mentions), sum(reach), sum(uses), sum(elitist), sum(pull)
from topic_day_facets group by 1, 2, 3, 4, 5, 6;
