import { Agent, request, type Dispatcher } from 'undici';
import { assertFetchableUrl, BlockedUrlError, safeLookup, type AddressPolicy } from '../../core/ssrf.js';

/** One HTTP GET as the crawler does it: every hop SSRF-checked, size-capped, time-limited, conditional when asked. */
export interface FetchOptions {
  userAgent: string;
  accept?: string;
  maxBytes: number;
  timeoutMs: number;
  etag?: string | null;
  lastModified?: string | null;
  maxRedirects?: number;
  /** Extra request headers (API tokens); dropped when a redirect leaves the origin. */
  headers?: Record<string, string>;
}

export interface FetchResult {
  url: string;
  status: number;
  notModified: boolean;
  contentType: string | null;
  body: Buffer;
  etag: string | null;
  lastModified: string | null;
}

export class HttpStatusError extends Error {
  override name = 'HttpStatusError';
  constructor(
    readonly url: string,
    readonly status: number,
    readonly retryAfterMs: number | null,
  ) {
    super(`${url} answered HTTP ${status}`);
  }
}

export class TooLargeError extends Error {
  override name = 'TooLargeError';
}

/** Errors that no retry will cure. */
export const isPermanent = (err: unknown) =>
  err instanceof BlockedUrlError || err instanceof TooLargeError || (err instanceof HttpStatusError && err.status < 500 && err.status !== 429 && err.status !== 408);

export function createDispatcher(policy: AddressPolicy, timeoutMs: number): Dispatcher {
  return new Agent({ connect: { lookup: safeLookup(policy), timeout: timeoutMs }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connections: 16 });
}

const header = (h: Record<string, string | string[] | undefined>, name: string) => {
  const v = h[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
};

export async function fetchUrl(raw: string, dispatcher: Dispatcher, policy: AddressPolicy, opts: FetchOptions): Promise<FetchResult> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let url = assertFetchableUrl(raw, policy);
  const origin = url.origin;
  for (let hop = 0; ; hop++) {
    const headers: Record<string, string> = { 'user-agent': opts.userAgent, accept: opts.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'accept-language': 'id,en;q=0.8' };
    if (opts.headers && url.origin === origin) Object.assign(headers, opts.headers);
    if (hop === 0 && opts.etag) headers['if-none-match'] = opts.etag;
    if (hop === 0 && opts.lastModified) headers['if-modified-since'] = opts.lastModified;
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, { method: 'GET', headers, dispatcher, signal });
    } catch (err) {
      throw describeNetworkError(err, url.toString(), opts.timeoutMs);
    }
    const h = res.headers as Record<string, string | string[] | undefined>;
    if (res.statusCode >= 300 && res.statusCode < 400 && res.statusCode !== 304) {
      await res.body.dump();
      const location = header(h, 'location');
      if (!location) throw new HttpStatusError(url.toString(), res.statusCode, null);
      if (hop >= (opts.maxRedirects ?? 5)) throw new Error(`${raw}: more than ${opts.maxRedirects ?? 5} redirects`);
      url = assertFetchableUrl(new URL(location, url).toString(), policy);
      continue;
    }
    const base = { url: url.toString(), status: res.statusCode, contentType: header(h, 'content-type'), etag: header(h, 'etag'), lastModified: header(h, 'last-modified') };
    if (res.statusCode === 304) {
      await res.body.dump();
      return { ...base, notModified: true, body: Buffer.alloc(0) };
    }
    if (res.statusCode >= 400) {
      await res.body.dump();
      throw new HttpStatusError(url.toString(), res.statusCode, parseRetryAfter(header(h, 'retry-after')));
    }
    const body = await readCapped(res, url.toString(), opts.maxBytes);
    return { ...base, notModified: false, body };
  }
}

async function readCapped(res: Dispatcher.ResponseData, url: string, maxBytes: number): Promise<Buffer> {
  const declared = Number(header(res.headers as Record<string, string>, 'content-length'));
  const tooLarge = () => new TooLargeError(`${url} is larger than the ${Math.round(maxBytes / 1_048_576)} MB limit; skipped`);
  if (declared > maxBytes) {
    res.body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      res.body.destroy();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Retry-After as seconds or an HTTP date, in ms; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function describeNetworkError(err: unknown, url: string, timeoutMs: number): Error {
  if (err instanceof BlockedUrlError) return err;
  const e = err as Error & { code?: string; cause?: Error & { code?: string } };
  const cause = e.cause ?? e;
  if (cause instanceof BlockedUrlError) return cause;
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || cause.code === 'UND_ERR_HEADERS_TIMEOUT' || cause.code === 'UND_ERR_BODY_TIMEOUT') {
    return new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
  }
  return new Error(`${url} could not be fetched: ${cause.code ?? cause.message}`);
}
