import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runSourceCrawl } from '../crawler/pipeline.js';
import { startNewsSite, type NewsSite } from './fixtures/news-site/server.js';
import { makeArticles } from './helpers/articles.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { factory } from './helpers/factory.js';
import { openTestCrawlContext } from './helpers/runtime.js';

let db: TestDatabase;
let site: NewsSite;
let crawl: ReturnType<typeof openTestCrawlContext>;
const ctx = () => crawl;

beforeAll(async () => {
  db = await createTestDatabase();
  // Pages extracted in a worker thread here; the other crawl tests extract on the main thread (the 2-core default).
  crawl = openTestCrawlContext(db.sql, { EXTRACT_THREADS: '1' });
  site = await startNewsSite({ articles: [...makeArticles(6, { g20: 4, outlet: 'kabar' }), ...makeArticles(3, { outlet: 'portal', prefix: 'rilis' })] });
});
afterAll(async () => {
  await crawl?.close();
  await site?.close();
  await db?.drop();
});

const count = async (table: string) => Number((await db.sql`select count(*)::int as n from ${db.sql(table)}`)[0]!.n);

describe('rss crawl', () => {
  test('crawling an RSS feed stores every article with its extracted text, matches topics, and re-crawling adds nothing', async () => {
    const topic = await factory.topic(db.sql, { name: 'G20 uji', query: 'Presidensi G20' });
    const outlet = site.outlets.find((o) => o.id === 'kabar')!;
    const source = await factory.source(db.sql, { url: outlet.feedUrl, tier: 'regional' });

    const first = await runSourceCrawl(ctx(), source);
    expect(first).toMatchObject({ discovered: 6, alreadyStored: 0, fetched: 6, inserted: 6, matched: 4, failedPages: [] });

    const rows = await db.sql<{ url: string; title: string; body: string; author: string; published_at: Date }[]>`
      select url, title, body, author, published_at from mentions where source_id = ${source.id} order by url`;
    expect(rows).toHaveLength(6);
    const one = rows.find((r) => r.url.endsWith('/kabar/berita/uji-1'))!;
    expect(one.title).toBe('Warga Bontang menyambut Presidensi G20 bagian 1');
    expect(one.body).toContain('Menurut Bu Sri, pedagang sayur di pasar pagi');
    expect(one.author).toBe('Rina Wulandari');
    expect(one.published_at).toBeInstanceOf(Date);
    // the feed links carry utm_* parameters; stored URLs are canonical
    expect(rows.every((r) => !r.url.includes('utm_'))).toBe(true);
    const linked = await db.sql`select * from topic_mentions where topic_id = ${topic.id}`;
    expect(linked).toHaveLength(4);

    const pagesBefore = [...site.hits.entries()].filter(([p]) => p.startsWith('/kabar/berita/')).reduce((a, [, n]) => a + n, 0);
    const again = await runSourceCrawl(ctx(), source);
    expect(again).toMatchObject({ discovered: 6, alreadyStored: 6, fetched: 0, inserted: 0 });
    const pagesAfter = [...site.hits.entries()].filter(([p]) => p.startsWith('/kabar/berita/')).reduce((a, [, n]) => a + n, 0);
    expect(pagesAfter).toBe(pagesBefore);
    expect(await count('mentions')).toBe(6);
    const [rollup] = await db.sql<{ n: number }[]>`select sum(mentions)::int as n from topic_daily_stats where topic_id = ${topic.id}`;
    expect(rollup!.n).toBe(4);
  });

  test('an Atom feed from a government portal is read the same way, with the date from JSON-LD', async () => {
    const outlet = site.outlets.find((o) => o.id === 'portal')!;
    const source = await factory.source(db.sql, { url: outlet.feedUrl, tier: 'official' });
    const stats = await runSourceCrawl(ctx(), source);
    expect(stats).toMatchObject({ discovered: 3, inserted: 3 });
    const [row] = await db.sql<{ published_at: Date; body: string }[]>`
      select published_at, body from mentions where url like ${'%/portal/berita/rilis-2'}`;
    const article = site.articles.find((a) => a.slug === 'rilis-2')!;
    expect(row!.published_at.toISOString().slice(11, 16)).toBe('02:30'); // 09:30 WIB, a day ago
    expect(row!.body).not.toContain('Terpopuler');
    expect(row!.body).toContain(article.paragraphs[0]);
  });
});

describe('bad input never takes down a crawl', () => {
  let broken: http.Server;
  let base = '';
  beforeAll(async () => {
    broken = http.createServer((req, res) => {
      const good = site.url + '/kabar/berita/uji-2';
      if (req.url === '/mixed.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Campur</title>
          <item><title>Ada</title><link>${base}/gone</link></item>
          <item><title>Kosong</title><link>${base}/empty</link></item>
          <item><title>Baik</title><link>${good}</link></item></channel></rss>`);
      } else if (req.url === '/empty') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><body><p>Halaman tanpa artikel.</p></body></html>');
      } else if (req.url === '/not-a-feed.xml') {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end('<html><body>ini bukan umpan</body></html>');
      } else {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('not found');
      }
    });
    await new Promise<void>((r) => broken.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => broken.close(() => r())));

  test('a missing page and a page without an article are reported, and the good article is still stored', async () => {
    const source = await factory.source(db.sql, { url: `${base}/mixed.xml` });
    const stats = await runSourceCrawl(ctx(), source);
    expect(stats.discovered).toBe(3);
    expect(stats.failedPages.map((f) => f.url).sort()).toEqual([`${base}/empty`, `${base}/gone`]);
    expect(stats.failedPages.find((f) => f.url.endsWith('/empty'))!.reason).toBe('no article text found on the page, even after rendering it');
    const [row] = await db.sql`select count(*)::int as n from mentions where url = ${site.url + '/kabar/berita/uji-2'}`;
    expect(row!.n).toBe(1);
  });

  test('a feed URL that does not return a feed fails the crawl with a message naming the URL', async () => {
    const source = await factory.source(db.sql, { url: `${base}/not-a-feed.xml` });
    await expect(runSourceCrawl(ctx(), source)).rejects.toThrow(`${base}/not-a-feed.xml is not a readable RSS or Atom feed`);
  });
});
