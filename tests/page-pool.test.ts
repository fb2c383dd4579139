import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { learnAdaptation, type SentimentAdaptation } from '../analysis/adaptation.js';
import { createPagePool, type PagePool } from '../crawler/extract/pool.js';
import { loadFixtureArticles, startNewsSite, type NewsSite } from './fixtures/news-site/server.js';

let site: NewsSite;
let threads: PagePool;
const onMainThread = createPagePool({ threads: 0, timeoutMs: 30_000 });
beforeAll(async () => {
  site = await startNewsSite({ now: new Date(), articles: loadFixtureArticles().slice(0, 12) });
  threads = createPagePool({ threads: 1, timeoutMs: 30_000 });
});
afterAll(async () => {
  await threads?.close();
  await site?.close();
});

const pageBytes = async (path: string) => {
  const res = await fetch(site.url + path);
  return { body: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type') };
};

describe('page pool', () => {
  test('pages extracted in a worker thread come out exactly as on the main thread, text prepared for ingest', async () => {
    const before = threads.totals().pages;
    for (const a of site.articles) {
      const path = `/${a.outlet}/berita/${a.slug}`;
      const task = { ...(await pageBytes(path)), url: site.url + path, timezone: 'Asia/Jakarta' };
      const [inWorker, inMain] = await Promise.all([threads.article(task), onMainThread.article(task)]);
      expect(inWorker).not.toBeNull();
      expect({ article: inWorker!.article, prepared: inWorker!.prepared }).toEqual({ article: inMain!.article, prepared: inMain!.prepared });
      expect(inWorker!.prepared.title).toBe(a.title);
      expect(inWorker!.prepared.analysis.language_words).toBeGreaterThan(50);
    }
    // The pool keeps the figures bench:crawl reports: every page counted, with the time its extraction and analysis took.
    const totals = threads.totals();
    expect(totals.pages - before).toBe(site.articles.length);
    expect(totals.extractMs).toBeGreaterThan(0);
    expect(totals.analyzeMs).toBeGreaterThan(0);
  });

  test("the deployment's adaptation scores text in the threads as on the main thread, and a new one takes over when it changes", async () => {
    const text = 'Pemadaman listrik bergilir lagi malam ini';
    const corrections = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `${text} di blok ${i + 1}, padam terus`, kind: 'social' as const, label: 'negative' as const }));
    let current: SentimentAdaptation = learnAdaptation(corrections(12));
    const adapted = createPagePool({ threads: 2, timeoutMs: 30_000, adaptation: async () => current });
    try {
      const inMain = (a: SentimentAdaptation) => createPagePool({ threads: 0, timeoutMs: 30_000, adaptation: async () => a }).prepare('', text, { kind: 'social' });
      const versions = [(await onMainThread.prepare('', text, { kind: 'social' })).analysis.analysis_version];
      for (let round = 0; round < 2; round++) {
        const expected = await inMain(current);
        expect(versions).not.toContain(expected.analysis.analysis_version);
        versions.push(expected.analysis.analysis_version);
        // Several at once, so both threads are asked, each before it has been sent the adaptation.
        const inThreads = await Promise.all(Array.from({ length: 6 }, () => adapted.prepare('', text, { kind: 'social' })));
        for (const p of inThreads) expect(p.analysis).toEqual(expected.analysis);
        current = learnAdaptation(corrections(20));
      }
    } finally {
      await adapted.close();
    }
  });

  test('a page that takes too long has its worker stopped and fails alone; the next page still goes through', async () => {
    const a = site.articles[0]!;
    const path = `/${a.outlet}/berita/${a.slug}`;
    const task = { ...(await pageBytes(path)), url: site.url + path, timezone: 'Asia/Jakarta' };
    await threads.article(task); // the worker is started and warm
    const huge = `<html><body><article><h1>Halaman raksasa</h1>${'<div><p>Paragraf panjang tentang harga beras di pasar. </p></div>'.repeat(60_000)}</article></body></html>`;
    await expect(threads.article({ html: huge, url: 'http://127.0.0.1:9/raksasa', timezone: 'Asia/Jakarta' }, { timeoutMs: 20 })).rejects.toThrow(
      /extracting the page took longer than 20 ms and was stopped/,
    );
    expect((await threads.article(task))?.article.title).toBe(a.title);
  });

  test('a page waiting in the same thread behind one that is stopped still comes out', async () => {
    const a = site.articles[1]!;
    const path = `/${a.outlet}/berita/${a.slug}`;
    const task = { ...(await pageBytes(path)), url: site.url + path, timezone: 'Asia/Jakarta' };
    const huge = `<html><body><article><h1>Halaman raksasa</h1>${'<div><p>Paragraf panjang tentang harga beras di pasar. </p></div>'.repeat(60_000)}</article></body></html>`;
    const [slow, next] = await Promise.allSettled([
      threads.article({ html: huge, url: 'http://127.0.0.1:9/raksasa-2', timezone: 'Asia/Jakarta' }, { timeoutMs: 300 }),
      threads.article(task),
    ]);
    expect(slow.status === 'rejected' && (slow.reason as Error).message).toMatch(/took longer than 300 ms and was stopped/);
    expect(next.status === 'fulfilled' && next.value?.article.title).toBe(a.title);
  });

  test('social text is prepared the same way in a worker thread and on the main thread', async () => {
    const post = ['Harga cabai naik lagi\u0000 ', 'Ibu-ibu di pasar Kramat Jati bilang harga cabai naik lagi minggu ini, padahal katanya ekonomi pulih setelah KTT G20 selesai digelar.'] as const;
    const [inWorker, inMain] = await Promise.all([threads.prepare(...post), onMainThread.prepare(...post)]);
    expect(inWorker).toEqual(inMain);
    expect(inWorker.title).toBe('Harga cabai naik lagi');
    expect(inWorker.analysis.register).toBe('grounded');
    expect(inWorker.signature).toHaveLength(128);
  });
});
