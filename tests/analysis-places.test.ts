import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PLACES_ATTRIBUTION, explainPlaces, findPlaces, getPlace, provinceOf } from '../analysis/places.js';

const codes = (text: string) => findPlaces(text).map((p) => p.code);

describe('findPlaces: names', () => {
  test('a regional news sentence yields the city and the province with their names, surface text and weight', () => {
    const places = findPlaces('Pemkot Samarinda bersama Pemprov Kalimantan Timur meninjau banjir di Sempaja.');
    expect(places).toEqual([
      { code: '64.72', name: 'Kota Samarinda', kind: 'regency', provinceCode: '64', provinceName: 'Kalimantan Timur', matched: 'Pemkot Samarinda', count: 1, primary: true, score: 2, why: 'short text' },
      { code: '64', name: 'Kalimantan Timur', kind: 'province', provinceCode: '64', provinceName: 'Kalimantan Timur', matched: 'Pemprov Kalimantan Timur', count: 1, primary: false, score: 2, why: 'short text' },
    ]);
  });

  test.each([
    ['Mudik ke Jogja tahun ini', '34'],
    ['Car free day di Solo ramai', '33.72'],
    ['Pemprov Jatim menyiapkan bantuan', '35'],
    ['Wisatawan memadati Labuan Bajo', '53.15'],
    ['KTT digelar di Nusa Dua', '51.03'],
    ['Macet parah di Jaksel', '31.74'],
    ['Produksi tambang di Kukar naik', '64.02'],
  ])('the everyday name in "%s" maps to %s', (text, code) => {
    expect(codes(text)).toEqual([code]);
  });

  test('the longest name wins and its words are not matched again', () => {
    expect(codes('Gempa di Nusa Tenggara Barat')).toEqual(['52']);
    expect(codes('Banjir di Kabupaten Aceh Selatan')).toEqual(['11.01']);
    expect(codes('Pilkada Jawa Barat')).toEqual(['32']);
    expect(codes('Warga Bandung Barat')).toEqual(['32.17']);
    expect(codes('DKI Jakarta dan Jakarta Selatan')).toEqual(['31', '31.74']);
  });

  test('a bare name shared by a kota and a kabupaten means the kota; the prefix picks the kabupaten', () => {
    expect(codes('Hujan di Bandung')).toEqual(['32.73']);
    expect(codes('Kabupaten Bandung')).toEqual(['32.04']);
    expect(codes('Kab. Bandung')).toEqual(['32.04']);
    expect(codes('Pemkab Bandung')).toEqual(['32.04']);
    expect(codes('Bupati Malang dan Wali Kota Malang')).toEqual(['35.07', '35.73']);
    for (const name of ['Bogor', 'Bekasi', 'Semarang', 'Kediri', 'Tegal', 'Cirebon', 'Tangerang', 'Jayapura', 'Kupang', 'Sorong']) {
      expect(findPlaces(`di ${name}`).map((p) => p.name)).toEqual([`Kota ${name}`]);
    }
  });

  test('a bare name shared by a province and a city means the province', () => {
    expect(codes('Jambi, Bengkulu, Gorontalo')).toEqual(['15', '17', '75']);
    expect(codes('Kota Jambi')).toEqual(['15.71']);
  });

  test('names match only as whole words', () => {
    expect(codes('Prasasti Kerajaan Medang')).toEqual([]);
    expect(codes('Balinese dancers and Jakartans')).toEqual([]);
    expect(codes('Sumatera-Barat')).toEqual(['13']);
    expect(codes('Jawa, Barat')).toEqual([]);
  });

  test('place names that are everyday words need capitals or a prefix', () => {
    expect(codes('rumah dari batu bata di medan perang, nasib malang, agam, lontong kupang, alat penajam')).toEqual([]);
    expect(codes('Israel Serang Gaza')).toEqual([]);
    expect(codes('Kota Batu, Medan, Agam, Pemkab Serang')).toEqual(['35.79', '12.71', '13.06', '36.04']);
  });

  test('phrases that contain a place name but are not about it are ignored', () => {
    expect(codes('Roh Kudus; Selat Malaka; Papua Nugini; ketok palu APBD')).toEqual([]);
    expect(codes('kantornya di Jalan Sulawesi dekat Jl. Raya Bogor')).toEqual([]);
  });

  test('repeated mentions are counted on the first one, the most mentioned first', () => {
    const places = findPlaces('surabaya panas. Kota Surabaya dan Jatim; Surabaya lagi, #JawaTimur.');
    expect(places.map((p) => [p.code, p.matched, p.count])).toEqual([
      ['35.78', 'surabaya', 3],
      ['35', 'Jatim', 2],
    ]);
  });

  test('empty text and text without places give no places', () => {
    expect(findPlaces('')).toEqual([]);
    expect(findPlaces('Harga beras naik lagi, kata warga.')).toEqual([]);
  });
});

/** Sentences with no place in them, to give a test story the length of a news article. */
const FILLER = [
  'Petugas masih mendata kerugian yang dialami warga dan pelaku usaha di lokasi.',
  'Warga diminta tetap waspada dan mengikuti informasi resmi dari pemerintah setempat.',
  'Sejumlah relawan ikut membantu membagikan makanan dan air bersih kepada warga terdampak.',
  'Pemerintah berjanji mengevaluasi penanganan setelah masa tanggap darurat berakhir.',
  'Menurut warga, kejadian serupa sudah beberapa kali terjadi dalam lima tahun terakhir.',
  'Data sementara akan diperbarui setiap hari sampai seluruh laporan masuk.',
];

/** A news story: a lead paragraph, then the given paragraphs between place-free ones (about 150 words). */
function story(lead: string, ...paragraphs: string[]): string {
  const out = [lead];
  paragraphs.forEach((p, i) => out.push(FILLER[i % FILLER.length]!, p));
  for (let i = paragraphs.length; out.join(' ').split(/\s+/).length < 150; i++) out.push(FILLER[i % FILLER.length]!);
  return out.join('\n\n');
}

const provinces = (text: string, title?: string) => [...new Set(findPlaces(text, { title }).map((p) => p.provinceCode))];
const why = (text: string, name: string) => explainPlaces(text).setAside.filter((s) => s.matched === name).map((s) => s.why);

describe('findPlaces: what a story is about', () => {
  test.each([
    ['JAKARTA, KOMPAS.com - Harga cabai di Kota Medan naik dua kali lipat.'],
    ['Jakarta (ANTARA) - Harga cabai di Kota Medan naik dua kali lipat.'],
    ['SURABAYA, Tribunnews.com - Harga cabai di Kota Medan naik dua kali lipat.'],
    ['TEMPO.CO, Jakarta - Harga cabai di Kota Medan naik dua kali lipat.'],
    ['Jakarta, CNN Indonesia -- Harga cabai di Kota Medan naik dua kali lipat.'],
    ['Bandung - Harga cabai di Kota Medan naik dua kali lipat.'],
    ['JAKARTA, KOMPAS.com -\n\nHarga cabai di Kota Medan naik dua kali lipat.'],
    ['KONTAN.CO.ID - JAKARTA. Harga cabai di Kota Medan naik dua kali lipat.'],
    ['Jakarta: Harga cabai di Kota Medan naik dua kali lipat.'],
    ['Laporan Wartawan Tribun Jabar\n\nTRIBUNJABAR.ID, BANDUNG - Harga cabai di Kota Medan naik dua kali lipat.'],
    ['SIARAN PERS\n\nJakarta, 12 Oktober 2022\n\nHarga cabai di Kota Medan naik dua kali lipat.'],
  ])('the dateline of "%s" is where the outlet filed, not what the story is about', (text) => {
    expect(provinces(story(text))).toEqual(['12']);
  });

  test('a short item keeps its dateline out when it names its outlet; a post that starts "Bandung - " has none', () => {
    expect(provinces('JAKARTA, KOMPAS.com - Harga cabai di Kota Medan naik dua kali lipat.')).toEqual(['12']);
    expect(provinces('Jakarta (ANTARA) - Harga cabai di Kota Medan naik.')).toEqual(['12']);
    expect(provinces('Bandung - macet parah lagi di Pasteur, capek')).toEqual(['32']);
    expect(provinces('Dari Kupang: beras naik lagi')).toEqual(['53']);
  });

  test('a story filed from Jakarta about no province in particular has no places', () => {
    expect(findPlaces(story('Jakarta (ANTARA) - Kementerian Kominfo mengajak pemengaruh menyebarkan manfaat Presidensi G20 kepada masyarakat.'))).toEqual([]);
  });

  test('"Baca juga" lines, footers, tags and addresses are the outlet\'s, not the story\'s', () => {
    const text = story(
      'Banjir merendam ratusan rumah di Kabupaten Demak, Jawa Tengah, sejak Selasa malam.',
      'Baca juga: Rob Setinggi Lutut Genangi Jakarta Utara',
      'BACA JUGA: Gempa Guncang Sukabumi',
    );
    const footer = '\n\nArtikel ini telah tayang di Kompas.com dengan judul Banjir Bandang di Garut.\n\nPewarta: Ahmad\nEditor: Budi Surabaya\nCOPYRIGHT © ANTARA 2023';
    const address = '\n\nKantor Redaksi: Jl. Palmerah Selatan 26-28, Jakarta 10270, Telp (021) 5350377';
    expect(provinces(text + footer + address)).toEqual(['33']);
    expect(why(text + footer, 'Jakarta Utara')).toEqual(['boilerplate']);
    expect(why(text + footer, 'Garut')).toEqual(['boilerplate']);
    expect(provinces('Tags: Jakarta, Banjir, Cuaca')).toEqual([]);
  });

  test('where a statement or press conference was given is not what the story is about', () => {
    expect(provinces(story('Gempa merusak 300 rumah di Kabupaten Cianjur, Jawa Barat.', '"Pencarian masih berjalan," kata Suharyanto dalam konferensi pers di Graha BNPB, Jakarta, Senin (28/11).'))).toEqual(['32']);
    expect(provinces(story('Harga beras di Kota Makassar naik dua pekan terakhir.', 'Hal itu disampaikan Kepala Dinas dalam keterangan tertulis di Jayapura, Senin.'))).toEqual(['73']);
    expect(provinces(story('Sawah di Kabupaten Indramayu kekeringan.', '"Kami kirim pompa," ujar Dadan saat ditemui di Gedung Sate, Bandung, Rabu.', 'Dinas di Semarang, kata dia, sedang menyiapkan bantuan.'))).toEqual(['32']);
    expect(provinces('"Kami siap," kata Menteri di Jakarta, Senin (12/9).')).toEqual([]);
    expect(provinces('The minister said in Jakarta on Monday that the plan is ready.')).toEqual([]);
    expect(why('Presiden melantik menteri di Istana Negara, Jakarta, Rabu.', 'Jakarta')).toEqual(['where the national government sits']);
  });

  test('a place that is where the news happened still counts when someone speaks about it', () => {
    expect(provinces('Banjir melanda Jakarta, kata petugas, Senin.')).toEqual(['31']);
    expect(provinces('Kata dia, di Jakarta harga cabai naik lagi.')).toEqual(['31']);
    expect(provinces('Ribuan buruh berunjuk rasa di depan Gedung DPR, Jakarta, Senin.')).toEqual(['31']);
  });

  test('dishes and products named after a place do not count', () => {
    expect(codes('Warung nasi Padang, soto Lamongan, sate Madura, pempek Palembang dan coto Makassar laris manis')).toEqual([]);
    expect(codes('oleh-oleh khas Bandung dan bahasa Bali')).toEqual([]);
    expect(codes('Makan siang di Padang, lalu rapat di Lamongan')).toEqual(['13.71', '35.24']);
    expect(codes('Petani mangga Indramayu gagal panen')).toEqual(['32.12']);
  });

  test('organisations, clubs, outlets and web addresses named after a place do not count', () => {
    expect(codes('Bank Jateng, Bank DKI dan PT Semen Padang mencatat laba')).toEqual([]);
    expect(codes('pengamat dari Universitas Airlangga Surabaya dan Institut Teknologi Bandung')).toEqual([]);
    expect(codes('Pakar Universitas Gadjah Mada (UGM) Yogyakarta menilai')).toEqual([]);
    expect(codes('Persib Bandung menjamu Persija Jakarta, Bali United dan Borneo FC Samarinda')).toEqual([]);
    expect(codes('dilaporkan Tribun Jabar, Radar Bogor, Bali Post dan Pos-Kupang.com')).toEqual([]);
    expect(codes('Bank Indonesia Perwakilan Jawa Timur mencatat inflasi')).toEqual(['35']);
    expect(codes('Bank Indonesia (BI) Jawa Timur mencatat inflasi')).toEqual(['35']);
  });

  test('a Jakarta district that shares a regency\'s name is Jakarta, and the regency needs its province', () => {
    expect(codes('Kemacetan di Jalan HR Rasuna Said, Kuningan, Jakarta Selatan')).toEqual(['31.74']);
    expect(codes('Kantornya di kawasan Mega Kuningan')).toEqual([]);
    expect(codes('Macet dari arah Kuningan menuju Menteng')).toEqual([]);
    expect(codes('Warga Kuningan, Jawa Barat, menolak tambang')).toEqual(['32.08', '32']);
    expect(codes('Bupati Kuningan meninjau sawah')).toEqual(['32.08']);
  });

  test('names that are people\'s names count only as places', () => {
    expect(codes('Wali Kota Bogor Bima Arya menata angkot; kata Bima, uji coba berhasil')).toEqual(['32.71']);
    expect(codes('Irjen Pol Teddy Minahasa diperiksa. Teddy Minahasa membantah tuduhan itu.')).toEqual([]);
    expect(codes('Banjir bandang di Kota Bima. Warga Bima mengungsi.')).toEqual(['52.72']);
    expect(codes('Karo Penmas Divisi Humas Polri memberi keterangan')).toEqual([]);
  });

  test('an everyday word that is a place needs its province named elsewhere when capitals say nothing', () => {
    expect(provinces(story('Petani garam merugi karena harga anjlok.'), 'Nasib Malang Petani Garam')).toEqual([]);
    expect(provinces(story('Petani garam di Jawa Timur merugi karena harga anjlok.'), 'Nasib Malang Petani Garam')).toEqual(['35']);
    expect(provinces(story('Petani merugi. Malang nian nasib mereka tahun ini.'))).toEqual([]);
    expect(provinces('Malang macet parah sore ini')).toEqual(['35']);
  });

  test('a place named once in passing deep in a story centred elsewhere does not count', () => {
    const text = story(
      'Banjir rob merendam ribuan rumah di Kota Semarang, Jawa Tengah, sejak Selasa malam.',
      'Di Semarang Utara, warga mengungsi ke rumah kerabat.',
      'Kondisi serupa pernah terjadi di Jakarta Utara tahun lalu.',
    );
    expect(provinces(text)).toEqual(['33']);
    expect(why(text, 'Jakarta Utara')).toEqual(['named once, in passing']);
  });

  test('a place the story comes back to counts even outside the lead, unless another dwarfs it', () => {
    const riau = 'Kabut asap menyelimuti Kota Pekanbaru, Riau, sejak Minggu.';
    expect(provinces(story(riau, 'Sebagian asap berasal dari kebakaran di Jambi.', 'Di Jambi, lahan gambut terbakar 1.000 hektare.'))).toEqual(['14', '15']);
    const riauAgain = ['Di Pekanbaru sekolah libur.', 'Bandara Pekanbaru tutup.', 'Riau siaga.', 'Asap di Riau pekat.', 'Dinas Riau membagikan masker.', 'Riau meminta bantuan.'];
    const dominated = story(riau, ...riauAgain, ...riauAgain, 'Sama seperti di Jambi dulu.', 'Jambi pernah begini.');
    expect(provinces(dominated)).toEqual(['14']);
  });

  test('"di Jakarta, Senin" in the lead is where and when something happened: alone it does not make the story about Jakarta', () => {
    expect(provinces(story('Presiden meluncurkan program makan siang gratis di Jakarta, Senin (6/1), untuk seluruh sekolah dasar negeri.'))).toEqual([]);
    expect(provinces(story('Banjir merendam 20 RT di Jakarta, Senin, setelah hujan deras semalaman.', 'Di Jakarta Timur, warga mengungsi ke masjid.'))).toEqual(['31']);
  });

  test('a province given once in the lead is dropped only when another dwarfs it', () => {
    const demak = 'Banjir di Demak terus meluas.';
    const text = story('Setelah berhasil di Bali, program tanggul laut kini dibangun di Kabupaten Demak, Jawa Tengah.', ...Array(11).fill(demak));
    expect(provinces(text)).toEqual(['33']);
    expect(provinces(story('Setelah berhasil di Bali, program tanggul laut kini dibangun di Kabupaten Demak, Jawa Tengah.', demak))).toEqual(['33', '51']);
  });

  test('a story that names no province in its headline or lead, and none twice, is about the one it gives an address for', () => {
    const text = story('Presiden meninjau langsung lokasi banjir bandang dan bertemu para pengungsi, Kamis pagi.', 'Banjir itu melanda Kabupaten Luwu Utara, Sulawesi Selatan, sepekan lalu.', 'Bantuan juga datang dari Jakarta.');
    expect(provinces(text)).toEqual(['73']);
  });

  test('the headline counts: a place in it is kept and outweighs a passing one', () => {
    const text = story('Ratusan warga mengungsi sejak Senin pagi.', 'Tim SAR dari Jakarta ikut membantu evakuasi, juga relawan dari Jakarta Timur.');
    expect(findPlaces(text, { title: 'Longsor di Garut, Ratusan Warga Mengungsi' }).map((p) => [p.code, p.primary])).toEqual([
      ['32.05', true],
      ['31', false],
      ['31.75', false],
    ]);
  });

  test('the primary province has the most weight and comes first, marked, whatever was named first', () => {
    const text = story(
      'Ribuan pemudik dari Jakarta mulai memadati jalur selatan menuju Kabupaten Banyumas, Jawa Tengah, sejak Kamis pagi hingga malam hari.',
      'Di Banyumas, posko kesehatan disiapkan di sepanjang jalur.',
      'Pemkab Banyumas juga menambah petugas di terminal.',
    );
    const places = findPlaces(text);
    expect(places[0]).toMatchObject({ code: '33.02', primary: true });
    expect(places.filter((p) => p.primary)).toHaveLength(1);
    expect([...new Set(places.map((p) => p.provinceCode))]).toEqual(['33', '31']);
    expect(places[0]!.why).toBe('lead, 3 sentences');
  });

  test('a headline given apart reads the same as the headline as the first paragraph', () => {
    const text = story('JAKARTA, KOMPAS.com - Ratusan rumah terendam banjir di Kabupaten Demak.', 'Kemarin hujan deras di Demak.');
    const title = 'Banjir Rendam Demak, Warga Mengungsi';
    expect(findPlaces(text, { title })).toEqual(findPlaces(`${title}.\n\n${text}`));
  });

  test('in a short post every place it names counts, datelines and venues aside', () => {
    expect(provinces('Dari Kupang: minyak tanah & beras naik, G20 katong cuma dengar di radio')).toEqual(['53']);
    expect(provinces('macet di jaksel, banjir di Bekasi, mudik ke Jogja')).toEqual(['31', '32', '34']);
    expect(provinces('MEDAN BANJIR LAGI')).toEqual(['12']);
  });

  test('explainPlaces says why each name was set aside', () => {
    const { places, setAside } = explainPlaces('SURABAYA, Tribunnews.com - Pedagang nasi Padang di Pasar Turi, Kota Surabaya, mengungsi.');
    expect(places.map((p) => p.code)).toEqual(['35.78']);
    expect(setAside.map((s) => [s.matched, s.why])).toEqual([
      ['SURABAYA', 'dateline'],
      ['Padang', '"nasi Padang" is a dish or product'],
    ]);
  });
});

describe('places data', () => {
  const dataDir = path.join(path.dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');
  const csvCodes = (file: string) => fs.readFileSync(path.join(dataDir, file), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
  const aliasRows = fs
    .readFileSync(new URL('../analysis/lexicons/place-aliases.tsv', import.meta.url), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'));

  test('every alias names a code that exists in idn-area-data with the same kind', () => {
    const known = { province: new Set(csvCodes('provinces.csv')), regency: new Set(csvCodes('regencies.csv')) };
    expect(aliasRows.length).toBeGreaterThanOrEqual(80);
    for (const [alias, kind, code] of aliasRows) {
      expect(kind === 'province' || kind === 'regency', `${alias}: kind ${kind}`).toBe(true);
      expect(known[kind as 'province' | 'regency'].has(code), `${alias} → ${kind} ${code}`).toBe(true);
    }
  });

  test('every alias is found in text by itself', () => {
    for (const [alias, , code] of aliasRows) expect(codes(`Kabar dari ${alias} hari ini`), alias).toEqual([code]);
  });

  test('a place knows its province, and the attribution names the source and its licence', () => {
    expect(getPlace('35.78')?.name).toBe('Kota Surabaya');
    expect(provinceOf('35.78')?.name).toBe('Jawa Timur');
    expect(provinceOf('35')?.code).toBe('35');
    expect(getPlace('99')).toBeUndefined();
    expect(PLACES_ATTRIBUTION).toMatch(/idn-area-data/);
    expect(PLACES_ATTRIBUTION).toMatch(/Open Database License \(ODbL\)/);
  });
});
