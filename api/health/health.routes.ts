import { Hono } from 'hono';
import type { AppDeps } from '../app.js';

/**
 * Liveness of the parts Gaung needs, with the crawl queue's depth. 503 when a part is down. Anyone may ask, so the
 * answer names the part that is down and no more; the error itself (addresses, database names) goes to the log.
 */
export function healthRoutes(deps: AppDeps) {
  return new Hono().get('/', async (c) => {
    const down = (part: string, what: string) => (err: Error) => {
      deps.logger.warn({ err, part, requestId: c.get('requestId') }, 'health check: a part is down');
      return { ok: false as const, error: `${what} is not answering` };
    };
    const [db, redis, queue] = await Promise.all([
      deps.sql`select 1`.then(() => ({ ok: true }), down('db', 'the database')),
      deps.redis.ping().then(() => ({ ok: true }), down('redis', 'Redis')),
      deps.crawlQueue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed').then((counts) => ({ ok: true, ...counts }), down('queue', 'the crawl queue')),
    ]);
    const ok = db.ok && redis.ok && queue.ok;
    return c.json({ status: ok ? 'ok' : 'degraded', db, redis, queue }, ok ? 200 : 503);
  });
}
