import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, depsFromRuntime } from '../api/app.js';
import { openTestApp, type TestApp } from './helpers/app.js';
import { createTestUser } from './helpers/auth.js';

// Issue 12 (low): behind a trusted proxy, the client's address is the one the proxy appended, not what the client wrote.
let t: TestApp;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  // one attempt per username, ten per address, in the sign-in window
  t = await openTestApp({ TRUST_PROXY: 'true', LOGIN_MAX_ATTEMPTS: '1' });
  app = createApp(depsFromRuntime(t.rt));
});
afterAll(async () => t?.close());

const signInAs = (username: string, password: string, forwardedFor: string) =>
  app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ username, password }),
  });
/** A failed sign-in of the n-th made-up guest. */
const signIn = (n: number, forwardedFor: string) => signInAs(`tamu-${n}`, 'salah-sekali', forwardedFor);

describe('sign-in limits', () => {
  test("a stranger's failures lock them out, not the account's owner, whose next sign-in is only slowed down", async () => {
    const owner = await createTestUser(t.db.sql, 'staff', { signIn: true });
    const attacker = ['203.0.113.5', '203.0.113.5', '203.0.113.5'];
    const statuses = [];
    for (const from of attacker) statuses.push((await signInAs(owner.username, 'tebakan-salah', from)).status);
    expect(statuses).toEqual([401, 429, 429]); // LOGIN_MAX_ATTEMPTS is 1 here, per account and address
    expect((await signInAs(owner.username, 'tebakan-lain', '203.0.113.6')).status).toBe(401); // another address: one more failure
    const started = Date.now();
    const own = await signInAs(owner.username, owner.password!, '198.51.100.20');
    expect(own.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450); // two failures against a limit of one: 500 ms
  });
});

describe('behind a trusted proxy', () => {
  test('a client writing its own X-Forwarded-For entries is still counted by the address the proxy saw', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 11; n++) statuses.push((await signIn(n, `10.9.${n}.1, 198.51.100.7`)).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // another client behind the same proxy is not held back by the first one's attempts
    expect((await signIn(99, '198.51.100.8')).status).toBe(401);
  });
});
