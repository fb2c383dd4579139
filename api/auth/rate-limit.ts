import type { Redis } from '../../core/redis.js';

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  /** Seconds until the window ends (for Retry-After). */
  resetSeconds: number;
}

/**
 * A fixed-window counter in Redis, shared by every API process: `key` is counted once per call and refused
 * past the limit until the window ends. Keys carry the deployment's `{…}` hash tag, so they live on one
 * Redis Cluster slot with the queues.
 */
export async function hitRateLimit(redis: Redis, key: string, rule: RateLimit): Promise<RateLimitResult> {
  const [[, count], [, ttl]] = (await redis.multi().incr(key).ttl(key).exec()) as [[null, number], [null, number]];
  let reset = ttl;
  if (ttl < 0) {
    await redis.expire(key, rule.windowSeconds);
    reset = rule.windowSeconds;
  }
  return { allowed: count <= rule.limit, remaining: Math.max(0, rule.limit - count), resetSeconds: reset };
}

export async function clearRateLimit(redis: Redis, key: string): Promise<void> {
  await redis.del(key);
}
