-- The language each mention's text is in (analysis/language.ts, stored in mentions.language) as one more facet
-- of the topic rollups, so the languages panel reads what ingest keeps (core/rollups.ts writes it with the
-- other facets from now on). Here: the facet rows for the mentions already stored, in all three facet tables.
insert into topic_day_facets (topic_id, facet, day, mention_kind, tier, province, value, mentions, reach, uses, elitist, pull)
select tm.topic_id, 'language', (m.occurred_at at time zone 'Asia/Jakarta')::date, m.kind, coalesce(m.tier, ''), coalesce(m.province_codes[1], ''),
  left(m.language, 200), count(*), coalesce(sum(m.reach), 0), count(*), count(*) filter (where m.register = 'elitist'), 0
from topic_mentions tm join mentions m on m.id = tm.mention_id
where m.language is not null and m.language <> ''
group by 1, 3, 4, 5, 6, 7
on conflict (topic_id, facet, day, mention_kind, tier, province, value) do nothing;

insert into topic_day_tier_facets (topic_id, facet, day, mention_kind, tier, value, mentions, reach, uses, elitist, pull)
select topic_id, facet, day, mention_kind, tier, value, sum(mentions), sum(reach), sum(uses), sum(elitist), sum(pull)
from topic_day_facets where facet = 'language' group by 1, 2, 3, 4, 5, 6
on conflict (topic_id, facet, day, mention_kind, tier, value) do nothing;

insert into topic_day_value_facets (topic_id, facet, day, value, mentions, reach, uses, elitist, pull)
select topic_id, facet, day, value, sum(mentions), sum(reach), sum(uses), sum(elitist), sum(pull)
from topic_day_facets where facet = 'language' group by 1, 2, 3, 4
on conflict (topic_id, facet, day, value) do nothing;
