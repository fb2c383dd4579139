import type { Sql } from '../../core/db.js';
import type { MentionInput } from '../../core/types.js';
import { ingestMentions } from '../../crawler/ingest.repo.js';
import { factory } from './factory.js';

/**
 * A small campaign with known figures, for the rollup and panel tests: on `day` (Asia/Jakarta, at 10:00 WIB)
 * a ministry release full of jargon (official tier, Bali), its verbatim copy in a national outlet, a trader
 * quoted in a regional outlet (Kalimantan Timur), a proud farmer in another (Jawa Timur), a citizen's post, and
 * an unrelated article (counted in "all items" only); on the day after, one more regional story. The post's
 * author name begins with "=".
 */
export const RELEASE =
  'Kementerian menegaskan sinergi pemangku kepentingan dalam akselerasi implementasi transformasi digital Presidensi G20 di Bali berjalan optimal dan inklusif, ujar Menteri Koordinator Bidang Perekonomian Airlangga Hartarto.';
export const TRADER =
  'Pedagang ikan di Pasar Segiri Samarinda, Kalimantan Timur, bilang harga ikan naik sejak KTT G20. "Pembeli makin sepi, dagangan sering tidak habis," kata Bu Sri, pedagang di pasar itu.';
export const FARMER =
  'Warga Surabaya, Jawa Timur, bangga dan senang, festival kuliner rakyat menyambut G20 ramai pengunjung dan pedagang kecil untung besar, kata Pak Darto, petani.';

/** A crawled author name a spreadsheet would run as a formula. */
export const SOCIAL_AUTHOR = '=HYPERLINK("https://jahat.example","Sri")';

export async function seedCoverage(sql: Sql, day: string) {
  const at = (d: string, hour: number) => new Date(`${d}T${String(hour).padStart(2, '0')}:00:00+07:00`);
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const ministry = await factory.source(sql, { url: 'https://www.kemenko.example.go.id/rss', name: 'Kemenko', tier: 'official' });
  const national = await factory.source(sql, { url: 'https://nasional.example/rss', name: 'Nasional', tier: 'national' });
  const regional = await factory.source(sql, { url: 'https://kabar-kaltim.example/rss', name: 'Kabar Kaltim', tier: 'regional' });
  const news = (url: string, sourceId: number, title: string, body: string, when: Date, views: number | null): MentionInput => ({
    url, sourceId, kind: 'news', title, body: `${body} ${body}`, author: null, publishedAt: when, language: 'id', views,
  });
  await ingestMentions(sql, [news('https://www.kemenko.example.go.id/berita/1', ministry.id, 'Sinergi G20', RELEASE, at(day, 9), 1000)]);
  await ingestMentions(sql, [
    news('https://nasional.example/ekonomi/1', national.id, 'Sinergi G20 dipercepat', RELEASE, at(day, 10), 4000),
    news('https://kabar-kaltim.example/pasar/1', regional.id, 'Harga ikan naik', TRADER, at(day, 11), 300),
    news('https://kabar-kaltim.example/jatim/2', regional.id, 'Festival kuliner G20', FARMER, at(day, 12), 200),
    news('https://kabar-kaltim.example/cuaca/3', regional.id, 'Cuaca cerah', 'Cuaca di Samarinda cerah berawan sepanjang hari ini menurut prakiraan.', at(day, 13), 50),
    {
      url: 'https://mastodon.example/@sri/1', sourceId: null, kind: 'social', title: 'harga ikan', views: null, author: SOCIAL_AUTHOR, publishedAt: at(day, 14),
      language: 'id', body: 'harga ikan di pasar naik lagi gara-gara G20, pembeli sepi, dagangan gak habis 😩',
      social: { platform: 'mastodon', externalId: '1', authorHandle: '@sri', authorKind: 'individual', followers: 120, likes: 10, shares: 0, replies: 0 },
    },
    news('https://kabar-kaltim.example/pasar/4', regional.id, 'Harga ikan turun lagi', TRADER.replace('naik', 'turun'), at(next, 9), 500),
  ]);
  return { ministry, national, regional, next };
}
