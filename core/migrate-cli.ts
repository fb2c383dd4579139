import { loadConfig } from './config.js';
import { openDatabase } from './db.js';
import { createLogger } from './logger.js';
import { migrate } from './migrate.js';

/** `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded database) and says which. */
const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL, 'gaung-migrate');
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, logger });
try {
  const applied = await migrate(db.sql, logger);
  process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema up to date; nothing applied\n');
} finally {
  await db.close();
}
