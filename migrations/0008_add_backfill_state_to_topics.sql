-- Which version of a topic's query has been matched against every stored mention: while it lags behind
-- `version`, a background backfill is re-matching (its progress is on the job).
alter table topics add column matched_version integer;
update topics set matched_version = version;
