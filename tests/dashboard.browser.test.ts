import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, depsFromRuntime } from '../api/app.js';
import type { Runtime } from '../core/runtime.js';
import { runSourceCrawl } from '../crawler/pipeline.js';
import { startNewsSite, type NewsSite } from './fixtures/news-site/server.js';
import { makeArticles } from './helpers/articles.js';
import { launchChromium, paintedPixels, serveOnLoopback, type Served } from './helpers/browser.js';
import { createTestUser, signInThroughPage, type TestUser } from './helpers/auth.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { factory } from './helpers/factory.js';
import { openTestCrawlContext, openTestRuntime } from './helpers/runtime.js';

const HOSTILE_TITLE = 'Presidensi G20 <img src=x onerror="window.__xss=1"> di Bontang';

let db: TestDatabase;
let rt: Runtime;
let site: NewsSite;
let server: Served;
let baseUrl: string;
let browser: Browser;
let staff: TestUser;

beforeAll(async () => {
  db = await createTestDatabase();
  rt = await openTestRuntime(db.url);
  const articles = makeArticles(8, { outlet: 'kabar', prefix: 'dasbor' });
  articles[0]!.title = HOSTILE_TITLE;
  site = await startNewsSite({ articles });
  await factory.topic(db.sql, { name: 'Presidensi G20', query: 'Presidensi G20' });
  const source = await factory.source(db.sql, { url: site.outlets.find((o) => o.id === 'kabar')!.feedUrl, name: 'Kabar Pesisir' });
  const crawl = openTestCrawlContext(db.sql);
  await runSourceCrawl(crawl, source);
  await crawl.close();

  staff = await createTestUser(db.sql, 'staff', { signIn: true });
  const app = createApp(depsFromRuntime(rt));
  server = await serveOnLoopback(app);
  baseUrl = server.url;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.close();
  await rt?.close();
  await db?.drop();
});

describe('dashboard in Chromium', () => {
  test('the dashboard draws the daily chart and lists crawled titles as text, in Indonesian with an English switch', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInThroughPage(page, baseUrl, staff);

    expect(await page.textContent('#chart-title')).toBe('Jumlah sebutan per hari');
    const painted = (id: string) => paintedPixels(page, id);
    expect(await painted('volume-chart')).toBeGreaterThan(500);

    // The headline: the topic's membumi index as a number, its reading, its four parts and its daily trend.
    expect(await page.isVisible('#membumi-panel')).toBe(true);
    expect(await page.textContent('#membumi-topic')).toBe('Topik: Presidensi G20');
    expect(await page.textContent('#membumi-index')).toMatch(/^\d{1,3}(,\d)?$/);
    expect(await page.textContent('#membumi-reading')).toMatch(/dari 100: sekitar \d+% jangkauan/);
    expect(await page.$$eval('#membumi-parts li', (lis) => lis.length)).toBe(4);
    expect(await painted('membumi-chart')).toBeGreaterThan(500);
    // the download links carry the filters, and the CSV they point at is the mentions the page lists
    const csvHref = await page.getAttribute('#download-csv', 'href');
    expect(csvHref).toMatch(/^\/api\/v1\/exports\/mentions\.csv\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&lang=id$/);
    const csv = await page.evaluate(async (href) => (await fetch(href!)).text(), csvHref);
    expect(csv).toContain('Warga Bontang menyambut Presidensi G20 bagian 2');
    expect(await page.getAttribute('#download-pdf', 'href')).toMatch(/^\/api\/v1\/exports\/digest\.pdf\?topic=\d+&period=weekly&day=/);
    expect(await painted('sentiment-chart')).toBeGreaterThan(500);
    // no spike in this data: the alerts panel says so
    expect(await page.textContent('#alerts-empty')).toBe('Tidak ada peringatan dalam 7 hari terakhir.');
    expect(await page.isVisible('#alerts-empty')).toBe(true);
    // each mention in the feed shows its index and why
    expect(await page.$$eval('#mentions tbody td.membumi strong', (els) => els.map((e) => Number(e.textContent)))).toHaveLength(8);

    const titles = await page.$$eval('#mentions tbody tr td:nth-child(2) a', (as) => as.map((a) => a.textContent));
    expect(titles).toHaveLength(8);
    expect(titles).toContain('Warga Bontang menyambut Presidensi G20 bagian 2');
    // crawled markup is shown as text and never runs
    expect(titles).toContain(HOSTILE_TITLE);
    expect(await page.$$('#mentions img')).toHaveLength(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    expect(await page.$$eval('#sources tbody td:first-child', (tds) => tds.map((td) => td.textContent))).toEqual(['Kabar Pesisir']);

    // the API reference page lists the operations and runs a GET from the browser
    const ref = await browser.newPage();
    ref.on('pageerror', (e) => errors.push(e.message));
    await ref.goto(baseUrl + '/api/reference');
    await ref.waitForSelector('#ops section');
    const health = ref.locator('section', { has: ref.locator('h2', { hasText: 'GET /api/v1/health' }) });
    await health.locator('button').click();
    await ref.waitForFunction(() => [...document.querySelectorAll('section pre')].some((p) => p.textContent?.startsWith('200')));
    expect(await ref.locator('section h2').count()).toBeGreaterThan(25);
    await ref.close();

    await page.click('button[data-lang="en"]');
    await page.waitForFunction(() => document.querySelector('#chart-title')?.textContent === 'Mentions per day');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(errors).toEqual([]);
    await page.close();
  });
});
