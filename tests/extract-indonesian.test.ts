import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { decodeHtml, extractArticle } from '../crawler/extract/article.js';
import { isChromeLine, normalizeBreaks, stripChrome } from '../crawler/extract/clean.js';
import { parseIndonesianDate, parseMachineDate } from '../crawler/extract/dates.js';
import { detectLanguage, pickLanguage } from '../crawler/extract/language.js';
import { parseViewCount } from '../crawler/extract/views.js';

const page = (name: string) => readFileSync(new URL(`./fixtures/pages/${name}`, import.meta.url), 'utf8');
/** Senin, 14 November 2022, 19:00 WIB. */
const now = new Date('2022-11-14T12:00:00Z');
const jakarta = { timezone: 'Asia/Jakarta', now };
const iso = (text: string, opts = jakarta) => parseIndonesianDate(text, opts)?.toISOString() ?? null;

const INDONESIAN =
  'Pemerintah kota meminta seluruh perangkat daerah untuk menyebarkan informasi yang mudah dipahami warga. Hal itu disampaikan ' +
  'dalam rapat koordinasi pada Selasa, dan akan dilanjutkan dengan pelatihan bagi pengelola media sosial di setiap kelurahan.';
const ENGLISH =
  'The city government asked every agency to share information that residents can understand. It was said at a coordination ' +
  'meeting on Tuesday, and it will be followed by training for the people who run social media in each district.';

describe('Indonesian publication dates', () => {
  test.each([
    ['Jumat, 5 November 2021 17:48 WIB', '2021-11-05T10:48:00.000Z'],
    ['11 Oktober 2022 5:50pm', '2022-10-11T10:50:00.000Z'],
    ['Sabtu, 12 November 2022 - 20:15', '2022-11-12T13:15:00.000Z'],
    ['Senin, 14 Nov 2022 | 17:48 WIB', '2022-11-14T10:48:00.000Z'],
    ['12 Nop 2021 08.30 WITA', '2021-11-12T00:30:00.000Z'],
    ['1 Nov 2022 09:00 WIT', '2022-11-01T00:00:00.000Z'],
    ['3 Agu 2022', '2022-08-02T17:00:00.000Z'],
    ['3 Agt 2022', '2022-08-02T17:00:00.000Z'],
    ['3 Ags 2022', '2022-08-02T17:00:00.000Z'],
    ['5 Okt 2022 10:00', '2022-10-05T03:00:00.000Z'],
    ['24 Des 2021 19:30 WIB', '2021-12-24T12:30:00.000Z'],
    ['Minggu, 1 Mei 2022', '2022-04-30T17:00:00.000Z'],
    ['Selasa (11/10)', '2022-10-10T17:00:00.000Z'],
    ['Selasa (08/11) 14:30 WIB', '2022-11-08T07:30:00.000Z'],
    ['2 jam lalu', '2022-11-14T10:00:00.000Z'],
    ['30 menit yang lalu', '2022-11-14T11:30:00.000Z'],
    ['kemarin', '2022-11-12T17:00:00.000Z'],
  ])('"%s" is read as %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  test('a day/month date takes the latest year that does not put it after now', () => {
    expect(iso('(29/01)')).toBe('2022-01-28T17:00:00.000Z');
    expect(iso('(29/01)', { timezone: 'Asia/Jakarta', now: new Date('2023-01-30T00:00:00Z') })).toBe('2023-01-28T17:00:00.000Z');
  });

  test('a day name with a day/month date picks last year when only last year falls on that day', () => {
    // 11 October 2022 was a Tuesday, 11 October 2021 a Monday.
    expect(iso('Senin (11/10)')).toBe('2021-10-10T17:00:00.000Z');
  });

  test('times without a zone are read in the requested zone, daylight saving included', () => {
    expect(iso('11 Oktober 2022 5:50pm', { timezone: 'Asia/Makassar', now })).toBe('2022-10-11T09:50:00.000Z');
    expect(iso('11 Oktober 2022 5:50pm', { timezone: 'Europe/Amsterdam', now })).toBe('2022-10-11T15:50:00.000Z');
    expect(iso('5 Desember 2021 10:00', { timezone: 'Europe/Amsterdam', now })).toBe('2021-12-05T09:00:00.000Z');
    expect(iso('5 Desember 2021 10:00 WIB', { timezone: 'Europe/Amsterdam', now })).toBe('2021-12-05T03:00:00.000Z');
  });

  test('a date more than a few minutes in the future is refused', () => {
    expect(iso('16 November 2022')).toBeNull();
    expect(iso('14 Nov 2022 19:30')).toBeNull();
    expect(iso('14 Nov 2022 19:03')).toBe('2022-11-14T12:03:00.000Z');
  });

  test('text without a date gives null', () => {
    expect(iso('Halaman tidak ditemukan')).toBeNull();
    expect(iso('')).toBeNull();
  });

  test('machine dates keep their zone and precision, and zoneless ones are read in the requested zone', () => {
    expect(parseMachineDate('2022-11-14T10:15:30.250+07:00', jakarta)?.toISOString()).toBe('2022-11-14T03:15:30.250Z');
    expect(parseMachineDate('2022-11-14 10:15:00', jakarta)?.toISOString()).toBe('2022-11-14T03:15:00.000Z');
    expect(parseMachineDate('Mon, 14 Nov 2022 10:15:00 +0700', jakarta)?.toISOString()).toBe('2022-11-14T03:15:00.000Z');
    expect(parseMachineDate('2030-01-01T00:00:00Z', jakarta)).toBeNull();
  });
});

describe('view counters', () => {
  test.each([
    ['644 kali dilihat', 644],
    ['Di baca 1481 kali', 1481],
    ['Dibaca 1.481 kali', 1481],
    ['dibaca: 2.300x', 2300],
    ['1,2 rb kali dibaca', 1200],
    ['3 ribu kali dibaca', 3000],
    ['1,5 jt kali dilihat', 1_500_000],
    ['Views: 5,432', 5432],
    ['2.3K views', 2300],
    ['Senin (16/11) · Humas Pemkot Padang · Di baca 603 kali', 603],
  ])('"%s" counts %i views', (text, expected) => {
    expect(parseViewCount(text)).toBe(expected);
  });

  test.each(['Dibaca 5 menit', 'Waktu baca: 4 menit', 'Presiden membaca 3 laporan', ''])('"%s" is not a view counter', (text) => {
    expect(parseViewCount(text)).toBeNull();
  });
});

describe('page chrome is not article text', () => {
  const paragraphs = (body: string) => body.split('\n\n');
  const expectNone = (body: string, chrome: string[]) => {
    for (const c of chrome) expect(body, `body should not contain "${c}"`).not.toContain(c);
  };

  test('a national agency page loses its "Baca juga" inserts, credits, share bar and related list but keeps every paragraph', () => {
    const url = 'https://kbn.example/berita/31415/kominfo-ajak-pelaku-umkm-ramaikan-presidensi-g20';
    const a = extractArticle(page('nasional-kantor-berita.html'), url, { now })!;
    expect(a.title).toBe('Kominfo ajak pelaku UMKM ramaikan Presidensi G20 lewat lokapasar');
    expect(a.author).toBe('Larasati Widya');
    expect(a.publishedAt?.toISOString()).toBe('2022-11-14T09:05:00.000Z');
    expect(a.views).toBe(2310);
    expect(a.language).toBe('id');
    expect(a.canonicalUrl).toBe(url);
    expect(paragraphs(a.body)).toHaveLength(6);
    expect(a.body.startsWith('Jakarta (KBN) - Kementerian Komunikasi')).toBe(true);
    expect(a.body.endsWith('terutama kerajinan dan kuliner daerah.')).toBe(true);
    expectNone(a.body, ['Baca juga', 'Baca Juga', 'Simak juga', 'Pewarta', 'Editor:', 'COPYRIGHT', 'Berita Terkait', 'Terpopuler', 'Bagikan', 'Google News', 'Dibaca', 'Beranda', 'Pedoman Media Siber', 'KBN/Dokumentasi']);
  });

  test('a regional government portal gives the "Selasa (11/10)" date, the humas author and "Di baca" count, without its widgets', () => {
    const a = extractArticle(page('pemkot-portal.html'), 'https://tanjungharapan.example/berita/9921', { now })!;
    expect(a.title).toBe('Wali Kota Minta OPD Sebarkan Informasi G20 dengan Bahasa Sederhana');
    expect(a.author).toBe('Humas Pemkot Tanjung Harapan');
    expect(a.publishedAt?.toISOString()).toBe('2022-10-10T17:00:00.000Z');
    expect(a.views).toBe(1481);
    expect(a.language).toBe('id');
    expect(paragraphs(a.body)).toHaveLength(6);
    expect(a.body).toContain('di Aula Balai Kota, Selasa (11/10). Rapat diikuti');
    expectNone(a.body, ['Di baca', 'Hitung Mundur', 'Pemilu', 'Cek DPT', 'Beranda', 'Bagaimana tanggapan', 'Senang', 'Kecewa', 'Terpopuler', 'Penghargaan Keterbukaan', 'Dinas Komunikasi dan Informatika Kota']);
  });

  test('a minified local news page gives "2 jam lalu" and "1,2 rb" and drops the election tally and Telegram, Google News and app plugs', () => {
    const url = 'https://kabarlembah.example/daerah/2022/11/warga-lembah-hijau-gelar-lomba-kampung-bersih?utm_source=wa';
    const a = extractArticle(page('lokal-kabar-lembah.html'), url, { now })!;
    expect(a.title).toBe('Warga Lembah Hijau Gelar Lomba Kampung Bersih Sambut KTT G20');
    expect(a.author).toBe('Dedi Kurniawan');
    expect(a.publishedAt?.toISOString()).toBe('2022-11-14T10:00:00.000Z');
    expect(a.views).toBe(1200);
    expect(a.canonicalUrl).toBe('https://kabarlembah.example/daerah/2022/11/warga-lembah-hijau-gelar-lomba-kampung-bersih');
    expect(paragraphs(a.body)).toHaveLength(5);
    expect(a.body.endsWith('baliho yang berisi istilah-istilah asing.')).toBe(true);
    expectNone(a.body, ['Baca juga', 'Simak juga', 'Google News', 'Telegram', 't.me', 'Download aplikasi', 'Rekapitulasi', '58,6%', 'Komentar', 'Berita Terkait', 'Jembatan Gantung', 'Dark/Light', 'Penulis', '1,2 rb', 'jam lalu']);
  });

  test('a provincial humas page with a meta list reads author, date with "5:50pm", and "kali dilihat", and drops the reactions', () => {
    const a = extractArticle(page('provinsi-humas.html'), 'https://humas.kalraya.example/berita/pelajar-duta-g20', { now })!;
    expect(a.title).toBe('Pelajar Diajak Jadi Duta Informasi G20 di Sekolah');
    expect(a.author).toBe('prabawati');
    expect(a.publishedAt?.toISOString()).toBe('2022-10-11T10:50:00.000Z');
    expect(a.views).toBe(644);
    expect(paragraphs(a.body)).toHaveLength(4);
    expectNone(a.body, ['prabawati', 'kali dilihat', '5:50pm', 'Bagaimana pendapat', 'Humas Provinsi']);
  });

  test('the chrome is removed from the DOM itself, before Readability sees it', () => {
    const document = parseHTML(page('nasional-kantor-berita.html')).document as unknown as Document;
    normalizeBreaks(document);
    stripChrome(document);
    const text = document.body.textContent ?? '';
    expect(text).toContain('Jakarta (KBN) - Kementerian Komunikasi');
    expectNone(text, ['Baca juga', 'Baca Juga', 'Simak juga', 'Pewarta', 'Berita Terkait', 'Bagikan', 'Google News', 'Dibaca 2.310 kali', 'Terpopuler']);
  });

  test.each([
    ['Baca juga: Pakar: Literasi digital harus sampai ke desa', true],
    ['Baca Juga : Menkominfo minta pemda perkuat kanal informasi', true],
    ['Pewarta: Larasati Widya', true],
    ['Copyright © ANTARA 2022', true],
    ['Bagikan berita ke :', true],
    ['Senin (16/11) · Humas Pemkot Padang · Di baca 603 kali', true],
    ['Oleh karena itu, Usman berharap akan terjalin kolaborasi baik.', false],
    ['Rapat digelar secara virtual, Selasa (11/10), dan diikuti 277 peserta.', false],
    ['Ia menyebut sedikitnya 1.200 warga sudah dilayani petugas.', false],
  ])('"%s" is chrome: %s', (line, chrome) => {
    expect(isChromeLine(line)).toBe(chrome);
  });

  test('a page of nothing but chrome gives null', () => {
    const links = Array.from({ length: 8 }, (_, i) => `<li><a href="/b/${i}">Judul berita terkait nomor ${i} tentang Presidensi G20 di daerah</a></li>`).join('');
    const html = `<html lang="id"><body><nav>Beranda Nasional Daerah</nav><h3>Berita Terkait</h3><ul>${links}</ul>
      <p>Ikuti kami di Google News untuk mendapatkan berita terbaru setiap hari dari redaksi kami yang terpercaya.</p>
      <p>Copyright © 2022 Kabar Demo. Seluruh hak cipta dilindungi undang-undang dan tidak boleh disalin tanpa izin.</p></body></html>`;
    expect(extractArticle(html, 'https://x.example/a', { now })).toBeNull();
  });

  test('a published time in the future is ignored and the page falls back to none', () => {
    const html = page('nasional-kantor-berita.html').replace('2022-11-14T16:05:00+07:00', '2030-01-01T08:00:00+07:00');
    const withoutVisibleDate = html.replace('Senin, 14 November 2022 16:05 WIB', '');
    expect(extractArticle(withoutVisibleDate, 'https://kbn.example/a', { now })!.publishedAt).toBeNull();
    expect(extractArticle(html, 'https://kbn.example/a', { now })!.publishedAt?.toISOString()).toBe('2022-11-14T09:05:00.000Z');
  });
});

describe('language', () => {
  test('stopword frequencies tell Indonesian from English, and short text is not called', () => {
    expect(detectLanguage(INDONESIAN)).toBe('id');
    expect(detectLanguage(ENGLISH)).toBe('en');
    expect(detectLanguage('G20 Bali 2022')).toBeNull();
  });

  test('the declared language wins unless the text contradicts it', () => {
    expect(pickLanguage('id-ID', INDONESIAN)).toBe('id');
    expect(pickLanguage('en-US', INDONESIAN)).toBe('id');
    expect(pickLanguage('ms', INDONESIAN)).toBe('ms');
    expect(pickLanguage('in', '')).toBe('id');
    expect(pickLanguage(null, ENGLISH)).toBe('en');
    expect(pickLanguage('id', ENGLISH)).toBe('en');
  });
});

describe('charset', () => {
  const latinPage = '<!doctype html><html><head><meta charset="windows-1252"><title>Kafé</title></head><body><p>Harga kopi “Rindu” di kafé itu Rp25.000 — naik 10%.</p></body></html>';

  test('a windows-1252 page declared only in <meta charset> decodes with its curly quotes and dashes', () => {
    const bytes = iconv.encode(latinPage, 'windows-1252');
    expect(bytes.includes(0x93)).toBe(true);
    expect(decodeHtml(bytes, 'text/html')).toBe(latinPage);
  });

  test('iso-8859-1 in http-equiv is decoded as windows-1252, as browsers do', () => {
    const html = latinPage.replace('<meta charset="windows-1252">', '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">');
    expect(decodeHtml(iconv.encode(html, 'windows-1252'), null)).toBe(html);
  });

  test('the Content-Type header outranks the meta tag, and a byte-order mark outranks both', () => {
    const html = latinPage.replace('windows-1252', 'utf-8');
    expect(decodeHtml(iconv.encode(html, 'windows-1252'), 'text/html; charset=Windows-1252')).toBe(html);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(latinPage, 'utf8')]);
    expect(decodeHtml(withBom, 'text/html; charset=iso-8859-1')).toBe(latinPage);
  });

  test('invalid UTF-8 bytes become replacement characters and the rest survives', () => {
    const bytes = Buffer.concat([Buffer.from('<p>Harga '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' naik</p>')]);
    expect(decodeHtml(bytes, 'text/html; charset=utf-8')).toBe('<p>Harga \uFFFD(\uFFFD naik</p>');
  });

  test('NUL bytes are dropped', () => {
    expect(decodeHtml(Buffer.from('<p>Ka\0bar\0 Lembah</p>'), null)).toBe('<p>Kabar Lembah</p>');
  });

  test('a whole windows-1252 news page decodes and extracts', () => {
    const html = page('nasional-kantor-berita.html').replace('<meta charset="utf-8">', '<meta charset="windows-1252">');
    const a = extractArticle(decodeHtml(iconv.encode(html, 'windows-1252'), 'text/html'), 'https://kbn.example/a', { now })!;
    expect(a.body).toContain('“Kalau kita hanya bicara di forum resmi');
    expect(a.body).not.toContain('\uFFFD');
  });
});
