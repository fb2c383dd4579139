import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../crawler/render/browser-guard.js';
import { OFFLINE_HOST_RULES } from './runtime.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the crawler's flags and every outside lookup refused: tests never touch the live web. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, `--host-resolver-rules=${OFFLINE_HOST_RULES}`] });
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** An app served over real HTTP on 127.0.0.1 (a free port), as a browser meets it. */
export async function serveOnLoopback(app: { fetch: (req: Request) => Response | Promise<Response> }): Promise<Served> {
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((r) => server.once('listening', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** How many pixels a canvas has drawn: a chart with data paints hundreds, an empty one almost none. */
export function paintedPixels(page: Page, canvasId: string): Promise<number> {
  return page.evaluate((id) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`#${id}`)!;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  }, canvasId);
}
