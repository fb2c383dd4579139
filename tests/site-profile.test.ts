import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { extractArticle } from '../crawler/extract/article.js';
import { SiteProfiles } from '../crawler/extract/site-profile.js';
import { OUTLETS } from './fixtures/news-site/outlets.js';
import { renderArticle } from './fixtures/news-site/render.js';
import { loadFixtureArticles } from './fixtures/news-site/server.js';

const now = new Date('2026-12-07T09:00:00Z');
const articles = loadFixtureArticles();

/** The pages of one fixture outlet, each as a crawler fetches it. */
function pagesOf(outlet: string) {
  const owner = OUTLETS.find((o) => o.id === outlet)!;
  return articles
    .filter((a) => a.outlet === outlet)
    .map((a, i, all) => {
      const url = `http://${outlet}.test/berita/${a.slug}`;
      return { url, html: renderArticle(owner, a, new Date(now.getTime() - (i + 1) * 3_600_000), url, all.slice(i + 1, i + 4)) };
    });
}

describe('site profiles: pages of a known template skip Readability and read the same', () => {
  test('after three pages read the same both ways, later pages of the template are read from the region alone, with the same result', () => {
    const profiles = new SiteProfiles();
    const pages = pagesOf('portal');
    expect(pages.length).toBeGreaterThan(6);
    for (const [i, page] of pages.entries()) {
      const learnt = extractArticle(page.html, page.url, { now, profiles });
      const readability = extractArticle(page.html, page.url, { now, profiles: null });
      expect(learnt).toEqual(readability);
      expect(learnt).not.toBeNull();
      expect(profiles.trusted('portal.test')).toBe(i >= 2);
    }
  });

  test('a template whose region holds a line Readability drops (a section label above the story) comes to read the element around the story', () => {
    const profiles = new SiteProfiles();
    for (const [i, page] of pagesOf('kabar').entries()) {
      expect(extractArticle(page.html, page.url, { now, profiles })).toEqual(extractArticle(page.html, page.url, { now, profiles: null }));
      expect(profiles.trusted('kabar.test')).toBe(i >= 2);
    }
    expect(profiles.trustedContainers('kabar.test')).toEqual(['article > div.entry-content']);
  });

  test('one site’s profile says nothing about another’s pages', () => {
    const profiles = new SiteProfiles();
    for (const page of pagesOf('portal')) extractArticle(page.html, page.url, { now, profiles });
    expect(profiles.trusted('portal.test')).toBe(true);
    expect(profiles.trusted('warta.test')).toBe(false);
  });
});

describe('site profiles: when a page is read both ways again', () => {
  const known = new Set(['p', 'h1', 'div.isi-berita']);
  /** A stripped region made of `known` kinds, with `extra` inside it. */
  const body = (extra = '') => parseHTML(`<html><body><h1>Judul</h1><div class="isi-berita"><p>Isi berita.</p>${extra}</div></body></html>`).document.body as unknown as Element;
  const canSkip = (profiles: SiteProfiles, site: string, extra = '') => profiles.skipReading(site, body(extra)) !== null;

  test('a page with an element kind never seen on agreeing pages goes through Readability', () => {
    const profiles = new SiteProfiles();
    for (let i = 0; i < 3; i++) profiles.learn('a.test', known, true);
    expect(canSkip(profiles, 'a.test')).toBe(true);
    expect(canSkip(profiles, 'a.test', '<table class="galeri"></table>')).toBe(false);
  });

  test('every twentieth page of a trusted site is read both ways; a disagreement there makes the site start over', () => {
    const profiles = new SiteProfiles({ recheckEvery: 20 });
    for (let i = 0; i < 3; i++) profiles.learn('a.test', known, true);
    const skipped = Array.from({ length: 20 }, () => canSkip(profiles, 'a.test'));
    expect(skipped.filter((s) => !s)).toHaveLength(1);
    expect(skipped.at(-1)).toBe(false);
    profiles.learn('a.test', known, false);
    expect(profiles.trusted('a.test')).toBe(false);
    expect(canSkip(profiles, 'a.test')).toBe(false);
  });

  test('a site whose profile keeps proving wrong is read by Readability for good', () => {
    const profiles = new SiteProfiles({ maxResets: 2 });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 3; i++) profiles.learn('a.test', known, true);
      profiles.learn('a.test', known, false);
    }
    for (let i = 0; i < 5; i++) profiles.learn('a.test', known, true);
    expect(canSkip(profiles, 'a.test')).toBe(false);
  });

  test('a disagreement on a page with something new does not undo what the known pages taught', () => {
    const profiles = new SiteProfiles();
    for (let i = 0; i < 3; i++) profiles.learn('a.test', known, true);
    profiles.learn('a.test', new Set([...known, 'div.video-embed']), false);
    expect(profiles.trusted('a.test')).toBe(true);
    expect(canSkip(profiles, 'a.test')).toBe(true);
  });

  test('the least recently seen sites are forgotten first', () => {
    const profiles = new SiteProfiles({ maxSites: 2 });
    for (const site of ['a.test', 'b.test']) for (let i = 0; i < 3; i++) profiles.learn(site, known, true);
    canSkip(profiles, 'a.test');
    for (let i = 0; i < 3; i++) profiles.learn('c.test', known, true);
    expect([profiles.trusted('a.test'), profiles.trusted('b.test'), profiles.trusted('c.test')]).toEqual([true, false, true]);
  });

  test('a container learnt inside the region is found on a page only where its path finds one element', () => {
    const profiles = new SiteProfiles();
    for (let i = 0; i < 3; i++) profiles.learn('a.test', new Set(['p']), true, 'div.isi-berita');
    expect(profiles.skipReading('a.test', body())?.lines).toEqual(['Isi berita.']);
    const twice = parseHTML('<html><body><div class="isi-berita"><p>Satu.</p></div><div class="isi-berita"><p>Dua.</p></div></body></html>').document.body;
    expect(profiles.skipReading('a.test', twice as unknown as Element)).toBeNull();
  });
});

/**
 * Small pages of a made-up outlet: a story inside <article> under a section label, the template Readability reads
 * without its label; and a video page with its description in another element.
 */
const SENTENCES = [
  'Pemerintah kabupaten menyiapkan anggaran tambahan untuk memperbaiki jalan desa yang rusak setelah musim hujan panjang tahun ini.',
  'Warga berharap perbaikan selesai sebelum panen raya agar hasil pertanian bisa diangkut ke pasar tanpa kendala berarti.',
  'Kepala dinas pekerjaan umum mengatakan pengerjaan dibagi menjadi tiga tahap dan dimulai dari ruas yang paling parah.',
  'Para pedagang di pasar induk menyambut baik rencana itu karena ongkos angkut selama ini naik hampir dua kali lipat.',
  'Anggota dewan meminta pengawasan diperketat supaya kualitas pekerjaan sesuai dengan spesifikasi yang tertulis di kontrak.',
  'Sejumlah sekolah di daerah itu juga akan mendapat akses jalan yang lebih baik setelah proyek rampung akhir tahun.',
];
const story = (n: number) => Array.from({ length: 5 }, (_, k) => `${SENTENCES[(n + k) % SENTENCES.length]!} ${SENTENCES[(n + k + 3) % SENTENCES.length]!}`);
const headline = (n: number) => `Perbaikan jalan desa tahap ${n} dimulai pekan depan`;
const outletPage = (main: string, title: string) => `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${title} - Kabar Teluk</title>
<meta property="og:title" content="${title}"></head><body>
<header class="site-header"><a href="/">Kabar Teluk</a><nav><a href="/">Beranda</a> <a href="/daerah">Daerah</a></nav></header>
<main>${main}</main><footer><p>Kabar Teluk, situs uji.</p></footer></body></html>`;
function storyPage(n: number, inside = ''): { url: string; html: string } {
  const paragraphs = story(n).map((p) => `<p>${p}</p>`).join('\n');
  const main = `<article><span class="kanal">Daerah</span><h1 class="judul">${headline(n)}</h1>
<div class="entry-content">${paragraphs}${inside}</div></article>`;
  return { url: `https://teluk.test/daerah/${n}`, html: outletPage(main, headline(n)) };
}
function videoPage(n: number): { url: string; html: string } {
  const main = `<div class="video-detail"><div class="pemutar"><span class="durasi">03:12</span></div><h1>Video: ${headline(n)}</h1>
<div class="deskripsi">${story(n + 2).map((p) => `<p>${p}</p>`).join('\n')}</div><div class="label-video">Video</div></div>`;
  return { url: `https://teluk.test/video/${n}`, html: outletPage(main, `Video: ${headline(n)}`) };
}

describe('site profiles: the element of a template that holds the story', () => {
  const read = (page: { url: string; html: string }, profiles: SiteProfiles | null) => extractArticle(page.html, page.url, { now, profiles });

  test('pages whose region holds a label Readability drops skip Readability after three agreements, and give exactly its article', () => {
    const profiles = new SiteProfiles();
    for (let n = 1; n <= 8; n++) {
      const page = storyPage(n);
      const article = read(page, profiles);
      expect(article).toEqual(read(page, null));
      expect(article!.body.startsWith(SENTENCES[n % SENTENCES.length]!)).toBe(true);
      expect(profiles.trusted('teluk.test')).toBe(n >= 3);
    }
    // The whole region (with the label) never agreed: only the element around the story is trusted.
    expect(profiles.trustedContainers('teluk.test')).toEqual(['article > div.entry-content']);
  });

  test('a page with a new kind of element inside the container goes through Readability again', () => {
    const profiles = new SiteProfiles();
    for (let n = 1; n <= 3; n++) read(storyPage(n), profiles);
    // Readability drops a table of links inside the story; the container alone would keep its lines.
    const links = '<table class="tautan"><tr><td><a href="/a">Tautan pilihan pertama</a></td><td><a href="/b">Tautan pilihan kedua</a></td></tr></table>';
    for (let n = 4; n <= 6; n++) {
      const page = storyPage(n, links);
      const article = read(page, profiles);
      expect(article).toEqual(read(page, null));
      expect(article!.body).not.toContain('Tautan pilihan');
    }
    // What disagreed on something new neither taught nor undid the template.
    expect(profiles.trustedContainers('teluk.test')).toEqual(['article > div.entry-content']);
  });

  test('a container that stops holding the story is unlearnt when its page is read both ways', () => {
    const profiles = new SiteProfiles({ recheckEvery: 1 });
    for (let n = 1; n <= 3; n++) read(storyPage(n), profiles);
    expect(profiles.trustedContainers('teluk.test')).toEqual(['article > div.entry-content']);
    // The same template, but the story goes on in an element after the container: only known kinds inside it.
    const page = storyPage(4);
    const more = `<div class="sambungan">${story(7).map((p) => `<p>${p}</p>`).join('')}</div>`;
    const moved = { url: page.url, html: page.html.replace('</div></article>', `</div>${more}</article>`) };
    expect(read(moved, profiles)).toEqual(read(moved, null));
    expect(profiles.trustedContainers('teluk.test')).not.toContain('article > div.entry-content');
  });

  test('a site with two templates learns a container for each, and pages of both skip Readability with its article', () => {
    const profiles = new SiteProfiles();
    for (let n = 1; n <= 8; n++) {
      for (const page of [storyPage(n), videoPage(n)]) expect(read(page, profiles)).toEqual(read(page, null));
    }
    expect(profiles.trustedContainers('teluk.test').sort()).toEqual(['article > div.entry-content', 'main > div.video-detail > div.deskripsi']);
  });
});
