import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { createApp } from '../../api/app.js';
import { createApiToken, createUser } from '../../api/auth/auth.repo.js';
import { hashPassword } from '../../api/auth/password.js';
import type { Role } from '../../api/auth/roles.js';
import type { Sql } from '../../core/db.js';

type App = ReturnType<typeof createApp>;

export interface TestUser {
  id: number;
  username: string;
  role: Role;
  /** Set when the user was made able to sign in (a real scrypt hash costs ~0.1 s, so only when asked). */
  password?: string;
}

/** A user of `role`; with `signIn` a real password they can sign in with, otherwise one nobody can. */
export async function createTestUser(sql: Sql, role: Role, opts: { signIn?: boolean; username?: string } = {}): Promise<TestUser> {
  const username = opts.username ?? `${role}-${randomBytes(3).toString('hex')}`;
  const password = opts.signIn ? `pw-${randomBytes(12).toString('hex')}` : undefined;
  const user = await createUser(sql, { username, role, passwordHash: password ? await hashPassword(password) : 'none' });
  if (!user) throw new Error(`test user ${username} exists`);
  return { id: user.id, username, role, password };
}

/** An API token of a new user of `role`. */
export async function tokenForRole(sql: Sql, role: Role): Promise<string> {
  const user = await createTestUser(sql, role);
  return (await createApiToken(sql, user.id, { name: 'tests', role })).token;
}

/**
 * Makes the app's in-process requests (`app.request`) carry this token unless a request names its own
 * Authorization or Cookie: tests of features send requests as a signed-in script would.
 */
export function authorize(app: App, token: string): App {
  const raw = app.request.bind(app);
  app.request = ((input: string | Request | URL, init?: RequestInit, ...rest: unknown[]) => {
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    if (!headers.has('authorization') && !headers.has('cookie')) headers.set('authorization', `Bearer ${token}`);
    return (raw as (...a: unknown[]) => Response | Promise<Response>)(input, { ...init, headers }, ...rest);
  }) as App['request'];
  return app;
}

/** `authorize` with an admin's token: for tests of features, not of access. */
export async function authorizeAsAdmin(app: App, sql: Sql): Promise<App> {
  return authorize(app, await tokenForRole(sql, 'admin'));
}

/** Signs in through the dashboard's own form, as a person would. */
export async function signInThroughPage(page: Page, baseUrl: string, user: TestUser): Promise<void> {
  if (!user.password) throw new Error('create the user with { signIn: true }');
  await page.goto(`${baseUrl}/`);
  await page.waitForSelector('#login-form:not([hidden])');
  await page.fill('#login-username', user.username);
  await page.fill('#login-password', user.password);
  await page.click('#login-submit');
  await page.waitForSelector('body[data-ready="true"]');
}
