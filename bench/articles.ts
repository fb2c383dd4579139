import { loadFixtureArticles } from '../tests/fixtures/news-site/server.js';
import type { FixtureArticle } from '../tests/fixtures/news-site/outlets.js';

/**
 * DEMO DATA for the benchmark: `count` distinct Indonesian news articles built from the fixture site's
 * articles.json. Each keeps a fixture article's outlet (so its page layout), author and section, and gets
 * its own title, slug and body of sentences drawn from the whole corpus, so pages are as distinct from one
 * another as real articles (the near-duplicate detector sees unrelated stories, not thousands of copies).
 */
const PLACES = ['Jakarta', 'Bontang', 'Samarinda', 'Makassar', 'Medan', 'Kupang', 'Ambon', 'Jayapura', 'Padang', 'Pontianak', 'Denpasar', 'Mataram'];

/** mulberry32: a small seeded PRNG, so every run serves the same pages. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function generateArticles(count: number, seed = 20_240_214): FixtureArticle[] {
  const fixtures = loadFixtureArticles();
  const sentences = fixtures.flatMap((a) => a.paragraphs.flatMap((p) => p.split(/(?<=[.!?”])\s+/))).filter((s) => s.length > 40);
  const random = seededRandom(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const base = fixtures[i % fixtures.length]!;
    const lead = base.paragraphs[0]?.split(/(?<=[.!?”])\s+/)[0] ?? pick(sentences);
    const paragraphs = [lead];
    const n = 6 + Math.floor(random() * 4);
    for (let p = 0; p < n; p++) paragraphs.push(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(sentences)).join(' '));
    return {
      ...base,
      slug: `${base.slug}-${i + 1}`,
      title: `${base.title} (${pick(PLACES)}, laporan ${i + 1})`,
      daysAgo: Math.floor(random() * 30),
      time: `${String(6 + Math.floor(random() * 15)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`,
      views: base.views === null ? null : 50 + Math.floor(random() * 5000),
      paragraphs,
    };
  });
}
