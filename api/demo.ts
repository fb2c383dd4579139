import { serve } from '@hono/node-server';
import { loadConfig } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { closeOnSignals, openRuntime } from '../core/runtime.js';
import type { Source } from '../core/types.js';
import { enqueueCrawlNow } from '../core/schedule.js';
import { startWorkers } from '../crawler/worker.js';
import { startNewsSite } from '../tests/fixtures/news-site/server.js';
import { startSocialSite, TELEGRAM_CHANNEL } from '../tests/fixtures/social/server.js';
import { minhashSignature } from '../analysis/similarity.js';
import { createApp, depsFromRuntime } from './app.js';
import { ensureDemoAccounts } from './auth/bootstrap.js';
import { createPressRelease } from './press-releases/press-releases.repo.js';
import { createSource, updateSource } from './sources/sources.repo.js';
import { createSourceBody } from './sources/sources.schema.js';
import { createTopic } from './topics/topics.repo.js';

/**
 * `npm run demo`: the whole flow offline. Starts the fictional demo news site on 127.0.0.1, the API and the
 * crawl worker in this process, tracks the demo topics, and crawls every demo outlet right away.
 */
const DEMO_TOPICS = [
  { name: 'Presidensi G20', query: 'Presidensi G20, G20, KTT G20' },
  { name: 'Harga kebutuhan pokok', query: 'harga cabai, harga beras, sembako, harga BBM, kebutuhan pokok' },
];
/** The campaign's three key messages (seed 004), as key messages of the G20 topic. */
const DEMO_KEY_MESSAGES = [
  { name: 'Manfaat G20 bagi rakyat', query: 'manfaat*, untung, terbantu, "lapangan kerja", rezeki' },
  { name: 'Ketangguhan menghadapi pandemi', query: 'pandemi, resiliensi, tangguh, ketahanan' },
  { name: 'Pemulihan ekonomi', query: '"pemulihan ekonomi", pulih, bangkit, "recover together"' },
];

// The demo site is on 127.0.0.1, which the SSRF guard refuses unless allowed; it is ours, so no politeness delay.
const DEMO_RELEASES = ['sinergi-pusat-daerah-deliverables-presidensi-g20', 'diskominfos-bali-kenak-sinarengan-ktt-g20'];

const config = loadConfig({
  // its own data, apart from a real deployment's default ./data
  DATA_DIR: 'data/demo',
  CRAWL_ALLOW_ADDRESSES: '127.0.0.1',
  CRAWL_DOMAIN_DELAY_MS: '50',
  CRAWL_DOMAIN_CONCURRENCY: '4',
  // the demo never touches the live web, not even from a rendered page
  RENDER_HOST_RULES: 'MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
  ...process.env,
});
const logger = createLogger(config.LOG_LEVEL, 'gaung-demo');
try {
  const site = await startNewsSite({ port: Number(process.env.DEMO_SITE_PORT ?? 3999) });
  const runtime = await openRuntime(config, logger);
  const { sql } = runtime.db;

  for (const topic of DEMO_TOPICS) await createTopic(sql, topic); // a no-op when it exists
  const [g20] = await sql<{ id: number }[]>`select id from topics where name = ${DEMO_TOPICS[0]!.name} and parent_id is null`;
  for (const key of DEMO_KEY_MESSAGES) await createTopic(sql, { ...key, parentId: g20!.id });
  const social = await startSocialSite({ port: Number(process.env.DEMO_SOCIAL_PORT ?? 3998), now: new Date() });
  const sources: Source[] = [];
  const wanted = [
    ...site.outlets.map((o) => ({ kind: 'rss' as const, url: o.feedUrl, name: o.name, tier: o.tier, config: {} })),
    { kind: 'mastodon' as const, url: `${social.url}/tags/g20`, name: 'Mastodon #g20 (demo)', tier: 'social' as const, config: { instance: social.url, hashtag: 'g20', search: false } },
    { kind: 'reddit' as const, url: `${social.url}/r/NusantaraDemo`, name: 'Reddit r/NusantaraDemo (demo)', tier: 'social' as const, config: { subreddit: 'NusantaraDemo', base: social.url } },
    { kind: 'telegram' as const, url: `${social.url}/s/${TELEGRAM_CHANNEL}`, name: `Telegram @${TELEGRAM_CHANNEL} (demo)`, tier: 'social' as const, config: { channel: TELEGRAM_CHANNEL, base: social.url } },
  ];
  for (const w of wanted) {
    const [existing] = await sql<{ id: number }[]>`select id from sources where url = ${w.url}`;
    const input = createSourceBody.parse({ ...w, interval_minutes: 15, timezone: 'Asia/Jakarta', enabled: true });
    const source = existing ? await updateSource(sql, existing.id, input) : await createSource(sql, input);
    if (source) sources.push(source);
  }

  // The ministry's own releases, so the demo counts which outlets ran them (near-)verbatim.
  for (const slug of DEMO_RELEASES) {
    const article = site.articles.find((a) => a.slug === slug);
    const [known] = await sql`select 1 from press_releases where title = ${article?.title ?? ''}`;
    const signature = article && minhashSignature(article.paragraphs.join('\n\n'));
    if (article && signature && !known) {
      await createPressRelease(sql, { title: article.title, url: null, body: article.paragraphs.join('\n\n'), publishedAt: null, signature });
    }
  }

  // Starting the workers syncs every source's job scheduler. A scheduler left in Redis by an earlier demo
  // does not fire at once, so a source never crawled into this database is crawled now.
  const workers = await startWorkers(runtime);
  for (const source of sources) if (!source.last_fetched_at) await enqueueCrawlNow(runtime.crawlQueue, source.id);

  // The demo's dashboard and read-only API open without signing in (as a viewer); writes need an account.
  const accounts = await ensureDemoAccounts(sql);
  const app = createApp(depsFromRuntime(runtime, { demo: true }));
  const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, (info) => {
    const url = `http://${config.HOST}:${info.port}/`;
    process.stdout.write(
      `\n  Gaung demo is running.\n  Dashboard:      ${url}\n  Demo news site: ${site.url}/ (fictional outlets, demo data only)\n` +
        `  Demo social:    ${social.url}/ (fictional Mastodon, Reddit and Telegram posts)\n` +
        `  Crawling ${sources.length} demo sources now; mentions appear on the dashboard within a minute. Ctrl+C stops.\n\n` +
        `  The dashboard opens read-only without signing in. Demo accounts (passwords made for this run):\n` +
        accounts.map((a) => `    ${a.role.padEnd(8)} ${a.username.padEnd(13)} ${a.password}\n`).join('') +
        '\n',
    );
  });
  closeOnSignals(runtime, async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await workers.close();
    await site.close();
    await social.close();
  });
} catch (err) {
  logger.fatal((err as Error).message);
  process.exit(1);
}
