import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadFixtureArticles } from './fixtures/news-site/server.js';
import { clearPrefix, TEST_REDIS_URL, testQueuePrefix } from './helpers/redis.js';
import { waitFor } from './helpers/wait.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaung-demo-'));
const prefix = testQueuePrefix();
let demo: ChildProcess | undefined;

afterAll(async () => {
  if (demo && demo.exitCode === null) {
    demo.kill('SIGTERM');
    await new Promise((r) => demo!.once('exit', r));
  }
  await clearPrefix(prefix);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run demo', () => {
  test('the demo starts with nothing configured, crawls the demo site and shows mentions of the demo topic', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', DEMO_SITE_PORT: '0', DEMO_SOCIAL_PORT: '0', QUEUE_PREFIX: prefix, LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    demo = spawn(process.execPath, ['--import', 'tsx', 'api/demo.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    demo.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    demo.stderr!.on('data', (d: Buffer) => (out += d.toString()));

    const url = await waitFor('the demo to print its dashboard URL', async () => /Dashboard:\s+(http:\S+)/.exec(out)?.[1], 120_000);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(TEST_REDIS_URL).toContain('6379'); // the demo found the local Redis by itself

    const topics = await waitFor('the demo topic to collect mentions', async () => {
      const body = (await (await fetch(`${url}api/v1/topics`)).json()) as { data: { id: number; name: string; mention_count: number }[] };
      const g20 = body.data.find((t) => t.name === 'Presidensi G20');
      return g20 && g20.mention_count >= 10 ? body.data : null;
    }, 120_000, 500);
    const g20 = topics.find((t) => t.name === 'Presidensi G20')!;

    // Some demo articles are older than the chart's 30 days, so the chart fills as the recent ones come in.
    const series = await waitFor('the chart to show ten mentions', async () => {
      const body = (await (await fetch(`${url}api/v1/topics/${g20.id}/series?metric=volume`)).json()) as { data: { y: number }[] };
      return body.data.reduce((a, p) => a + p.y, 0) >= 10 ? body.data : null;
    }, 120_000, 500);
    expect(series).toHaveLength(30);

    const articles = loadFixtureArticles();
    const mentions = (await (await fetch(`${url}api/v1/mentions?limit=100&kind=news&from=${daysAgo(40)}`)).json()) as { data: { title: string }[] };
    const titles = new Set(articles.map((a) => a.title));
    expect(mentions.data.length).toBeGreaterThan(10);
    expect(mentions.data.filter((m) => titles.has(m.title)).length).toBe(mentions.data.length);

    // news and social side by side, and the ministry's releases with the outlets that ran them
    const social = await waitFor('social posts from the demo platforms', async () => {
      const body = (await (await fetch(`${url}api/v1/mentions?kind=social&limit=100`)).json()) as { data: { platform: string }[] };
      return new Set(body.data.map((m) => m.platform)).size === 3 && body.data.length >= 20 ? body.data : null;
    }, 120_000, 500);
    expect(social.length).toBeGreaterThanOrEqual(20);
    const releases = await waitFor('press release pickups', async () => {
      const body = (await (await fetch(`${url}api/v1/press-releases`)).json()) as { data: { pickup_count: number }[] };
      return body.data.length === 2 && body.data.every((r) => r.pickup_count >= 2) ? body.data : null;
    }, 120_000, 500);
    expect(releases).toHaveLength(2);

    const page = await (await fetch(url)).text();
    expect(page).toContain('<canvas id="volume-chart"');
    const meta = (await (await fetch(`${url}api/v1/meta`)).json()) as { data: { demo: boolean } };
    expect(meta.data.demo).toBe(true);

    // Reads were open above without signing in; writes are not. The printed demo accounts sign in, one per role.
    const write = await fetch(`${url}api/v1/topics`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x', query: 'x' }) });
    expect(write.status).toBe(401);
    const accounts = [...out.matchAll(/^\s+(viewer|staff|analyst|admin)\s+(demo-\w+)\s+(\S{20,})$/gm)].map((m) => ({ role: m[1], username: m[2], password: m[3] }));
    expect(accounts.map((a) => a.role)).toEqual(['viewer', 'staff', 'analyst', 'admin']);
    const analyst = accounts.find((a) => a.role === 'analyst')!;
    const login = await fetch(`${url}api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(analyst) });
    expect(login.status).toBe(200);
    const { data } = (await login.json()) as { data: { csrfToken: string; user: { role: string } } };
    expect(data.user.role).toBe('analyst');
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const created = await fetch(`${url}api/v1/topics`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': data.csrfToken }, body: JSON.stringify({ name: 'Pupuk bersubsidi', query: 'pupuk' }) });
    expect(created.status).toBe(201);
  }, 300_000);
});

function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}
