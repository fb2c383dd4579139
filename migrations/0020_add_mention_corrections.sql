-- Corrections from the people who use Gaung: a mention's sentiment set by hand, or a mention marked irrelevant
-- for one topic (with its key messages) or for every topic. Each is kept with who made it and when; undoing
-- or replacing one keeps it in the history (undone_at, replaced_by). The model's own label stays in
-- mentions.sentiment; mentions.sentiment_corrected holds the human label that wins over it, so re-analysis
-- (which writes sentiment only) never overwrites a correction, and every rollup counts the label shown:
-- coalesce(sentiment_corrected, sentiment) (core/rollups.ts).
create table mention_corrections (
  id bigserial primary key,
  mention_id bigint not null references mentions (id) on delete cascade,
  kind text not null check (kind in ('sentiment', 'irrelevant')),
  -- sentiment: the right label, and what the model said when it was corrected
  label text check (label in ('positive', 'neutral', 'negative')),
  model_label text,
  -- irrelevant: for this topic (and its key messages); null: for every topic
  topic_id bigint references topics (id) on delete cascade,
  note text check (length(note) <= 500),
  created_by bigint references users (id) on delete set null,
  created_by_name text not null,
  created_at timestamptz not null default now(),
  undone_at timestamptz,
  undone_by bigint references users (id) on delete set null,
  undone_by_name text,
  -- a sentiment correction replaced by a later one for the same mention
  replaced_by bigint references mention_corrections (id) on delete set null,
  check ((kind = 'sentiment') = (label is not null)),
  check (kind = 'irrelevant' or topic_id is null)
);

-- at most one standing correction of each kind per mention (and topic)
create unique index mention_corrections_sentiment_idx on mention_corrections (mention_id) where kind = 'sentiment' and undone_at is null;
create unique index mention_corrections_irrelevant_idx on mention_corrections (mention_id, coalesce(topic_id, 0)) where kind = 'irrelevant' and undone_at is null;
create index mention_corrections_created_idx on mention_corrections (created_at desc, id desc);
create index mention_corrections_topic_idx on mention_corrections (topic_id) where topic_id is not null;

alter table mentions add column sentiment_corrected text check (sentiment_corrected in ('positive', 'neutral', 'negative'));

-- Counts every change to the standing sentiment corrections, so workers on any machine can tell cheaply
-- whether the deployment's adaptation (learned from them) must be learned again.
create table correction_state (
  id boolean primary key default true check (id),
  sentiment_version bigint not null default 0
);
insert into correction_state (id, sentiment_version) values (true, 0);
