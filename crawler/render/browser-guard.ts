import dns from 'node:dns';
import ipaddr from 'ipaddr.js';
import type { Route } from 'playwright-core';
import type { AddressPolicy } from '../../core/ssrf.js';

/** Chromium flags: headless, no sandbox (root in containers), and no traffic of its own to the outside. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const BLOCKED_TYPES = new Set(['image', 'media', 'font']);

/**
 * Every request the page makes (the document, redirects, scripts, XHR) passes the same SSRF rules as
 * the HTTP fetcher; images, media and fonts are not loaded at all. Lookups are cached per crawl.
 */
export function browserRequestGuard(policy: AddressPolicy) {
  const verdicts = new Map<string, Promise<boolean>>();
  const hostAllowed = (host: string): Promise<boolean> => {
    const bare = host.replace(/^\[|\]$/g, '');
    if (ipaddr.isValid(bare)) return Promise.resolve(policy.allows(bare));
    let verdict = verdicts.get(bare);
    if (!verdict) {
      verdict = dns.promises.lookup(bare, { all: true }).then(
        (list) => list.length > 0 && list.every((a) => policy.allows(a.address)),
        () => false,
      );
      verdicts.set(bare, verdict);
    }
    return verdict;
  };
  return async (route: Route) => {
    const request = route.request();
    if (BLOCKED_TYPES.has(request.resourceType())) return route.abort('blockedbyclient');
    let url: URL;
    try {
      url = new URL(request.url());
    } catch {
      return route.abort('blockedbyclient');
    }
    if (url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !(await hostAllowed(url.hostname))) return route.abort('blockedbyclient');
    return route.continue();
  };
}
