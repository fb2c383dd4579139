/**
 * Run by tests/analysis-text.test.ts in a process of its own with --expose-gc: reads large pages, each with a few
 * long words and lines of its own, through extraction and analysis, lets them go, and prints how much the heap
 * grew. Both keep words and lines in caches for the life of the process; a word or line cut out of a page must
 * not keep the whole page.
 */
import { prepareMentionText } from '../../analysis/mention-text.js';
import { extractArticle } from '../../crawler/extract/article.js';

const PAGES = 20;
const gc = (globalThis as { gc?: () => void }).gc!;
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
const own = (n: number) => Array.from({ length: 20 }, (_, k) => `pemberdayaanmasyarakat${String.fromCharCode(97 + (n % 26))}${String.fromCharCode(97 + k)}`).join(' ');
// About 1 MB of everyday words around a page's own, the same on every page.
const text = (n: number) => `Bupati meresmikan pasar baru. ${own(n)}. ${'Warga berbelanja di pasar pagi ini. '.repeat(28_000)}`;
const html = (n: number) =>
  `<!doctype html><html lang="id"><head><title>Pasar baru ${n}</title></head><body><article><h1>Pasar baru diresmikan di kota ${n}</h1>` +
  `<p>Bupati meresmikan pasar baru, kata warga ${own(n)} pagi ini.</p>${'<p>Warga berbelanja di pasar pagi ini dan harga sayur turun sedikit.</p>'.repeat(14_000)}</article></body></html>`;

/**
 * What the second half of the pages added to the heap: the first half brings the caches' everyday words and lines,
 * and the collector's tables to the size a page of this kind needs.
 */
function grewMb(read: (n: number) => void): number {
  for (let n = 0; n < PAGES; n++) read(n);
  const before = heap();
  for (let n = PAGES; n < 2 * PAGES; n++) read(n);
  return (heap() - before) / 1e6;
}

console.log(
  JSON.stringify({
    pages: PAGES,
    pageMb: Math.min(text(0).length, html(0).length) / 1e6,
    analysisGrewMb: grewMb((n) => void prepareMentionText('Pasar baru diresmikan', text(n), { kind: 'news' })),
    extractionGrewMb: grewMb((n) => void extractArticle(html(n), `https://pasar${n}.example/berita/${n}`, { profiles: null })),
  }),
);
