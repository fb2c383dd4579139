import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../../core/db.js';
import { ROLES, roleRank, type Role } from './roles.js';

export interface User {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  disabled: boolean;
  created_at: Date;
  last_login_at: Date | null;
}

/** Who is asking: a user through a browser session or an API token (acting with the token's role), or the demo's anonymous viewer. */
export interface Principal {
  user: Pick<User, 'id' | 'username' | 'display_name'> | null;
  role: Role;
  via: 'session' | 'token' | 'anonymous';
  /** The session's CSRF token (sessions only). */
  csrfToken?: string;
  /** The API token's id (tokens only): rate limits are kept per token. */
  tokenId?: number;
}

const USER_COLUMNS = 'id, username, display_name, role, disabled, created_at, last_login_at';
const digest = (value: string) => createHash('sha256').update(value).digest('hex');

export async function listUsers(sql: Sql): Promise<User[]> {
  return sql<User[]>`select ${sql.unsafe(USER_COLUMNS)} from users order by username`;
}

export async function getUser(sql: Sql, id: number): Promise<User | null> {
  const [user] = await sql<User[]>`select ${sql.unsafe(USER_COLUMNS)} from users where id = ${id}`;
  return user ?? null;
}

export async function findUserForLogin(sql: Sql, username: string): Promise<(User & { password_hash: string }) | null> {
  const [user] = await sql<(User & { password_hash: string })[]>`
    select ${sql.unsafe(USER_COLUMNS)}, password_hash from users where username = ${username.toLowerCase()}`;
  return user ?? null;
}

/** A new user, or null when the username is taken. */
export async function createUser(sql: Sql, input: { username: string; displayName?: string; role: Role; passwordHash: string }): Promise<User | null> {
  const [user] = await sql<User[]>`
    insert into users (username, display_name, role, password_hash)
    values (${input.username.toLowerCase()}, ${input.displayName ?? ''}, ${input.role}, ${input.passwordHash})
    on conflict (username) do nothing
    returning ${sql.unsafe(USER_COLUMNS)}`;
  return user ?? null;
}

/**
 * Changes a user. A new password, a lesser role or disabling ends the user's sessions and revokes tokens
 * that would now act above the user's role, so a change of rights takes effect at once.
 */
export async function updateUser(
  sql: Sql,
  id: number,
  input: { displayName?: string; role?: Role; disabled?: boolean; passwordHash?: string },
): Promise<User | null> {
  return sql.begin(async (tx) => {
    const [user] = await tx<User[]>`
      update users set
        display_name = coalesce(${input.displayName ?? null}, display_name),
        role = coalesce(${input.role ?? null}, role),
        disabled = coalesce(${input.disabled ?? null}, disabled),
        password_hash = coalesce(${input.passwordHash ?? null}, password_hash),
        updated_at = now()
      where id = ${id}
      returning ${tx.unsafe(USER_COLUMNS)}`;
    if (!user) return null;
    if (input.passwordHash || input.disabled || input.role) await tx`delete from sessions where user_id = ${id}`;
    // A new password (the user's own change, or an admin's reset after a suspected compromise) ends the tokens too.
    if (input.disabled || input.passwordHash) await tx`update api_tokens set revoked_at = now() where user_id = ${id} and revoked_at is null`;
    if (input.role) {
      const above = ROLES.slice(roleRank(input.role) + 1);
      await tx`update api_tokens set revoked_at = now() where user_id = ${id} and revoked_at is null and role = any(${above as unknown as string[]}::text[])`;
    }
    return user;
  }) as Promise<User | null>;
}

export async function deleteUser(sql: Sql, id: number): Promise<boolean> {
  const rows = await sql`delete from users where id = ${id} returning id`;
  return rows.length > 0;
}

export async function countAdmins(sql: Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from users where role = 'admin' and not disabled`;
  return row!.n;
}

// ---- sessions -------------------------------------------------------------------------------------

export interface NewSession {
  /** The cookie value; only its digest is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(sql: Sql, userId: number, ttlHours: number, userAgent: string | null): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const [row] = await sql<{ expires_at: Date }[]>`
    insert into sessions (id_hash, user_id, csrf_token, expires_at, user_agent)
    values (${digest(token)}, ${userId}, ${csrfToken}, now() + make_interval(hours => ${ttlHours}), ${userAgent?.slice(0, 300) ?? null})
    returning expires_at`;
  await sql`update users set last_login_at = now() where id = ${userId}`;
  // Old sessions of anyone are swept now and then, here, rather than by a timer.
  await sql`delete from sessions where expires_at < now() - interval '1 day'`;
  return { token, csrfToken, expiresAt: row!.expires_at };
}

/** The principal behind a session cookie, or null when it is unknown, expired or its user disabled. */
export async function principalForSession(sql: Sql, token: string): Promise<Principal | null> {
  const [row] = await sql<{ id: number; username: string; display_name: string; role: Role; csrf_token: string; stale: boolean }[]>`
    select u.id, u.username, u.display_name, u.role, s.csrf_token, s.last_seen_at < now() - interval '5 minutes' as stale
    from sessions s join users u on u.id = s.user_id
    where s.id_hash = ${digest(token)} and s.expires_at > now() and not u.disabled`;
  if (!row) return null;
  if (row.stale) await sql`update sessions set last_seen_at = now() where id_hash = ${digest(token)}`;
  return { user: { id: row.id, username: row.username, display_name: row.display_name }, role: row.role, via: 'session', csrfToken: row.csrf_token };
}

export async function deleteSession(sql: Sql, token: string): Promise<void> {
  await sql`delete from sessions where id_hash = ${digest(token)}`;
}

// ---- API tokens -----------------------------------------------------------------------------------

export interface ApiToken {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

const TOKEN_COLUMNS = 'id, name, prefix, role, created_at, last_used_at, expires_at, revoked_at';
/** Tokens look like `gaung_…`, so a leaked one is easy to recognise (and to scan for). */
export const TOKEN_PREFIX = 'gaung_';

export async function createApiToken(
  sql: Sql,
  userId: number,
  input: { name: string; role: Role; expiresInDays?: number | null },
): Promise<{ token: string; record: ApiToken }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const [record] = await sql<ApiToken[]>`
    insert into api_tokens (user_id, name, token_hash, prefix, role, expires_at)
    values (${userId}, ${input.name}, ${digest(token)}, ${token.slice(0, TOKEN_PREFIX.length + 6)}, ${input.role},
            ${input.expiresInDays ? sql`now() + make_interval(days => ${input.expiresInDays})` : null})
    returning ${sql.unsafe(TOKEN_COLUMNS)}`;
  return { token, record: record! };
}

export async function listApiTokens(sql: Sql, userId: number): Promise<ApiToken[]> {
  return sql<ApiToken[]>`select ${sql.unsafe(TOKEN_COLUMNS)} from api_tokens where user_id = ${userId} order by created_at desc`;
}

export async function revokeApiToken(sql: Sql, userId: number, id: number): Promise<boolean> {
  const rows = await sql`update api_tokens set revoked_at = coalesce(revoked_at, now()) where id = ${id} and user_id = ${userId} returning id`;
  return rows.length > 0;
}

/** The principal behind a bearer token: its role, never above its owner's. */
export async function principalForToken(sql: Sql, token: string): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await sql<{ token_id: number; id: number; username: string; display_name: string; role: Role; stale: boolean }[]>`
    select t.id as token_id, u.id, u.username, u.display_name, t.role,
           coalesce(t.last_used_at < now() - interval '1 minute', true) as stale
    from api_tokens t join users u on u.id = t.user_id
    where t.token_hash = ${digest(token)} and t.revoked_at is null and (t.expires_at is null or t.expires_at > now()) and not u.disabled`;
  if (!row) return null;
  if (row.stale) await sql`update api_tokens set last_used_at = now() where id = ${row.token_id}`;
  return { user: { id: row.id, username: row.username, display_name: row.display_name }, role: row.role, via: 'token', tokenId: row.token_id };
}
