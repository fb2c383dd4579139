import dns from 'node:dns';
import ipaddr from 'ipaddr.js';
import type { LookupFunction } from 'node:net';

/**
 * The SSRF guard: Gaung fetches only public http(s) addresses. Loopback, private, link-local (cloud
 * metadata), unique-local, multicast and reserved ranges are refused unless explicitly allowlisted
 * (CRAWL_ALLOW_ADDRESSES, e.g. "127.0.0.1" for the demo and tests).
 */
export class BlockedUrlError extends Error {
  override name = 'BlockedUrlError';
}

export interface AddressPolicy {
  allows(ip: string): boolean;
}

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** "127.0.0.1, 10.0.0.0/8, ::1" → a policy that allows public unicast plus those. Throws on a malformed entry. */
export function createAddressPolicy(allowList = ''): AddressPolicy {
  const allowed: Cidr[] = allowList
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      try {
        return entry.includes('/') ? ipaddr.parseCIDR(entry) : ([ipaddr.parse(entry), entry.includes(':') ? 128 : 32] as Cidr);
      } catch {
        throw new Error(`CRAWL_ALLOW_ADDRESSES: "${entry}" is not an IP address or CIDR range`);
      }
    });
  return {
    allows(ip: string) {
      let addr: ipaddr.IPv4 | ipaddr.IPv6;
      try {
        addr = ipaddr.process(ip); // IPv4-mapped IPv6 becomes IPv4
      } catch {
        return false;
      }
      // An IPv4-compatible IPv6 address (::a.b.c.d, deprecated) is judged by the IPv4 address inside it: ipaddr.js
      // has no range for ::/96 and calls it unicast, so [::127.0.0.1] and [::10.0.0.1] passed as public.
      if (addr.kind() === 'ipv6' && addr.range() === 'unicast') {
        const parts = (addr as ipaddr.IPv6).parts;
        if (parts.slice(0, 6).every((p) => p === 0)) addr = ipaddr.fromByteArray((addr as ipaddr.IPv6).toByteArray().slice(12));
      }
      if (addr.range() === 'unicast') return true;
      return allowed.some(([net, bits]) => net.kind() === addr.kind() && addr.match(net, bits));
    },
  };
}

/** Checks scheme and, for an IP-literal host, the address. Hostnames are checked when they resolve (`safeLookup`). */
export function assertFetchableUrl(raw: string, policy: AddressPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BlockedUrlError(`"${raw}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BlockedUrlError(`${url.protocol.replace(':', '')} URLs are not fetched (only http and https): ${raw}`);
  }
  if (url.username || url.password) throw new BlockedUrlError(`URLs with credentials are not fetched: ${url.host}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host) && !policy.allows(host)) {
    throw new BlockedUrlError(`${raw} points to a private or reserved address (${host}); refused`);
  }
  return url;
}

/** dns.lookup that refuses a hostname when any address it resolves to is not allowed (no DNS-rebinding gap: the socket uses these). */
export function safeLookup(policy: AddressPolicy): LookupFunction {
  return ((hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err);
      const list = addresses as dns.LookupAddress[];
      const bad = list.find((a) => !policy.allows(a.address));
      if (bad) return callback(new BlockedUrlError(`${hostname} resolves to a private or reserved address (${bad.address}); refused`));
      if (options.all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`${hostname} has no address`));
      callback(null, first.address, first.family);
    });
  }) as LookupFunction;
}

/** For a source URL given through the API: the scheme, and every address its host resolves to now. */
export async function assertPublicSource(raw: string, policy: AddressPolicy): Promise<void> {
  const url = assertFetchableUrl(raw, policy);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) return;
  let addresses: dns.LookupAddress[];
  try {
    addresses = await dns.promises.lookup(host, { all: true });
  } catch {
    throw new BlockedUrlError(`${host} could not be resolved; check the address`);
  }
  const bad = addresses.find((a) => !policy.allows(a.address));
  if (bad) throw new BlockedUrlError(`${host} resolves to a private or reserved address (${bad.address}); refused`);
}
