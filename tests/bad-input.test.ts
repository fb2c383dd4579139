import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runSourceCrawl } from '../crawler/pipeline.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { factory } from './helpers/factory.js';
import { startServer, type TestServer } from './helpers/http.js';
import { openTestCrawlContext } from './helpers/runtime.js';

const LONG = 'Pemerintah daerah bersama warga pesisir menggelar pertemuan di balai desa untuk membahas persiapan kegiatan bulan depan yang melibatkan nelayan dan pedagang pasar. ';
const page = (title: string, body: string) => `<html lang="id"><head><meta charset="windows-1252"><title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p><p>${LONG}</p><p>${LONG}</p></article></body></html>`;

let db: TestDatabase;
let server: TestServer;
let crawl: ReturnType<typeof openTestCrawlContext>;

beforeAll(async () => {
  db = await createTestDatabase();
  crawl = openTestCrawlContext(db.sql);
  server = await startServer((req, res) => {
    const path = req.url ?? '/';
    const send = (type: string, body: Buffer | string) => void res.writeHead(200, { 'content-type': type }).end(body);
    if (path === '/feed.xml') {
      const items = ['cp1252', 'utf8-rusak', 'nul', 'rusak'].map((p) => `<item><title>${p}</title><link>${server.url}/${p}.html</link></item>`).join('');
      return send('application/rss+xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Buruk</title>${items}</channel></rss>`);
    }
    // windows-1252 bytes, declared only in <meta>: the header says nothing about the charset
    if (path === '/cp1252.html') return send('text/html', iconv.encode(page('Kafe “Warga” – harga naik', 'Pemilik kafé di Samarinda bilang harga naik ‘sedikit’.'), 'windows-1252'));
    if (path === '/utf8-rusak.html') {
      const html = Buffer.from(page('Teks rusak', 'Byte rusak di sini: ##. Sisanya tetap terbaca.').replace('charset="windows-1252"', 'charset="utf-8"'));
      const at = html.indexOf('##');
      html[at] = 0xff;
      html[at + 1] = 0xfe;
      return send('text/html; charset=utf-8', html);
    }
    if (path === '/nul.html') return send('text/html; charset=utf-8', page('Ada\u0000NUL', 'Teks\u0000dengan byte nol di tengah.').replace('windows-1252', 'utf-8'));
    if (path === '/rusak.html') {
      return send('text/html', `<html><body><div><article><h1>HTML berantakan</h1><p>${LONG}<p>${LONG}</span><p>Paragraf <b>tanpa penutup <i>${LONG}</article></div><div`);
    }
    if (path === '/terpotong.xml') return send('application/rss+xml', '<?xml version="1.0"?><rss version="2.0"><channel><title>Putus</title><item><title>Sat');
    if (path === '/galat.xml') return send('text/html', '<html><body><h1>502 Bad Gateway</h1></body></html>');
    res.writeHead(404).end();
  });
});
afterAll(async () => {
  await crawl?.close();
  await server?.close();
  await db?.drop();
});

describe('bad input is reported on its item, and nothing else is lost', () => {
  test('legacy charsets, invalid UTF-8, NUL bytes and malformed HTML all come out as readable text', async () => {
    const source = await factory.source(db.sql, { url: `${server.url}/feed.xml` });
    const stats = await runSourceCrawl(crawl, source);
    expect(stats.failedPages).toEqual([]);
    expect(stats.inserted).toBe(4);
    const rows = await db.sql<{ url: string; title: string; body: string }[]>`select url, title, body from mentions where source_id = ${source.id}`;
    const get = (name: string) => rows.find((r) => r.url.endsWith(`/${name}.html`))!;
    expect(get('cp1252').title).toBe('Kafe “Warga” – harga naik');
    expect(get('cp1252').body).toContain('Pemilik kafé di Samarinda bilang harga naik ‘sedikit’.');
    expect(get('utf8-rusak').body).toContain('Byte rusak di sini: \ufffd\ufffd. Sisanya tetap terbaca.');
    expect(get('nul').title).toBe('AdaNUL');
    expect(get('nul').body).not.toContain('\u0000');
    expect(get('rusak').title).toBe('HTML berantakan');
    expect(get('rusak').body).toContain('Paragraf tanpa penutup');
  });

  test('a truncated feed and a feed that is an HTML error page each fail their source with the URL and the reason', async () => {
    const cut = await factory.source(db.sql, { url: `${server.url}/terpotong.xml` });
    await expect(runSourceCrawl(crawl, cut)).rejects.toThrow(`${server.url}/terpotong.xml is not a readable RSS or Atom feed`);
    const html = await factory.source(db.sql, { url: `${server.url}/galat.xml` });
    await expect(runSourceCrawl(crawl, html)).rejects.toThrow(`${server.url}/galat.xml is not a readable RSS or Atom feed`);
  });

  test('a NUL byte in any text field never reaches PostgreSQL', async () => {
    const id = await factory.mention(db.sql, { title: 'Judul\u0000', body: 'Isi\u0000 unggahan', author: 'Nama\u0000' });
    const [row] = await db.sql`select title, body, author from mentions where id = ${id}`;
    expect(row).toEqual({ title: 'Judul', body: 'Isi unggahan', author: 'Nama' });
  });
});
