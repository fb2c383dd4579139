import { serve } from '@hono/node-server';
import { loadConfig } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { closeOnSignals, openRuntime } from '../core/runtime.js';
import { startWorkers } from '../crawler/worker.js';
import { createApp, depsFromRuntime } from './app.js';
import { ensureFirstAdmin } from './auth/bootstrap.js';

/** `npm run api` serves the API and dashboard; `npm start` (--with-worker) also runs the crawl workers in this process. */
const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL, 'gaung-api');
const withWorker = process.argv.includes('--with-worker');
try {
  const runtime = await openRuntime(config, logger);
  await ensureFirstAdmin(runtime.db.sql, config, logger);
  const workers = withWorker ? await startWorkers(runtime) : null;
  const app = createApp(depsFromRuntime(runtime));
  const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, (info) =>
    logger.info(`Gaung listening on http://${config.HOST}:${info.port}/`),
  );
  closeOnSignals(runtime, async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await workers?.close();
  });
} catch (err) {
  logger.fatal((err as Error).message);
  process.exit(1);
}
