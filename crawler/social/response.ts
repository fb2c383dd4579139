import { parseHTML } from 'linkedom';
import { z } from 'zod';
import { PLATFORM_LABELS } from './request.js';
import type { SocialPlatform } from './types.js';

/** An ISO-8601 instant with an offset, as a Date. */
export const isoDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** A non-negative count sent as a string (YouTube Data API, Atom attributes). */
export const countString = z.string().regex(/^\d+$/, 'expected a count').transform(Number);

const count = z.number().int().nonnegative();
export const optionalCount = count.nullish().transform((n) => n ?? null);

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

/** Validates an already-decoded value, throwing an Error that names the platform, the request and the wrong fields. */
export function validate<T>(platform: SocialPlatform, schema: z.ZodType<T>, value: unknown, requestUrl: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new Error(`${PLATFORM_LABELS[platform]}: unexpected response shape from ${requestUrl}: ${describeIssues(result.error)}`);
}

/** JSON.parse + validate; a non-JSON body (an HTML error page, a login wall) is named as such. */
export function parseJsonBody<T>(platform: SocialPlatform, schema: z.ZodType<T>, body: string, requestUrl: string): T {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const start = body.trim().slice(0, 60).replace(/\s+/g, ' ');
    throw new Error(`${PLATFORM_LABELS[platform]}: response from ${requestUrl} is not JSON (starts with ${JSON.stringify(start)})`);
  }
  return validate(platform, schema, json, requestUrl);
}

/** Plain text of an HTML fragment: line breaks for <br> and block ends, entities decoded, whitespace tidied. */
export function htmlToText(html: string): string {
  const marked = html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li|blockquote|h[1-6])>/gi, '$&\n\n');
  const { document } = parseHTML(`<!doctype html><html><body>${marked}</body></html>`);
  return tidyText(document.body.textContent ?? '');
}

/** Decodes the HTML entities some APIs leave in plain text (X's `&amp;`, Reddit without raw_json). */
export function decodeEntities(text: string): string {
  return /&(#\d+|#x[\da-f]+|[a-z]+);/i.test(text) ? htmlToText(text.replace(/</g, '&lt;')) : tidyText(text);
}

/** Whitespace tidied line by line, at most one blank line in a row. */
export function tidyText(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** "1.2K" → 1200, "12.3K subscribers" → 12300, "2M" → 2000000, "1,234" → 1234; null when there is no number. */
export function parseCount(text: string | null | undefined): number | null {
  const m = /(\d[\d.,]*)\s*([KMB])?/i.exec(text ?? '');
  if (!m) return null;
  const suffix = m[2]?.toUpperCase();
  if (!suffix) return Number(m[1]!.replace(/[.,]/g, ''));
  const scale = suffix === 'K' ? 1e3 : suffix === 'M' ? 1e6 : 1e9;
  return Math.round(Number(m[1]!.replace(',', '.')) * scale);
}

/** The primary language subtag, lower-case; X's legacy 'in' is Indonesian, 'und'/'zxx' are no language. */
export function languageCode(tag: string | null | undefined): string | null {
  const code = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (!code || code === 'und' || code === 'zxx' || code === 'qme' || code === 'qht') return null;
  return code === 'in' ? 'id' : code;
}

/** Hosts of Indonesian government domains (go.id, and the armed forces' mil.id). */
export function isGovernmentHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return /(^|\.)go\.id$/.test(h) || /(^|\.)mil\.id$/.test(h);
}
