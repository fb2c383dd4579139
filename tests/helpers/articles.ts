import type { FixtureArticle } from '../fixtures/news-site/outlets.js';

const PARAS = [
  'Pemerintah daerah bersama warga pesisir menggelar pertemuan di balai desa untuk membahas persiapan kegiatan bulan depan yang melibatkan nelayan dan pedagang pasar.',
  'Menurut Bu Sri, pedagang sayur di pasar pagi, harga kebutuhan pokok relatif stabil dalam sepekan terakhir meski permintaan sedikit meningkat menjelang akhir pekan.',
  'Warga berharap kegiatan tersebut membawa manfaat langsung bagi ekonomi keluarga, terutama bagi pelaku usaha kecil yang berjualan di sekitar lokasi acara.',
  'Panitia menyebut seluruh rangkaian acara terbuka untuk umum dan tidak dipungut biaya, sehingga masyarakat dari berbagai kalangan dapat ikut serta.',
];

/** Small fixture articles for tests: `count` articles, the first `g20` of them about the G20 Presidency. */
export function makeArticles(count: number, opts: { g20?: number; outlet?: FixtureArticle['outlet']; prefix?: string } = {}): FixtureArticle[] {
  const g20 = opts.g20 ?? count;
  return Array.from({ length: count }, (_, i) => ({
    slug: `${opts.prefix ?? 'uji'}-${i + 1}`,
    outlet: opts.outlet ?? 'kabar',
    title: i < g20 ? `Warga Bontang menyambut Presidensi G20 bagian ${i + 1}` : `Festival budaya pesisir hari ke-${i + 1}`,
    author: 'Rina Wulandari',
    daysAgo: i % 10,
    time: '09:30',
    section: 'Daerah',
    views: 100 + i,
    paragraphs: [i < g20 ? `Presidensi G20 Indonesia dibicarakan warga pesisir, tulisan ke-${i + 1}.` : `Festival budaya pesisir, tulisan ke-${i + 1}.`, ...PARAS],
    source: 'written',
  }));
}
