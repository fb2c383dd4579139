import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, depsFromRuntime } from '../api/app.js';
import { createApiToken } from '../api/auth/auth.repo.js';
import { ensureDemoAccounts, ensureFirstAdmin } from '../api/auth/bootstrap.js';
import { ROLES, type Role } from '../api/auth/roles.js';
import { ROUTE_DOCS } from '../api/openapi/openapi.docs.js';
import { apiRoutes } from '../api/openapi/openapi.js';
import { createLogger } from '../core/logger.js';
import { openTestApp, type TestApp } from './helpers/app.js';
import { createTestUser, tokenForRole } from './helpers/auth.js';

let t: TestApp;
/** The app as a stranger meets it: no token added. */
let app: ReturnType<typeof createApp>;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  t = await openTestApp({ LOGIN_MAX_ATTEMPTS: '3' });
  app = createApp(depsFromRuntime(t.rt));
  for (const role of ROLES) tokens[role] = await tokenForRole(t.db.sql, role);
});
afterAll(async () => t?.close());

const jsonInit = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

async function signIn(username: string, password: string, url = 'http://gaung.test/api/v1/auth/login') {
  const res = await app.request(url, jsonInit('POST', { username, password }));
  const cookie = res.headers.get('set-cookie') ?? '';
  const body = (await res.json()) as { data?: { csrfToken: string }; error?: { code: string; message: string } };
  return { res, cookie, session: cookie.split(';')[0]!, csrf: body.data?.csrfToken ?? '', body };
}

describe('every route checks the role', () => {
  /** Refused by the role check itself (not by a handler's own rule). */
  const refusedForRole = (status: number, body: { error?: { code: string; message: string } }) =>
    status === 401 ? body.error?.code === 'unauthenticated' : status === 403 && /needs the \w+ role/.test(body.error?.message ?? '');

  test('each API route, called as nobody and as every role, lets in exactly the roles its table entry names', async () => {
    const routes = apiRoutes(app.routes);
    expect(routes.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    for (const { method, path } of routes) {
      const needed = ROUTE_DOCS[`${method} ${path}`]!.role;
      const url = path.replace(':jobId', 'no-such-job').replace(/:\w+/g, '999999');
      for (const who of ['nobody', ...ROLES] as const) {
        const headers: Record<string, string> = who === 'nobody' ? {} : { authorization: `Bearer ${tokens[who]}` };
        const init = method === 'GET' || method === 'DELETE' ? { method, headers } : jsonInit(method, {}, headers);
        const res = await app.request(url, init);
        const body = (await res.clone().json().catch(() => ({}))) as { error?: { code: string; message: string } };
        const allowed = needed === 'public' || (who !== 'nobody' && ROLES.indexOf(who) >= ROLES.indexOf(needed));
        const refused = refusedForRole(res.status, body);
        if (allowed === refused) wrong.push(`${method} ${path} as ${who}: ${res.status} ${body.error?.message ?? ''} (needs ${needed})`);
        if (!allowed && who === 'nobody' && res.status !== 401) wrong.push(`${method} ${path} as nobody: expected 401, got ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('a route missing from the route table is closed to everyone, admins too', async () => {
    const extra = createApp(depsFromRuntime(t.rt));
    extra.get('/api/v1/unlisted-report', (c) => c.json({ data: 'secret' }));
    const res = await extra.request('/api/v1/unlisted-report', { headers: { authorization: `Bearer ${tokens.admin}` } });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('secret');
  });

  test('the queue board under /admin is for admins: a stranger is sent to sign in, an analyst is refused', async () => {
    const stranger = await app.request('/admin/queues');
    expect(stranger.status).toBe(302);
    expect(stranger.headers.get('location')).toBe('/?next=%2Fadmin%2Fqueues');
    const analyst = await app.request('/admin/queues', { headers: { authorization: `Bearer ${tokens.analyst}` } });
    expect(analyst.status).toBe(403);
  });

  test('the dashboard page itself and the API reference load without signing in (they hold no data)', async () => {
    expect((await app.request('/')).status).toBe(200);
    expect((await app.request('/api/openapi.json')).status).toBe(200);
    expect((await app.request('/api/v1/mentions')).status).toBe(401);
  });
});

describe('sessions', () => {
  test('signing in sets an HttpOnly, SameSite=Lax session cookie that is Secure and __Host- prefixed over TLS', async () => {
    const user = await createTestUser(t.db.sql, 'viewer', { signIn: true });
    const plain = await signIn(user.username, user.password!);
    expect(plain.res.status).toBe(200);
    expect(plain.cookie).toMatch(/^gaung_session=[\w-]{40,};/);
    expect(plain.cookie).toMatch(/HttpOnly/);
    expect(plain.cookie).toMatch(/SameSite=Lax/);
    expect(plain.cookie).not.toMatch(/Secure/);

    const tls = await signIn(user.username, user.password!, 'https://gaung.test/api/v1/auth/login');
    expect(tls.cookie).toMatch(/^__Host-gaung_session=[\w-]{40,};.*Secure/);

    const me = await app.request('/api/v1/auth/me', { headers: { cookie: plain.session } });
    expect(((await me.json()) as { data: { user: { username: string }; role: string } }).data).toMatchObject({ user: { username: user.username }, role: 'viewer' });
    // The stored session is a digest: the cookie value is nowhere in the database.
    const value = plain.session.split('=')[1]!;
    const [stored] = await t.db.sql`select count(*)::int as n from sessions where id_hash = ${value}`;
    expect(stored!.n).toBe(0);
  });

  test('a wrong password and an unknown user get the same answer, and repeated failures are refused for a while', async () => {
    const user = await createTestUser(t.db.sql, 'staff', { signIn: true });
    const wrong = await signIn(user.username, 'not-the-password');
    const unknown = await signIn('nobody-here', 'not-the-password');
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    expect(wrong.body.error!.message).toBe(unknown.body.error!.message);
    await signIn(user.username, 'still-wrong');
    await signIn(user.username, 'wrong-again');
    // LOGIN_MAX_ATTEMPTS is 3 here: the fourth try is refused even with the right password.
    const limited = await signIn(user.username, user.password!);
    expect(limited.res.status).toBe(429);
    expect(Number(limited.res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('sign-in takes JSON only, so a cross-site form cannot sign a victim in as someone else', async () => {
    const res = await app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=a&password=b' });
    expect(res.status).toBe(415);
  });

  test("a session's state-changing request needs its CSRF token; a token-authenticated script's does not", async () => {
    const analyst = await createTestUser(t.db.sql, 'analyst', { signIn: true });
    const { session, csrf } = await signIn(analyst.username, analyst.password!);
    const body = { name: `CSRF ${Date.now()}`, query: 'pupuk' };
    const forged = await app.request('/api/v1/topics', jsonInit('POST', body, { cookie: session }));
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    const wrongToken = await app.request('/api/v1/topics', jsonInit('POST', body, { cookie: session, 'x-csrf-token': `${csrf}x` }));
    expect(wrongToken.status).toBe(403);
    const ok = await app.request('/api/v1/topics', jsonInit('POST', body, { cookie: session, 'x-csrf-token': csrf }));
    expect(ok.status).toBe(201);
    const versions = await t.db.sql`select author from topic_versions v join topics t on t.id = v.topic_id where t.name = ${body.name}`;
    expect(versions[0]!.author).toBe(analyst.username);
    const script = await app.request('/api/v1/topics', jsonInit('POST', { ...body, name: `${body.name} 2` }, { authorization: `Bearer ${tokens.analyst}` }));
    expect(script.status).toBe(201);
  });

  test('signing out ends the session (with its CSRF token only); disabling a user or lowering their role ends theirs at once', async () => {
    const admin = await createTestUser(t.db.sql, 'admin', { signIn: true });
    const adminSession = await signIn(admin.username, admin.password!);
    const asAdmin = (method: string, path: string, body?: unknown) =>
      app.request(path, body === undefined ? { method, headers: { cookie: adminSession.session, 'x-csrf-token': adminSession.csrf } } : jsonInit(method, body, { cookie: adminSession.session, 'x-csrf-token': adminSession.csrf }));

    const lead = await createTestUser(t.db.sql, 'analyst', { signIn: true });
    const first = await signIn(lead.username, lead.password!);
    // without the session's CSRF token (a cross-site request), signing out is refused and the session lives on
    const forged = await app.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie: first.session } });
    expect(forged.status).toBe(403);
    expect((await app.request('/api/v1/mentions', { headers: { cookie: first.session } })).status).toBe(200);
    const out = await app.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie: first.session, 'x-csrf-token': first.csrf } });
    expect(out.status).toBe(204);
    expect((await app.request('/api/v1/mentions', { headers: { cookie: first.session } })).status).toBe(401);

    const second = await signIn(lead.username, lead.password!);
    expect((await asAdmin('PATCH', `/api/v1/users/${lead.id}`, { role: 'viewer' })).status).toBe(200);
    expect((await app.request('/api/v1/mentions', { headers: { cookie: second.session } })).status).toBe(401);
    const third = await signIn(lead.username, lead.password!);
    const asViewer = await app.request('/api/v1/topics', jsonInit('POST', { name: 'x', query: 'x' }, { cookie: third.session, 'x-csrf-token': third.csrf }));
    expect(asViewer.status).toBe(403);

    expect((await asAdmin('PATCH', `/api/v1/users/${lead.id}`, { disabled: true })).status).toBe(200);
    expect((await app.request('/api/v1/mentions', { headers: { cookie: third.session } })).status).toBe(401);
    expect((await signIn(lead.username, lead.password!)).res.status).toBe(401);
  });
});

describe('API tokens', () => {
  test('a token acts with its own role (never above its owner), is stored only as a digest, and stops working when revoked', async () => {
    const owner = await createTestUser(t.db.sql, 'analyst', { signIn: true });
    const { session, csrf } = await signIn(owner.username, owner.password!);
    const headers = { cookie: session, 'x-csrf-token': csrf };
    const above = await app.request('/api/v1/auth/tokens', jsonInit('POST', { name: 'too much', role: 'admin' }, headers));
    expect(above.status).toBe(400);
    const created = await app.request('/api/v1/auth/tokens', jsonInit('POST', { name: 'laporan harian', role: 'viewer' }, headers));
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: { id: number; token: string; prefix: string } };
    expect(data.token).toMatch(/^gaung_/);
    expect(data.token.startsWith(data.prefix)).toBe(true);
    const [stored] = await t.db.sql`select count(*)::int as n from api_tokens where token_hash = ${data.token} or prefix = ${data.token}`;
    expect(stored!.n).toBe(0);

    const bearer = { authorization: `Bearer ${data.token}` };
    expect((await app.request('/api/v1/mentions', { headers: bearer })).status).toBe(200);
    expect((await app.request('/api/v1/topics', jsonInit('POST', { name: 'x', query: 'x' }, bearer))).status).toBe(403);
    const listed = (await (await app.request('/api/v1/auth/tokens', { headers })).json()) as { data: { name: string; token?: string }[] };
    expect(listed.data.map((tk) => tk.name)).toEqual(['laporan harian']);
    expect(listed.data[0]!.token).toBeUndefined();

    expect((await app.request(`/api/v1/auth/tokens/${data.id}`, { method: 'DELETE', headers })).status).toBe(204);
    const revoked = await app.request('/api/v1/mentions', { headers: bearer });
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as { error: { message: string } }).error.message).toMatch(/revoked/);
  });

  test('a token cannot make another token, and a password reset revokes every token of its user', async () => {
    const owner = await createTestUser(t.db.sql, 'analyst', { signIn: true });
    const { session, csrf } = await signIn(owner.username, owner.password!);
    const created = await app.request('/api/v1/auth/tokens', jsonInit('POST', { name: 'skrip', role: 'analyst' }, { cookie: session, 'x-csrf-token': csrf }));
    const { token } = ((await created.json()) as { data: { token: string } }).data;
    const bearer = { authorization: `Bearer ${token}` };

    const minted = await app.request('/api/v1/auth/tokens', jsonInit('POST', { name: 'penerus' }, bearer));
    expect(minted.status).toBe(403);
    expect(((await minted.json()) as { error: { message: string } }).error.message).toBe('create API tokens from a signed-in browser session, not with a token');

    expect((await app.request('/api/v1/mentions', { headers: bearer })).status).toBe(200);
    const reset = await app.request(`/api/v1/users/${owner.id}`, jsonInit('PATCH', { password: true }, { authorization: `Bearer ${tokens.admin}` }));
    expect(reset.status).toBe(200);
    const after = await app.request('/api/v1/mentions', { headers: bearer });
    expect(after.status).toBe(401);
  });

  test('requests per token are rate limited across the whole deployment (in Redis), with Retry-After', async () => {
    const limited = await openTestApp({ API_RATE_LIMIT: '5' });
    try {
      const raw = createApp(depsFromRuntime(limited.rt));
      const user = await createTestUser(limited.db.sql, 'viewer');
      const { token } = await createApiToken(limited.db.sql, user.id, { name: 'loop', role: 'viewer' });
      // two app instances stand for two API processes: the count is shared
      const other = createApp(depsFromRuntime(limited.rt));
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await (i % 2 ? other : raw).request('/api/v1/topics', { headers: { authorization: `Bearer ${token}` } })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      const last = await raw.request('/api/v1/topics', { headers: { authorization: `Bearer ${token}` } });
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe('users', () => {
  test('an admin creates a user with a generated password shown once; the last admin cannot be demoted or deleted', async () => {
    const res = await app.request('/api/v1/users', jsonInit('POST', { username: 'Staf.Humas', role: 'staff' }, { authorization: `Bearer ${tokens.admin}` }));
    expect(res.status).toBe(201);
    const { data } = (await res.json()) as { data: { id: number; username: string; generated_password: string } };
    expect(data.username).toBe('staf.humas');
    expect((await signIn('staf.humas', data.generated_password)).res.status).toBe(200);
    const weak = await app.request('/api/v1/users', jsonInit('POST', { username: 'lemah', role: 'viewer', password: 'pendek' }, { authorization: `Bearer ${tokens.admin}` }));
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { error: { message: string } }).error.message).toMatch(/password: .*12 characters/);

    // A database of its own with one admin: that admin stays.
    const solo = await openTestApp();
    try {
      const raw = createApp(depsFromRuntime(solo.rt));
      const admin = await createTestUser(solo.db.sql, 'admin');
      await solo.db.sql`delete from users where id <> ${admin.id}`;
      const { token } = await createApiToken(solo.db.sql, admin.id, { name: 't', role: 'admin' });
      const demote = await raw.request(`/api/v1/users/${admin.id}`, jsonInit('PATCH', { role: 'analyst' }, { authorization: `Bearer ${token}` }));
      expect(demote.status).toBe(409);
      expect(((await demote.json()) as { error: { message: string } }).error.message).toMatch(/last active admin/);
    } finally {
      await solo.close();
    }
  });

  test('the first admin comes from GAUNG_ADMIN_USERNAME/PASSWORD on a start with no users, never from a default', async () => {
    const fresh = await openTestApp();
    try {
      await fresh.db.sql`delete from users`;
      const logger = createLogger('silent');
      await ensureFirstAdmin(fresh.db.sql, {}, logger);
      expect((await fresh.db.sql`select count(*)::int as n from users`)[0]!.n).toBe(0);
      await expect(ensureFirstAdmin(fresh.db.sql, { GAUNG_ADMIN_USERNAME: 'kepala', GAUNG_ADMIN_PASSWORD: 'admin' }, logger)).rejects.toThrow(/GAUNG_ADMIN_PASSWORD: .*12/);
      await ensureFirstAdmin(fresh.db.sql, { GAUNG_ADMIN_USERNAME: 'kepala', GAUNG_ADMIN_PASSWORD: 'rahasia-yang-panjang-sekali' }, logger);
      const users = await fresh.db.sql`select username, role from users`;
      expect(users.map((u) => ({ ...u }))).toEqual([{ username: 'kepala', role: 'admin' }]);
      // once there are users, the variables change nothing
      await ensureFirstAdmin(fresh.db.sql, { GAUNG_ADMIN_USERNAME: 'lain', GAUNG_ADMIN_PASSWORD: 'rahasia-yang-panjang-sekali' }, logger);
      expect((await fresh.db.sql`select count(*)::int as n from users`)[0]!.n).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});

describe('demo accounts', () => {
  test('the demo refuses to add its accounts to a database with users of its own; a real start names the ones it finds and still takes its first admin', async () => {
    const fresh = await openTestApp();
    try {
      // a deployment's database, with its own admin
      await expect(ensureDemoAccounts(fresh.db.sql)).rejects.toThrow(/user\(s\) of its own, so the demo will not add its demo-\* accounts/);
      expect((await fresh.db.sql`select count(*)::int as n from users where username like 'demo-%'`)[0]!.n).toBe(0);

      // a database the demo ran in: only its accounts
      await fresh.db.sql`delete from users`;
      const accounts = await ensureDemoAccounts(fresh.db.sql);
      expect(accounts.map((a) => a.username)).toContain('demo-admin');
      const warnings: string[] = [];
      const logger = createLogger('silent');
      logger.warn = ((obj: unknown, msg?: string) => void warnings.push(msg ?? String(obj))) as typeof logger.warn;
      await ensureFirstAdmin(fresh.db.sql, { GAUNG_ADMIN_USERNAME: 'kepala', GAUNG_ADMIN_PASSWORD: 'rahasia-yang-panjang-sekali' }, logger);
      expect(warnings.join('\n')).toMatch(/demo's accounts \(demo-admin, demo-analyst, demo-staff, demo-viewer\)/);
      expect((await fresh.db.sql`select role from users where username = 'kepala'`).map((u) => u.role)).toEqual(['admin']);
    } finally {
      await fresh.close();
    }
  });
});

describe('the demo', () => {
  test('reads open without signing in as a viewer; writes and exports still need an account', async () => {
    const demo = createApp(depsFromRuntime(t.rt, { demo: true }));
    expect((await demo.request('/api/v1/mentions')).status).toBe(200);
    const me = (await (await demo.request('/api/v1/auth/me')).json()) as { data: { user: null; role: string; via: string } };
    expect(me.data).toMatchObject({ user: null, role: 'viewer', via: 'anonymous' });
    expect((await demo.request('/api/v1/topics', jsonInit('POST', { name: 'x', query: 'x' }))).status).toBe(401);
    expect((await demo.request('/api/v1/exports/mentions.csv')).status).toBe(401);
    expect((await demo.request('/api/v1/auth/tokens')).status).toBe(401);
  });
});

describe('the route table follows the role rules', () => {
  test('reads are for viewers, exports and corrections for staff, every change to topics, sources and analysis for analysts, users for admins', () => {
    const broken = Object.entries(ROUTE_DOCS).filter(([key, doc]) => {
      const [method, path] = key.split(' ') as [string, string];
      if (path.startsWith('/api/v1/users')) return doc.role !== 'admin';
      if (path === '/api/v1/exports' || path.startsWith('/api/v1/exports/')) return doc.role !== 'staff';
      // corrections: made, undone and exported by staff; the list is a read; what they teach the analysis is the analysts'
      if (path === '/api/v1/corrections/adaptation') return doc.role !== 'analyst';
      if (path === '/api/v1/corrections' || path.startsWith('/api/v1/corrections/')) return doc.role !== (method === 'GET' && !path.endsWith('.csv') ? 'viewer' : 'staff');
      if (path.startsWith('/api/v1/auth/')) return doc.role === 'staff' || doc.role === 'analyst' || doc.role === 'admin';
      if (path === '/api/v1/health' || path === '/api/v1/meta') return doc.role !== 'public';
      if (method !== 'GET' || path.startsWith('/api/v1/analyze')) return doc.role !== 'analyst' && doc.role !== 'admin';
      return doc.role === 'public';
    });
    expect(broken.map(([k, d]) => `${k}: ${d.role}`)).toEqual([]);
  });
});
