import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { openRedis } from '../core/redis.js';
import { SOURCE_KINDS, type SourceKind } from '../core/types.js';
import { createCrawlContext } from './context.js';
import { previewSource } from './preview.js';

/**
 * `npm run --silent crawl:preview -- <url> [--kind rss|sitemap|listing|page|search] [--pattern REGEX]
 *   [--render auto|always|never] [--query "kata kunci"] [--limit N]`
 * Prints one JSON object per item on its own line; writes nothing to the database. Problems go to stderr.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    kind: { type: 'string' },
    pattern: { type: 'string' },
    render: { type: 'string' },
    query: { type: 'string' },
    limit: { type: 'string' },
    timezone: { type: 'string' },
  },
});
const url = positionals[0];
if (!url) {
  process.stderr.write('usage: npm run --silent crawl:preview -- <url> [--kind rss|sitemap|listing|page|search] [--pattern REGEX] [--limit N]\n');
  process.exit(2);
}
if (values.kind && !SOURCE_KINDS.includes(values.kind as SourceKind)) {
  process.stderr.write(`--kind must be one of ${SOURCE_KINDS.join(', ')}\n`);
  process.exit(2);
}

const config = loadConfig({ LOG_LEVEL: 'error', ...process.env });
const logger = createLogger(config.LOG_LEVEL, 'gaung-preview');
const redis = await openRedis({ redisUrl: config.REDIS_URL, dataDir: config.DATA_DIR, logger });
const ctx = createCrawlContext({ sql: null, redis: redis.redis, logger, config });
let code = 0;
try {
  const result = await previewSource(ctx, {
    url,
    kind: values.kind as SourceKind | undefined,
    config: values.pattern ? { articlePattern: values.pattern } : undefined,
    render: values.render as 'auto' | 'always' | 'never' | undefined,
    terms: values.query ? [values.query] : undefined,
    limit: values.limit ? Number(values.limit) : 10,
    timezone: values.timezone,
  });
  for (const item of result.items) process.stdout.write(`${JSON.stringify(item)}\n`);
  for (const f of result.failed) process.stderr.write(`skipped ${f.url}: ${f.reason}\n`);
  if (result.items.length === 0) code = 1;
} catch (err) {
  process.stderr.write(`preview failed: ${(err as Error).message}\n`);
  code = 1;
} finally {
  await ctx.close();
  await redis.close();
}
process.exit(code);
