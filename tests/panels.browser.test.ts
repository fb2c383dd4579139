import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, depsFromRuntime } from '../api/app.js';
import type { Runtime } from '../core/runtime.js';
import { dayInZone } from '../core/time.js';
import { launchChromium, paintedPixels, serveOnLoopback, type Served } from './helpers/browser.js';
import { createTestUser, signInThroughPage, type TestUser } from './helpers/auth.js';
import { seedCoverage } from './helpers/coverage.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { factory } from './helpers/factory.js';
import { openTestRuntime } from './helpers/runtime.js';

const PANELS = ['volume', 'reach', 'tiers', 'voices', 'stories', 'sources', 'speakers', 'terms', 'provinces', 'jargon', 'languages'];

let db: TestDatabase;
let rt: Runtime;
let server: Served;
let baseUrl: string;
let browser: Browser;
let viewer: TestUser;

beforeAll(async () => {
  db = await createTestDatabase();
  rt = await openTestRuntime(db.url);
  await factory.topic(db.sql, { name: 'Presidensi G20', query: 'G20' });
  await seedCoverage(db.sql, dayInZone(new Date(Date.now() - 3 * 86_400_000)));
  viewer = await createTestUser(db.sql, 'viewer', { signIn: true });
  server = await serveOnLoopback(createApp(depsFromRuntime(rt)));
  baseUrl = server.url;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rt?.close();
  await db?.drop();
});

describe('dashboard panels in Chromium', () => {
  test('every panel draws its chart with its numbers and a CSV link, and a tier filter changes what they show', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInThroughPage(page, baseUrl, viewer);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#panels:not([hidden])');
    const painted = (id: string) => paintedPixels(page, id);
    expect(await page.textContent('#panel-topic')).toBe('Panel untuk topik: Presidensi G20');
    for (const p of PANELS) {
      expect(await painted(`panel-${p}-chart`), p).toBeGreaterThan(500);
      expect(await page.isHidden(`#panel-${p}-empty`), p).toBe(true);
      expect(await page.$$eval(`#panel-${p}-table tbody tr`, (rows) => rows.length), p).toBeGreaterThan(0);
      expect(await page.getAttribute(`#panel-${p}-csv`, 'href'), p).toMatch(new RegExp(`^/api/v1/panels/${p}\\?topic=\\d+&from=.*&format=csv&lang=id$`));
    }
    const cells = (id: string) => page.$$eval(`#${id} tbody td`, (tds) => tds.map((td) => td.textContent));
    expect(await cells('panel-volume-table')).toEqual(['6', '7', '85,7 %']);
    expect(await cells('panel-reach-table')).toEqual(['6.200', '700', '4.500', '1.000']);
    // the crawled author whose name begins with "=" is listed as text
    expect(await cells('panel-speakers-table')).toContain('=HYPERLINK("https://jahat.example","Sri")');
    expect((await cells('panel-jargon-table')).slice(0, 2)).toEqual(['sinergi', 'kerja sama']);
    const csv = await page.evaluate(async (href) => (await fetch(href!)).text(), await page.getAttribute('#panel-provinces-csv', 'href'));
    expect(csv).toContain('Kalimantan Timur');

    const sourcesBefore = await page.$$eval('#panel-sources-table tbody tr', (rows) => rows.length);
    await page.selectOption('#filter-tier', 'regional');
    await page.waitForFunction(() => document.querySelector('#panel-volume-table tbody td')?.textContent === '3');
    expect(await page.$$eval('#panel-sources-table tbody tr', (rows) => rows.length)).toBeLessThan(sourcesBefore);
    expect(await cells('panel-sources-table')).toEqual(['Kabar Kaltim', '3', '1.000']);
    expect(await page.getAttribute('#panel-tiers-csv', 'href')).toContain('tier=regional');
    // the province choices come from the panel; choosing one narrows the panels again
    await page.selectOption('#filter-province', { label: 'Jawa Timur' });
    await page.waitForFunction(() => document.querySelector('#panel-volume-table tbody td')?.textContent === '1');
    expect(await cells('panel-provinces-table')).toEqual(['Jawa Timur', '1', '100 %', '100 %']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
