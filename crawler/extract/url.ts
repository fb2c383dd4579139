const TRACKING_PARAMS = /^(utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|ref|ref_src|cmpid|igshid|amp|outputtype|__twitter_impression)$/i;

/**
 * The key a mention is stored under: no fragment, no tracking parameters, no AMP variant (an `/amp`
 * path segment or an `amp` parameter), no trailing slash, lower-case host, sorted parameters.
 */
export function canonicalizeUrl(raw: string): string {
  const url = new URL(raw);
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING_PARAMS.test(key)) url.searchParams.delete(key);
  url.searchParams.sort();
  url.pathname = url.pathname
    .replace(/\/amp(\/|$)/i, '/')
    .replace(/\.amp(\.html?)?$/i, '$1')
    .replace(/^\/amp\//i, '/');
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.toString();
}
