import robotsParserModule from 'robots-parser';
import type { Redis } from 'ioredis';
import { BlockedUrlError } from '../../core/ssrf.js';

/**
 * robots.txt with RFC 9309 semantics: a 2xx file is obeyed, a 4xx means everything is allowed, a 5xx
 * or an unreachable server means nothing is allowed for now. Files are cached in Redis per origin,
 * so every worker shares one fetch a day.
 */
export const ROBOTS_AGENT = 'GaungBot';

type Robot = { isAllowed(url: string, ua?: string): boolean | undefined; getCrawlDelay(ua?: string): number | undefined };
// The package is CommonJS (module.exports = fn); its typings describe an ES default export.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => Robot;
const TTL_OK_S = 24 * 3600;
const TTL_UNREACHABLE_S = 10 * 60;

export type RobotsFetch = (url: string) => Promise<{ status: number; text: string }>;

interface Cached {
  rule: 'file' | 'allow-all' | 'disallow-all';
  text?: string;
}

export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** Crawl-delay in ms, when the file sets one for us. */
  crawlDelayMs: number | null;
}

export async function getRobotsRules(redis: Redis, prefix: string, origin: string, fetchRobots: RobotsFetch): Promise<RobotsRules> {
  const key = `${prefix}:robots:${origin}`;
  let cached = JSON.parse((await redis.get(key)) ?? 'null') as Cached | null;
  if (!cached) {
    let ttl = TTL_OK_S;
    try {
      const res = await fetchRobots(`${origin}/robots.txt`);
      if (res.status >= 200 && res.status < 300) cached = { rule: 'file', text: res.text };
      else if (res.status >= 400 && res.status < 500) cached = { rule: 'allow-all' };
      else ((cached = { rule: 'disallow-all' }), (ttl = TTL_UNREACHABLE_S));
    } catch (err) {
      if (err instanceof BlockedUrlError) throw err; // the site itself is off limits: say that, not "robots"
      cached = { rule: 'disallow-all' };
      ttl = TTL_UNREACHABLE_S;
    }
    await redis.set(key, JSON.stringify(cached), 'EX', ttl);
  }
  if (cached.rule !== 'file') return { isAllowed: () => cached.rule === 'allow-all', crawlDelayMs: null };
  const robots = robotsParser(`${origin}/robots.txt`, cached.text ?? '');
  const delay = robots.getCrawlDelay(ROBOTS_AGENT);
  return {
    isAllowed: (url) => robots.isAllowed(url, ROBOTS_AGENT) !== false,
    crawlDelayMs: delay ? Math.min(delay * 1000, 30_000) : null,
  };
}
