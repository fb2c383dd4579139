import { Hono } from 'hono';
import { deliverAlerts, detectAlerts, listAlerts, SPIKE_RULE } from '../../core/alerts.js';
import type { AppDeps } from '../app.js';
import { parseInput } from '../errors.js';
import { alertsQuery } from './alerts.schema.js';

/** Spikes in volume or negative sentiment against the 7-day baseline, and silent sources, with what drove them. */
export function alertRoutes({ sql, alertWebhookUrl }: AppDeps) {
  return new Hono()
    .get('/', async (c) => {
      const q = parseInput(alertsQuery, c.req.query());
      return c.json({ rule: SPIKE_RULE, data: await listAlerts(sql, q) });
    })
    .post('/check', async (c) => {
      // The scheduled check, run now (the worker also runs it every ALERT_CHECK_MINUTES).
      const created = await detectAlerts(sql);
      await deliverAlerts(sql, created, alertWebhookUrl);
      return c.json({ data: await listAlerts(sql, { ids: created.map((a) => a.id) }) });
    });
}
