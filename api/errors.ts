import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError, type z } from 'zod';
import type { Logger } from '../core/logger.js';

/** The one error type routes throw; the client sees `{ error: { code, message, requestId } }`. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(status, { message });
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);

/** Validates `data` against `schema`; a mismatch becomes a 400 naming each wrong field. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  return schema.parse(data);
}

export function describeZodError(err: ZodError): string {
  return err.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

export function errorHandler(logger: Logger) {
  return (err: Error, c: Context) => {
    const requestId = (c.get('requestId') as string | undefined) ?? null;
    if (err instanceof ZodError) {
      return c.json({ error: { code: 'invalid_request', message: describeZodError(err), requestId } }, 400);
    }
    if (err instanceof ApiError) {
      return c.json({ error: { code: err.code, message: err.message, requestId } }, err.status);
    }
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      const code = status === 400 ? 'invalid_request' : 'http_error';
      return c.json({ error: { code, message: err.message || 'request failed', requestId } }, status);
    }
    logger.error({ err, requestId, path: c.req.path }, 'unhandled error');
    return c.json({ error: { code: 'internal', message: 'internal server error', requestId } }, 500);
  };
}

/** The request body as JSON, or a 400 saying it is not JSON. */
export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new ApiError(400, 'invalid_request', 'request body must be JSON');
  }
}
