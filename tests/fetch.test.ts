import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFetcher, databaseValidatorCache, RobotsDisallowedError, type Fetcher, type FetcherSettings } from '../crawler/fetch/fetcher.js';
import { TooLargeError } from '../crawler/fetch/http.js';
import { createDomainGate } from '../crawler/fetch/politeness.js';
import { assertFetchableUrl, BlockedUrlError, createAddressPolicy } from '../core/ssrf.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { startServer, type TestServer } from './helpers/http.js';
import { clearPrefix, TEST_REDIS_URL, testQueuePrefix } from './helpers/redis.js';

let db: TestDatabase;
let redis: Redis;
let server: TestServer;
const prefix = testQueuePrefix();
const fetchers: Fetcher[] = [];
let flaky = 0;

const settings: FetcherSettings = {
  userAgent: 'GaungBot/test (+https://example.test/bot)',
  allowAddresses: '127.0.0.1',
  maxBytes: 1024 * 1024,
  timeoutMs: 2000,
  domainDelayMs: 0,
  domainConcurrency: 4,
  retries: 2,
};
const fetcher = (over: Partial<FetcherSettings> = {}, p = prefix) => {
  const f = createFetcher({ cache: databaseValidatorCache(db.sql), redis, prefix: p, settings: { ...settings, ...over } });
  fetchers.push(f);
  return f;
};

beforeAll(async () => {
  db = await createTestDatabase();
  redis = new Redis(TEST_REDIS_URL);
  server = await startServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /rahasia\n');
    if (path === '/to-metadata') return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (path === '/to-file') return void res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    if (path === '/hop') return void res.writeHead(301, { location: '/halaman' }).end();
    if (path === '/halaman') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<p>halo</p>');
    if (path === '/etag') {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      return void res.writeHead(200, { etag: '"v1"', 'content-type': 'application/rss+xml' }).end('<rss/>');
    }
    if (path === '/sibuk') {
      flaky++;
      if (flaky === 1) return void res.writeHead(429, { 'retry-after': '1' }).end();
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end('akhirnya');
    }
    if (path === '/rusak') return void res.writeHead(503).end();
    if (path === '/besar') {
      // 50 MB, streamed without a length: the cap must stop it early
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    if (path === '/besar-dinyatakan') return void res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) }).end();
    if (path === '/diam') return; // never answers
    res.writeHead(404).end();
  });
});
afterAll(async () => {
  for (const f of fetchers) await f.close();
  await server?.close();
  redis?.disconnect();
  await clearPrefix(prefix);
  await db?.drop();
});

describe('SSRF guard', () => {
  const strict = createAddressPolicy('');
  test.each([
    ['http://127.0.0.1/', 'private or reserved'],
    ['http://10.1.2.3/x', 'private or reserved'],
    ['http://192.168.1.1/', 'private or reserved'],
    ['http://169.254.169.254/latest/meta-data/', 'private or reserved'],
    ['http://[::1]/', 'private or reserved'],
    ['http://[::ffff:127.0.0.1]/', 'private or reserved'],
    ['http://[::127.0.0.1]/', 'private or reserved'], // IPv4-compatible IPv6 (::/96)
    ['http://[::a9fe:a9fe]/latest/meta-data/', 'private or reserved'], // ::169.254.169.254
    ['http://[::10.1.2.3]/', 'private or reserved'],
    ['http://0.0.0.0/', 'private or reserved'],
    ['file:///etc/passwd', 'only http and https'],
    ['gopher://example.com/', 'only http and https'],
    ['http://user:pass@example.com/', 'credentials'],
  ])('%s is refused', (url, why) => {
    expect(() => assertFetchableUrl(url, strict)).toThrow(BlockedUrlError);
    expect(() => assertFetchableUrl(url, strict)).toThrow(why);
  });

  test('public addresses pass, and an allowlisted address passes only when listed', () => {
    expect(assertFetchableUrl('https://8.8.8.8/berita', strict).hostname).toBe('8.8.8.8');
    expect(assertFetchableUrl('https://[::8.8.8.8]/berita', strict).hostname).toBe('[::808:808]');
    expect(assertFetchableUrl('https://[2001:4860:4860::8888]/', strict).hostname).toBe('[2001:4860:4860::8888]');
    expect(() => assertFetchableUrl('https://203.0.113.9/', strict)).toThrow(BlockedUrlError); // documentation range
    expect(assertFetchableUrl('http://127.0.0.1:8080/', createAddressPolicy('127.0.0.1')).port).toBe('8080');
    expect(() => assertFetchableUrl('http://127.0.0.2/', createAddressPolicy('127.0.0.1'))).toThrow(BlockedUrlError);
    expect(() => createAddressPolicy('bukan-ip')).toThrow('"bukan-ip" is not an IP address or CIDR range');
  });

  test('a hostname that resolves to loopback is refused when it is looked up', async () => {
    const f = fetcher({ allowAddresses: '' });
    await expect(f.fetch(`http://localhost:${new URL(server.url).port}/halaman`)).rejects.toThrow(/localhost resolves to a private or reserved address/);
  });

  test('a redirect to a metadata address or to a file URL is refused', async () => {
    const f = fetcher();
    await expect(f.fetch(`${server.url}/to-metadata`)).rejects.toThrow('169.254.169.254');
    await expect(f.fetch(`${server.url}/to-file`)).rejects.toThrow('only http and https');
    expect((await f.fetch(`${server.url}/hop`)).url).toBe(`${server.url}/halaman`);
  });
});

describe('politeness and robustness', () => {
  test('robots.txt rules are obeyed and the user agent names the product', async () => {
    const f = fetcher();
    await expect(f.fetch(`${server.url}/rahasia/dokumen`)).rejects.toThrow(RobotsDisallowedError);
    const ok = await f.fetch(`${server.url}/halaman`);
    expect(ok.body.toString()).toBe('<p>halo</p>');
    const seen = server.requests.find((r) => r.path === '/halaman')!;
    expect(seen.headers['user-agent']).toBe(settings.userAgent);
    expect(server.requests.filter((r) => r.path === '/robots.txt')).toHaveLength(1); // cached in Redis
  });

  test('a robots.txt that errors with 5xx means nothing is fetched; a missing one means everything may be', async () => {
    const down = await startServer((req, res) => void res.writeHead(req.url === '/robots.txt' ? 500 : 200).end('ok'));
    const gone = await startServer((req, res) => void res.writeHead(req.url === '/robots.txt' ? 404 : 200).end('ok'));
    try {
      const f = fetcher({ retries: 0 });
      await expect(f.fetch(`${down.url}/apa-saja`)).rejects.toThrow('disallows');
      expect((await f.fetch(`${gone.url}/apa-saja`)).body.toString()).toBe('ok');
    } finally {
      await down.close();
      await gone.close();
    }
  });

  test('a 429 with Retry-After is waited out and retried; a server that keeps failing gives a clear error', async () => {
    const f = fetcher();
    const started = Date.now();
    expect((await f.fetch(`${server.url}/sibuk`)).body.toString()).toBe('akhirnya');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    await expect(f.fetch(`${server.url}/rusak`)).rejects.toThrow(`${server.url}/rusak answered HTTP 503`);
    expect(server.requests.filter((r) => r.path === '/rusak')).toHaveLength(3);
  });

  test('a 50 MB page is cut off at the size limit, whether or not it declares its length', async () => {
    const f = fetcher();
    await expect(f.fetch(`${server.url}/besar`)).rejects.toThrow(TooLargeError);
    await expect(f.fetch(`${server.url}/besar-dinyatakan`)).rejects.toThrow('larger than the 1 MB limit');
  });

  test('a server that never answers times out with a message saying so', async () => {
    const f = fetcher({ timeoutMs: 1000, retries: 0 });
    await expect(f.fetch(`${server.url}/diam`)).rejects.toThrow('did not answer within 1 s');
  });

  test('a feed fetched again sends its ETag and an unchanged feed comes back as not modified', async () => {
    const f = fetcher();
    const first = await f.fetch(`${server.url}/etag`, { conditional: true });
    expect(first.notModified).toBe(false);
    const second = await f.fetch(`${server.url}/etag`, { conditional: true });
    expect(second.notModified).toBe(true);
    expect(server.requests.filter((r) => r.path === '/etag').at(-1)!.headers['if-none-match']).toBe('"v1"');
  });

  test('two workers sharing Redis space their requests to one domain by the politeness delay', async () => {
    const p = testQueuePrefix();
    const a = createDomainGate(redis, p, { delayMs: 300, concurrency: 4, leaseMs: 5000 });
    const b = createDomainGate(redis, p, { delayMs: 300, concurrency: 4, leaseMs: 5000 });
    const starts: number[] = [];
    await Promise.all(
      [a, b, a, b].map(async (gate) => {
        const release = await gate.acquire('berita.example');
        starts.push(Date.now());
        await release();
      }),
    );
    starts.sort((x, y) => x - y);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(280);
    await clearPrefix(p);
  });

  test("a finished request's slot is free for another worker within moments, though its own worker asks for nothing more", async () => {
    const p = testQueuePrefix();
    const a = createDomainGate(redis, p, { delayMs: 0, concurrency: 1, leaseMs: 60_000 });
    const b = createDomainGate(redis, p, { delayMs: 0, concurrency: 1, leaseMs: 60_000 });
    await (await a.acquire('berita.example'))();
    await new Promise((r) => setTimeout(r, 100));
    const asked = Date.now();
    const release = await b.acquire('berita.example');
    expect(Date.now() - asked).toBeLessThan(500); // not the minute-long lease
    await release();
    await clearPrefix(p);
  });

  test('at most the allowed number of requests to one domain are in flight at once', async () => {
    const p = testQueuePrefix();
    const gate = createDomainGate(redis, p, { delayMs: 0, concurrency: 2, leaseMs: 5000 });
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        const release = await gate.acquire('berita.example');
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setTimeout(r, 100));
        inFlight--;
        await release();
      }),
    );
    expect(peak).toBe(2);
    await clearPrefix(p);
  });
});
