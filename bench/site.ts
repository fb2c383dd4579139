import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { OUTLETS, type FixtureArticle, type Outlet } from '../tests/fixtures/news-site/outlets.js';
import { escapeXml, renderArticle, renderFeed } from '../tests/fixtures/news-site/render.js';
import { publishedAt } from '../tests/fixtures/news-site/server.js';

/**
 * DEMO DATA: the benchmark's news site on 127.0.0.1, port 0. Article pages use the fixture site's layouts
 * and are rendered once at start, so serving them costs the crawlers' shared process next to nothing.
 * RSS feeds list the articles in chunks (`/feeds/N.xml`); `/spa/N` are pages whose article only appears
 * after their script runs, for the browser run.
 */
export interface BenchSite {
  url: string;
  feedUrls: string[];
  articleCount: number;
  spaUrl(n: number): string;
  /** Requests answered, by kind. */
  served: { feed: number; article: number; spa: number; other: number };
  close(): Promise<void>;
}

const FEED_OUTLET: Outlet = { ...OUTLETS[0]!, name: 'Semua kanal (demo benchmark)', feedFormat: 'rss' };

function spaPage(n: number, a: FixtureArticle): string {
  const data = { title: `${a.title} — edisi ${n}`, paragraphs: a.paragraphs };
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Memuat…</title></head><body>
<div class="demo-notice">DATA DEMO — halaman uji Gaung</div>
<div id="app">Memuat…</div>
<script src="http://10.9.8.7/tracker.js"></script>
<script>
  const data = ${JSON.stringify(data).replace(/</g, '\\u003c')};
  document.title = data.title;
  const app = document.getElementById('app');
  app.innerHTML = '';
  const article = document.createElement('article');
  const h1 = document.createElement('h1'); h1.textContent = data.title; article.append(h1);
  for (const p of data.paragraphs) { const el = document.createElement('p'); el.textContent = p; article.append(el); }
  app.append(article);
</script></body></html>`;
}

export async function startBenchSite(opts: { articles: FixtureArticle[]; feedSize: number; now?: Date }): Promise<BenchSite> {
  const { articles, feedSize } = opts;
  const now = opts.now ?? new Date();
  const served = { feed: 0, article: 0, spa: 0, other: 0 };
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const pathOf = (a: FixtureArticle) => `/${a.outlet}/berita/${a.slug}`;
  const pages = new Map<string, Buffer>();
  articles.forEach((a, i) => {
    const owner = OUTLETS.find((o) => o.id === a.outlet)!;
    const others = articles.slice(i + 1, i + 6);
    pages.set(pathOf(a), Buffer.from(renderArticle(owner, a, publishedAt(a, now), `${base}${pathOf(a)}`, others)));
  });
  const feeds: Buffer[] = [];
  for (let start = 0; start < articles.length; start += feedSize) {
    const items = articles.slice(start, start + feedSize).map((a) => ({ a, at: publishedAt(a, now), url: `${base}${pathOf(a)}` }));
    feeds.push(Buffer.from(renderFeed(FEED_OUTLET, base, items)));
  }

  server.on('request', (req, res) => {
    const path = new URL(req.url ?? '/', base).pathname;
    const send = (status: number, type: string, body: Buffer | string) => {
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8` });
      res.end(body);
    };
    const page = pages.get(path);
    if (page) return (served.article++, send(200, 'text/html', page));
    const feed = /^\/feeds\/(\d+)\.xml$/.exec(path);
    if (feed && feeds[Number(feed[1])]) return (served.feed++, send(200, 'application/rss+xml', feeds[Number(feed[1])]!));
    const spa = /^\/spa\/(\d+)$/.exec(path);
    if (spa) {
      served.spa++;
      const n = Number(spa[1]);
      return send(200, 'text/html', spaPage(n, articles[n % articles.length]!));
    }
    served.other++;
    if (path === '/robots.txt') return send(200, 'text/plain', 'User-agent: *\nAllow: /\n');
    send(404, 'text/html', `<!doctype html><title>404</title><p>Halaman ${escapeXml(path)} tidak ditemukan</p>`);
  });

  return {
    url: base,
    feedUrls: feeds.map((_, k) => `${base}/feeds/${k}.xml`),
    articleCount: articles.length,
    spaUrl: (n) => `${base}/spa/${n}`,
    served,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
