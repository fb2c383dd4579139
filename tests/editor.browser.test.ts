import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, depsFromRuntime } from '../api/app.js';
import type { Runtime } from '../core/runtime.js';
import { startWorkers } from '../crawler/worker.js';
import { startNewsSite, type NewsSite } from './fixtures/news-site/server.js';
import { makeArticles } from './helpers/articles.js';
import { createTestUser, signInThroughPage, type TestUser } from './helpers/auth.js';
import { launchChromium, serveOnLoopback, type Served } from './helpers/browser.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { factory } from './helpers/factory.js';
import { openTestRuntime } from './helpers/runtime.js';

let db: TestDatabase;
let rt: Runtime;
let workers: { close(): Promise<void> };
let site: NewsSite;
let server: Served;
let baseUrl: string;
let browser: Browser;
let analyst: TestUser;

beforeAll(async () => {
  db = await createTestDatabase();
  // every save is matched by the background job here, as on a database larger than BACKFILL_INLINE_MAX
  rt = await openTestRuntime(db.url, { BACKFILL_INLINE_MAX: '0', WORKERS: 'analyze' });
  workers = await startWorkers(rt);
  for (const body of ['Harga cabai di pasar naik lagi.', 'Pedagang cabai mengeluh sepi pembeli.', 'Antrean solar di SPBU nelayan.', 'Festival budaya pesisir dibuka.']) {
    await factory.mention(db.sql, { title: body, body });
  }
  await factory.topic(db.sql, { name: 'Harga pangan', query: 'cabai' });
  analyst = await createTestUser(db.sql, 'analyst', { signIn: true });
  site = await startNewsSite({ articles: makeArticles(4, { outlet: 'kabar', prefix: 'editor' }) });

  const app = createApp(depsFromRuntime(rt));
  server = await serveOnLoopback(app);
  baseUrl = server.url;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.close();
  await workers?.close();
  await rt?.close();
  await db?.drop();
});

async function signedInPage(errors: string[]): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.accept());
  await signInThroughPage(page, baseUrl, analyst);
  return page;
}

describe('the analysts\' views in Chromium', () => {
  test('an analyst previews an edited query beside the current one, saves it, watches the re-matching finish and sees the new version', async () => {
    const errors: string[] = [];
    const page = await signedInPage(errors);
    await page.click('nav.views a[href="#/topik"]');
    await page.waitForSelector('#view-topik[data-ready="true"]');
    expect(await page.isVisible('#view-dasbor')).toBe(false);
    expect(await page.inputValue('#te-query')).toBe('cabai');

    // a query that does not parse: the error says where, and that place is selected
    await page.fill('#te-query', 'cabai OR "solar');
    await page.click('#te-preview');
    await page.waitForSelector('#te-error:not([hidden])');
    expect(await page.textContent('#te-error')).toMatch(/^Kueri tidak dapat dibaca pada karakter 10: this quote is never closed/);
    expect(await page.evaluate(() => (document.getElementById('te-query') as HTMLTextAreaElement).selectionStart)).toBe(9);

    await page.fill('#te-query', 'cabai OR solar');
    await page.click('#te-preview');
    await page.waitForSelector('#te-preview-panel:not([hidden])');
    expect(await page.textContent('#te-preview-summary')).toMatch(/Kueri yang diedit: 3 sebutan · Versi 1 \(sekarang\): 2 sebutan$/);
    expect(await page.$$eval('#te-samples-edited li a', (as) => as.map((a) => a.textContent))).toHaveLength(3);
    expect(await page.$$eval('#te-samples-current li a', (as) => as.map((a) => a.textContent)).then((t) => t.sort())).toEqual(['Harga cabai di pasar naik lagi.', 'Pedagang cabai mengeluh sepi pembeli.']);
    const painted = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('#te-preview-chart')!;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(500);

    await page.click('#te-save');
    await page.waitForSelector('#te-progress[data-state="done"]', { timeout: 30_000 });
    expect(await page.textContent('#te-progress-text')).toBe('Selesai: semua sebutan tersimpan sudah dicocokkan dengan versi 2.');
    expect(await page.textContent('#te-status')).toBe('Tersimpan sebagai versi 2.');

    await page.waitForSelector('#te-history li[data-version="2"]');
    const newest = await page.textContent('#te-history li:first-child');
    expect(newest).toContain('v2 (sekarang)');
    expect(newest).toContain(`oleh ${analyst.username}`);
    expect(newest).toContain('+ solar');
    expect(newest).toContain('WIB');
    expect(await page.$$('#te-history li')).toHaveLength(2);

    // back on the dashboard, the day the query changed is marked on the volume chart
    await page.click('nav.views a[href="#/"]');
    await page.waitForSelector('#chart-marks:not([hidden])');
    expect(await page.textContent('#chart-marks')).toMatch(/^Kueri berubah: Harga pangan v2 \(\d{1,2} \w{3}\)$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a viewer reads topics and sources but gets no edit controls', async () => {
    const viewer = await createTestUser(db.sql, 'viewer', { signIn: true });
    const page = await browser.newPage();
    await signInThroughPage(page, baseUrl, viewer);
    await page.click('nav.views a[href="#/topik"]');
    await page.waitForSelector('#view-topik[data-ready="true"]');
    await page.waitForSelector('#te-history li');
    for (const id of ['#te-preview', '#te-save', '#te-delete', '#te-new-topic']) expect(await page.isVisible(id)).toBe(false);
    expect(await page.getAttribute('#te-query', 'readonly')).not.toBeNull();
    await page.click('nav.views a[href="#/sumber"]');
    await page.waitForSelector('#view-sumber[data-ready="true"]');
    expect(await page.isVisible('#sa-form')).toBe(false);
    expect(await page.isVisible('#qh-panel')).toBe(false);
    expect(await page.$$('#sa-sources tbody button, #sa-sources tbody input')).toHaveLength(0);
    await page.close();
  });

  test('an admin opens the queue board; it runs under its own style policy with nothing refused but its web fonts', async () => {
    const admin = await createTestUser(db.sql, 'admin', { signIn: true });
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on('console', (m) => m.type() === 'error' && /Content Security Policy/.test(m.text()) && refused.push(m.text()));
    await signInThroughPage(page, baseUrl, admin);
    await page.click('nav.views a[href="#/sumber"]');
    await page.click('a[href="/admin/queues"]');
    await page.waitForSelector('text=analysis', { timeout: 30_000 });
    expect(await page.isVisible('text=crawl')).toBe(true);
    // only the board's web fonts are refused (nothing leaves the host)
    expect(refused.filter((m) => !m.includes('fonts.googleapis.com'))).toEqual([]);
    await page.close();
  });

  test('an analyst previews a feed, adds it as a source and pauses it; the queues are shown', async () => {
    const errors: string[] = [];
    const page = await signedInPage(errors);
    await page.click('nav.views a[href="#/sumber"]');
    await page.waitForSelector('#view-sumber[data-ready="true"]');
    await page.waitForSelector('#qh-table tbody tr[data-queue="crawl"]');
    expect(await page.$$eval('#qh-table tbody tr td:first-child', (tds) => tds.map((td) => td.textContent))).toEqual(['Perayapan', 'Analisis', 'Ekspor']);

    const feed = site.outlets.find((o) => o.id === 'kabar')!.feedUrl;
    await page.fill('#sa-url', feed);
    await page.fill('#sa-name', 'Kabar Pesisir');
    expect(await page.isDisabled('#sa-add')).toBe(true);
    await page.click('#sa-preview');
    await page.waitForSelector('#sa-preview-result:not([hidden])', { timeout: 30_000 });
    expect(await page.textContent('#sa-preview-summary')).toBe('4 butir akan dikumpulkan (jenis rss).');
    expect(await page.$$eval('#sa-preview-items li a', (as) => as.map((a) => a.textContent))).toContain('Warga Bontang menyambut Presidensi G20 bagian 1');

    await page.click('#sa-add');
    await page.waitForSelector('#sa-status:not([hidden])');
    expect(await page.textContent('#sa-status')).toBe('Sumber "Kabar Pesisir" ditambahkan dan dijadwalkan.');
    const row = page.locator('#sa-sources tbody tr', { hasText: 'Kabar Pesisir' });
    expect(await row.locator('select[data-field="tier"]').inputValue()).toBe('regional');

    await row.getByRole('button', { name: 'Jeda' }).click();
    await page.waitForSelector('#sa-status:has-text("dijeda")');
    expect(await row.locator('td.health').textContent()).toMatch(/^Dijeda/);
    expect(await row.getByRole('button', { name: 'Lanjutkan' }).count()).toBe(1);
    const [stored] = await db.sql<{ enabled: boolean }[]>`select enabled from sources where name = 'Kabar Pesisir'`;
    expect(stored!.enabled).toBe(false);

    // a wrong value comes back as the API's message
    await row.locator('input[data-field="interval"]').fill('1');
    await row.getByRole('button', { name: 'Simpan' }).click();
    await page.waitForSelector('#sa-error:not([hidden])');
    expect(await page.textContent('#sa-error')).toContain('interval_minutes');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('an analyst sees regional-language variants of a query\'s terms, picks one, and the preview shows the mentions it adds', async () => {
    for (const body of ['Harga beras naik di pasar induk.', 'Rega beras munggah maneh, wong cilik tambah susah.', 'Pangaos beras di Garut teu turun-turun.']) {
      await factory.mention(db.sql, { title: body, body, kind: 'social' });
    }
    await factory.topic(db.sql, { name: 'Harga beras', query: '"harga beras"' });
    const errors: string[] = [];
    const page = await signedInPage(errors);
    await page.click('nav.views a[href="#/topik"]');
    await page.waitForSelector('#view-topik[data-ready="true"]');
    await page.selectOption('#te-topic', { label: 'Harga beras' });
    expect(await page.textContent('#te-variants h3')).toBe('Varian bahasa daerah');

    // the phrase's variants per language, Javanese first, each with what it would add over 30 days
    const javanese = page.locator('#te-variants-list .variant-lang[data-language="jv"]');
    await javanese.waitFor();
    expect(await page.textContent('#te-variants-list .variant-term h4')).toBe('"harga beras"');
    expect(await javanese.locator('.lang-name').textContent()).toBe('Jawa');
    const rega = javanese.locator('label.variant', { hasText: 'rega beras' });
    expect(await rega.locator('.adds').textContent()).toBe('+1');
    expect(await rega.locator('.src').textContent()).toBe('kamus + kalimat paralel');
    const sundanese = page.locator('#te-variants-list .variant-lang[data-language="su"]');
    expect(await sundanese.locator('label.variant', { hasText: 'pangaos beras' }).locator('.adds').textContent()).toBe('+1');
    expect(await page.isVisible('#te-variants-list .variant-lang[data-language="bug"]')).toBe(false); // under "n bahasa lain"
    expect(await page.isDisabled('#te-variants-add')).toBe(true);

    await rega.locator('input').check();
    expect(await page.textContent('#te-variants-add')).toBe('Tambahkan 1 varian ke kueri & pratinjau');
    await page.click('#te-variants-add');
    expect(await page.inputValue('#te-query')).toBe('("harga beras" OR "rega beras")');
    await page.waitForSelector('#te-preview-panel:not([hidden])');
    expect(await page.textContent('#te-preview-summary')).toMatch(/Kueri yang diedit: 2 sebutan · Versi 1 \(sekarang\): 1 sebutan$/);
    expect(await page.$$eval('#te-samples-edited li a', (as) => as.map((a) => a.textContent).sort())).toEqual(['Harga beras naik di pasar induk.', 'Rega beras munggah maneh, wong cilik tambah susah.']);
    // what the variant adds, said in words and marked on the sample it brought in
    expect(await page.textContent('#te-preview-diff')).toBe('Dibanding versi 1: +1 sebutan baru, 0 tidak lagi cocok.');
    expect(await page.$$eval('#te-samples-edited li[data-new] a', (as) => as.map((a) => a.textContent))).toEqual(['Rega beras munggah maneh, wong cilik tambah susah.']);
    expect(await page.textContent('#te-variants-status')).toBe('1 varian ditambahkan ke kueri; pratinjau di bawah menunjukkan tambahannya.');

    // the picked variant is in the query now: it is not offered again, and the Sundanese one still is
    await page.waitForFunction(() => !document.querySelector('#te-variants-list .variant-lang[data-language="jv"] input[value=\'"rega beras"\']'));
    expect(await sundanese.locator('label.variant', { hasText: 'pangaos beras' }).count()).toBe(1);

    // in English the panel and the language names follow
    await page.click('[data-lang="en"]');
    await page.waitForFunction(() => document.querySelector('#te-variants-list .variant-lang[data-language="su"] .lang-name')?.textContent === 'Sundanese');
    expect(await page.textContent('#te-variants h3')).toBe('Regional-language variants');
    expect(await page.textContent('#te-variants-status')).toBe('Added 1 variant(s) to the query; the preview below shows what they add.');
    await page.click('[data-lang="id"]');
    expect(errors).toEqual([]);
    await page.close();
  });
});
