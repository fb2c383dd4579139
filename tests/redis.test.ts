import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findFreePort } from '../core/db.js';
import { createLogger } from '../core/logger.js';
import { openRedis, REDIS_MISSING_HELP } from '../core/redis.js';
import { TEST_REDIS_URL } from './helpers/redis.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaung-redis-'));
const logger = createLogger('silent');
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('finding a Redis', () => {
  test('a Redis answering at the local address is used as it is', async () => {
    const handle = await openRedis({ dataDir, logger, localUrl: TEST_REDIS_URL });
    try {
      expect(handle.url).toBe(TEST_REDIS_URL);
      expect(await handle.redis.ping()).toBe('PONG');
    } finally {
      await handle.close();
    }
  });

  test('with no Redis answering, redis-server from PATH is started with its data under the data directory', async () => {
    const nobody = `redis://127.0.0.1:${await findFreePort()}`;
    const handle = await openRedis({ dataDir, logger, localUrl: nobody });
    try {
      expect(handle.url).not.toBe(nobody);
      await handle.redis.set('gaung:probe', 'ada');
      expect(await handle.redis.get('gaung:probe')).toBe('ada');
      expect(fs.existsSync(path.join(dataDir, 'redis'))).toBe(true);
    } finally {
      await handle.close();
    }
  });

  test('with no Redis and no redis-server, opening fails with how to get one', async () => {
    const nobody = `redis://127.0.0.1:${await findFreePort()}`;
    await expect(openRedis({ dataDir, logger, localUrl: nobody, redisServer: '/nonexistent/redis-server' })).rejects.toThrow(REDIS_MISSING_HELP);
    expect(REDIS_MISSING_HELP).toContain('apt-get install redis-server');
    expect(REDIS_MISSING_HELP).toContain('docker compose up -d redis');
  });
});
