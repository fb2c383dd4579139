import { Hono } from 'hono';
import type { AppDeps } from '../app.js';

/** Liveness of the parts Gaung needs, with the crawl queue's depth. 503 when a part is down. */
export function healthRoutes(deps: AppDeps) {
  return new Hono().get('/', async (c) => {
    const [db, redis, queue] = await Promise.all([
      deps.sql`select 1`.then(() => ({ ok: true }), (e: Error) => ({ ok: false, error: e.message })),
      deps.redis.ping().then(() => ({ ok: true }), (e: Error) => ({ ok: false, error: e.message })),
      deps.crawlQueue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed').then(
        (counts) => ({ ok: true, ...counts }),
        (e: Error) => ({ ok: false, error: e.message }),
      ),
    ]);
    const ok = db.ok && redis.ok && queue.ok;
    return c.json({ status: ok ? 'ok' : 'degraded', db, redis, queue }, ok ? 200 : 503);
  });
}
