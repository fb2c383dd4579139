import os from 'node:os';
import { z } from 'zod';

/** Every setting Gaung reads from the environment, parsed once. Secrets come only from here. */
const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WORKERS: z.string().default('crawl,analyze,export'),
  /** Prefix of every BullMQ key; the {…} hash tag keeps a queue on one Redis Cluster slot. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^\{[\w-]+\}$/, { message: 'must be a Redis hash tag such as {gaung}' })
    .default('{gaung}'),
  CRAWL_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  CRAWL_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  CRAWL_MAX_ARTICLES: z.coerce.number().int().min(1).max(5000).default(200),
  /** Private addresses the crawler may fetch despite the SSRF guard (IPs or CIDRs, comma-separated). */
  CRAWL_ALLOW_ADDRESSES: z.string().default(''),
  CRAWL_MAX_BYTES: z.coerce.number().int().min(10_000).default(10 * 1024 * 1024),
  CRAWL_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(20_000),
  CRAWL_DOMAIN_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  CRAWL_DOMAIN_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  CRAWL_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  /**
   * Worker threads that extract pages and prepare mention text; 0 does it on the main thread. The default is one
   * per core: extraction is most of a page's CPU, and the main thread (fetching, the queue, the store) and
   * PostgreSQL only fill the gaps (on two cores, two threads stored about 15 % more pages a second than one).
   * On one core everything runs on the main thread: a thread there only adds the cost of handing pages over.
   * In a thread, a page that takes too long is stopped and fails alone.
   */
  EXTRACT_THREADS: z.coerce.number().int().min(0).max(32).default(os.availableParallelism() > 1 ? os.availableParallelism() : 0),
  EXTRACT_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** A saved topic query is matched against stored mentions before the save returns up to this many mentions; beyond, by a background job. */
  BACKFILL_INLINE_MAX: z.coerce.number().int().min(0).default(20_000),
  /** The direct XLSX export answers 413 beyond this many mentions; larger exports run as background jobs. */
  EXPORT_INLINE_MAX: z.coerce.number().int().min(0).default(50_000),
  /** Where new alerts are POSTed as JSON (Slack-style `text` plus the alert); unset: shown on the dashboard only. */
  ALERT_WEBHOOK_URL: z.string().url().optional(),
  ALERT_CHECK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** How long a sign-in lasts. */
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(72),
  /** Session cookies are Secure (and __Host- prefixed) when the request came over TLS ('auto'), always, or never. */
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  /** Behind a reverse proxy: trust X-Forwarded-For / X-Forwarded-Proto for the client address and TLS. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Failed sign-ins allowed per username (and ten times that per address) in 15 minutes. */
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10),
  /** Requests per minute per API token or signed-in user (0: no limit). */
  API_RATE_LIMIT: z.coerce.number().int().min(0).default(600),
  /** On first start with no users, an admin with this username and password is created (never a default password). */
  GAUNG_ADMIN_USERNAME: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, { message: 'lower-case letters, digits, . _ -; 3 to 40 characters' }).optional(),
  GAUNG_ADMIN_PASSWORD: z.string().optional(),
  /** Debian's Chromium for pages that need JavaScript; empty turns browser rendering off. */
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  RENDER_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(2),
  RENDER_PAGES_PER_BROWSER: z.coerce.number().int().min(1).max(10_000).default(100),
  /** Chromium host resolver rules; the demo and tests use 'MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost'. */
  RENDER_HOST_RULES: z.string().optional(),
  USER_AGENT: z
    .string()
    .default('GaungBot/0.1 (+https://github.com/gaung-id/gaung; media monitoring)'),
});

export type Config = z.infer<typeof envSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
