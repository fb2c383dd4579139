import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runSourceCrawl } from '../crawler/pipeline.js';
import { readSitemap } from '../crawler/sources/sitemap.js';
import { startNewsSite, type NewsSite } from './fixtures/news-site/server.js';
import { makeArticles } from './helpers/articles.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { factory } from './helpers/factory.js';
import { startServer, type TestServer } from './helpers/http.js';
import { openTestCrawlContext } from './helpers/runtime.js';

let db: TestDatabase;
let site: NewsSite;
let other: TestServer;
let crawl: ReturnType<typeof openTestCrawlContext>;

const article = (slug: string) => `${site.url}/kabar/berita/${slug}`;
/**
 * A valid sitemap of one article padded with 60 MB of spaces: under 100 KB gzipped, so well inside CRAWL_MAX_BYTES,
 * and over the protocol's 50 MB once inflated.
 */
const bomb = gzipSync(
  Buffer.concat([
    Buffer.from('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'),
    Buffer.alloc(60 * 1024 * 1024, ' '),
    Buffer.from('<url><loc>http://127.0.0.1:9/berita/bom</loc></url></urlset>'),
  ]),
);
const isoDaysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

beforeAll(async () => {
  db = await createTestDatabase();
  crawl = openTestCrawlContext(db.sql);
  site = await startNewsSite({ articles: makeArticles(13, { outlet: 'kabar', prefix: 'jenis' }) });
  other = await startServer((req, res) => {
    const path = req.url ?? '/';
    const xml = (body: string) => res.writeHead(200, { 'content-type': 'application/xml' }).end(body);
    if (path === '/sitemap-index.xml') {
      return xml(`<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>${other.url}/sitemap-news.xml.gz</loc></sitemap><sitemap><loc>${other.url}/sitemap-lama.xml</loc></sitemap></sitemapindex>`);
    }
    if (path === '/sitemap-news.xml.gz') {
      const body = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
        <url><loc>${article('jenis-1')}</loc><news:news><news:publication_date>${isoDaysAgo(1)}</news:publication_date><news:title>Judul satu</news:title></news:news></url>
        <url><loc>${article('jenis-2')}</loc><lastmod>${isoDaysAgo(2)}</lastmod></url></urlset>`;
      return void res.writeHead(200, { 'content-type': 'application/x-gzip' }).end(gzipSync(body));
    }
    if (path === '/sitemap-lama.xml') {
      return xml(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>${article('jenis-3')}</loc><lastmod>${isoDaysAgo(60)}</lastmod></url>
        <url><loc>${article('jenis-4')}</loc><lastmod>${isoDaysAgo(3)}</lastmod></url></urlset>`);
    }
    if (path === '/sitemap-rusak.xml') return xml('<?xml version="1.0"?><urlset><url><loc>tidak ditutup');
    if (path === '/sitemap-bom.xml.gz') return void res.writeHead(200, { 'content-type': 'application/x-gzip' }).end(bomb);
    if (path === '/jebakan') {
      // a link built to make a backtracking engine try every way of splitting its a's
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body><a href="/${'a'.repeat(40)}!">x</a><a href="${article('jenis-13')}">Berita</a></body></html>`);
    }
    if (path.startsWith('/indeks')) {
      // page n links to articles and to page n+1; every page also links to itself and to page 1
      const n = Number(new URL(path, 'http://x').searchParams.get('page') ?? 1);
      const links = [1, 2].map((k) => `<a href="${article(`jenis-${4 + n * 2 + k - 2}`)}">Berita</a>`).join('');
      return void res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<html><body>${links}<a href="/indeks?page=${n}">ini</a><a href="/indeks?page=1">1</a><a href="/tentang">Tentang</a><a rel="next" href="/indeks?page=${n + 1}">Berikutnya</a></body></html>`);
    }
    if (path === '/putar') {
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body><a href="${article('jenis-12')}">x</a><a rel="next" href="/putar">lagi</a></body></html>`);
    }
    if (path.startsWith('/cari')) {
      const q = new URL(path, 'http://x').searchParams.get('q') ?? '';
      const slug = q.includes('bontang') ? 'jenis-11' : 'jenis-10';
      return void res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Cari ${q}</title><item><title>x</title><link>${article(slug)}</link></item></channel></rss>`);
    }
    res.writeHead(404).end();
  });
});
afterAll(async () => {
  await crawl?.close();
  await other?.close();
  await site?.close();
  await db?.drop();
});

const stored = async (sourceId: number) =>
  (await db.sql<{ url: string }[]>`select url from mentions where source_id = ${sourceId} order by url`).map((r) => r.url);

describe('source kinds', () => {
  test('a sitemap index leads through gzipped and plain sitemaps to recent articles only', async () => {
    const source = await factory.source(db.sql, { url: `${other.url}/sitemap-index.xml`, kind: 'sitemap', config: { maxAgeDays: 7 } });
    const stats = await runSourceCrawl(crawl, source);
    expect(stats.failedPages).toEqual([]);
    expect(await stored(source.id)).toEqual([article('jenis-1'), article('jenis-2'), article('jenis-4')]);
  });

  test('a broken sitemap fails its source with a message naming the URL', async () => {
    const source = await factory.source(db.sql, { url: `${other.url}/sitemap-rusak.xml`, kind: 'sitemap' });
    await expect(runSourceCrawl(crawl, source)).rejects.toThrow(`${other.url}/sitemap-rusak.xml is not`);
  });

  test('a gzipped sitemap that inflates past 50 MB fails its source with a clear message, without being inflated whole', async () => {
    expect(bomb.length).toBeLessThan(100_000);
    const source = await factory.source(db.sql, { url: `${other.url}/sitemap-bom.xml.gz`, kind: 'sitemap' });
    await expect(runSourceCrawl(crawl, source)).rejects.toThrow(`${other.url}/sitemap-bom.xml.gz is larger than 50 MB once uncompressed`);
    expect(await stored(source.id)).toEqual([]);
  });

  test("an analyst's pattern runs in time linear in the link, even one that makes a backtracking engine explode", async () => {
    const source = await factory.source(db.sql, { url: `${other.url}/jebakan`, kind: 'listing', config: { articlePattern: '^https?://[^/]+/(a+)+$|/berita/' } });
    const started = Date.now();
    await runSourceCrawl(crawl, source);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await stored(source.id)).toEqual([article('jenis-13')]);
  });

  test('a listing follows pagination up to its bound and takes only links matching the article pattern', async () => {
    const source = await factory.source(db.sql, { url: `${other.url}/indeks?page=1`, kind: 'listing', config: { articlePattern: '/berita/', maxPages: 2 } });
    await runSourceCrawl(crawl, source);
    expect(await stored(source.id)).toEqual([article('jenis-5'), article('jenis-6'), article('jenis-7'), article('jenis-8')].sort());
    const pages = other.requests.filter((r) => r.path.startsWith('/indeks')).map((r) => r.path);
    expect(pages).toEqual(['/indeks?page=1', '/indeks?page=2']);
  });

  test('a listing that links to itself forever is read once', async () => {
    const source = await factory.source(db.sql, { url: `${other.url}/putar`, kind: 'listing', config: { articlePattern: '/berita/', maxPages: 20 } });
    await runSourceCrawl(crawl, source);
    expect(other.requests.filter((r) => r.path === '/putar')).toHaveLength(1);
    expect(await stored(source.id)).toEqual([article('jenis-12')]);
  });

  test('a page source stores its one article, once', async () => {
    const source = await factory.source(db.sql, { url: `${article('jenis-9')}?utm_source=wa`, kind: 'page' });
    expect((await runSourceCrawl(crawl, source)).inserted).toBe(1);
    expect((await runSourceCrawl(crawl, source)).fetched).toBe(0);
    expect(await stored(source.id)).toEqual([article('jenis-9')]);
  });

  test('a search source asks the search feed once per topic with the topic keywords', async () => {
    await factory.topic(db.sql, { name: 'Cari A', query: 'Presidensi G20, "warga bontang"' });
    const source = await factory.source(db.sql, { url: `${other.url}/cari?q={query}&hl=id`, kind: 'search' });
    await runSourceCrawl(crawl, source);
    const asked = other.requests.filter((r) => r.path.startsWith('/cari')).map((r) => new URL(r.path, 'http://x').searchParams.get('q'));
    expect(asked).toContain('"presidensi g20" OR "warga bontang"');
    expect(await stored(source.id)).toContain(article('jenis-11'));
  });
});

describe('gzipped sitemaps', () => {
  test('are read up to the limit given, and a corrupt one is named as such', () => {
    const xml = '<?xml version="1.0"?><urlset><url><loc>http://x.test/berita/a</loc></url></urlset>';
    expect(readSitemap(gzipSync(xml), 'http://x.test/a.xml.gz', { maxBytes: xml.length }).urls.map((u) => u.url)).toEqual(['http://x.test/berita/a']);
    expect(() => readSitemap(gzipSync(xml), 'http://x.test/a.xml.gz', { maxBytes: xml.length - 1 })).toThrow(`http://x.test/a.xml.gz is larger than ${xml.length - 1} bytes once uncompressed`);
    expect(() => readSitemap(Buffer.from([0x1f, 0x8b, 1, 2, 3]), 'http://x.test/b.xml.gz')).toThrow('http://x.test/b.xml.gz is not a readable gzipped sitemap');
  });
});

describe('sitemap dates', () => {
  test('<lastmod> says how recent a page is, never when it was published; a news sitemap’s publication date does', () => {
    const xml = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>http://x.test/berita/a</loc><lastmod>2026-12-07T09:00:00+07:00</lastmod></url>
      <url><loc>http://x.test/berita/b</loc><lastmod>2026-12-07T09:00:00+07:00</lastmod>
        <news:news><news:publication_date>2026-12-05T13:16:00+07:00</news:publication_date><news:title>Judul</news:title></news:news></url></urlset>`;
    const { urls } = readSitemap(Buffer.from(xml), 'http://x.test/sitemap.xml');
    expect(urls.map((u) => [u.url, u.publishedAt?.toISOString() ?? null, u.changedAt?.toISOString() ?? null])).toEqual([
      ['http://x.test/berita/a', null, '2026-12-07T02:00:00.000Z'],
      ['http://x.test/berita/b', '2026-12-05T06:16:00.000Z', '2026-12-07T02:00:00.000Z'],
    ]);
  });
});
