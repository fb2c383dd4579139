/**
 * `npm run bench:api`: every GET endpoint the dashboard calls, served by the real app from rollups over
 * 1,000,000 seeded mentions (`--10m` or BENCH_MENTIONS=10000000 for ten million), under BENCH_CLIENTS (10)
 * concurrent keep-alive clients for BENCH_SECONDS (5) each after a warm-up; beside it the same figures
 * computed naively from the mentions (GROUP BY over mentions and topic_mentions) under 10 concurrent
 * connections, and the ratio of their p95s. Figures only; no asserts on time. The target: p95 at most 50 ms
 * at 1M mentions, 150 ms at 10M, on a 2-core machine.
 *
 * Needs PostgreSQL (TEST_DATABASE_URL or 127.0.0.1:5432, trust auth) and Redis (TEST_REDIS_URL or
 * 127.0.0.1:6379). Its database `gaung_bench_api` (or `gaung_bench_api_<N>`) is made again each run;
 * BENCH_KEEP=1 reuses one already seeded with the same number of mentions. BENCH_ONLY=text runs only the
 * endpoints whose name contains it.
 */
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { serve } from '@hono/node-server';
import { Pool } from 'undici';
import { createApp, depsFromRuntime } from '../api/app.js';
import { createApiToken, createUser } from '../api/auth/auth.repo.js';
import { loadConfig } from '../core/config.js';
import { createSql } from '../core/db.js';
import { createLogger } from '../core/logger.js';
import { migrate } from '../core/migrate.js';
import { openRuntime } from '../core/runtime.js';
import { addDays, dayInZone, DEFAULT_TZ } from '../core/time.js';
import { adminSql, urlForDatabase } from '../tests/helpers/db.js';
import { clearPrefix, TEST_REDIS_URL } from '../tests/helpers/redis.js';
import { dashboardEndpoints, type Endpoint } from './api-endpoints.js';
import { getJson, httpGet, runClients, type Latency } from './api-load.js';
import { seedDatabase } from './api-seed.js';
import { fixed, table } from './report.js';

function intEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  return n;
}

const count = process.argv.includes('--10m') ? 10_000_000 : intEnv('BENCH_MENTIONS', 1_000_000, 10_000, 50_000_000);
const seconds = intEnv('BENCH_SECONDS', 5, 1, 600);
const clients = intEnv('BENCH_CLIENTS', 10, 1, 100);
const only = process.env.BENCH_ONLY ?? '';
const targetMs = count > 1_000_000 ? 150 : 50;
const dbName = count === 1_000_000 ? 'gaung_bench_api' : `gaung_bench_api_${count}`;
const url = urlForDatabase(dbName);
const prefix = '{gaung-bench}';
const log = (line: string) => console.log(line);
const loadStart = os.loadavg();

/** The benchmark's database, seeded with `count` mentions, or (BENCH_KEEP=1) the one a previous run seeded. */
async function prepareDatabase(): Promise<string> {
  const marker = `gaung bench: ${count} mentions`;
  const admin = adminSql();
  try {
    const [seeded] = await admin<{ note: string | null }[]>`
      select shobj_description(oid, 'pg_database') as note from pg_database where datname = ${dbName}`;
    if (process.env.BENCH_KEEP === '1' && seeded?.note === marker) {
      const sql = createSql(url, { max: 1 });
      try {
        // A migration added since the seed fills its own rollups from the stored mentions, as 0013 does.
        const applied = await migrate(sql);
        if (applied.length > 0) await sql`analyze`; // as autovacuum soon would: the planner needs the new tables' statistics
        return `reused ${dbName} (BENCH_KEEP=1${applied.length ? `; applied ${applied.join(', ')}` : ''})`;
      } finally {
        await sql.end({ timeout: 5 });
      }
    }
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.unsafe(`create database ${dbName}`);
  } finally {
    await admin.end();
  }
  const sql = createSql(url, { max: 1 });
  try {
    await migrate(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
  log(`Seeding ${count.toLocaleString('en')} mentions into ${dbName}`);
  const t = await seedDatabase(url, count, log);
  const a = adminSql();
  try {
    await a.unsafe(`comment on database ${dbName} is '${marker}'`);
  } finally {
    await a.end();
  }
  return `seeded in ${fixed(t.total, 0)} s (mentions ${fixed(t.load, 0)} s, indexes and vacuum ${fixed(t.indexes, 0)} s, rollups and alerts ${fixed(t.rollups, 0)} s)`;
}

async function databaseFacts(): Promise<string> {
  const sql = createSql(url, { max: 1 });
  try {
    const [r] = await sql<{ mentions: number; matches: number; stats: number; facets: number; size: string }[]>`
      select (select count(*) from mentions)::int as mentions, (select count(*) from topic_mentions)::int as matches,
             (select count(*) from topic_daily_stats)::int as stats, (select count(*) from topic_day_facets)::int as facets,
             pg_size_pretty(pg_database_size(current_database())) as size`;
    const [s] = await sql<{ shared_buffers: string }[]>`show shared_buffers`;
    return `${r!.mentions.toLocaleString('en')} mentions, ${r!.matches.toLocaleString('en')} topic matches; rollups: topic_daily_stats ${r!.stats.toLocaleString('en')} rows, topic_day_facets ${r!.facets.toLocaleString('en')} rows; database ${r!.size}, shared_buffers ${s!.shared_buffers}`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

async function main(): Promise<void> {
  const seedLine = await prepareDatabase();
  const facts = await databaseFacts();
  const config = loadConfig({ ...process.env, DATABASE_URL: url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, API_RATE_LIMIT: '0', LOG_LEVEL: 'silent' });
  const runtime = await openRuntime(config, createLogger('silent'));
  const app = createApp(depsFromRuntime(runtime));
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  const port = (server.address() as AddressInfo).port;
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: clients, keepAliveTimeout: 60_000 });
  const naiveSql = createSql(url, { max: clients });
  try {
    const sql = runtime.db.sql;
    const user = (await createUser(sql, { username: `bench-${Date.now()}`, role: 'admin', passwordHash: 'none' }))!;
    const { token } = await createApiToken(sql, user.id, { name: 'bench', role: 'admin' });
    const today = dayInZone(new Date(), DEFAULT_TZ);
    const [topic] = await sql<{ id: number }[]>`select id from topics where parent_id is null order by id limit 1`;
    const base = { topic: topic!.id, from: addDays(today, -29), to: today };
    const endpoints = dashboardEndpoints(base, { ...base, kind: 'news', tier: 'regional' }, today).filter((e) => e.name.includes(only));

    // The endpoints and the naive queries must give the same figures.
    const mismatches: string[] = [];
    for (const e of endpoints.filter((x) => x.naive && x.check)) {
      const api = e.check!.api(await getJson(pool, e.path, token));
      const naive = e.check!.naive(await e.naive!(naiveSql));
      if (api.length !== naive.length || api.some((v, k) => !close(v, naive[k]!))) mismatches.push(`${e.name}: endpoint ${api.join(' / ')} vs naive ${naive.join(' / ')}`);
    }

    const results: { e: Endpoint; api: Latency; naive: Latency | null }[] = [];
    for (const e of endpoints) {
      const api = await runClients(httpGet(pool, e.path, token), { clients, seconds, warmup: 3 });
      // No warm-up round for the naive queries: at 1M one round takes seconds, and the agreement check above already ran each once.
      const naive = e.naive ? await runClients(() => e.naive!(naiveSql).then(() => undefined), { clients, seconds, warmup: 0 }) : null;
      results.push({ e, api, naive });
      log(`  ${e.name}: p95 ${fixed(api.p95)} ms${naive ? `, naive p95 ${fixed(naive.p95)} ms` : ''}${api.errors ? `, ${api.errors} errors (${api.firstError})` : ''}`);
    }
    const loadEnd = os.loadavg();

    console.log(`\nGaung API benchmark: ${count.toLocaleString('en')} mentions; ${clients} concurrent clients, ${seconds} s per endpoint after a warm-up; ${os.cpus().length} CPUs, Node ${process.version}, ${new Date().toISOString()}`);
    console.log(`  database: ${seedLine}; ${facts}`);
    console.log(`  filters: topic ${base.topic}, ${base.from}..${base.to} (30 days); variants as named. Naive: the same figures by GROUP BY over mentions (SQL only, no HTTP), ${clients} connections.`);
    const missed = results.filter((r) => !(r.api.p95 <= targetMs));
    console.log(table([
      ['endpoint', 'p50 ms', 'p95 ms', 'max ms', 'req/s', 'naive p50', 'naive p95', 'naive / rollup p95', `p95 ≤ ${targetMs} ms`],
      ...results.map(({ e, api, naive }) => [
        e.name, fixed(api.p50), fixed(api.p95), fixed(api.max), fixed(api.perSecond, 0),
        naive ? fixed(naive.p50) : '—', naive ? fixed(naive.p95) : '—', naive ? `${fixed(naive.p95 / api.p95)} x` : '—',
        api.errors > 0 ? `ERRORS ${api.errors}` : api.p95 <= targetMs ? 'yes' : 'NO',
      ]),
    ]));
    const ratios = results.filter((r) => r.naive).map((r) => r.naive!.p95 / r.api.p95).sort((a, b) => a - b);
    console.log(`  ${results.length - missed.length} of ${results.length} endpoints meet p95 ≤ ${targetMs} ms${missed.length ? `; missed: ${missed.map((r) => r.e.name).join(', ')}` : ''}`);
    if (ratios.length) console.log(`  naive / rollup p95: median ${fixed(ratios[Math.floor(ratios.length / 2)]!)} x, lowest ${fixed(ratios[0]!)} x`);
    console.log(mismatches.length ? `  WARNING: endpoint and naive figures differ:\n${mismatches.map((m) => `    ${m}`).join('\n')}` : `  figures agree: every checked endpoint's totals equal the naive GROUP BY's`);
    console.log(`Load average (1 min) at start ${fixed(loadStart[0]!, 2)}, at end ${fixed(loadEnd[0]!, 2)} on ${os.cpus().length} CPUs.`);
    console.log(`BENCH_JSON ${JSON.stringify({
      mentions: count, clients, seconds, targetMs, load: { start: loadStart[0], end: loadEnd[0] }, mismatches,
      endpoints: results.map(({ e, api, naive }) => ({ name: e.name, p50: api.p50, p95: api.p95, max: api.max, perSecond: api.perSecond, errors: api.errors, naiveP50: naive?.p50 ?? null, naiveP95: naive?.p95 ?? null })),
    })}`);
  } finally {
    await pool.close();
    await naiveSql.end({ timeout: 5 });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await runtime.close();
    await clearPrefix(prefix);
  }
}

await main();
