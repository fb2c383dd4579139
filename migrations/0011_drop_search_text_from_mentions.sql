-- Topic matching runs on the full-text vectors (0006); the old lower-cased copy of every text is no longer read.
alter table mentions drop column search_text;
