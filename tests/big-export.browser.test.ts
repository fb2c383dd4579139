import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, depsFromRuntime } from '../api/app.js';
import { startWorkers } from '../crawler/worker.js';
import { createTestUser, signInThroughPage, type TestUser } from './helpers/auth.js';
import { launchChromium, serveOnLoopback, type Served } from './helpers/browser.js';
import { openTestApp, type TestApp } from './helpers/app.js';
import { factory } from './helpers/factory.js';

let t: TestApp;
let browser: Browser;
let server: Served;
let baseUrl: string;
let workers: { close(): Promise<void> };
let staff: TestUser;

beforeAll(async () => {
  t = await openTestApp({ WORKERS: 'export' });
  workers = await startWorkers(t.rt);
  await factory.topic(t.db.sql, { name: 'Presidensi G20', query: 'G20' });
  for (let i = 0; i < 3; i++) await factory.mention(t.db.sql, { title: `=Warga menyambut G20 bagian ${i}`, body: 'Warga pesisir di Samarinda, Kalimantan Timur, menyambut Presidensi G20 di pasar, kata pedagang.' });
  staff = await createTestUser(t.db.sql, 'staff', { signIn: true, username: 'uji-staf' });
  server = await serveOnLoopback(createApp(depsFromRuntime(t.rt)));
  baseUrl = server.url;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await workers?.close();
  await t?.close();
});

describe('large exports on the dashboard', () => {
  test('staff prepare a large CSV in the background with the filters, watch its progress and download it; the links carry tier and province', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInThroughPage(page, baseUrl, staff);
    expect(await page.textContent('#big-export-csv')).toBe('Siapkan ekspor besar (CSV)');

    await page.click('#big-export-csv');
    await page.waitForSelector('#big-export-download:not([hidden])', { timeout: 20_000 });
    expect(await page.textContent('#big-export-status')).toContain('3 sebutan');
    expect(await page.$eval('#big-export-progress', (el) => [(el as HTMLProgressElement).value, (el as HTMLProgressElement).max])).toEqual([3, 3]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#big-export-download')]);
    expect(download.suggestedFilename()).toMatch(/^gaung-sebutan-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((s) => {
        const parts: Buffer[] = [];
        s.on('data', (d: Buffer) => parts.push(d)).on('end', () => resolve(Buffer.concat(parts).toString('utf8'))).on('error', reject);
      });
    });
    expect(text).toContain("'=Warga menyambut G20 bagian 0");

    const [row] = await t.db.sql<{ filters: { lang: string; tier?: string } }[]>`select filters from exports order by id desc limit 1`;
    expect(row!.filters.lang).toBe('id');
    await page.selectOption('#filter-tier', 'regional');
    await page.waitForFunction(() => (document.getElementById('download-csv') as HTMLAnchorElement).href.includes('tier=regional'));
    await page.waitForSelector('#filter-province option[value="64"]', { state: 'attached' });
    await page.selectOption('#filter-province', '64');
    await page.waitForFunction(() => (document.getElementById('download-xlsx') as HTMLAnchorElement).href.includes('province=64'));
    await page.click('#big-export-xlsx');
    await page.waitForSelector('#big-export-download:not([hidden])', { timeout: 20_000 });
    const [last] = await t.db.sql<{ format: string; filters: { tier?: string; province?: string } }[]>`select format, filters from exports order by id desc limit 1`;
    expect(last).toMatchObject({ format: 'xlsx', filters: { tier: 'regional', province: '64' } });
    expect(errors).toEqual([]);
    await context.close();
  });
});
