import type { Queue } from 'bullmq';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Sql } from '../core/db.js';
import type { Runtime } from '../core/runtime.js';
import { createCrawlContext } from '../crawler/context.js';
import { previewSource, type PreviewRequest, type PreviewResult } from '../crawler/preview.js';
import { createAddressPolicy, type AddressPolicy } from '../core/ssrf.js';
import type { Logger } from '../core/logger.js';
import type { Redis } from '../core/redis.js';
import { DATA_ATTRIBUTIONS } from './attributions.js';
import { authMiddleware, type AuthSettings } from './auth/auth.middleware.js';
import { authRoutes } from './auth/auth.routes.js';
import { userRoutes } from './auth/users.routes.js';
import { analyzeRoutes } from './analyze/analyze.routes.js';
import { dashboardRoutes } from './dashboard.routes.js';
import { alertRoutes } from './alerts/alerts.routes.js';
import { exportRoutes } from './exports/exports.routes.js';
import { membumiRoutes } from './membumi/membumi.routes.js';
import { panelRoutes } from './panels/panels.routes.js';
import { openApiRoutes } from './openapi/openapi.js';
import { ApiError, errorHandler } from './errors.js';
import { healthRoutes } from './health/health.routes.js';
import { mentionRoutes } from './mentions/mentions.routes.js';
import { correctionRoutes } from './corrections/corrections.routes.js';
import { pressReleaseRoutes } from './press-releases/press-releases.routes.js';
import { sourceRoutes } from './sources/sources.routes.js';
import { topicRoutes } from './topics/topics.routes.js';
import { variantRoutes } from './topics/variants.routes.js';
import { queueBoardRoutes } from './admin/queues.routes.js';
import { queueRoutes } from './queues/queues.routes.js';

export interface AppDeps {
  sql: Sql;
  redis: Redis;
  crawlQueue: Queue;
  analysisQueue: Queue;
  /** Background exports of mentions (POST /api/v1/exports). */
  exportQueue: Queue;
  /** The direct XLSX export answers 413 beyond this many mentions (EXPORT_INLINE_MAX). */
  exportInlineMax: number;
  /** Up to this many stored mentions, a saved topic is matched before the save returns; beyond, in the background. */
  backfillInlineMax: number;
  /** Where new alerts are sent (ALERT_WEBHOOK_URL). */
  alertWebhookUrl?: string;
  logger: Logger;
  /** Which private addresses sources may point to (the SSRF guard); from CRAWL_ALLOW_ADDRESSES. */
  addressPolicy: AddressPolicy;
  /** Runs a source's crawl path without storing anything (the analyst's preview). */
  previewSource: (req: PreviewRequest) => Promise<PreviewResult>;
  /** True in `npm run demo`: the dashboard says its data comes from the demo site. */
  demo?: boolean;
  /** Sessions, tokens, rate limits; in the demo, reads open to an anonymous viewer. */
  auth: AuthSettings;
}

export function authSettings(config: Runtime['config'], opts: { demo?: boolean } = {}): AuthSettings {
  return {
    anonymousViewer: opts.demo ?? false,
    sessionTtlHours: config.SESSION_TTL_HOURS,
    secureCookies: config.COOKIE_SECURE,
    trustProxy: config.TRUST_PROXY,
    loginMaxAttempts: config.LOGIN_MAX_ATTEMPTS,
    apiRateLimit: config.API_RATE_LIMIT,
    keyPrefix: config.QUEUE_PREFIX,
  };
}

/** The dependencies a process's runtime provides. */
export function depsFromRuntime(rt: Runtime, extra: Partial<AppDeps> = {}): AppDeps {
  let previewCtx: ReturnType<typeof createCrawlContext> | null = null;
  return {
    previewSource: (req) => previewSource((previewCtx ??= createCrawlContext({ sql: null, redis: rt.redis.redis, logger: rt.logger, config: rt.config })), req),
    sql: rt.db.sql,
    redis: rt.redis.redis,
    crawlQueue: rt.crawlQueue,
    analysisQueue: rt.analysisQueue,
    exportQueue: rt.exportQueue,
    exportInlineMax: rt.config.EXPORT_INLINE_MAX,
    backfillInlineMax: rt.config.BACKFILL_INLINE_MAX,
    alertWebhookUrl: rt.config.ALERT_WEBHOOK_URL,
    logger: rt.logger,
    addressPolicy: createAddressPolicy(rt.config.CRAWL_ALLOW_ADDRESSES),
    auth: authSettings(rt.config, { demo: extra.demo }),
    ...extra,
  };
}

/** The largest request body, in bytes: what any form or JSON of the API needs, with room to spare. */
export const BODY_LIMIT = 64 * 1024;
/** Texts to analyse and press releases take up to 200,000 characters: their routes take larger bodies. */
export const TEXT_BODY_LIMIT = 1024 * 1024;
const TEXT_ROUTES = ['/api/v1/analyze', '/api/v1/press-releases'];

/**
 * Every request body is limited before it is read, before sign-in too: by its Content-Length when it gives one,
 * else as it streams in. A larger one is answered 413 and never parsed.
 */
function bodyLimits() {
  const refuse = (maxSize: number) => () => {
    throw new ApiError(413, 'payload_too_large', `the request body is larger than this route takes (${maxSize / 1024} KB)`);
  };
  const small = bodyLimit({ maxSize: BODY_LIMIT, onError: refuse(BODY_LIMIT) });
  const large = bodyLimit({ maxSize: TEXT_BODY_LIMIT, onError: refuse(TEXT_BODY_LIMIT) });
  return createMiddleware((c, next) => (TEXT_ROUTES.some((r) => c.req.path === r || c.req.path.startsWith(`${r}/`)) ? large : small)(c, next));
}

export function createApp(deps: AppDeps) {
  const app = new Hono();
  app.use('*', requestId());
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
      // a route that sets its own policy keeps it (only the queue board at /admin/queues does)
      overwrite: false,
    }),
  );
  app.onError(errorHandler(deps.logger));
  app.notFound((c) => {
    throw new ApiError(404, 'not_found', `no route for ${c.req.method} ${c.req.path}`);
  });
  app.use('*', bodyLimits());
  app.use('*', authMiddleware(deps));

  app.route('/api/v1/auth', authRoutes(deps));
  app.route('/api/v1/users', userRoutes(deps));
  app.route('/api/v1/health', healthRoutes(deps));
  // before /topics, whose /:id would otherwise answer for it
  app.route('/api/v1/topics/variants', variantRoutes(deps));
  app.route('/api/v1/topics', topicRoutes(deps));
  app.route('/api/v1/mentions', mentionRoutes(deps));
  app.route('/api/v1/corrections', correctionRoutes(deps));
  app.route('/api/v1/sources', sourceRoutes(deps));
  app.route('/api/v1/press-releases', pressReleaseRoutes(deps));
  app.route('/api/v1/analyze', analyzeRoutes(deps));
  app.route('/api/v1/membumi', membumiRoutes(deps));
  app.route('/api/v1/panels', panelRoutes(deps));
  app.route('/api/v1/exports', exportRoutes(deps));
  app.route('/api/v1/alerts', alertRoutes(deps));
  app.route('/api/v1/queues', queueRoutes(deps));
  app.route('/admin/queues', queueBoardRoutes(deps));
  app.get('/api/v1/meta', (c) => c.json({ data: { demo: deps.demo ?? false, timezone: 'Asia/Jakarta', attributions: DATA_ATTRIBUTIONS } }));
  app.route('/api', openApiRoutes(() => app.routes));
  app.route('/', dashboardRoutes(deps));
  return app;
}

export type App = ReturnType<typeof createApp>;
