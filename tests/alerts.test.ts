import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, depsFromRuntime } from '../api/app.js';
import { deliverAlerts, isSpike, type Alert } from '../core/alerts.js';
import type { Runtime } from '../core/runtime.js';
import type { MentionInput } from '../core/types.js';
import { ingestMentions } from '../crawler/ingest.repo.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { authorizeAsAdmin } from './helpers/auth.js';
import { factory } from './helpers/factory.js';
import { openTestRuntime } from './helpers/runtime.js';

let db: TestDatabase;
let rt: Runtime;
let app: ReturnType<typeof createApp>;
let hook: http.Server;
const received: { text: string; alert: { kind: string } }[] = [];

const DAY = 86_400_000;
const mention = (n: string, daysAgo: number, body: string, sourceId: number | null = null): MentionInput => ({
  url: `https://contoh.example/alert/${n}`, sourceId, kind: 'news', title: `Kabar pasar ${n}`, body: `${body} ${body}`,
  author: null, publishedAt: new Date(Date.now() - daysAgo * DAY - 60_000), language: 'id', views: 100,
});

beforeAll(async () => {
  db = await createTestDatabase();
  hook = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push(JSON.parse(body) as (typeof received)[number]);
      res.end('ok');
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  rt = await openTestRuntime(db.url, { ALERT_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook` });
  app = await authorizeAsAdmin(createApp(depsFromRuntime(rt)), rt.db.sql);
});
afterAll(async () => {
  await rt?.close();
  await new Promise((r) => hook?.close(r));
  await db?.drop();
});

describe('alerts', () => {
  test('a spike is a day well above its 7-day baseline, in absolute and relative terms', () => {
    expect(isSpike(9, [1, 1, 2, 1, 1, 2, 1]).spike).toBe(true);
    expect(isSpike(4, [0, 0, 0, 0, 0, 0, 0]).spike).toBe(false); // too few to mean anything
    expect(isSpike(12, [8, 9, 10, 8, 9, 10, 9]).spike).toBe(false); // a busy topic having a busy day
  });

  test('a day of many angry mentions raises a volume and a negative-sentiment alert, explained by those mentions and sent to the webhook, once', async () => {
    await factory.topic(db.sql, { name: 'Harga pasar', query: 'pasar' });
    const calm = 'Pedagang di pasar pagi menata dagangan seperti biasa, pembeli datang berbelanja sayur.';
    const angry = 'Harga di pasar naik parah, warga kecewa dan marah, pedagang mengeluh rugi karena pembeli sepi.';
    await ingestMentions(db.sql, [
      ...Array.from({ length: 7 }, (_, i) => mention(`tenang-${i}`, i + 1, calm)),
      ...Array.from({ length: 8 }, (_, i) => mention(`hari-ini-${i}`, 0, i < 6 ? angry : calm)),
    ]);
    const res = await app.request('/api/v1/alerts/check', { method: 'POST' });
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { kind: string; topic_name: string; value: number; detail: { reason: string; mentions: { title: string }[] }; delivered_at: string | null }[] };
    const kinds = data.map((a) => a.kind).sort();
    expect(kinds).toEqual(['negative_spike', 'volume_spike']);
    const volume = data.find((a) => a.kind === 'volume_spike')!;
    expect(volume).toMatchObject({ topic_name: 'Harga pasar', value: 8 });
    expect(volume.detail.reason).toMatch(/8 sebutan hari ini, rata-rata 7 hari sebelumnya 1\.0/);
    expect(volume.detail.mentions.length).toBe(5);
    const negative = data.find((a) => a.kind === 'negative_spike')!;
    expect(negative.detail.mentions.every((m) => m.title.startsWith('Kabar pasar hari-ini-'))).toBe(true);

    expect(received.map((r) => r.alert.kind).sort()).toEqual(['negative_spike', 'volume_spike']);
    expect(received.every((r) => r.text.startsWith('[Gaung] Lonjakan'))).toBe(true);
    const listed = (await (await app.request('/api/v1/alerts')).json()) as { data: { delivered_at: string | null }[] };
    expect(listed.data.every((a) => a.delivered_at !== null)).toBe(true);

    const again = (await (await app.request('/api/v1/alerts/check', { method: 'POST' })).json()) as { data: unknown[] };
    expect(again.data).toEqual([]);
    expect(received).toHaveLength(2);
  });

  test('an alert does not follow a webhook\'s redirect: the address redirected to gets nothing, and the alert says why it was not delivered', async () => {
    let reachedTarget = 0;
    const target = http.createServer((_req, res) => void (reachedTarget++, res.end('ok')));
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
    const redirecting = http.createServer((req, res) => {
      req.resume();
      res.writeHead(307, { location: `http://127.0.0.1:${(target.address() as AddressInfo).port}/dalam` }).end();
    });
    await new Promise<void>((r) => redirecting.listen(0, '127.0.0.1', r));
    try {
      const [row] = await rt.db.sql<{ id: number }[]>`
        insert into alerts (kind, day, value, baseline, detail) values ('volume_spike', current_date - 400, 9, 1, ${rt.db.sql.json({ reason: 'uji' })}) returning id`;
      const alert = { id: row!.id, kind: 'volume_spike', topic_name: 'Uji', source_name: null, detail: { reason: 'uji' } } as unknown as Alert;
      await deliverAlerts(rt.db.sql, [alert], `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/hook`);
      expect(reachedTarget).toBe(0);
      const [after] = await rt.db.sql<{ delivered_at: Date | null; delivery_error: string | null }[]>`select delivered_at, delivery_error from alerts where id = ${row!.id}`;
      expect(after).toEqual({ delivered_at: null, delivery_error: 'the webhook answered HTTP 307 (a redirect, which alerts do not follow)' });
    } finally {
      await new Promise((r) => target.close(r));
      await new Promise((r) => redirecting.close(r));
    }
  });

  test('a source that has gone quiet for much longer than usual raises a silent-source alert', async () => {
    const source = await factory.source(db.sql, { name: 'Portal sepi', url: 'https://sepi.example/rss' });
    for (let i = 0; i < 5; i++) {
      await ingestMentions(db.sql, [mention(`sepi-${i}`, 20 + i, 'Pengumuman rutin tentang jadwal pelayanan kantor kelurahan setiap hari kerja.', source.id)], new Date(Date.now() - (20 + i) * DAY));
    }
    const { data } = (await (await app.request('/api/v1/alerts/check', { method: 'POST' })).json()) as { data: { kind: string; source_name: string; detail: { reason: string } }[] };
    const silent = data.find((a) => a.kind === 'silent_source');
    expect(silent).toMatchObject({ source_name: 'Portal sepi' });
    expect(silent!.detail.reason).toMatch(/senyap selama \d+ jam/);
  });
});
