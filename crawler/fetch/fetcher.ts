import type { Redis } from 'ioredis';
import type { Dispatcher } from 'undici';
import type { Sql } from '../../core/db.js';
import { createDispatcher, fetchUrl, HttpStatusError, isPermanent, type FetchResult } from './http.js';
import { createDomainGate, type DomainGate } from './politeness.js';
import { getRobotsRules, type RobotsRules } from './robots.js';
import { assertFetchableUrl, createAddressPolicy, type AddressPolicy } from '../../core/ssrf.js';

/** Everything the crawler fetches goes through here: SSRF guard, robots.txt, Redis politeness, retries, conditional GET. */
export interface Fetcher {
  fetch(url: string, opts?: { accept?: string; conditional?: boolean; headers?: Record<string, string> }): Promise<FetchResult>;
  /** The same checks for a page the browser will load: SSRF, robots.txt, then this domain's turn. Returns the release. */
  admit(url: string): Promise<() => Promise<void>>;
  readonly policy: AddressPolicy;
  close(): Promise<void>;
}

export interface FetcherSettings {
  userAgent: string;
  allowAddresses: string;
  maxBytes: number;
  timeoutMs: number;
  domainDelayMs: number;
  domainConcurrency: number;
  retries: number;
}

export class RobotsDisallowedError extends Error {
  override name = 'RobotsDisallowedError';
}

const MAX_RETRY_WAIT_MS = 60_000;
const ROBOTS_MEMO_MS = 5 * 60_000;

/** ETag / Last-Modified per URL, for conditional GET; the preview runs without one. */
export interface ValidatorCache {
  get(url: string): Promise<{ etag: string | null; lastModified: string | null } | null>;
  put(url: string, etag: string | null, lastModified: string | null): Promise<void>;
}

export function databaseValidatorCache(sql: Sql): ValidatorCache {
  return {
    async get(url) {
      const [row] = await sql<{ etag: string | null; last_modified: string | null }[]>`select etag, last_modified from http_cache where url = ${url}`;
      return row ? { etag: row.etag, lastModified: row.last_modified } : null;
    },
    async put(url, etag, lastModified) {
      await sql`
        insert into http_cache (url, etag, last_modified) values (${url}, ${etag}, ${lastModified})
        on conflict (url) do update set etag = excluded.etag, last_modified = excluded.last_modified, checked_at = now()`;
    },
  };
}

export function createFetcher(deps: { cache: ValidatorCache | null; redis: Redis; prefix: string; settings: FetcherSettings }): Fetcher {
  const { cache, redis, prefix, settings } = deps;
  const policy: AddressPolicy = createAddressPolicy(settings.allowAddresses);
  const dispatcher: Dispatcher = createDispatcher(policy, settings.timeoutMs);
  const gate: DomainGate = createDomainGate(redis, prefix, {
    delayMs: settings.domainDelayMs,
    concurrency: settings.domainConcurrency,
    leaseMs: settings.timeoutMs + 5_000,
  });
  const httpOpts = { userAgent: settings.userAgent, maxBytes: settings.maxBytes, timeoutMs: settings.timeoutMs };

  async function politeGet(url: URL, extra: { accept?: string; etag?: string | null; lastModified?: string | null; delayMs?: number; headers?: Record<string, string> }) {
    for (let attempt = 0; ; attempt++) {
      const release = await gate.acquire(url.host, { delayMs: extra.delayMs });
      try {
        return await fetchUrl(url.toString(), dispatcher, policy, { ...httpOpts, ...extra });
      } catch (err) {
        if (isPermanent(err) || attempt >= settings.retries) throw err;
        const hinted = err instanceof HttpStatusError ? err.retryAfterMs : null;
        await new Promise((r) => setTimeout(r, Math.min(hinted ?? 500 * 2 ** attempt, MAX_RETRY_WAIT_MS)));
      } finally {
        await release();
      }
    }
  }

  // Parsed rules are kept in this process for a few minutes in front of the shared Redis copy.
  const robotsMemo = new Map<string, { rules: Promise<RobotsRules>; until: number }>();
  const loadRobots = (origin: string) =>
    getRobotsRules(redis, prefix, origin, async (robotsUrl) => {
      try {
        const res = await politeGet(new URL(robotsUrl), { accept: 'text/plain' });
        return { status: res.status, text: res.body.toString('utf8') };
      } catch (err) {
        if (err instanceof HttpStatusError) return { status: err.status, text: '' };
        throw err;
      }
    });

  async function robotsFor(url: URL) {
    let memo = robotsMemo.get(url.origin);
    if (!memo || memo.until < Date.now()) {
      memo = { rules: loadRobots(url.origin), until: Date.now() + ROBOTS_MEMO_MS };
      robotsMemo.set(url.origin, memo);
      memo.rules.catch(() => robotsMemo.delete(url.origin));
    }
    const robots = await memo.rules;
    if (!robots.isAllowed(url.toString())) throw new RobotsDisallowedError(`robots.txt of ${url.origin} disallows ${url.pathname} for GaungBot`);
    return robots;
  }

  return {
    policy,
    async admit(raw) {
      const url = assertFetchableUrl(raw, policy);
      const robots = await robotsFor(url);
      return gate.acquire(url.host, { delayMs: robots.crawlDelayMs ?? undefined });
    },
    async fetch(raw, opts = {}) {
      const url = assertFetchableUrl(raw, policy);
      const robots = await robotsFor(url);
      const useCache = opts.conditional && cache;
      const cached = useCache ? await cache.get(url.toString()) : null;
      const res = await politeGet(url, { accept: opts.accept, headers: opts.headers, etag: cached?.etag, lastModified: cached?.lastModified, delayMs: robots.crawlDelayMs ?? undefined });
      if (useCache && !res.notModified && (res.etag || res.lastModified)) await cache.put(url.toString(), res.etag, res.lastModified);
      return res;
    },
    close: () => dispatcher.close(),
  };
}
