-- Ingest adds to the topic rollups with upserts: most of a day's rows are updated again and again as mentions
-- arrive. With room left in each page, PostgreSQL writes the new row version beside the old one (a HOT update)
-- instead of adding an entry to the table's primary key each time: less to write per mention and less to vacuum.
-- Existing pages get the room as they are rewritten (VACUUM FULL, or the rows' own turnover).
alter table topic_daily_stats set (fillfactor = 70);
alter table topic_daily_tier_stats set (fillfactor = 70);
alter table topic_day_facets set (fillfactor = 70);
alter table topic_day_tier_facets set (fillfactor = 70);
alter table topic_day_value_facets set (fillfactor = 70);
alter table mention_daily_counts set (fillfactor = 70);
alter table mention_daily_tier_counts set (fillfactor = 70);
alter table source_daily_counts set (fillfactor = 70);
