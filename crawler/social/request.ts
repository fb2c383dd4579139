import type { SocialPlatform, SocialRequest } from './types.js';

export const PLATFORM_LABELS: Record<SocialPlatform, string> = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  reddit: 'Reddit',
  telegram: 'Telegram',
  youtube: 'YouTube',
  x: 'X',
};

type Params = Record<string, string | number | boolean | undefined>;

/** `base` + encoded path segments (keeping any path prefix of base) + query parameters, all through URL. */
export function endpoint(base: string, segments: string[], params: Params = {}): string {
  const url = new URL(base);
  const prefix = url.pathname.replace(/\/+$/, '');
  url.pathname = [prefix, ...segments.map((s) => encodeURIComponent(s))].join('/');
  url.search = '';
  url.hash = '';
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, String(value));
  return url.toString();
}

/** The same request with one query parameter set: how every importer turns a page token into its cursor. */
export function withParam(requestUrl: string, key: string, value: string): string {
  const url = new URL(requestUrl);
  url.searchParams.set(key, value);
  return url.toString();
}

/** A cursor is a full request URL; accept it only on the configured base so a stored cursor cannot send the crawler elsewhere. */
export function continueFrom(platform: SocialPlatform, cursor: string, bases: string[], headers?: Record<string, string>): SocialRequest[] {
  const label = PLATFORM_LABELS[platform];
  let url: URL;
  try {
    url = new URL(cursor);
  } catch {
    throw new Error(`${label}: cursor ${JSON.stringify(cursor.slice(0, 80))} is not a request URL`);
  }
  const allowed = bases.some((base) => {
    const b = new URL(base);
    return url.origin === b.origin && url.pathname.startsWith(b.pathname.replace(/\/*$/, '/'));
  });
  if (!allowed) throw new Error(`${label}: cursor ${url.origin}${url.pathname} is outside the source's configured base (${bases.join(', ')})`);
  return [headers ? { url: url.toString(), headers } : { url: url.toString() }];
}

/** Trimmed, non-empty, distinct terms in their given order. */
export function distinctTerms(terms: string[]): string[] {
  return [...new Set(terms.map((t) => t.trim().replace(/\s+/g, ' ')).filter(Boolean))];
}

/** A term as a search phrase: multi-word phrases in double quotes (quotes inside dropped). */
export function quoteTerm(term: string): string {
  const t = term.replace(/"/g, '').trim();
  return /\s/.test(t) ? `"${t}"` : t;
}

/** All terms as one query for APIs with boolean OR (Reddit, X). */
export function orQuery(terms: string[]): string {
  return distinctTerms(terms).map(quoteTerm).join(' OR ');
}

export function bearer(token: string | undefined): Record<string, string> | undefined {
  return token ? { authorization: `Bearer ${token}` } : undefined;
}
