import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../crawler/render/browser-guard.js';
import { OFFLINE_HOST_RULES } from './runtime.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the crawler's flags and every outside lookup refused: tests never touch the live web. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, `--host-resolver-rules=${OFFLINE_HOST_RULES}`] });
}
