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

  test('a template whose region reads differently from Readability (a section label above the story) is never trusted', () => {
    const profiles = new SiteProfiles();
    for (const page of pagesOf('kabar')) {
      expect(extractArticle(page.html, page.url, { now, profiles })).toEqual(extractArticle(page.html, page.url, { now, profiles: null }));
    }
    expect(profiles.trusted('kabar.test')).toBe(false);
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

  test('a page with an element kind never seen on agreeing pages goes through Readability', () => {
    const profiles = new SiteProfiles();
    for (let i = 0; i < 3; i++) profiles.learn('a.test', known, true);
    expect(profiles.canSkip('a.test', known)).toBe(true);
    expect(profiles.canSkip('a.test', new Set([...known, 'table.galeri']))).toBe(false);
  });

  test('every twentieth page of a trusted site is read both ways; a disagreement there makes the site start over', () => {
    const profiles = new SiteProfiles({ recheckEvery: 20 });
    for (let i = 0; i < 3; i++) profiles.learn('a.test', known, true);
    const skipped = Array.from({ length: 20 }, () => profiles.canSkip('a.test', known));
    expect(skipped.filter((s) => !s)).toHaveLength(1);
    expect(skipped.at(-1)).toBe(false);
    profiles.learn('a.test', known, false);
    expect(profiles.trusted('a.test')).toBe(false);
    expect(profiles.canSkip('a.test', known)).toBe(false);
  });

  test('a site whose profile keeps proving wrong is read by Readability for good', () => {
    const profiles = new SiteProfiles({ maxResets: 2 });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 3; i++) profiles.learn('a.test', known, true);
      profiles.learn('a.test', known, false);
    }
    for (let i = 0; i < 5; i++) profiles.learn('a.test', known, true);
    expect(profiles.canSkip('a.test', known)).toBe(false);
  });

  test('a disagreement on a page with something new does not undo what the known pages taught', () => {
    const profiles = new SiteProfiles();
    for (let i = 0; i < 3; i++) profiles.learn('a.test', known, true);
    profiles.learn('a.test', new Set([...known, 'div.video-embed']), false);
    expect(profiles.trusted('a.test')).toBe(true);
    expect(profiles.canSkip('a.test', known)).toBe(true);
  });

  test('the least recently seen sites are forgotten first', () => {
    const profiles = new SiteProfiles({ maxSites: 2 });
    for (const site of ['a.test', 'b.test']) for (let i = 0; i < 3; i++) profiles.learn(site, known, true);
    profiles.canSkip('a.test', known);
    for (let i = 0; i < 3; i++) profiles.learn('c.test', known, true);
    expect([profiles.trusted('a.test'), profiles.trusted('b.test'), profiles.trusted('c.test')]).toEqual([true, false, true]);
  });
});
