import { loadConfig } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { closeOnSignals, openRuntime } from '../core/runtime.js';
import { startWorkers } from './worker.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL, 'gaung-worker');
try {
  const runtime = await openRuntime(config, logger);
  const workers = await startWorkers(runtime);
  closeOnSignals(runtime, workers.close);
} catch (err) {
  logger.fatal((err as Error).message);
  process.exit(1);
}
