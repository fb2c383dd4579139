import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, depsFromRuntime } from '../api/app.js';
import { dayInZone } from '../core/time.js';
import { openTestApp, type TestApp } from './helpers/app.js';
import { createTestUser, signInThroughPage, type TestUser } from './helpers/auth.js';
import { launchChromium, serveOnLoopback, type Served } from './helpers/browser.js';
import { seedCoverage } from './helpers/coverage.js';
import { factory } from './helpers/factory.js';
import { startWorkers } from '../crawler/worker.js';

let t: TestApp;
let browser: Browser;
let served: Served;
let g20: number;
const users = {} as Record<'viewer' | 'staff' | 'analyst', TestUser>;
let workers: { close(): Promise<void> };
const FESTIVAL = 'Festival kuliner G20';
const FISH = 'Harga ikan naik';

beforeAll(async () => {
  t = await openTestApp({ WORKERS: 'analyze' });
  g20 = (await factory.topic(t.db.sql, { name: 'G20', query: 'G20' })).id;
  await seedCoverage(t.db.sql, dayInZone(new Date(Date.now() - 3 * 86_400_000)));
  users.staff = await createTestUser(t.db.sql, 'staff', { signIn: true, username: 'dewi.humas' });
  users.viewer = await createTestUser(t.db.sql, 'viewer', { signIn: true, username: 'pak.kepala' });
  users.analyst = await createTestUser(t.db.sql, 'analyst', { signIn: true, username: 'rina.analis' });
  workers = await startWorkers(t.rt);
  served = await serveOnLoopback(createApp(depsFromRuntime(t.rt)));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
  await workers?.close();
  await t?.close();
});

async function signedIn(who: 'viewer' | 'staff' | 'analyst', topic?: number): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signInThroughPage(page, served.url, users[who]);
  if (topic) {
    await page.selectOption('#topic', String(topic));
    await page.waitForFunction(() => document.querySelectorAll('#mentions tbody tr').length === 6);
  }
  return { context, page, errors };
}

const row = (page: Page, title: string) => page.locator('#mentions tbody tr', { hasText: title });
const shownLabel = async (title: string) =>
  (await t.db.sql<{ shown: string; model: string }[]>`select coalesce(sentiment_corrected, sentiment) as shown, sentiment as model from mentions where title = ${title}`)[0]!;

describe('corrections in the feed', () => {
  test('staff set the right sentiment: the label changes at once, is marked corrected with who and when on hover, and the sentiment chart is drawn again', async () => {
    const { context, page, errors } = await signedIn('staff', g20);
    const festival = row(page, FESTIVAL);
    const model = await festival.locator('select.sentiment-select').inputValue();
    expect(model).toBe((await shownLabel(FESTIVAL)).model);
    const right = model === 'negative' ? 'positive' : 'negative';
    const chartAsked = page.waitForRequest((r) => r.url().includes(`/api/v1/topics/${g20}/series`) && r.url().includes(`metric=${right}`));
    await festival.locator('select.sentiment-select').selectOption(right);
    await festival.locator('.corrected').waitFor();
    await chartAsked;
    expect(await festival.locator('.corrected').textContent()).toBe('✎ dikoreksi');
    const hover = (await festival.locator('.corrected').getAttribute('title'))!;
    expect(hover).toContain('dewi.humas');
    expect(hover).toMatch(/WIB · menurut model: (positif|netral|negatif)$/);
    expect((await shownLabel(FESTIVAL)).shown).toBe(right);
    // the corrections panel lists it, with an undo for staff
    await page.locator('#corrections tbody tr', { hasText: FESTIVAL }).waitFor();
    expect(await page.locator('#corrections tbody tr', { hasText: FESTIVAL }).textContent()).toContain('berlaku');

    // after a reload the label is still the corrected one; undo brings the model's back
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.selectOption('#topic', String(g20));
    await row(page, FESTIVAL).locator('.corrected').waitFor();
    expect(await row(page, FESTIVAL).locator('select.sentiment-select').inputValue()).toBe(right);
    await row(page, FESTIVAL).locator('button.undo-sentiment').click();
    await page.waitForFunction((title) => {
      const tr = [...document.querySelectorAll('#mentions tbody tr')].find((r) => r.textContent?.includes(title));
      return tr && !tr.querySelector('.corrected');
    }, FESTIVAL);
    expect(await row(page, FESTIVAL).locator('select.sentiment-select').inputValue()).toBe(model);
    expect((await shownLabel(FESTIVAL)).shown).toBe(model);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('staff mark a mention not relevant to the topic: the row is struck through with an undo, the volume chart follows, and on the next refresh it has left the topic', async () => {
    const { context, page, errors } = await signedIn('staff', g20);
    const fish = row(page, FISH);
    expect(await fish.locator('button.irrelevant-button').getAttribute('title')).toContain('G20');
    const volumeAsked = page.waitForRequest((r) => r.url().includes(`/api/v1/topics/${g20}/series`) && r.url().includes('metric=volume'));
    await fish.locator('button.irrelevant-button').click();
    await fish.locator('.irrelevant-note').waitFor();
    await volumeAsked;
    expect(await fish.getAttribute('class')).toContain('irrelevant');
    expect(await fish.locator('.irrelevant-note').textContent()).toBe('Tidak relevan untuk G20 (oleh dewi.humas)');
    const [match] = await t.db.sql`select 1 from topic_mentions tm join mentions m on m.id = tm.mention_id where m.title = ${FISH} and tm.topic_id = ${g20}`;
    expect(match).toBeUndefined();

    // undo from the row: it is in the topic again
    await fish.locator('button.undo-irrelevant').click();
    await fish.locator('button.irrelevant-button').waitFor();
    expect(await fish.getAttribute('class')).not.toContain('irrelevant');

    // marked again, a refresh of the page lists the topic without it; the corrections panel can undo it
    await fish.locator('button.irrelevant-button').click();
    await fish.locator('.irrelevant-note').waitFor();
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.selectOption('#topic', String(g20));
    await page.waitForFunction(() => document.querySelectorAll('#mentions tbody tr').length === 5);
    const panelRow = page.locator('#corrections tbody tr', { hasText: FISH }).filter({ hasText: 'berlaku' });
    await panelRow.locator('button.link').click();
    await page.waitForFunction(() => document.querySelectorAll('#mentions tbody tr').length === 6);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('viewers see the labels and the corrected mark with who and when, but no control to change them', async () => {
    const staff = await signedIn('staff', g20);
    await row(staff.page, FESTIVAL).locator('select.sentiment-select').selectOption('neutral');
    await row(staff.page, FESTIVAL).locator('.corrected').waitFor();
    await staff.context.close();

    const { context, page, errors } = await signedIn('viewer', g20);
    expect(await page.locator('#mentions select, #mentions button').count()).toBe(0);
    expect(await row(page, FESTIVAL).locator('.sentiment-chip').textContent()).toBe('netral');
    expect(await row(page, FESTIVAL).locator('.corrected').getAttribute('title')).toContain('dewi.humas');
    await page.locator('#corrections tbody tr').first().waitFor();
    expect(await page.locator('#corrections button').count()).toBe(0);
    expect(await page.isVisible('#corrections-csv')).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('in English the same controls read in English', async () => {
    const { context, page, errors } = await signedIn('staff', g20);
    await page.click('button[data-lang="en"]');
    await page.waitForFunction(() => document.querySelector('#mentions thead th:last-child')?.textContent === 'Sentiment');
    await page.waitForFunction(() => document.querySelector('#mentions .irrelevant-button')?.textContent === 'Not relevant');
    expect(await row(page, FESTIVAL).locator('.corrected').textContent()).toBe('✎ corrected');
    expect(await row(page, FESTIVAL).locator('select.sentiment-select option:checked').textContent()).toBe('neutral');
    expect(await page.textContent('#corrections-panel h2')).toBe('Corrections by the team');
    await page.click('button[data-lang="id"]');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('what the corrections teach the analysis', () => {
  test('an analyst sees what the adaptation changes on the evaluation sets and re-analyses the stored mentions with it; staff do not see the section', async () => {
    const staff = await signedIn('staff');
    expect(await staff.page.isVisible('#adaptation')).toBe(false);
    await staff.context.close();

    const { context, page, errors } = await signedIn('analyst');
    await page.click('#adapt-show');
    await page.waitForSelector('#adapt-body:not([hidden])');
    expect(await page.textContent('#adapt-summary')).toMatch(/^Dipelajari dari \d+ koreksi sentimen\./);
    const sets = await page.$$eval('#adapt-sets tbody tr', (rows) => rows.map((r) => r.querySelector('td')!.textContent));
    expect(sets).toEqual(expect.arrayContaining(['Kalimat kampanye (ditulis untuk Gaung)', 'Koreksi itu sendiri (akurasi)']));
    expect(await page.textContent('#adapt-outdated')).toMatch(/^\d+ sebutan tersimpan belum dinilai/);
    await page.click('#adapt-reanalyze');
    await page.waitForFunction(() => /^Selesai: \d+ sebutan dinilai ulang\.$/.test(document.querySelector('#adapt-status')?.textContent ?? ''), undefined, { timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('#adapt-outdated')?.textContent?.startsWith('0 sebutan'));
    expect(await page.isDisabled('#adapt-reanalyze')).toBe(true);
    // the team's label stands after the re-analysis
    expect(await row(page, FESTIVAL).locator('select.sentiment-select').inputValue()).toBe('neutral');
    expect(errors).toEqual([]);
    await context.close();
  });
});
