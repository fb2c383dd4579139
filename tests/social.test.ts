import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { bluesky } from '../crawler/social/bluesky.js';
import { SOCIAL_PLATFORMS, socialImporterFor } from '../crawler/social/index.js';
import { mastodon } from '../crawler/social/mastodon.js';
import { reddit } from '../crawler/social/reddit.js';
import { parseCount } from '../crawler/social/response.js';
import { telegram } from '../crawler/social/telegram.js';
import type { SocialImporter, SocialPost } from '../crawler/social/types.js';
import { x } from '../crawler/social/x.js';
import { youtube } from '../crawler/social/youtube.js';
import { FIXTURE_NOW, startSocialSite, TELEGRAM_CHANNEL, YOUTUBE_CHANNEL_ID } from './fixtures/social/server.js';

const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/social/${name}`, import.meta.url), 'utf8');
const terms = ['g20', 'presidensi g20'];
const noSecrets = { terms, secrets: {} };
const byId = (posts: SocialPost[], id: string) => posts.find((p) => p.externalId === id)!;
const htmlError = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';

/** What every parsed post must hold whatever the platform: plain text, a URL on the platform, a real date. */
function expectWellFormed(posts: SocialPost[], platform: SocialPost['platform'], ...hosts: string[]) {
  expect(posts.length).toBeGreaterThanOrEqual(8);
  for (const p of posts) {
    expect(p.platform).toBe(platform);
    expect(p.text.length).toBeGreaterThan(0);
    expect(p.text).not.toMatch(/<\/?[a-z][^>]*>|&(amp|lt|gt|quot|#\d+);/i);
    expect(hosts).toContain(new URL(p.url).host);
    expect(p.publishedAt.getTime()).toBeLessThanOrEqual(FIXTURE_NOW.getTime());
    expect(p.publishedAt.getTime()).toBeGreaterThan(Date.parse('2022-11-01T00:00:00Z'));
  }
  expect(new Set(posts.map((p) => p.externalId)).size).toBe(posts.length);
}

describe('Mastodon', () => {
  const cfg = mastodon.configSchema.parse({ instance: 'https://mastodon.example', hashtag: '#G20' });

  test('builds the hashtag timeline and one status search per term, phrases quoted, token as a bearer header', () => {
    const requests = mastodon.buildRequests(cfg, { terms: [...terms, 'g20'], secrets: { MASTODON_ACCESS_TOKEN: 'tok' } });
    expect(requests.map((r) => r.url)).toEqual([
      'https://mastodon.example/api/v1/timelines/tag/G20?limit=40',
      'https://mastodon.example/api/v2/search?q=g20&type=statuses&limit=40',
      'https://mastodon.example/api/v2/search?q=%22presidensi+g20%22&type=statuses&limit=40',
    ]);
    expect(requests[0]!.headers).toEqual({ authorization: 'Bearer tok' });
    expect(mastodon.buildRequests(cfg, noSecrets)[0]!.headers).toBeUndefined();
  });

  test('reads statuses of a tag timeline: plain text, handles with their home instance, account kinds from the platform flags', () => {
    const { posts, nextCursor } = mastodon.parse(fixture('mastodon-tag.json'), cfg, 'https://mastodon.example/api/v1/timelines/tag/G20?limit=40');
    expectWellFormed(posts, 'mastodon', 'mastodon.example', 'sosial.example', 'kota.example');
    expect(nextCursor).toBeUndefined();
    const official = byId(posts, 'https://sosial.example/users/infokom/statuses/109345800000000010');
    expect(official).toMatchObject({ url: 'https://sosial.example/@infokom/109345800000000010', authorHandle: '@infokom@sosial.example', authorKind: 'official', followers: 48210, likes: 312, shares: 198, replies: 24, views: null, language: 'id' });
    expect(official.text).toContain('Presidensi #G20 Indonesia menjadi momentum akselerasi');
    expect(official.publishedAt.toISOString()).toBe('2022-11-16T09:30:12.000Z');
    const trader = byId(posts, 'https://mastodon.example/users/sari_dagang/statuses/109345800000000009');
    expect(trader).toMatchObject({ authorHandle: '@sari_dagang@mastodon.example', authorName: 'Sari 🌶️ Pasar Kreneng', authorKind: null, followers: 214 });
    expect(trader.text).toBe('Pasar sepi bgt hari ini, pembeli pada takut jalan ditutup. Katanya ada #G20, tapi harga cabe tetep aja naik wkwk 😅\nYg penting dagangan laku sih, gak muluk2.');
    expect(posts.find((p) => p.authorHandle === '@wartanusantara@mastodon.example')!.authorKind).toBe('organization');
    expect(posts.find((p) => p.authorHandle === '@forumwarganusadua@sosial.example')!.authorKind).toBe('organization');
    expect(posts.find((p) => p.authorHandle === '@rina_mhs@mastodon.example')!.text).toContain('presidensinya tahun ini. Keren sih');
  });

  test('a full search page gives a max_id cursor that builds exactly that next request, and a foreign cursor is refused', () => {
    const url = 'https://mastodon.example/api/v2/search?q=%22presidensi+g20%22&type=statuses&limit=9';
    const { posts, nextCursor } = mastodon.parse(fixture('mastodon-search.json'), cfg, url);
    expect(posts).toHaveLength(9);
    expect(nextCursor).toBe(`${url}&max_id=109346900000000012`);
    expect(mastodon.buildRequests(cfg, { ...noSecrets, cursor: nextCursor })).toEqual([{ url: nextCursor }]);
    expect(() => mastodon.buildRequests(cfg, { ...noSecrets, cursor: 'http://169.254.169.254/api/v2/search' })).toThrow(/Mastodon: cursor .* outside the source's configured base/);
  });

  test('an HTML error page or statuses missing fields are refused with the platform and the reason', () => {
    const url = 'https://mastodon.example/api/v1/timelines/tag/G20?limit=40';
    expect(() => mastodon.parse(htmlError, cfg, url)).toThrow(`Mastodon: response from ${url} is not JSON (starts with "<!DOCTYPE html>`);
    expect(() => mastodon.parse('[{"id":"1","content":"<p>x</p>"}]', cfg, url)).toThrow(/^Mastodon: unexpected response shape from .*: 0\.uri: .*0\.created_at/);
    expect(() => mastodon.parse('{"error":"This method requires an authenticated user"}', cfg, 'https://mastodon.example/api/v2/search?q=g20')).toThrow(/Mastodon: unexpected response shape .*statuses/);
  });
});

describe('Bluesky', () => {
  const cfg = bluesky.configSchema.parse({ lang: 'id' });

  test('searches the public AppView once per term (the query language has no OR)', () => {
    expect(bluesky.buildRequests(cfg, noSecrets).map((r) => r.url)).toEqual([
      'https://public.api.bsky.app/xrpc/app.bsky.feed.searchPosts?q=g20&sort=latest&lang=id&limit=100',
      'https://public.api.bsky.app/xrpc/app.bsky.feed.searchPosts?q=%22presidensi+g20%22&sort=latest&lang=id&limit=100',
    ]);
    const custom = bluesky.configSchema.parse({ api: 'http://127.0.0.1:9/bsky/' });
    const [request] = bluesky.buildRequests(custom, { terms: ['harga & "cabai"'], secrets: {} });
    expect(new URL(request!.url).pathname).toBe('/bsky/xrpc/app.bsky.feed.searchPosts');
    expect(new URL(request!.url).searchParams.get('q')).toBe('"harga & cabai"');
  });

  test('reads posts with their bsky.app URL, government-domain handles as official, reposts and quotes as shares', () => {
    const url = 'https://public.api.bsky.app/xrpc/app.bsky.feed.searchPosts?q=g20';
    const { posts, nextCursor } = bluesky.parse(fixture('bluesky-search.json'), cfg, url);
    expectWellFormed(posts, 'bluesky', 'bsky.app');
    expect(nextCursor).toBe(`${url}&cursor=9`);
    expect(byId(posts, 'at://did:plc:demoinfopublik0000000001/app.bsky.feed.post/3kdemo2g20aa1')).toMatchObject({
      url: 'https://bsky.app/profile/infopublik-demo.go.id/post/3kdemo2g20aa1', authorHandle: '@infopublik-demo.go.id', authorKind: 'official', likes: 540, shares: 222, replies: 38, followers: null,
    });
    const student = posts.find((p) => p.authorHandle === '@tasya.bsky.social')!;
    expect(student).toMatchObject({ authorKind: null, language: 'id', likes: 388, shares: 116, replies: 54 });
    expect(student.publishedAt.toISOString()).toBe('2022-11-15T03:30:45.000Z');
    expect(student.text).toContain('G20 itu nama boyband baru ya?');
    expect(posts.find((p) => p.authorHandle === '@wartanusantara.bsky.social')!.authorKind).toBe('verified');
  });

  test('a post whose uri is not an at:// post URI is refused naming the field', () => {
    const body = JSON.stringify({ posts: [{ uri: 'https://bsky.app/x', author: { did: 'did:plc:a', handle: 'a.bsky.social' }, record: { text: 'x', createdAt: '2022-11-16T00:00:00Z' } }] });
    expect(() => bluesky.parse(body, cfg, 'https://public.api.bsky.app/xrpc/app.bsky.feed.searchPosts?q=g20')).toThrow(/^Bluesky: unexpected response shape .*posts\.0\.uri: expected an at:\/\/ post URI/);
  });
});

describe('Reddit', () => {
  const cfg = reddit.configSchema.parse({ subreddit: 'r/NusantaraDemo' });

  test('searches the subreddit with the terms joined by OR, or lists its newest posts without terms', () => {
    const [search] = reddit.buildRequests(cfg, noSecrets);
    expect(search!.url).toBe('https://www.reddit.com/r/NusantaraDemo/search.json?q=g20+OR+%22presidensi+g20%22&restrict_sr=1&sort=new&limit=100&raw_json=1');
    expect(new URL(search!.url).searchParams.get('q')).toBe('g20 OR "presidensi g20"');
    expect(reddit.buildRequests(cfg, { terms: [], secrets: {} })[0]!.url).toBe('https://www.reddit.com/r/NusantaraDemo/new.json?limit=100&raw_json=1');
    expect(() => reddit.configSchema.parse({ subreddit: '../../api' })).toThrow(/subreddit name/);
  });

  test('reads link listings: fullname ids, reddit.com permalinks, titles, upvotes and comment counts, the after cursor', () => {
    const url = 'https://www.reddit.com/r/NusantaraDemo/search.json?q=g20&raw_json=1';
    const { posts, nextCursor } = reddit.parse(fixture('reddit-search.json'), cfg, url);
    expectWellFormed(posts, 'reddit', 'www.reddit.com');
    expect(nextCursor).toBe(`${url}&after=t3_yd001i`);
    const driver = byId(posts, 't3_yd001a');
    expect(driver).toMatchObject({ title: 'Ojol di Bali selama KTT G20: orderan anjlok, ada yg ngerasain juga gak?', authorHandle: 'u/ojol_denpasar_88', authorKind: null, likes: 842, replies: 213, shares: 2, views: null });
    expect(driver.url).toBe('https://www.reddit.com/r/NusantaraDemo/comments/yd001a/ojol_di_bali_selama_ktt_g20_orderan_anj/');
    expect(driver.text).toMatch(/^Udah 3 hari narik.*\n\nKatanya G20 buat pemulihan ekonomi/s);
    expect(driver.publishedAt.toISOString()).toBe('2022-11-16T09:12:44.000Z');
    expect(byId(posts, 't3_yd001c').text).toBe('Deklarasi Pemimpin G20 Bali Disepakati, Ini Poin-poin Utamanya');
    expect(byId(posts, 't3_yd001g')).toMatchObject({ authorName: null, authorHandle: null, text: 'G20 cuma buang-buang duit?' });
  });

  test('entities are decoded when the request did not ask for raw JSON, and a non-listing is refused', () => {
    const listing = JSON.parse(fixture('reddit-search.json')) as { data: { children: { data: { title: string } }[] } };
    listing.data.children[0]!.data.title = 'Harga cabai &amp; bawang &lt;naik&gt;';
    const [post] = reddit.parse(JSON.stringify(listing), cfg, 'https://www.reddit.com/r/NusantaraDemo/new.json').posts;
    expect(post!.title).toBe('Harga cabai & bawang <naik>');
    const url = 'https://www.reddit.com/r/NusantaraDemo/new.json';
    expect(() => reddit.parse('{"message":"Forbidden","error":403}', cfg, url)).toThrow(/^Reddit: unexpected response shape from .*new\.json: kind: .*data: /);
    expect(() => reddit.parse(htmlError, cfg, url)).toThrow(/^Reddit: response from .* is not JSON/);
  });
});

describe('Telegram', () => {
  const cfg = telegram.configSchema.parse({ channel: `@${TELEGRAM_CHANNEL}` });
  const url = `https://t.me/s/${TELEGRAM_CHANNEL}`;

  test('reads the channel web preview and pages back with ?before=', () => {
    expect(telegram.buildRequests(cfg, noSecrets)).toEqual([{ url }]);
    const { posts, nextCursor } = telegram.parse(fixture('telegram-channel.html'), cfg, url);
    expect(posts).toHaveLength(11);
    expect(nextCursor).toBe(`${url}?before=1201`);
    expect(telegram.buildRequests(cfg, { ...noSecrets, cursor: nextCursor })).toEqual([{ url: nextCursor }]);
    expect(() => telegram.buildRequests(cfg, { ...noSecrets, cursor: 'https://evil.example/s/x?before=1' })).toThrow(/^Telegram: cursor/);
  });

  test('posts carry views in K notation, subscribers, reactions as likes; forwards are credited to their origin', () => {
    const { posts } = telegram.parse(fixture('telegram-channel.html'), cfg, url);
    expectWellFormed(posts, 'telegram', 't.me');
    expect(posts.map((p) => p.externalId)).not.toContain(`${TELEGRAM_CHANNEL}/1210`); // a photo without a caption
    const own = byId(posts, `${TELEGRAM_CHANNEL}/1205`);
    expect(own).toMatchObject({ url: `https://t.me/${TELEGRAM_CHANNEL}/1205`, authorName: 'Admin Putu', authorHandle: `@${TELEGRAM_CHANNEL}`, followers: 12300, views: 15300, likes: 1282, authorKind: null });
    expect(own.text).toBe('Banyak yg nanya di grup: G20 itu apa sih? Singkatnya: pertemuan 20 negara ekonomi besar. Tahun ini Indonesia tuan rumahnya, puncaknya di Nusa Dua. Jadi bukan konser ya wkwk');
    expect(own.publishedAt.toISOString()).toBe('2022-11-14T03:20:00.000Z');
    expect(byId(posts, `${TELEGRAM_CHANNEL}/1201`).text).toMatch(/^📢 Info warga\n\nMulai Minggu 13 Nov/);
    expect(byId(posts, `${TELEGRAM_CHANNEL}/1206`)).toMatchObject({ authorName: 'Humas Pemprov Nusa Raya (demo)', authorHandle: '@humasnusaraya_demo', followers: null });
    const reply = byId(posts, `${TELEGRAM_CHANNEL}/1207`);
    expect(reply.text).toMatch(/^Keluhan warga masuk/);
    expect(reply.text).not.toContain('rekayasa lalu lintas');
    expect(byId(posts, `${TELEGRAM_CHANNEL}/1209`).text).toContain('pedagang & sopir');
    const official = telegram.configSchema.parse({ channel: TELEGRAM_CHANNEL, authorKind: 'organization' });
    expect(byId(telegram.parse(fixture('telegram-channel.html'), official, url).posts, `${TELEGRAM_CHANNEL}/1205`).authorKind).toBe('organization');
  });

  test('a channel without a web preview is refused, and counts read as Telegram writes them', () => {
    const noPreview = '<html><body><div class="tgme_page"><div class="tgme_page_title">Kabar</div><a class="tgme_action_button_new">View in Telegram</a></div></body></html>';
    expect(() => telegram.parse(noPreview, cfg, url)).toThrow(`Telegram: ${url} is not a public channel preview page`);
    expect([parseCount('1.2K'), parseCount('12.3K subscribers'), parseCount('2M'), parseCount('987'), parseCount('1,234'), parseCount('')]).toEqual([1200, 12300, 2_000_000, 987, 1234, null]);
  });
});

describe('YouTube', () => {
  const cfg = youtube.configSchema.parse({ channelId: YOUTUBE_CHANNEL_ID, authorKind: 'official', commentVideos: 2 });
  const feedUrl = `https://www.youtube.com/feeds/videos.xml?channel_id=${YOUTUBE_CHANNEL_ID}`;

  test('reads the channel feed always, and the Data API only with a key sent as a header, never in the URL', () => {
    expect(youtube.buildRequests(cfg, noSecrets)).toEqual([{ url: feedUrl }]);
    const { posts } = youtube.parse(fixture('youtube-feed.xml'), cfg, feedUrl);
    expect(youtube.followUp!(posts, cfg, noSecrets)).toEqual([]);
    const follow = youtube.followUp!(posts, cfg, { terms, secrets: { YOUTUBE_API_KEY: 'key-123' } });
    expect(follow.map((r) => r.url)).toEqual([
      `https://www.googleapis.com/youtube/v3/videos?part=statistics%2Csnippet&id=${posts.map((p) => p.externalId).join('%2C')}`,
      'https://www.googleapis.com/youtube/v3/commentThreads?part=snippet&videoId=dEmOg20a001&order=time&maxResults=100',
      'https://www.googleapis.com/youtube/v3/commentThreads?part=snippet&videoId=dEmOg20a002&order=time&maxResults=100',
    ]);
    for (const r of follow) expect(r.headers).toEqual({ 'x-goog-api-key': 'key-123' });
  });

  test('feed entries become videos with views and star-rating counts; the API adds likes, comments and language', () => {
    const feed = youtube.parse(fixture('youtube-feed.xml'), cfg, feedUrl).posts;
    expectWellFormed(feed, 'youtube', 'www.youtube.com');
    expect(byId(feed, 'dEmOg20a003')).toMatchObject({ url: 'https://www.youtube.com/watch?v=dEmOg20a003', title: 'Apa Itu G20? Penjelasan Gampang dalam 3 Menit', authorName: 'Info Publik RI (demo)', authorHandle: YOUTUBE_CHANNEL_ID, authorKind: 'official', views: 230870, likes: 9870 });
    expect(byId(feed, 'dEmOg20a001').text).toMatch(/inklusif\.\n\n#G20Indonesia/);
    const api = youtube.parse(fixture('youtube-videos.json'), cfg, 'https://www.googleapis.com/youtube/v3/videos?part=statistics,snippet&id=a').posts;
    expect(api).toHaveLength(9);
    expect(byId(api, 'dEmOg20a003')).toMatchObject({ views: 231870, likes: 10210, replies: 1204, language: 'id', authorKind: 'official' });
    expect(byId(api, 'dEmOg20a003').publishedAt.toISOString()).toBe('2022-11-14T06:00:00.000Z');
  });

  test('top-level comments are posts of their own, linked under the video; the channel owner keeps its kind', () => {
    const url = 'https://www.googleapis.com/youtube/v3/commentThreads?part=snippet&videoId=dEmOg20a003';
    const comments = youtube.parse(fixture('youtube-comments.json'), cfg, url).posts;
    expectWellFormed(comments, 'youtube', 'www.youtube.com');
    expect(byId(comments, 'UgxDemoKomentar006AaBbCc')).toMatchObject({
      url: 'https://www.youtube.com/watch?v=dEmOg20a001&lc=UgxDemoKomentar006AaBbCc', title: null, authorHandle: '@nelayan.jimbaran', authorKind: null, likes: 2210, replies: 134,
      text: 'Sinergi, akselerasi, inklusif... saya nelayan gak paham bahasa begini. Intinya kami dapat apa?',
    });
    expect(byId(comments, 'UgxDemoKomentar004AaBbCc')).toMatchObject({ authorHandle: YOUTUBE_CHANNEL_ID, authorKind: 'official' });
  });

  test('an HTML page for the feed, counts that are not counts, or an unknown endpoint are refused', () => {
    expect(() => youtube.parse(htmlError, cfg, feedUrl)).toThrow(/^YouTube: unexpected response shape from .*: feed: /);
    const badVideos = JSON.stringify({ kind: 'youtube#videoListResponse', items: [{ id: 'a', snippet: { publishedAt: '2022-11-16T00:00:00Z', channelId: 'c', title: 't' }, statistics: { viewCount: 'many' } }] });
    expect(() => youtube.parse(badVideos, cfg, 'https://www.googleapis.com/youtube/v3/videos?id=a')).toThrow(/^YouTube: .*items\.0\.statistics\.viewCount: expected a count/);
    expect(() => youtube.parse('{}', cfg, 'https://www.googleapis.com/youtube/v3/search?q=g20')).toThrow('YouTube: no parser for');
  });
});

describe('X', () => {
  const cfg = x.configSchema.parse({ lang: 'id' });

  test('builds nothing without a bearer token; with one, a single recent search of all terms joined by OR', () => {
    expect(x.buildRequests(cfg, noSecrets)).toEqual([]);
    const requests = x.buildRequests(cfg, { terms, secrets: { X_BEARER_TOKEN: 'AAAA' } });
    expect(requests).toHaveLength(1);
    const url = new URL(requests[0]!.url);
    expect(url.origin + url.pathname).toBe('https://api.x.com/2/tweets/search/recent');
    expect(url.searchParams.get('query')).toBe('(g20 OR "presidensi g20") -is:retweet lang:in');
    expect(url.searchParams.get('expansions')).toBe('author_id');
    expect(url.searchParams.get('user.fields')).toBe('username,name,verified,verified_type,public_metrics');
    expect(url.searchParams.get('tweet.fields')).toBe('created_at,public_metrics,lang,author_id');
    expect(requests[0]!.headers).toEqual({ authorization: 'Bearer AAAA' });
  });

  test('joins authors from includes.users; government and business labels become official and organization', () => {
    const { posts, nextCursor } = x.parse(fixture('x-search.json'), cfg, 'https://api.x.com/2/tweets/search/recent?query=g20');
    expectWellFormed(posts, 'x', 'x.com');
    expect(nextCursor).toBe('https://api.x.com/2/tweets/search/recent?query=g20&next_token=b26v89c19zqg8o3fpzbkk1demo');
    const gov = byId(posts, '1592900000000000009');
    expect(gov).toMatchObject({ url: 'https://x.com/InfoPublikRI_demo/status/1592900000000000009', authorHandle: '@InfoPublikRI_demo', authorKind: 'official', followers: 1204332, likes: 15020, shares: 4722, replies: 388, views: 1203400, language: 'id' });
    expect(gov.text).toContain('sinergi & kolaborasi');
    expect(byId(posts, '1592900000000000007').authorKind).toBe('organization');
    expect(byId(posts, '1592900000000000004').authorKind).toBe('verified');
    expect(byId(posts, '1592900000000000008')).toMatchObject({ authorHandle: '@jali_narik', authorKind: null, followers: 1320 });
    expect(byId(posts, '1592900000000000008').publishedAt.toISOString()).toBe('2022-11-16T09:41:10.000Z');
  });

  test('an error body instead of a search result is refused naming the missing meta', () => {
    const body = '{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}';
    expect(() => x.parse(body, cfg, 'https://api.x.com/2/tweets/search/recent?query=g20')).toThrow(/^X: unexpected response shape from .*: meta: /);
  });
});

describe('the demo social site', () => {
  /** Fetches every request an importer builds (and its follow-ups), parses each, and follows one cursor. */
  async function importAll<Cfg>(importer: SocialImporter<Cfg>, cfg: Cfg, secrets: Record<string, string>) {
    const ctx = { terms, secrets };
    const get = async (r: { url: string; headers?: Record<string, string> }) => {
      const res = await fetch(r.url, { headers: r.headers });
      expect(res.status, r.url).toBe(200);
      return importer.parse(await res.text(), cfg, r.url);
    };
    const pages = await Promise.all(importer.buildRequests(cfg, ctx).map(get));
    const first = pages.flatMap((p) => p.posts);
    const more = await Promise.all((importer.followUp?.(first, cfg, ctx) ?? []).map(get));
    const cursor = [...pages, ...more].find((p) => p.nextCursor)?.nextCursor;
    const next = cursor ? await Promise.all(importer.buildRequests(cfg, { ...ctx, cursor }).map(get)) : [];
    return { posts: [...first, ...more.flatMap((p) => p.posts)], pages: pages.length, next: next.flatMap((p) => p.posts) };
  }

  test('serves every fixture at the real API paths, so sources pointed at it import over HTTP', async () => {
    const site = await startSocialSite();
    try {
      const m = await importAll(mastodon, mastodon.configSchema.parse({ instance: site.url, hashtag: 'g20', limit: 9 }), {});
      expect(m.pages).toBe(3);
      expect(m.posts).toHaveLength(32);
      expect(m.next).toEqual([]);
      expect(site.requests).toContain('/api/v1/timelines/tag/g20?limit=9&max_id=109345800000000002');

      const r = await importAll(reddit, reddit.configSchema.parse({ subreddit: 'NusantaraDemo', base: site.url }), {});
      expect(r.posts.map((p) => p.externalId)).toContain('t3_yd001b');
      expect(r.posts[0]!.url.startsWith('https://www.reddit.com/r/NusantaraDemo/comments/')).toBe(true);

      const t = await importAll(telegram, telegram.configSchema.parse({ channel: TELEGRAM_CHANNEL, base: site.url }), {});
      expect(t.posts).toHaveLength(11);
      expect(t.next).toEqual([]);

      const b = await importAll(bluesky, bluesky.configSchema.parse({ api: site.url }), {});
      expect(b.posts).toHaveLength(18);
      const y = await importAll(youtube, youtube.configSchema.parse({ channelId: YOUTUBE_CHANNEL_ID, feedBase: site.url, apiBase: `${site.url}/youtube/v3`, commentVideos: 3 }), { YOUTUBE_API_KEY: 'demo' });
      expect(y.posts.filter((p) => p.title === null)).toHaveLength(2 + 0 + 4); // the fixture's comments on videos 1, 2 and 3
      expect(y.posts).toHaveLength(9 + 9 + 6);
      const xs = await importAll(x, x.configSchema.parse({ apiBase: site.url }), { X_BEARER_TOKEN: 'demo' });
      expect(xs.posts).toHaveLength(9);
      expect((await fetch(`${site.url}/2/tweets/search/recent?query=g20`)).status).toBe(401);
      for (const platform of SOCIAL_PLATFORMS) expect(socialImporterFor(platform).platform).toBe(platform);
    } finally {
      await site.close();
    }
  });

  test('for the demo, fixture dates move together so the newest post lands just before now', async () => {
    const now = new Date();
    const site = await startSocialSite({ now });
    try {
      const url = new URL('/r/NusantaraDemo/new.json?raw_json=1', site.url).toString();
      const shifted = reddit.parse(await (await fetch(url)).text(), reddit.configSchema.parse({ subreddit: 'NusantaraDemo' }), url).posts;
      const original = reddit.parse(fixture('reddit-search.json'), reddit.configSchema.parse({ subreddit: 'NusantaraDemo' }), url).posts;
      const newest = Math.max(...shifted.map((p) => p.publishedAt.getTime()));
      expect(newest).toBeLessThanOrEqual(now.getTime());
      expect(newest).toBeGreaterThan(now.getTime() - 6 * 3_600_000);
      const gap = (posts: SocialPost[]) => posts[0]!.publishedAt.getTime() - posts.at(-1)!.publishedAt.getTime();
      expect(Math.abs(gap(shifted) - gap(original))).toBeLessThan(2000);
      const html = await (await fetch(new URL(`/s/${TELEGRAM_CHANNEL}`, site.url))).text();
      expect(html).toContain('DATA DEMO');
    } finally {
      await site.close();
    }
  });
});
