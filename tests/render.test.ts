import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runSourceCrawl } from '../crawler/pipeline.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { factory } from './helpers/factory.js';
import { startServer, type TestServer } from './helpers/http.js';
import { openTestCrawlContext } from './helpers/runtime.js';

const PARAGRAPHS = [
  'Warga Kota Bontang menyambut Presidensi G20 dengan pasar murah di tepi pantai, kata Pak Darto, nelayan yang ikut berjualan ikan.',
  'Menurut Bu Sri, pedagang sayur, harga kebutuhan pokok relatif stabil dan pembeli ramai sejak pagi sampai siang hari.',
  'Panitia menyebut kegiatan ini terbuka untuk umum dan tidak dipungut biaya, sehingga masyarakat dari berbagai kalangan dapat ikut serta.',
];

/** A page whose article exists only after its script runs, like many single-page news sites. */
const scriptPage = (title: string) => `<!doctype html><html lang="id"><head><title>${title}</title></head><body>
  <div id="app">Memuat…</div>
  <script src="http://10.9.8.7/tracker.js"></script>
  <script>
    const data = ${JSON.stringify({ title, paragraphs: PARAGRAPHS })};
    const app = document.getElementById('app');
    app.innerHTML = '';
    const article = document.createElement('article');
    const h1 = document.createElement('h1'); h1.textContent = data.title; article.append(h1);
    for (const p of data.paragraphs) { const el = document.createElement('p'); el.textContent = p; article.append(el); }
    app.append(article);
  </script></body></html>`;

let db: TestDatabase;
let site: TestServer;
let crawl: ReturnType<typeof openTestCrawlContext>;

beforeAll(async () => {
  db = await createTestDatabase();
  crawl = openTestCrawlContext(db.sql);
  site = await startServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/rss.xml') {
      return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>SPA</title>
        <item><title>Pasar murah</title><link>${site.url}/spa/pasar-murah</link><pubDate>${new Date().toUTCString()}</pubDate></item></channel></rss>`);
    }
    if (path.startsWith('/spa/')) return void res.writeHead(200, { 'content-type': 'text/html' }).end(scriptPage(`Judul ${path.slice(5)}`));
    if (path === '/kosong') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><p>Tidak ada apa-apa.</p></body></html>');
    res.writeHead(404).end();
  });
});
afterAll(async () => {
  await crawl?.close();
  await site?.close();
  await db?.drop();
});

describe('browser rendering', () => {
  test('an article that only appears after JavaScript is rendered in Chromium and stored automatically', async () => {
    const source = await factory.source(db.sql, { url: `${site.url}/rss.xml` });
    const stats = await runSourceCrawl(crawl, source);
    expect(stats).toMatchObject({ fetched: 1, rendered: 1, inserted: 1, failedPages: [] });
    const [row] = await db.sql<{ title: string; body: string }[]>`select title, body from mentions where source_id = ${source.id}`;
    expect(row!.title).toBe('Judul pasar-murah');
    expect(row!.body).toContain('kata Pak Darto, nelayan');
    expect(row!.body).not.toContain('Memuat');
  });

  test('an always-render page source goes straight to the browser, and a page with no article even then is reported', async () => {
    const always = await factory.source(db.sql, { url: `${site.url}/spa/selalu`, kind: 'page' });
    await db.sql`update sources set render = 'always' where id = ${always.id}`;
    const stats = await runSourceCrawl(crawl, (await db.sql`select * from sources where id = ${always.id}`)[0] as never);
    expect(stats).toMatchObject({ fetched: 0, rendered: 1, inserted: 1 });
    expect(site.requests.filter((r) => r.path === '/spa/selalu')).toHaveLength(1);

    const empty = await factory.source(db.sql, { url: `${site.url}/kosong`, kind: 'page' });
    const none = await runSourceCrawl(crawl, empty);
    expect(none.failedPages).toEqual([{ url: `${site.url}/kosong`, reason: 'no article text found on the page, even after rendering it' }]);
  });

  test('a source set never to render reports the page instead of opening a browser', async () => {
    const never = await factory.source(db.sql, { url: `${site.url}/spa/tanpa-peramban`, kind: 'page' });
    await db.sql`update sources set render = 'never' where id = ${never.id}`;
    const stats = await runSourceCrawl(crawl, (await db.sql`select * from sources where id = ${never.id}`)[0] as never);
    expect(stats.rendered).toBe(0);
    expect(stats.failedPages[0]!.reason).toBe('no article text found on the page');
  });
});
