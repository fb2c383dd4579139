import type { Redis } from 'ioredis';

/**
 * Per-domain politeness shared by every worker on every machine, kept in Redis: at most `concurrency`
 * requests in flight to one host, and at least `delayMs` between the starts of two requests to it.
 * Times come from the Redis server's clock, so machines need not agree on the time.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local delay = tonumber(ARGV[1])
local concurrency = tonumber(ARGV[2])
local lease = tonumber(ARGV[3])
if #ARGV > 4 then redis.call('ZREM', KEYS[2], unpack(ARGV, 5)) end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[2]) >= concurrency then
  local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  return math.max(50, math.min(1000, tonumber(first[2]) - now))
end
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
if nextAt > now then return nextAt - now end
redis.call('SET', KEYS[1], now + delay, 'PX', delay + 1000)
redis.call('ZADD', KEYS[2], now + lease, ARGV[4])
redis.call('PEXPIRE', KEYS[2], lease + 1000)
return 0`;

export interface DomainGate {
  /** Waits for this host's turn; call the returned function when the request is done. */
  acquire(host: string, opts?: { delayMs?: number }): Promise<() => Promise<void>>;
}

type GateRedis = Redis & {
  gaungAcquireTurn?: (next: string, active: string, delay: number, concurrency: number, lease: number, token: string, ...released: string[]) => Promise<number>;
};

/**
 * A finished request's slot is given back with the next request to the same host (one round trip per page instead
 * of two), or on its own after at most this long when no next request comes: other workers see it free by then.
 */
const RELEASE_AFTER_MS = 20;

export function createDomainGate(redis: Redis, prefix: string, defaults: { delayMs: number; concurrency: number; leaseMs: number }): DomainGate {
  let counter = 0;
  // A defined command runs by its SHA (EVALSHA), so the script is not sent again with every page.
  const r = redis as GateRedis;
  if (!r.gaungAcquireTurn) r.defineCommand('gaungAcquireTurn', { numberOfKeys: 2, lua: ACQUIRE });
  // Finished requests' tokens by their host's active set, not yet removed from it.
  const released = new Map<string, string[]>();
  let flushTimer: NodeJS.Timeout | null = null;
  const flush = () => {
    flushTimer = null;
    const due = [...released];
    released.clear();
    for (const [active, tokens] of due) redis.zrem(active, ...tokens).catch(() => {}); // a token not removed expires with its lease
  };
  const take = (active: string) => {
    const tokens = released.get(active) ?? [];
    released.delete(active);
    return tokens;
  };
  return {
    async acquire(host, opts = {}) {
      const keyBase = `${prefix}:polite:${host.toLowerCase()}`;
      const active = `${keyBase}:active`;
      const token = `${process.pid}:${Date.now()}:${++counter}`;
      const delay = Math.max(opts.delayMs ?? defaults.delayMs, 0);
      for (;;) {
        const giveBack = take(active);
        let wait: number;
        try {
          wait = Number(await r.gaungAcquireTurn!(`${keyBase}:next`, active, delay, defaults.concurrency, defaults.leaseMs, token, ...giveBack));
        } catch (err) {
          if (giveBack.length > 0) released.set(active, [...giveBack, ...(released.get(active) ?? [])]);
          throw err;
        }
        if (wait <= 0) break;
        await new Promise((r) => setTimeout(r, wait + Math.floor(Math.random() * 20)));
      }
      return async () => {
        released.set(active, [...(released.get(active) ?? []), token]);
        flushTimer ??= setTimeout(flush, RELEASE_AFTER_MS).unref();
      };
    },
  };
}
