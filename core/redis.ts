import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { findFreePort } from './db.js';
import type { Logger } from './logger.js';

export { Redis };

export interface RedisHandle {
  url: string;
  /** A connection for commands; BullMQ workers open their own from `url`. */
  redis: Redis;
  close(): Promise<void>;
}

const LOCAL_URL = 'redis://127.0.0.1:6379';

export const REDIS_MISSING_HELP =
  'Gaung needs Redis and found none: nothing answers at 127.0.0.1:6379 and there is no redis-server on PATH.\n' +
  'Install one with `apt-get install redis-server` (or `docker compose up -d redis`), or set REDIS_URL.';

/** Connection options BullMQ needs for blocking commands. */
export function createRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}

/**
 * REDIS_URL when set; otherwise a Redis at 127.0.0.1:6379 if one answers; otherwise a `redis-server` from PATH
 * started as a child process with its data under `dataDir`; otherwise a clear error.
 */
export interface OpenRedisOptions {
  redisUrl?: string;
  dataDir: string;
  logger: Logger;
  /** Where a local Redis is looked for before one is started (default redis://127.0.0.1:6379). */
  localUrl?: string;
  /** The redis-server binary to start (default: `redis-server` from PATH). */
  redisServer?: string;
}

export async function openRedis(opts: OpenRedisOptions): Promise<RedisHandle> {
  if (opts.redisUrl) return wrap(opts.redisUrl);
  const local = opts.localUrl ?? LOCAL_URL;
  if (await answersPing(local)) return wrap(local);
  const child = await startRedisServer(opts.redisServer ?? 'redis-server', opts.dataDir, opts.logger);
  const handle = wrap(child.url);
  return {
    ...handle,
    async close() {
      await handle.close();
      child.process.kill('SIGTERM');
    },
  };
}

function wrap(url: string): RedisHandle {
  const redis = createRedis(url);
  return { url, redis, close: async () => void (await redis.quit().catch(() => redis.disconnect())) };
}

async function answersPing(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

async function startRedisServer(bin: string, dataDir: string, logger: Logger): Promise<{ url: string; process: ChildProcess }> {
  const dir = path.resolve(dataDir, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const port = await findFreePort();
  const child = spawn(bin, ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--appendonly', 'yes', '--save', ''], {
    stdio: 'ignore',
  });
  const spawned = await new Promise<boolean>((resolve) => {
    child.once('spawn', () => resolve(true));
    child.once('error', () => resolve(false));
  });
  if (!spawned) throw new Error(REDIS_MISSING_HELP);
  process.once('exit', () => child.kill('SIGTERM'));
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if (await answersPing(url)) {
      logger.info({ url, dir }, 'started redis-server from PATH; set REDIS_URL to use your own Redis');
      return { url, process: child };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server was started on port ${port} but did not answer within 5 s`);
}
