import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractArticle } from '../crawler/extract/article.js';
import { parseFeed } from '../crawler/extract/feed.js';
import { canonicalizeUrl } from '../crawler/extract/url.js';
import { loadFixtureArticles, publishedAt, startNewsSite, type NewsSite } from './fixtures/news-site/server.js';

let site: NewsSite;
const now = new Date();
beforeAll(async () => {
  site = await startNewsSite({ now, articles: loadFixtureArticles().filter((a) => a.source.startsWith('seed-')) });
});
afterAll(async () => site?.close());

const get = async (path: string) => (await fetch(site.url + path)).text();

describe('article extraction on the seed documents in three Indonesian news layouts', () => {
  test.each(['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004'])('%s: title, time and main text come out, the site chrome does not', async (seed) => {
    const a = site.articles.find((x) => x.source === seed)!;
    const url = `${site.url}/${a.outlet}/berita/${a.slug}`;
    const article = extractArticle(await get(`/${a.outlet}/berita/${a.slug}`), url)!;
    expect(article).not.toBeNull();
    expect(article.title).toBe(a.title);
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    expect(flat(article.body)).toContain(flat(a.paragraphs[0]!).slice(0, 80));
    // the last paragraph that is article text, not a "Pewarta/Editor/Copyright" credit or a "Baca juga" insert
    const lastText = a.paragraphs.filter((p) => !/^(Pewarta|Baca juga|Editor|Copyright)/i.test(p.trim())).at(-1)!;
    expect(flat(article.body)).toContain(flat(lastText).slice(0, 60));
    expect(article.body).not.toMatch(/^Baca juga:/m);
    expect(article.publishedAt?.getTime()).toBe(Math.floor(publishedAt(a, now).getTime() / 1000) * 1000);
    expect(article.canonicalUrl).toBe(url);
    expect(article.language).toBe('id');
    for (const chrome of ['DATA DEMO', 'Terpopuler', 'Pedoman Media Siber', 'Beranda']) expect(article.body).not.toContain(chrome);
  });

  test('a page without an article gives null rather than a page of chrome', () => {
    expect(extractArticle('<html><body><nav>Beranda</nav><p>Halaman tidak ditemukan</p></body></html>', 'http://x.test/a')).toBeNull();
  });
});

describe('feeds', () => {
  test('RSS 2.0 and Atom feeds give every item with its link and date', async () => {
    for (const outlet of site.outlets.filter((o) => o.articleCount > 0)) {
      const feed = await parseFeed(await get(outlet.feedPath), outlet.feedUrl);
      expect(feed.items).toHaveLength(outlet.articleCount);
      for (const item of feed.items) {
        expect(item.url.startsWith(`${site.url}/${outlet.id}/berita/`)).toBe(true);
        expect(item.publishedAt).toBeInstanceOf(Date);
      }
    }
  });

  test('RDF (RSS 1.0) feeds are read too, and a non-feed is refused with the URL in the message', async () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="http://x.test/"><title>RDF</title><link>http://x.test/</link></channel>
      <item rdf:about="http://x.test/a"><title>Satu</title><link>http://x.test/a</link><dc:date>2022-11-14T10:00:00+07:00</dc:date></item></rdf:RDF>`;
    const feed = await parseFeed(rdf, 'http://x.test/rdf');
    expect(feed.items.map((i) => i.url)).toEqual(['http://x.test/a']);
    await expect(parseFeed('<html><body>bukan umpan</body></html>', 'http://x.test/bukan')).rejects.toThrow('http://x.test/bukan is not a readable RSS or Atom feed');
  });
});

describe('canonical URLs', () => {
  test('tracking parameters, fragments and trailing slashes do not make a second mention', () => {
    expect(canonicalizeUrl('https://Berita.example/nasional/g20/?utm_source=rss&utm_medium=feed&id=5#komentar')).toBe('https://berita.example/nasional/g20?id=5');
    expect(canonicalizeUrl('https://berita.example/a?b=2&a=1&fbclid=xyz')).toBe('https://berita.example/a?a=1&b=2');
    // AMP variants of the same article
    expect(canonicalizeUrl('https://berita.example/nasional/g20-bali/amp')).toBe('https://berita.example/nasional/g20-bali');
    expect(canonicalizeUrl('https://berita.example/amp/nasional/g20-bali/')).toBe('https://berita.example/nasional/g20-bali');
    expect(canonicalizeUrl('https://berita.example/nasional/g20-bali?amp=1&page=2')).toBe('https://berita.example/nasional/g20-bali?page=2');
    expect(canonicalizeUrl('https://berita.example/read/2022/11/g20.amp.html')).toBe('https://berita.example/read/2022/11/g20.html');
    expect(canonicalizeUrl('https://berita.example/ampera/jembatan')).toBe('https://berita.example/ampera/jembatan');
  });
});
