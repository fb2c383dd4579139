import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extractArticle } from '../crawler/extract/article.js';
import { isChromeLine } from '../crawler/extract/clean.js';
import { parseFeed } from '../crawler/extract/feed.js';
import { parseIndonesianDate, parseMachineDate } from '../crawler/extract/dates.js';
import { stripSiteName, titleFromText } from '../crawler/extract/title.js';
import { parseViewCount } from '../crawler/extract/views.js';

const page = (name: string) => readFileSync(new URL(`./fixtures/pages/${name}`, import.meta.url), 'utf8');
/** Senin, 7 Desember 2026, 23:00 WIB. */
const now = new Date('2026-12-07T16:00:00Z');
const extract = (name: string, url: string) => extractArticle(page(name), url, { now })!;
const paragraphs = (body: string) => body.split('\n\n');
const expectNone = (body: string, chrome: string[]) => {
  for (const c of chrome) expect(body, `body should not contain "${c}"`).not.toContain(c);
};

describe('the headline without the site name', () => {
  test('a regional page titled "… - Lintasnusa.com Regional" gives the h1, and its date-only JSON-LD takes the byline time', () => {
    const a = extract('regional-judul-berakhiran-situs.html', 'https://regional.lintasnusa.com/read/2026/12/07/21041121/banjir-rob');
    expect(a.title).toBe('Banjir Rob Rendam Ratusan Rumah di Pesisir Tanjung Laut, Warga Mengungsi ke Masjid');
    expect(a.publishedAt?.toISOString()).toBe('2026-12-07T14:04:00.000Z');
    expect(a.author).toBe('Rahmat Hidayat');
    expect(a.body.startsWith('TANJUNG LAUT, Lintasnusa.com - Banjir rob merendam')).toBe(true);
    expect(a.body.endsWith('agar rob tidak lagi masuk ke rumah mereka.')).toBe(true);
    expect(paragraphs(a.body)).toHaveLength(5);
    expectNone(a.body, ['Baca juga', 'ADVERTISEMENT', 'SCROLL TO CONTINUE', 'WhatsApp', 'Lihat Foto', 'Bagikan', 'Salin Link', 'RAHMAT HIDAYAT', '22:59']);
  });

  test('a sub-site titled "… | umatku.co.id" with no h1 in the article loses the domain, and a midnight meta time takes the time shown beside the date', () => {
    const a = extract('subsitus-judul-pipa.html', 'https://umatku.kabarumat.co.id/berita/jamaah-umrah-diimbau');
    expect(a.title).toBe('Jamaah Umrah Diimbau Jaga Kesehatan Selama Musim Hujan di Tanah Suci');
    expect(a.publishedAt?.toISOString()).toBe('2026-12-07T09:52:00.000Z');
    expect(a.body.startsWith('JAKARTA -- Kementerian terkait')).toBe(true);
    expect(a.body.endsWith('mengikuti arahan petugas di lapangan.')).toBe(true);
    expectNone(a.body, ['Dengarkan', 'Rep:', 'Red:', 'Bagikan', 'Salin']);
  });

  test('"Serunya.com: Musik - …" loses the site prefix and the section, and a caption credit and chat-channel plug leave the text', () => {
    const a = extract('hiburan-awalan-situs.html', 'https://musik.serunya.com/berita/band-indie-rilis-album');
    expect(a.title).toBe('Band Indie Asal Lembah Hijau Rilis Album Kedua Bertema Laut');
    expect(a.publishedAt?.toISOString()).toBe('2026-12-07T06:16:00.000Z');
    expect(a.body.endsWith('akan dijual terbatas bulan depan.')).toBe(true);
    expect(paragraphs(a.body)).toHaveLength(4);
    expectNone(a.body, ['credit:', 'Yuk, gabung', 'WhatsApp']);
  });

  test('an English page that labels its local time as UTC is read at the time it shows, and loses "- The Nusantara Globe"', () => {
    const a = extract('english-globe-utc.html', 'https://www.nusantaraglobe.id/news/fuel-subsidy-fishermen');
    expect(a.title).toBe('Government Extends Fuel Subsidy to Small Fishermen Until Next Year');
    expect(a.publishedAt?.toISOString()).toBe('2026-12-07T02:04:00.000Z');
    expect(a.language).toBe('en');
    expect(a.body.startsWith('Jakarta. The government will extend')).toBe(true);
    expect(a.body.endsWith('sail for hours to refuel.')).toBe(true);
    expectNone(a.body, ['Read also', 'Tags:', 'WhatsApp', 'By :']);
  });

  test('an English page titled "… - Academia - The Nusantara Post" loses site and section, and its date-only meta takes the "(GMT+7)" time', () => {
    const a = extract('english-post-bagian.html', 'https://www.nusantarapost.com/academia/2026/12/07/village-teacher-grants.html');
    expect(a.title).toBe('Ministry Opens Registration for Village Teacher Grants');
    expect(a.publishedAt?.toISOString()).toBe('2026-12-07T14:04:00.000Z');
    expect(a.body.startsWith('The education ministry on Monday')).toBe(true);
    expect(a.body.endsWith('start work in the new school year.')).toBe(true);
    expectNone(a.body, ['Premium', 'Share this', 'Reporting by', 'Sign up', 'newsletter']);
  });

  test.each([
    ['Banjir Rob di Pesisir - Kabar.com Regional', 'Banjir Rob di Pesisir'],
    ['Harga Cabai Naik Lagi | Warta Online', 'Harga Cabai Naik Lagi'],
    ['Kabar.com: Musik - Band Baru Rilis Album', 'Band Baru Rilis Album'],
    ['Menteri: Kita Harus Kerja Keras | Warta Online', 'Menteri: Kita Harus Kerja Keras'],
    ['Timnas U-23 Menang 2-1 atas Vietnam - Kabar.com', 'Timnas U-23 Menang 2-1 atas Vietnam'],
    ['Harga Emas Hari Ini - Senin, 7 Desember 2026 - Kabar.com', 'Harga Emas Hari Ini - Senin, 7 Desember 2026'],
    ['Jokowi - Prabowo Bertemu di Istana', 'Jokowi - Prabowo Bertemu di Istana'],
    ['Harga Cabai Naik Lagi : Kabar News', 'Harga Cabai Naik Lagi'],
    ['Menteri Basuki : Kerja Keras | Warta Online', 'Menteri Basuki : Kerja Keras'],
    ['Banjir Rob - Foto - Kabar.com', 'Banjir Rob'],
    ['Kabar.com', 'Kabar.com'],
  ])('"%s" without the site name is "%s"', (title, expected) => {
    expect(stripSiteName(title, ['kabar', 'wartaonline'])).toBe(expected);
  });
});

test('a meta headline cut short gives way to the whole h1', () => {
  const paragraph = '<p>Warga kampung nelayan membersihkan saluran air bersama petugas kebersihan kota sejak pagi hari sampai menjelang sore.</p>';
  const h1 = 'Keberhasilan Program Ketahanan Pangan Desa Nelayan Diapresiasi Pemerintah Provinsi dan Kementerian';
  const ld = JSON.stringify({ '@type': 'NewsArticle', headline: h1.slice(0, 60), datePublished: '2026-12-07T10:00:00+07:00' });
  const html = `<html lang="id"><head><script type="application/ld+json">${ld}</script></head><body><article><h1>${h1}</h1>${paragraph.repeat(3)}</article></body></html>`;
  expect(extractArticle(html, 'https://kabar.example/a', { now })!.title).toBe(h1);
});

test("an og:title that is only the site's name gives way to the h1, and a headline naming the site keeps the name", () => {
  const paragraph = '<p>Warga kampung nelayan membersihkan saluran air bersama petugas kebersihan kota sejak pagi hari sampai menjelang sore.</p>';
  const html = (og: string, h1: string) =>
    `<html lang="id"><head><meta property="og:title" content="${og}"><title>${h1} - Kabar.com</title></head><body><article><h1>${h1}</h1>${paragraph.repeat(3)}</article></body></html>`;
  expect(extractArticle(html('Kabar.com', 'Pasar Murah Digelar di Lima Kecamatan'), 'https://www.kabar.com/a', { now })!.title).toBe('Pasar Murah Digelar di Lima Kecamatan');
  const own = 'Kabar Grup Raih Penghargaan Jurnalistik Nasional';
  expect(extractArticle(html(`${own} - Kabar.com`, own), 'https://www.kabar.com/a', { now })!.title).toBe(own);
});

test("a section's name as the page's h1 does not replace a longer meta headline", () => {
  const paragraph = '<p>Warga kampung nelayan membersihkan saluran air bersama petugas kebersihan kota sejak pagi hari sampai menjelang sore.</p>';
  const headline = 'Pasar Murah Digelar di Lima Kecamatan Jelang Akhir Tahun untuk Menahan Harga';
  const html = `<html lang="id"><head><meta property="og:title" content="${headline} - Jawa Timur Terkini"></head><body><main><h1>Jawa Timur Terkini</h1>${paragraph.repeat(3)}</main></body></html>`;
  expect(extractArticle(html, 'https://www.kabar.com/a', { now })!.title).toBe(`${headline} - Jawa Timur Terkini`);
});

test("the date in an article's own <header> is read even when the page has no <article> or <main>", () => {
  const paragraph = '<p>Warga kampung nelayan membersihkan saluran air bersama petugas kebersihan kota sejak pagi hari sampai menjelang sore.</p>';
  const html = `<html lang="id"><body><header class="site-header"><nav><a href="/">Beranda</a></nav><span>Senin, 7 Desember 2026</span></header>
    <h1>Kerja Bakti di Kampung Nelayan</h1><header><span class="tgl">Minggu, 6 Desember 2026 19:30 WIB</span></header>${paragraph.repeat(3)}</body></html>`;
  expect(extractArticle(html, 'https://kabar.example/a', { now })!.publishedAt?.toISOString()).toBe('2026-12-06T12:30:00.000Z');
});

test("a regional edition's name, taken from its host, leaves the title", () => {
  const paragraph = '<p>Warga kampung nelayan membersihkan saluran air bersama petugas kebersihan kota sejak pagi hari sampai menjelang sore.</p>';
  const html = `<html lang="id"><head><title>Kerja Bakti Bersihkan Saluran Air Kampung Nelayan - Lintas Jabar</title></head><body>${paragraph.repeat(3)}</body></html>`;
  expect(extractArticle(html, 'https://jabar.lintasnews.com/read/1', { now })!.title).toBe('Kerja Bakti Bersihkan Saluran Air Kampung Nelayan');
});

describe('photo pages', () => {
  test('a photo gallery whose captions are the story gives the captions as the text, in order', () => {
    const a = extract('foto-galeri-keterangan.html', 'https://foto.kabarfoto.com/readfoto/d-123/potret-petani-garam');
    expect(a.title).toBe('Potret Petani Garam Panen di Tengah Cuaca Tak Menentu');
    expect(a.publishedAt?.toISOString()).toBe('2026-12-07T09:52:00.000Z');
    expect(paragraphs(a.body)).toHaveLength(4);
    expect(a.body.startsWith('Petani garam di pesisir Tanjung Laut memanen')).toBe(true);
    expect(a.body.endsWith('mencapai target tahun ini.')).toBe(true);
    expectNone(a.body, ['Bagikan', 'Terpopuler', 'Pasar Ikan']);
  });

  test('a photo story with caption blocks gives its captions and the byline author', () => {
    const a = extract('foto-cerita-kaption.html', 'https://www.pojokberita.com/photo/read/555/foto-jembatan-bambu');
    expect(a.author).toBe('Galih Prasetyo');
    expect(paragraphs(a.body)).toHaveLength(3);
    expect(a.body.startsWith('Warga Desa Sukamaju bergotong royong')).toBe(true);
    expect(a.body.endsWith('oleh relawan dan petugas desa.')).toBe(true);
  });
});

describe('captions marked "keterangan"', () => {
  const para = (n: number) =>
    `<p>Paragraf ${n}: warga Kecamatan Sungai Kunjang mengantre sejak pagi di depan kantor kelurahan untuk membeli beras murah yang dijual pemerintah kota, sementara petugas mencatat nama dan alamat setiap pembeli.</p>`;
  const html = (captions: string, body: string) => `<!doctype html><html lang="id"><head><title>Antrean Beras Murah di Samarinda | Kabar Hulu</title>
    <meta property="og:site_name" content="Kabar Hulu"></head><body><article><h1>Antrean Beras Murah di Samarinda</h1>
    <div class="foto-utama"><img src="/a.jpg"><div class="keterangan-foto">${captions}</div></div>${body}</article></body></html>`;

  test('a caption in a "keterangan" block does not open the article text', () => {
    const a = extractArticle(html('Warga mengantre beras murah di Samarinda, Senin (7/12/2026). (Foto: Dok. Kabar Hulu)', [1, 2, 3].map(para).join('')), 'https://kabarhulu.example/berita/antrean', { now })!;
    expect(a.body.startsWith('Paragraf 1:')).toBe(true);
    expect(a.body).not.toContain('Warga mengantre beras murah');
  });

  test('on a photo page with nothing else, the "keterangan" captions are the story', () => {
    const caption = 'Warga Kecamatan Sungai Kunjang mengantre beras murah di depan kantor kelurahan, Senin pagi, sementara petugas mencatat nama pembeli dan membagikan kupon antrean kepada setiap keluarga yang datang sejak pukul enam pagi hingga siang hari.';
    const a = extractArticle(html(caption, '<p>Foto: Dok. Kabar Hulu</p>'), 'https://kabarhulu.example/foto/antrean', { now })!;
    expect(a.body).toBe(caption);
  });
});

describe('our layouts', () => {
  test('a view counter on the line after the date counts the views, not the year, and a closing chat-channel plug leaves the text', () => {
    const a = extract('tata-letak-dibaca-setelah-tanggal.html', 'https://suarapesisir.example/berita/pasar-murah');
    expect(a.views).toBe(1234);
    expect(a.publishedAt?.toISOString()).toBe('2026-12-06T17:00:00.000Z');
    expect(a.body.endsWith('di kantor kecamatan masing-masing.')).toBe(true);
    expectNone(a.body, ['Dapatkan kabar', 'WhatsApp', 'Dibaca']);
  });

  test.each([
    ['Senin, 7 Desember 2026 Dibaca 1.234 kali', 1234],
    ['Dec 7, 2026 1,234 views', 1234],
    ['07/12/2026 2.500 kali dibaca', 2500],
    ['07 Des 2026 · Dibaca 2026 kali', 2026],
  ])('"%s" counts %i views', (text, expected) => {
    expect(parseViewCount(text)).toBe(expected);
  });
});

describe('never a made-up time', () => {
  const jakarta = { timezone: 'Asia/Jakarta', now };
  test.each(['baru saja', 'Just now', 'sekarang', 'Diperbarui 0 menit lalu', 'hari ini', 'Today'])('"%s" is no publication time', (text) => {
    expect(parseIndonesianDate(text, jakarta)).toBeNull();
  });

  test('"Hari ini, 13:16" is today at 13:16', () => {
    expect(parseIndonesianDate('Hari ini, 13:16', jakarta)?.toISOString()).toBe('2026-12-07T06:16:00.000Z');
  });

  test('machine dates with a space before the zone or without a colon in it are read', () => {
    expect(parseMachineDate('2026-12-07 21:04:00 +0700', jakarta)?.toISOString()).toBe('2026-12-07T14:04:00.000Z');
    expect(parseMachineDate('2026-12-07T21:04:00 +07:00', jakarta)?.toISOString()).toBe('2026-12-07T14:04:00.000Z');
    expect(parseMachineDate('2026-12-07T21:04:00.500+07:00', jakarta)?.toISOString()).toBe('2026-12-07T14:04:00.500Z');
  });

  test("the site header's clock at the moment of the crawl is not taken as the publication time", () => {
    const paragraph = '<p>Warga kampung nelayan membersihkan saluran air bersama petugas kebersihan kota sejak pagi hari sampai menjelang sore.</p>';
    const html = `<html lang="id"><head><title>Kerja Bakti Bersihkan Saluran Air Kampung Nelayan</title></head><body>
      <div class="topbar">Senin, 7 Desember 2026 - 22:59:48 WIB</div><h1>Kerja Bakti Bersihkan Saluran Air Kampung Nelayan</h1>
      ${paragraph.repeat(3)}</body></html>`;
    const a = extractArticle(html, 'https://kabar.example/a', { now: new Date('2026-12-07T16:00:00Z') })!;
    expect(a.title).toBe('Kerja Bakti Bersihkan Saluran Air Kampung Nelayan');
    expect(a.publishedAt).toBeNull();
  });

  test('a date in one element and its time in the next are read together', () => {
    const paragraph = '<p>Warga kampung nelayan membersihkan saluran air bersama petugas kebersihan kota sejak pagi hari sampai menjelang sore.</p>';
    const html = `<html lang="id"><body><article><h1>Kerja Bakti di Kampung Nelayan</h1>
      <div class="meta"><span class="tgl">Senin, 7 Desember 2026</span> <span class="jam">21:04 WIB</span></div>${paragraph.repeat(3)}</article></body></html>`;
    expect(extractArticle(html, 'https://kabar.example/a', { now })!.publishedAt?.toISOString()).toBe('2026-12-07T14:04:00.000Z');
  });
});

describe('titles of social posts', () => {
  test('a long first line is cut at a word boundary with an ellipsis, never mid-word', () => {
    const text = `Keberhasilan ${'program ketahanan pangan desa '.repeat(6)}patut diapresiasi bersama`;
    const title = titleFromText(text, 60);
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(60);
    expect(text.startsWith(title.slice(0, -1))).toBe(true);
    expect(text[title.length - 1]).toBe(' ');
  });

  test('a short first line is the title as it is', () => {
    expect(titleFromText('Keberhasilan itu milik warga\nBaris kedua')).toBe('Keberhasilan itu milik warga');
  });
});

describe('a server render stamp is not the publication time', () => {
  test('a meta date at the moment of the crawl gives way to the earlier date in the byline', () => {
    const paragraph = '<p>Warga kampung nelayan membersihkan saluran air bersama petugas kebersihan kota sejak pagi hari sampai menjelang sore.</p>';
    const html = `<html lang="id"><head><meta name="pubdate" content="2026-12-07T22:58:40+07:00"></head><body><article><h1>Kerja Bakti di Kampung Nelayan</h1>
      <div class="date">Senin, 7 Desember 2026 | 13:16 WIB</div>${paragraph.repeat(3)}</article></body></html>`;
    expect(extractArticle(html, 'https://kabar.example/a', { now })!.publishedAt?.toISOString()).toBe('2026-12-07T06:16:00.000Z');
  });
});

describe('nothing before the first sentence or after the last', () => {
  test.each([
    ['ADVERTISEMENT', true],
    ['SCROLL TO CONTINUE WITH CONTENT', true],
    ['[Gambas:Video 20detik]', true],
    ['Laporan Wartawan Kabar.com, Fulan Hidayat', true],
    ['Also read: Coastal towns brace for higher tides', true],
    ['Pilihan Editor: Harga Beras Mulai Turun', true],
    ['Sumber: Kabar.com', true],
    ['By Nadia Putri', true],
    ['(nwk/dnu)', true],
    ['[ray]', true],
    ['(Kabar.com/Fulan Hidayat)', true],
    ['KABAR.COM/FULAN HIDAYAT', true],
    ['Warga antre di depan kantor pos, Senin (7/12/2026). (Foto: Dok. Humas)', true],
    ['Dilarang keras mengambil konten tanpa izin tertulis dari redaksi.', true],
    ['Penulis Rahmat Hidayat | Editor Sari Wulandari', true],
    ['(Sumber: Kabar Nusantara)', true],
    ['Cek berita dan artikel yang lain di Google News', true],
    ['Penulis buku itu mengatakan bahwa ia menulisnya selama tiga tahun.', false],
    ['Penulis', true],
    ['Editor:', true],
    ['Bagikan artikel ini melalui', true],
    ['Facebook Twitter WhatsApp Salin Link', true],
    ['NG Photo/Fulan Hidayat', true],
    ['Warga berbagi foto banjir di Facebook dan Twitter sejak Senin pagi.', false],
    ['Oleh sebab itu ia menolak.', false],
    ['Dilarang mengambil foto di area bandara, kata petugas.', false],
    ['By then the rain had stopped.', false],
    ['Oleh: Fulan Hidayat', true],
    ['(Indonesiatech)', false],
    ['Harga beras naik 5 persen (yoy) pada November.', false],
    ['By Monday, the ministry expects the program to reach every province.', false],
    ['Polisi menemukan grup WhatsApp yang digunakan pelaku untuk berkoordinasi.', false],
  ])('"%s" is chrome: %s', (line, chrome) => {
    expect(isChromeLine(line)).toBe(chrome);
  });

  test("the author's name left alone on the first or last line goes", () => {
    const paragraph = '<p>Warga kampung nelayan membersihkan saluran air bersama petugas kebersihan kota sejak pagi hari sampai menjelang sore.</p>';
    const html = `<html lang="id"><head><meta name="author" content="Rahmat Hidayat"></head><body><article><h1>Kerja Bakti di Kampung Nelayan</h1>
      <p>Rahmat Hidayat</p>${paragraph.repeat(3)}<p>Penulis</p><p>Rahmat Hidayat</p></article></body></html>`;
    const a = extractArticle(html, 'https://kabar.example/a', { now })!;
    expect(a.author).toBe('Rahmat Hidayat');
    expect(a.body).not.toContain('Rahmat Hidayat');
    expect(a.body).not.toContain('Penulis');
  });

  test("a desk's initials after the last sentence go, and a chat-channel plug goes only at the edges", () => {
    const p = (t: string) => `<p>${t}</p>`;
    const long = 'Warga kampung nelayan membersihkan saluran air bersama petugas kebersihan kota sejak pagi hari sampai menjelang sore.';
    const html = `<html lang="id"><body><article><h1>Kerja Bakti di Kampung Nelayan</h1>
      ${p(long)}${p('Warga diminta bergabung ke grup WhatsApp kampung agar tidak ketinggalan jadwal kerja bakti berikutnya.')}
      ${p(long)}${p(`${long} (nwk/dnu)`)}${p('Ikuti saluran WhatsApp kami untuk kabar terbaru, klik di sini.')}</article></body></html>`;
    const a = extractArticle(html, 'https://kabar.example/a', { now })!;
    expect(a.body).toContain('Warga diminta bergabung ke grup WhatsApp kampung');
    expect(a.body.endsWith('sampai menjelang sore.')).toBe(true);
    expect(a.body).not.toContain('Ikuti saluran');
  });
});

describe('times printed in the text', () => {
  const paragraph = '<p>Warga kampung nelayan membersihkan saluran air bersama petugas kebersihan kota sejak pagi hari sampai menjelang sore.</p>';
  const pageWith = (head: string, first: string) =>
    `<html lang="en"><head>${head}</head><body><article><h1>Village Clean-Up Day</h1><p>${first}</p>${paragraph.repeat(3)}</article></body></html>`;

  test('a dateline opening the text gives the time for a meta date without one', () => {
    const html = pageWith('<meta property="article:published_time" content="2026-12-07">', 'JAKARTA, 7 Desember 2026 13.16 WIB - Pemerintah kota menggelar kerja bakti massal di kampung nelayan pada Senin pagi.');
    expect(extractArticle(html, 'https://kabar.example/a', { now })!.publishedAt?.toISOString()).toBe('2026-12-07T06:16:00.000Z');
  });

  test('a dateline gives the date of a page with no other, and a date in the running text does not', () => {
    const dated = pageWith('', 'JAKARTA, 7 Desember 2026 - Pemerintah kota menggelar kerja bakti massal di kampung nelayan pada Senin pagi.');
    expect(extractArticle(dated, 'https://kabar.example/a', { now })!.publishedAt?.toISOString()).toBe('2026-12-06T17:00:00.000Z');
    const running = pageWith('', 'Pemerintah kota menggelar kerja bakti serupa pada 12 Maret 2025 pukul 09.00 WIB - dan kini mengulanginya di kampung nelayan.');
    expect(extractArticle(running, 'https://kabar.example/a', { now })!.publishedAt).toBeNull();
  });

  test('a zoneless meta time that is really UTC is read at the time the page shows', () => {
    const html = pageWith('<meta property="article:published_time" content="2026-12-07T14:04:00">', 'The city held a clean-up day in the fishing village on Monday morning, officials said.')
      .replace('<h1>', '<div class="date">December 7, 2026 | 09:04 pm</div><h1>');
    expect(extractArticle(html, 'https://kabar.example/a', { now })!.publishedAt?.toISOString()).toBe('2026-12-07T14:04:00.000Z');
  });
});

describe('feed dates', () => {
  const rss = (dates: string[]) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar</title><link>https://kabar.example/</link>${dates
      .map((d, i) => `<item><title>Berita ${i}</title><link>https://kabar.example/b/${i}</link><pubDate>${d}</pubDate></item>`)
      .join('')}</channel></rss>`;

  test('one time stamped on every item is the build time of the feed, so no item takes it as its publication time', async () => {
    const feed = await parseFeed(rss(Array(4).fill('Mon, 07 Dec 2026 15:59:58 +0000')), 'https://kabar.example/rss');
    expect(feed.items.map((i) => i.publishedAt)).toEqual([null, null, null, null]);
  });

  test('items with their own times keep them', async () => {
    const feed = await parseFeed(rss(['Mon, 07 Dec 2026 14:04:00 +0000', 'Mon, 07 Dec 2026 09:52:00 +0000', 'Mon, 07 Dec 2026 06:16:00 +0000']), 'https://kabar.example/rss');
    expect(feed.items.map((i) => i.publishedAt?.toISOString())).toEqual(['2026-12-07T14:04:00.000Z', '2026-12-07T09:52:00.000Z', '2026-12-07T06:16:00.000Z']);
  });
});
