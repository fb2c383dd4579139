import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppDeps } from '../app.js';

export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * bull-board's UI styles its page with inline style attributes and a <style> element; the app's CSP allows
 * neither, so this path alone gets 'unsafe-inline' for styles (scripts stay 'self' only). Its web fonts
 * (fonts.googleapis.com) stay refused: the board falls back to the system font, and nothing leaves the host.
 */
const BOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** bull-board over the crawl, analysis and export queues, for admins (the auth middleware gates /admin/*). */
export function queueBoardRoutes({ crawlQueue, analysisQueue, exportQueue }: AppDeps) {
  const serverAdapter = new HonoAdapter(serveStatic).setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: [new BullMQAdapter(crawlQueue), new BullMQAdapter(analysisQueue), new BullMQAdapter(exportQueue)],
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Gaung · antrean' } },
  });
  return new Hono()
    .use('*', async (c, next) => {
      await next();
      c.res.headers.set('content-security-policy', BOARD_CSP);
    })
    .route('/', serverAdapter.registerPlugin());
}
