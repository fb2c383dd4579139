import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, depsFromRuntime } from '../api/app.js';
import { ROLES, type Role } from '../api/auth/roles.js';
import { runSourceCrawl } from '../crawler/pipeline.js';
import { startNewsSite, type NewsSite } from './fixtures/news-site/server.js';
import { makeArticles } from './helpers/articles.js';
import { createTestUser, signInThroughPage, type TestUser } from './helpers/auth.js';
import { launchChromium, paintedPixels, serveOnLoopback, type Served } from './helpers/browser.js';
import { openTestApp, type TestApp } from './helpers/app.js';
import { factory } from './helpers/factory.js';
import { pdfText } from './helpers/pdf.js';
import { seedCoverage } from './helpers/coverage.js';
import { dayInZone } from '../core/time.js';
import { openTestCrawlContext } from './helpers/runtime.js';

let t: TestApp;
let site: NewsSite;
let browser: Browser;
const servers: Served[] = [];
let baseUrl: string;
let demoUrl: string;
const users = {} as Record<Role, TestUser>;
const PANELS = ['volume', 'reach', 'tiers', 'voices', 'stories', 'sources', 'speakers', 'terms', 'provinces', 'jargon', 'languages'];

async function listen(app: ReturnType<typeof createApp>): Promise<string> {
  const server = await serveOnLoopback(app);
  servers.push(server);
  return server.url;
}

beforeAll(async () => {
  t = await openTestApp();
  site = await startNewsSite({ articles: makeArticles(6, { outlet: 'kabar', prefix: 'peran' }) });
  await factory.topic(t.db.sql, { name: 'Presidensi G20', query: 'G20' });
  // a small campaign with every kind of figure, so every panel has data
  await seedCoverage(t.db.sql, dayInZone(new Date(Date.now() - 3 * 86_400_000)));
  const source = await factory.source(t.db.sql, { url: site.outlets.find((o) => o.id === 'kabar')!.feedUrl, name: 'Kabar Pesisir' });
  const crawl = openTestCrawlContext(t.db.sql);
  await runSourceCrawl(crawl, source);
  await crawl.close();
  for (const role of ROLES) users[role] = await createTestUser(t.db.sql, role, { signIn: true, username: `uji-${role}` });
  baseUrl = await listen(createApp(depsFromRuntime(t.rt)));
  demoUrl = await listen(createApp(depsFromRuntime(t.rt, { demo: true })));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
  await site?.close();
  await t?.close();
});

async function signedIn(role: Role): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signInThroughPage(page, baseUrl, users[role]);
  return { context, page, errors };
}

const painted = paintedPixels;

async function download(page: Page, selector: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const chunks: Buffer[] = [];
  for await (const chunk of (await file.createReadStream())!) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('signing in as each role', () => {
  test('without signing in the page asks for it and shows no data; a wrong password is refused with a clear message', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('#login-form:not([hidden])');
    expect(await page.isVisible('#view-dasbor')).toBe(false);
    expect(await page.textContent('#login-submit')).toBe('Masuk');
    await page.fill('#login-username', users.viewer.username);
    await page.fill('#login-password', 'bukan-kata-sandinya');
    await page.click('#login-submit');
    await page.waitForSelector('#login-error:not([hidden])');
    expect(await page.textContent('#login-error')).toBe('Nama pengguna atau kata sandi salah.');
    await page.close();
  });

  for (const role of ROLES) {
    test(`${role}: sees every panel drawn with data, their name and role, and only the controls the role allows`, async () => {
      const { context, page, errors } = await signedIn(role);
      expect(await page.textContent('#whoami')).toContain(users[role].username);
      expect(await page.getAttribute('body', 'data-role')).toBe(role);
      expect(await painted(page, 'volume-chart')).toBeGreaterThan(500);
      expect(await painted(page, 'sentiment-chart')).toBeGreaterThan(500);
      expect(await page.textContent('#membumi-index')).toMatch(/^\d{1,3}(,\d)?$/);
      const listed = await page.evaluate(async () => ((await (await fetch('/api/v1/mentions?limit=25')).json()) as { data: unknown[] }).data.length);
      expect(listed).toBeGreaterThan(6);
      expect(await page.$$eval('#mentions tbody tr', (rows) => rows.length)).toBe(listed);
      for (const p of PANELS) expect(await painted(page, `panel-${p}-chart`), p).toBeGreaterThan(500);
      // a filter changes what the charts and the feed show: social posts only
      const volumeBefore = await page.textContent('#panel-volume-table');
      await page.selectOption('#kind', 'social');
      await page.waitForFunction((n) => document.querySelectorAll('#mentions tbody tr').length < n, listed);
      await page.waitForFunction((before) => document.querySelector('#panel-volume-table')?.textContent !== before, volumeBefore);
      expect(await page.$$eval('#mentions tbody tr td:nth-child(4)', (tds) => [...new Set(tds.map((td) => td.textContent))])).toEqual(['Sosial']);
      // exports are for staff and up; the page offers them only to those roles
      expect(await page.isVisible('#download-csv')).toBe(role !== 'viewer');
      // the users panel of the account view is for admins
      await page.goto(`${baseUrl}/#/akun`);
      await page.waitForSelector('#view-akun:not([hidden])');
      await page.waitForFunction(() => document.querySelector('#tokens-empty') && !document.querySelector('#tokens-empty')!.hasAttribute('hidden'));
      expect(await page.isVisible('#users')).toBe(role === 'admin');
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  test('staff download the CSV, XLSX and PDF the dashboard links to, and the PDF carries the headline figure', async () => {
    const { context, page } = await signedIn('staff');
    const csv = (await download(page, '#download-csv')).toString('utf8');
    expect(csv.split('\n')[0]).toMatch(/judul/i);
    expect(csv).toContain('Warga Bontang menyambut Presidensi G20 bagian 1');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download(page, '#download-xlsx')) as unknown as ArrayBuffer);
    const titles = book.worksheets[0]!.getColumn(2).values.map(String);
    expect(titles.some((v) => v.includes('Presidensi G20 bagian 1'))).toBe(true);
    const pdf = (await pdfText(new Uint8Array(await download(page, '#download-pdf')))).replace(/\s+/g, ' ');
    const headline = (await page.textContent('#membumi-index'))!.trim();
    expect(pdf).toContain('Indeks Membumi');
    expect(pdf).toContain(headline);
    await context.close();
  });

  test('an analyst makes a read-only API token in the account view; a script can read with it but not write', async () => {
    const { context, page } = await signedIn('analyst');
    await page.goto(`${baseUrl}/#/akun`);
    await page.waitForSelector('#token-form');
    await page.fill('#token-name', 'laporan pagi');
    await page.selectOption('#token-role', 'viewer');
    await page.click('#token-form button[type="submit"]');
    await page.waitForSelector('#token-secret:not([hidden]) input');
    const token = await page.inputValue('#token-secret input');
    expect(token).toMatch(/^gaung_/);
    await page.waitForFunction(() => document.querySelectorAll('#tokens tbody tr').length === 1);
    const read = await fetch(`${baseUrl}/api/v1/mentions`, { headers: { authorization: `Bearer ${token}` } });
    expect(read.status).toBe(200);
    const write = await fetch(`${baseUrl}/api/v1/topics`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x', query: 'x' }) });
    expect(write.status).toBe(403);
    await context.close();
  });

  test('an admin adds a user who then signs in with the generated password; signing out returns to the form', async () => {
    const { context, page } = await signedIn('admin');
    await page.goto(`${baseUrl}/#/akun`);
    await page.waitForSelector('#users tbody tr');
    await page.fill('#user-username', 'humas.daerah');
    await page.selectOption('#user-role', 'staff');
    await page.click('#user-form button[type="submit"]');
    await page.waitForSelector('#users-secret:not([hidden]) input');
    const [name, password] = (await page.inputValue('#users-secret input')).split(': ');
    expect(name).toBe('humas.daerah');
    await page.waitForFunction(() => [...document.querySelectorAll('#users tbody td:first-child')].some((td) => td.textContent === 'humas.daerah'));
    const queues = await context.request.get(`${baseUrl}/admin/queues`);
    expect(queues.status()).toBe(200);

    await page.click('#logout');
    await page.waitForSelector('#login-form:not([hidden])');
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await signInThroughPage(other, baseUrl, { id: 0, username: 'humas.daerah', role: 'staff', password });
    expect(await other.getAttribute('body', 'data-role')).toBe('staff');
    await fresh.close();
    await context.close();
  });
});

describe('the demo', () => {
  test('opens read-only without signing in, and offers to sign in for more', async () => {
    const page = await browser.newPage();
    await page.goto(`${demoUrl}/`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.isVisible('#login-form')).toBe(false);
    expect(await painted(page, 'volume-chart')).toBeGreaterThan(500);
    expect(await page.isVisible('#download-csv')).toBe(false);
    expect(await page.isVisible('#signin-open')).toBe(true);
    await page.click('#signin-open');
    await page.fill('#login-username', users.staff.username);
    await page.fill('#login-password', users.staff.password!);
    await page.click('#login-submit');
    await page.waitForSelector('#download-csv', { state: 'visible' });
    expect(await page.textContent('#whoami')).toContain(users.staff.username);
    await page.close();
  });
});
