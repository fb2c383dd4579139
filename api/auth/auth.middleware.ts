import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { matchedRoutes } from 'hono/route';
import type { Logger } from '../../core/logger.js';
import type { Redis } from '../../core/redis.js';
import type { Sql } from '../../core/db.js';
import { ApiError } from '../errors.js';
import { ROUTE_DOCS, type RouteRole } from '../openapi/openapi.docs.js';
import { principalForSession, principalForToken, type Principal } from './auth.repo.js';
import { hitRateLimit, type RateLimit } from './rate-limit.js';
import { hasRole, type Role } from './roles.js';

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal | null;
  }
}

export interface AuthSettings {
  /** `npm run demo` only: GET requests without a session act as an anonymous viewer. Writes always need a session or token. */
  anonymousViewer: boolean;
  sessionTtlHours: number;
  secureCookies: 'auto' | 'always' | 'never';
  trustProxy: boolean;
  /** Failed sign-ins per username in 15 minutes (ten times that per client address). */
  loginMaxAttempts: number;
  /** Requests per minute per token or signed-in user; 0 turns the limit off. */
  apiRateLimit: number;
  /** The deployment's Redis hash tag (QUEUE_PREFIX), so rate-limit keys sit beside its queues. */
  keyPrefix: string;
}

export const SESSION_COOKIE = 'gaung_session';
/** With TLS the cookie takes the __Host- prefix: the browser then refuses it unless Secure, host-only and Path=/. */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSecureRequest(c: Context, settings: AuthSettings): boolean {
  if (settings.secureCookies !== 'auto') return settings.secureCookies === 'always';
  if (new URL(c.req.url).protocol === 'https:') return true;
  return settings.trustProxy && lastHop(c.req.header('x-forwarded-proto')) === 'https';
}

/**
 * The entry the trusted proxy added to a forwarding header: the last one. A client may send the header itself, and a
 * proxy appends to what it was sent, so every entry before the last one is whatever the client chose to write.
 */
function lastHop(header: string | undefined): string | undefined {
  return header?.split(',').pop()?.trim() || undefined;
}

/** The client's address: the socket's, or, with a trusted proxy in front, the address that proxy saw (its X-Forwarded-For entry). */
export function clientAddress(c: Context, settings: AuthSettings): string {
  if (settings.trustProxy) {
    const forwarded = lastHop(c.req.header('x-forwarded-for'));
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // an in-process request (tests) has no socket
  }
}

export function setSessionCookie(c: Context, settings: AuthSettings, token: string, expires: Date): void {
  const secure = isSecureRequest(c, settings);
  setCookie(c, secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', expires });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  deleteCookie(c, SECURE_SESSION_COOKIE, { path: '/', secure: true });
}

export const sessionToken = (c: Context) => getCookie(c, SECURE_SESSION_COOKIE) ?? getCookie(c, SESSION_COOKIE) ?? null;

/** The least role a request needs: the route table's entry for API routes, admin for /admin, none for the page and its assets. */
function requiredRole(c: Context): RouteRole | 'unlisted' | 'unmatched' {
  const path = c.req.path;
  if (path.startsWith('/admin/') || path === '/admin') return 'admin';
  if (!path.startsWith('/api/v1/')) return 'public';
  // The first matching handler is the one that answers ("/exports/mentions.csv" before "/exports/:id").
  const route = matchedRoutes(c).find((r) => r.method !== 'ALL');
  if (!route) return 'unmatched';
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  return ROUTE_DOCS[`${method} ${route.path}`]?.role ?? 'unlisted';
}

/** A session's state-changing API request carries the session's CSRF token in a header a cross-site form cannot set. */
export function assertCsrfToken(c: Context, principal: Principal): void {
  const sent = c.req.header('x-csrf-token') ?? '';
  if (!principal.csrfToken || !sameSecret(sent, principal.csrfToken)) throw new ApiError(403, 'csrf_failed', 'missing or wrong X-CSRF-Token header; reload the page and try again');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Every request passes here: who is asking (an API token in `Authorization: Bearer`, else the session
 * cookie, else — in the demo, for reads — the anonymous viewer), whether their role may call the route,
 * the CSRF token on a session's state-changing requests, and the per-token rate limit. A route missing
 * from the route table is refused, so a new route is closed until someone decides who may call it.
 */
export function authMiddleware(deps: { sql: Sql; redis: Redis; logger: Logger; auth: AuthSettings }): MiddlewareHandler {
  const { sql, redis, logger, auth } = deps;
  const apiLimit: RateLimit = { limit: auth.apiRateLimit, windowSeconds: 60 };
  return async (c, next) => {
    let principal: Principal | null = null;
    const authorization = c.req.header('authorization');
    if (authorization) {
      const [scheme, token] = authorization.split(/\s+/, 2);
      if (scheme?.toLowerCase() !== 'bearer' || !token) throw new ApiError(401, 'unauthenticated', 'Authorization must be "Bearer <API token>"');
      principal = await principalForToken(sql, token);
      if (!principal) throw new ApiError(401, 'unauthenticated', 'the API token is unknown, revoked or expired');
    } else {
      const token = sessionToken(c);
      if (token) {
        principal = await principalForSession(sql, token);
        if (!principal) clearSessionCookie(c);
      }
    }
    if (!principal && auth.anonymousViewer && SAFE_METHODS.has(c.req.method)) principal = { user: null, role: 'viewer', via: 'anonymous' };
    c.set('principal', principal);

    const needed = requiredRole(c);
    if (needed === 'unlisted') {
      logger.error({ method: c.req.method, path: c.req.path }, 'route has no entry in the route table; refused');
      throw new ApiError(403, 'forbidden', 'this route has no access rule yet, so it is closed');
    }
    if (needed === 'public' || needed === 'unmatched') return next();

    if (!principal || (principal.via === 'anonymous' && !hasRole(principal.role, needed as Role))) {
      if (!c.req.path.startsWith('/api/')) return c.redirect(`/?next=${encodeURIComponent(c.req.path)}`, 302);
      throw new ApiError(401, 'unauthenticated', 'sign in, or send an API token as "Authorization: Bearer <token>"');
    }
    if (!hasRole(principal.role, needed as Role)) {
      throw new ApiError(403, 'forbidden', `this needs the ${needed} role; ${principal.user ? `${principal.user.username} is` : 'you are'} ${principal.role}`);
    }
    if (principal.via === 'session' && !SAFE_METHODS.has(c.req.method)) {
      // API routes: the session's CSRF token in a header a cross-site form cannot set. /admin (the queue
      // board's own requests): the browser's Origin must be ours, on top of the SameSite=Lax cookie.
      if (c.req.path.startsWith('/api/')) assertCsrfToken(c, principal);
      else {
        const origin = c.req.header('origin');
        if (!origin || origin !== new URL(c.req.url).origin) throw new ApiError(403, 'csrf_failed', 'cross-site request refused');
      }
    }
    if (auth.apiRateLimit > 0 && principal.user) {
      const key = principal.tokenId ? `${auth.keyPrefix}:ratelimit:token:${principal.tokenId}` : `${auth.keyPrefix}:ratelimit:user:${principal.user.id}`;
      const hit = await hitRateLimit(redis, key, apiLimit);
      c.header('RateLimit-Limit', String(apiLimit.limit));
      c.header('RateLimit-Remaining', String(hit.remaining));
      if (!hit.allowed) {
        c.header('Retry-After', String(hit.resetSeconds));
        throw new ApiError(429, 'rate_limited', `more than ${apiLimit.limit} requests a minute; try again in ${hit.resetSeconds} s`);
      }
    }
    return next();
  };
}

/** The signed-in user of a request (not the demo's anonymous viewer), or a 401. */
export function requireUser(c: Context): Principal & { user: NonNullable<Principal['user']> } {
  const principal = c.get('principal');
  if (!principal?.user) throw new ApiError(401, 'unauthenticated', 'sign in first');
  return principal as Principal & { user: NonNullable<Principal['user']> };
}
