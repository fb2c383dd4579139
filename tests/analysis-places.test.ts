import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PLACES_ATTRIBUTION, findPlaces, getPlace, provinceOf } from '../analysis/places.js';

const codes = (text: string) => findPlaces(text).map((p) => p.code);

describe('findPlaces', () => {
  test('a regional news sentence yields the city and the province with their names and surface text', () => {
    const places = findPlaces('Pemkot Samarinda bersama Pemprov Kalimantan Timur meninjau banjir di Sempaja.');
    expect(places).toEqual([
      { code: '64.72', name: 'Kota Samarinda', kind: 'regency', provinceCode: '64', provinceName: 'Kalimantan Timur', matched: 'Pemkot Samarinda', count: 1 },
      { code: '64', name: 'Kalimantan Timur', kind: 'province', provinceCode: '64', provinceName: 'Kalimantan Timur', matched: 'Pemprov Kalimantan Timur', count: 1 },
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

  test('repeated mentions are counted on the first one, in order of first mention', () => {
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
