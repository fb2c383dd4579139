import { Hono } from 'hono';
import { buildDashboard, type DashboardAssets } from '../dashboard/build.js';
import type { AppDeps } from './app.js';

/** The dashboard page and its bundle, built once on first request. */
export function dashboardRoutes(_deps: AppDeps) {
  let assets: Promise<DashboardAssets> | null = null;
  const load = () => (assets ??= buildDashboard().catch((err) => ((assets = null), Promise.reject(err))));
  return new Hono()
    .get('/', async (c) => c.html((await load()).html))
    .get('/assets/app.js', async (c) => {
      c.header('content-type', 'text/javascript; charset=utf-8');
      c.header('cache-control', 'no-cache');
      return c.body((await load()).js);
    })
    .get('/assets/app.css', async (c) => {
      c.header('content-type', 'text/css; charset=utf-8');
      c.header('cache-control', 'no-cache');
      return c.body((await load()).css);
    });
}
