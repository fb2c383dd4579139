import { Configuration, PlaywrightCrawler } from 'crawlee';
import { chromium } from 'playwright-core';
import type { AddressPolicy } from '../../core/ssrf.js';
import { browserRequestGuard, CHROMIUM_ARGS } from './browser-guard.js';

export interface RenderSettings {
  executablePath: string;
  policy: AddressPolicy;
  userAgent: string;
  timeoutMs: number;
  concurrency: number;
  /** A browser is retired (and a fresh one started) after this many pages, so memory stays flat. */
  pagesPerBrowser: number;
  /** Chromium --host-resolver-rules, e.g. to keep the demo and tests off the live web. */
  hostResolverRules?: string;
}

export interface RenderedPage {
  url: string;
  finalUrl: string;
  html: string;
  userData: Record<string, unknown>;
}

/**
 * Renders pages in Debian's Chromium through Crawlee's PlaywrightCrawler and hands each page's HTML,
 * after its scripts ran, to `onPage`. One crawl, its own in-memory queue; failures go to `onFailure`.
 */
export async function renderPages(
  settings: RenderSettings,
  requests: { url: string; userData: Record<string, unknown> }[],
  hooks: {
    beforeNavigation?: (url: string) => Promise<() => Promise<void>>;
    onPage: (page: RenderedPage) => Promise<void>;
    onFailure: (url: string, reason: string) => void;
  },
): Promise<void> {
  if (requests.length === 0) return;
  const guard = browserRequestGuard(settings.policy);
  const releases = new Map<string, () => Promise<void>>();
  const crawler = new PlaywrightCrawler(
    {
      launchContext: {
        launcher: chromium,
        userAgent: settings.userAgent,
        launchOptions: {
          executablePath: settings.executablePath,
          headless: true,
          args: settings.hostResolverRules ? [...CHROMIUM_ARGS, `--host-resolver-rules=${settings.hostResolverRules}`] : CHROMIUM_ARGS,
        },
      },
      browserPoolOptions: { useFingerprints: false, retireBrowserAfterPageCount: settings.pagesPerBrowser, maxOpenPagesPerBrowser: settings.concurrency },
      maxConcurrency: settings.concurrency,
      maxRequestRetries: 1,
      navigationTimeoutSecs: Math.ceil(settings.timeoutMs / 1000),
      requestHandlerTimeoutSecs: Math.ceil(settings.timeoutMs / 1000) + 15,
      useSessionPool: false,
      preNavigationHooks: [
        async ({ page, request }) => {
          await page.route('**/*', guard);
          if (hooks.beforeNavigation) releases.set(request.id ?? request.url, await hooks.beforeNavigation(request.url));
        },
      ],
      postNavigationHooks: [
        async ({ request }) => {
          const key = request.id ?? request.url;
          await releases.get(key)?.();
          releases.delete(key);
        },
      ],
      requestHandler: async ({ page, request }) => {
        // Scripts that build the article usually have run by 'load'; wait a little longer only while the page is still short of text.
        await page.waitForFunction(() => (document.body?.innerText.length ?? 0) > 500, undefined, { timeout: 5_000, polling: 100 }).catch(() => {});
        await hooks.onPage({ url: request.url, finalUrl: page.url(), html: await page.content(), userData: request.userData as Record<string, unknown> });
      },
      failedRequestHandler: async ({ request }, error) => {
        const key = request.id ?? request.url;
        await releases.get(key)?.();
        releases.delete(key);
        hooks.onFailure(request.url, `in the browser: ${error.message.split('\n')[0]}`);
      },
    },
    new Configuration({ persistStorage: false, purgeOnStart: true }),
  );
  await crawler.run(requests.map((r) => ({ url: r.url, userData: r.userData, uniqueKey: r.url })));
}
