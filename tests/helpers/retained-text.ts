/**
 * Run by tests/analysis-text.test.ts in a process of its own with --expose-gc: analyses large pages, each with a
 * few long words (13 letters and more) of its own, lets them go, and prints how much the heap grew. The analysis
 * keeps words in caches for the life of the process; a word cut out of a page must not keep the whole page.
 */
import { prepareMentionText } from '../../analysis/mention-text.js';

const PAGES = 20;
const gc = (globalThis as { gc?: () => void }).gc!;
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
const page = (n: number) => {
  const own = Array.from({ length: 20 }, (_, k) => `pemberdayaanmasyarakat${String.fromCharCode(97 + (n % 26))}${String.fromCharCode(97 + k)}`).join(' ');
  // About 1 MB of everyday words around them, the same on every page.
  return `Bupati meresmikan pasar baru. ${own}. ${'Warga berbelanja di pasar pagi ini. '.repeat(28_000)}`;
};
prepareMentionText('Pasar', page(99), { kind: 'news' }); // the caches' everyday words
const before = heap();
for (let n = 0; n < PAGES; n++) prepareMentionText('Pasar baru diresmikan', page(n), { kind: 'news' });
console.log(JSON.stringify({ pages: PAGES, pageMb: page(0).length / 1e6, grewMb: (heap() - before) / 1e6 }));
