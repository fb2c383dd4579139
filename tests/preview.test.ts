import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, depsFromRuntime } from '../api/app.js';
import type { Runtime } from '../core/runtime.js';
import { loadFixtureArticles, startNewsSite, type NewsSite } from './fixtures/news-site/server.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { authorizeAsAdmin } from './helpers/auth.js';
import { clearPrefix, TEST_REDIS_URL, testQueuePrefix } from './helpers/redis.js';
import { openTestRuntime } from './helpers/runtime.js';

const run = promisify(execFile);
let site: NewsSite;
let pages: Server;
let pagesUrl: string;
let db: TestDatabase;
let rt: Runtime;
const prefix = testQueuePrefix();

beforeAll(async () => {
  site = await startNewsSite({ articles: loadFixtureArticles().filter((a) => a.outlet === 'portal') });
  // The real-layout fixture pages, moved to 2024 so that their dates lie in the past whenever the test runs.
  pages = createServer((req, res) => {
    try {
      const html = readFileSync(new URL(`./fixtures/pages/${(req.url ?? '').replace(/[^\w.-]/g, '')}`, import.meta.url), 'utf8');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html.replaceAll('2026', '2024'));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pagesUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  db = await createTestDatabase();
  rt = await openTestRuntime(db.url);
});
afterAll(async () => {
  await rt?.close();
  await db?.drop();
  await site?.close();
  await new Promise((resolve) => pages?.close(resolve));
  await clearPrefix(prefix);
});

const env = () => {
  const e: NodeJS.ProcessEnv = { ...process.env, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, CRAWL_ALLOW_ADDRESSES: '127.0.0.1', CRAWL_DOMAIN_DELAY_MS: '0' };
  delete e.DATABASE_URL;
  return e;
};
const lines = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('crawl preview', () => {
  test('npm run --silent crawl:preview prints one JSON object per feed item, with the fields an analyst needs', async () => {
    const portal = site.outlets.find((o) => o.id === 'portal')!;
    const { stdout } = await run('npm', ['run', '--silent', 'crawl:preview', '--', portal.feedUrl, '--limit', '3'], { env: env(), timeout: 60_000 });
    const items = lines(stdout);
    expect(items).toHaveLength(3);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(['author', 'body', 'language', 'published_at', 'title', 'url', 'views']);
      expect(item.published_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
      expect((item.body as string).length).toBeGreaterThan(200);
      expect(item.language).toBe('id');
    }
    const titles = new Set(site.articles.map((a) => a.title));
    expect(items.every((i) => titles.has(i.title as string))).toBe(true);
  });

  test('a single article URL previews as one item, and nothing is written to any database', async () => {
    const article = site.articles[0]!;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'crawler/preview-cli.ts', `${site.url}/portal/berita/${article.slug}`], { env: env(), timeout: 60_000 });
    const [item] = lines(stdout);
    expect(item!.title).toBe(article.title);
    expect(item!.url).toBe(`${site.url}/portal/berita/${article.slug}`);
  });

  test('a real-layout page previews with its own headline, the time its byline shows, and its text from first to last sentence', async () => {
    const url = `${pagesUrl}/regional-judul-berakhiran-situs.html`;
    const { stdout } = await run('npm', ['run', '--silent', 'crawl:preview', '--', url], { env: env(), timeout: 60_000 });
    const [item] = lines(stdout);
    expect(Object.keys(item!).sort()).toEqual(['author', 'body', 'language', 'published_at', 'title', 'url', 'views']);
    expect(item!.title).toBe('Banjir Rob Rendam Ratusan Rumah di Pesisir Tanjung Laut, Warga Mengungsi ke Masjid');
    expect(item!.published_at).toBe('2024-12-07T21:04:00+07:00');
    expect(item!.author).toBe('Rahmat Hidayat');
    expect((item!.body as string).startsWith('TANJUNG LAUT, Lintasnusa.com - Banjir rob')).toBe(true);
    expect((item!.body as string).endsWith('agar rob tidak lagi masuk ke rumah mereka.')).toBe(true);
  });

  test('a photo page previews with its captions as the text instead of being skipped', async () => {
    const url = `${pagesUrl}/foto-galeri-keterangan.html`;
    const { stdout } = await run('npm', ['run', '--silent', 'crawl:preview', '--', url], { env: env(), timeout: 60_000 });
    const [item] = lines(stdout);
    expect(item!.published_at).toBe('2024-12-07T16:52:00+07:00');
    expect((item!.body as string).split('\n\n')).toHaveLength(4);
  });

  test('a URL inside the private network is refused with a clear message and a failing exit code', async () => {
    const e = env();
    e.CRAWL_ALLOW_ADDRESSES = '';
    const result = await run(process.execPath, ['--import', 'tsx', 'crawler/preview-cli.ts', `${site.url}/portal/atom.xml`], { env: e, timeout: 60_000 }).catch((err: { code: number; stderr: string }) => err);
    expect((result as { code: number }).code).toBe(1);
    expect((result as { stderr: string }).stderr).toMatch(/preview failed: .*private or reserved address/);
  });

  test('the same preview is served by the API for the dashboard', async () => {
    const app = await authorizeAsAdmin(createApp(depsFromRuntime(rt)), rt.db.sql);
    const portal = site.outlets.find((o) => o.id === 'portal')!;
    const res = await app.request('/api/v1/sources/preview', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: portal.feedUrl, limit: 2 }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { kind: string; items: { title: string }[] } };
    expect(body.data.kind).toBe('rss');
    expect(body.data.items).toHaveLength(2);
    const [n] = await db.sql`select count(*)::int as n from mentions`;
    expect(n!.n).toBe(0);

    const bad = await app.request('/api/v1/sources/preview', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: `${site.url}/tidak-ada` }) });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('answered HTTP 404');
  });
});
