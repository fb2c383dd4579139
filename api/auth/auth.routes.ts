import { Hono } from 'hono';
import type { AppDeps } from '../app.js';
import { idParam } from '../common.schema.js';
import { ApiError, notFound, parseInput, readJson } from '../errors.js';
import { assertCsrfToken, clearSessionCookie, clientAddress, requireUser, sessionToken, setSessionCookie } from './auth.middleware.js';
import { createApiToken, createSession, deleteSession, findUserForLogin, listApiTokens, revokeApiToken, updateUser } from './auth.repo.js';
import { changePasswordBody, createTokenBody, loginBody } from './auth.schema.js';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './password.js';
import { clearRateLimit, hitRateLimit } from './rate-limit.js';
import { hasRole } from './roles.js';

const LOGIN_WINDOW_SECONDS = 15 * 60;
/** The wait before checking a password once an account has failed LOGIN_MAX_ATTEMPTS times (from anywhere): 250 ms, doubling, at most 8 s. */
const loginDelayMs = (over: number): number => Math.min(250 * 2 ** over, 8000);

/** Signing in and out, the signed-in user, their password and their API tokens. */
export function authRoutes({ sql, redis, auth }: AppDeps) {
  return new Hono()
    .post('/login', async (c) => {
      // JSON only: a cross-site form cannot post JSON without a preflight, so nobody can sign a victim in as someone else.
      if (!c.req.header('content-type')?.toLowerCase().startsWith('application/json')) {
        throw new ApiError(415, 'unsupported_media_type', 'send the username and password as JSON');
      }
      const body = parseInput(loginBody, await readJson(c.req.raw));
      const name = body.username.toLowerCase();
      const address = clientAddress(c, auth);
      // Attempts are limited per account from one address, and per address: a stranger failing on purpose cannot lock
      // a user out from everywhere. Failures on an account from every address slow its next attempts down instead.
      const userKey = `${auth.keyPrefix}:ratelimit:login:user:${name}:${address}`;
      const addressKey = `${auth.keyPrefix}:ratelimit:login:address:${address}`;
      const failuresKey = `${auth.keyPrefix}:ratelimit:login:failures:${name}`;
      const rules = { user: { limit: auth.loginMaxAttempts, windowSeconds: LOGIN_WINDOW_SECONDS }, address: { limit: auth.loginMaxAttempts * 10, windowSeconds: LOGIN_WINDOW_SECONDS } };
      const [byUser, byAddress] = await Promise.all([hitRateLimit(redis, userKey, rules.user), hitRateLimit(redis, addressKey, rules.address)]);
      if (!byUser.allowed || !byAddress.allowed) {
        const wait = Math.max(byUser.allowed ? 0 : byUser.resetSeconds, byAddress.allowed ? 0 : byAddress.resetSeconds);
        c.header('Retry-After', String(wait));
        throw new ApiError(429, 'rate_limited', `too many sign-in attempts; try again in ${Math.ceil(wait / 60)} minutes`);
      }
      const failures = Number((await redis.get(failuresKey)) ?? 0);
      if (failures >= auth.loginMaxAttempts) await new Promise((r) => setTimeout(r, loginDelayMs(failures - auth.loginMaxAttempts)));
      const user = await findUserForLogin(sql, name);
      const ok = await verifyPassword(body.password, user?.password_hash ?? (await decoyHash()));
      if (!user || !ok || user.disabled) {
        if ((await redis.incr(failuresKey)) === 1) await redis.expire(failuresKey, LOGIN_WINDOW_SECONDS);
        throw new ApiError(401, 'invalid_credentials', 'wrong username or password');
      }
      await Promise.all([clearRateLimit(redis, userKey), clearRateLimit(redis, failuresKey)]);
      const session = await createSession(sql, user.id, auth.sessionTtlHours, c.req.header('user-agent') ?? null);
      setSessionCookie(c, auth, session.token, session.expiresAt);
      return c.json({ data: { user: { id: user.id, username: user.username, display_name: user.display_name, role: user.role }, csrfToken: session.csrfToken } });
    })
    .post('/logout', async (c) => {
      // Open to all (an expired session still clears its cookie), but a live session is ended only with its CSRF token.
      const principal = c.get('principal');
      if (principal?.via === 'session') assertCsrfToken(c, principal);
      const token = sessionToken(c);
      if (token) await deleteSession(sql, token);
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .get('/me', (c) => {
      const p = c.get('principal');
      return c.json({
        data: {
          user: p?.user ? { ...p.user, role: p.role } : null,
          role: p?.role ?? null,
          via: p?.via ?? null,
          csrfToken: p?.csrfToken ?? null,
          anonymousViewer: auth.anonymousViewer,
        },
      });
    })
    .post('/password', async (c) => {
      const me = requireUser(c);
      if (me.via !== 'session') throw new ApiError(403, 'forbidden', 'change your password from a signed-in browser session, not with a token');
      const body = parseInput(changePasswordBody, await readJson(c.req.raw));
      const stored = await findUserForLogin(sql, me.user.username);
      if (!stored || !(await verifyPassword(body.current_password, stored.password_hash))) throw new ApiError(400, 'invalid_request', 'current_password: wrong password');
      const problem = passwordProblem(body.new_password, me.user.username);
      if (problem) throw new ApiError(400, 'invalid_request', `new_password: ${problem}`);
      // Every session ends, this one too: a new sign-in follows.
      await updateUser(sql, me.user.id, { passwordHash: await hashPassword(body.new_password) });
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .get('/tokens', async (c) => c.json({ data: await listApiTokens(sql, requireUser(c).user.id) }))
    .post('/tokens', async (c) => {
      const me = requireUser(c);
      // A leaked token must not be able to make itself a successor that outlives its revocation.
      if (me.via !== 'session') throw new ApiError(403, 'forbidden', 'create API tokens from a signed-in browser session, not with a token');
      const body = parseInput(createTokenBody, await readJson(c.req.raw));
      const tokenRole = body.role ?? me.role;
      if (!hasRole(me.role, tokenRole)) throw new ApiError(400, 'invalid_request', `role: a token cannot be above its owner's role (${me.role})`);
      const { token, record } = await createApiToken(sql, me.user.id, { name: body.name, role: tokenRole, expiresInDays: body.expires_in_days ?? null });
      // The token itself is shown this once; only its digest is kept.
      return c.json({ data: { ...record, token } }, 201);
    })
    .delete('/tokens/:id', async (c) => {
      const me = requireUser(c);
      const { id } = parseInput(idParam, c.req.param());
      if (!(await revokeApiToken(sql, me.user.id, id))) throw notFound(`token ${id}`);
      return c.body(null, 204);
    });
}
