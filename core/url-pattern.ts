import { RE2JS } from 're2js';

/**
 * Patterns analysts write for a source (a listing's `articlePattern`, a sitemap's `urlPattern`), run against every
 * link a crawled page holds. They run on RE2 (re2js), whose time grows with the URL's length and never with the
 * pattern's backtracking: with JavaScript's own engine, a pattern like `^(a+)+$` took a worker's thread for minutes
 * on one crafted link. RE2 has no lookaround or backreferences; a pattern using them is refused when saved.
 */
export interface UrlPattern {
  test(url: string): boolean;
}

export function compileUrlPattern(source: string): UrlPattern {
  const pattern = RE2JS.compile(source);
  return { test: (url) => pattern.matcher(url).find() };
}

/** Why a pattern cannot be used, or null. */
export function urlPatternProblem(source: string): string | null {
  try {
    RE2JS.compile(source);
    return null;
  } catch (err) {
    return `not a pattern Gaung can run (${(err as Error).message.replace(/^error parsing regexp: /, '')})`;
  }
}
