import { build } from 'esbuild';
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const dir = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export interface DashboardAssets {
  html: string;
  js: string;
  css: string;
}

/** Bundles the dashboard (TypeScript + Chart.js) in memory with esbuild; the API serves the result. */
export async function buildDashboard(): Promise<DashboardAssets> {
  const result = await build({
    entryPoints: [dir('./src/main.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const js = result.outputFiles[0]?.text ?? '';
  const [html, css] = await Promise.all([fs.readFile(dir('./index.html'), 'utf8'), fs.readFile(dir('./style.css'), 'utf8')]);
  return { html, js, css };
}
