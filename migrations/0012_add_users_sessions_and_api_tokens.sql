-- Accounts: users with one role each, their browser sessions and their API tokens. Secrets are never
-- stored: passwords as scrypt hashes, session and token values as SHA-256 digests.
create table if not exists users (
  id bigserial primary key,
  username text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
  display_name text not null default '',
  role text not null check (role in ('viewer', 'staff', 'analyst', 'admin')),
  password_hash text not null,
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_login_at timestamptz
);

create table if not exists sessions (
  id_hash text primary key,
  user_id bigint not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  user_agent text
);
create index if not exists sessions_user_idx on sessions (user_id);
create index if not exists sessions_expires_idx on sessions (expires_at);

create table if not exists api_tokens (
  id bigserial primary key,
  user_id bigint not null references users (id) on delete cascade,
  name text not null check (length(name) between 1 and 80),
  token_hash text not null unique,
  -- the first characters of the token, so its owner can tell tokens apart
  prefix text not null,
  -- a token may act with a lesser role than its owner (a read-only token for a script)
  role text not null check (role in ('viewer', 'staff', 'analyst', 'admin')),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz
);
create index if not exists api_tokens_user_idx on api_tokens (user_id);
