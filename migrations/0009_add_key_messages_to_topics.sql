-- Key messages: a topic can hold sub-queries ("manfaat G20 bagi rakyat", "pemulihan ekonomi"), each tracked on
-- its own. A key message is a topic row with a parent; it matches what both its parent's query and its own match.
-- Names are unique among the topics and among each topic's key messages.
alter table topics add column parent_id bigint references topics (id) on delete cascade;
alter table topics drop constraint topics_name_key;
create unique index topics_parent_name_idx on topics (coalesce(parent_id, 0), name);
