import { describe, expect, test } from 'vitest';
import { analyzeRegister, type RegisterResult } from '../analysis/register.js';
import { tokenize } from '../analysis/tokenize.js';

const register = (text: string, kind?: 'news' | 'social') => analyzeRegister(tokenize(text), kind ? { kind } : {});
const pull = (r: RegisterResult, feature: string) => r.pulls.find((p) => p.feature === feature);

const PRESS_RELEASE =
  'Kantor Staf Presiden (KSP) bersama BPIP dan Kemensetneg terus bersinergi untuk mengakselerasi agenda prioritas ' +
  'Presidensi G20 Indonesia melalui orkestrasi lintas kementerian dan lembaga. Deputi V KSP menegaskan bahwa pemerintah ' +
  'akan mengimplementasikan kebijakan secara inklusif dan berkelanjutan, dan seluruh pemangku kepentingan perlu ' +
  'berkolaborasi guna mewujudkan transformasi digital serta memperkuat resiliensi ekonomi nasional di tengah ' +
  'ketidakpastian global. Sinergi dan diseminasi informasi yang komprehensif menjadi kunci keberhasilan sosialisasi.';

const CITIZEN_POST =
  'gila sih harga minyak goreng skrg, kemarin masih 14rb eh hari ini udah 24rb 😭 gaji gak naik2 tapi sembako ' +
  'naik terus. gue mau masak aja bingung dong wkwk';

const JAVANESE_POST = 'Piye iki, rego beras saiki mundhak meneh. Wong cilik kudu piye, ora iso tuku lawuh. Matur nuwun lho pak 😅';

describe('analyzeRegister', () => {
  test('a technocratic press release scores elitist and lists its jargon with plain alternatives', () => {
    const r = register(PRESS_RELEASE, 'news');
    expect(r.register).toBe('elitist');
    expect(r.grounding_score).toBeLessThan(0.3);
    const sinergi = r.jargon.find((j) => j.term === 'sinergi');
    expect(sinergi?.plain).toContain('kerja sama');
    expect(sinergi?.count).toBe(2); // "bersinergi" and "Sinergi"
    expect(pull(r, 'jargon')).toMatchObject({ direction: 'elitist' });
    expect(r.pulls[0]?.feature).toBe('jargon');
    expect(r.features.wordsPerSentence).toBeGreaterThan(20);
  });

  test('inflected jargon is found under its base term', () => {
    const r = register('Pemerintah akan mengimplementasikan aturan itu, lalu disosialisasikan dan dikoordinasikan.');
    expect(r.jargon.map((j) => j.term)).toEqual(expect.arrayContaining(['implementasi', 'sosialisasi', 'koordinasi']));
    expect(r.jargon.find((j) => j.term === 'implementasi')?.plain).toBe('pelaksanaan');
  });

  test('jargon is listed most frequent first', () => {
    const r = register('Kolaborasi, kolaborasi, dan kolaborasi. Regulasi baru soal regulasi. Sinergi.');
    expect(r.jargon.map((j) => [j.term, j.count])).toEqual([['kolaborasi', 3], ['regulasi', 2], ['sinergi', 1]]);
  });

  test('a citizen post with particles, first person and prices scores grounded', () => {
    const r = register(CITIZEN_POST, 'social');
    expect(r.register).toBe('grounded');
    expect(r.grounding_score).toBeGreaterThan(0.8);
    for (const feature of ['particles', 'personal', 'dailyLife', 'chat']) {
      expect(pull(r, feature)).toMatchObject({ direction: 'grounded' });
    }
    expect(pull(r, 'dailyLife')?.detail).toContain('minyak goreng');
    expect(r.jargon).toEqual([]);
  });

  test('everyday acronyms do not pull toward elitist while institution acronyms do', () => {
    const everyday = register('Warga antre BBM pakai KTP, pedagang UMKM juga ikut antre di sini.');
    const official = register('Warga antre bersama KSP dan BPIP, pedagang juga ikut antre di sini.');
    expect(everyday.features.acronymPer100).toBe(0);
    expect(pull(everyday, 'acronyms')).toBeUndefined();
    expect(pull(official, 'acronyms')).toMatchObject({ direction: 'elitist' });
    expect(pull(official, 'acronyms')?.detail).toMatch(/KSP.*BPIP|BPIP.*KSP/);
    expect(official.grounding_score).toBeLessThan(everyday.grounding_score);
  });

  test('institution names count with acronyms, but an everyday word that names one counts only as a name', () => {
    expect(pull(register('Rapat di Kemensetneg dihadiri Badan Pusat Statistik.'), 'acronyms')?.detail).toContain('Kemensetneg');
    expect(pull(register('Badan saya pegal semua habis kerja.'), 'acronyms')).toBeUndefined();
  });

  test('a sentence written in capitals is shouting, not a row of acronyms', () => {
    expect(pull(register('HARGA CABAI NAIK LAGI YA ALLAH'), 'acronyms')).toBeUndefined();
  });

  test('untranslated English pulls toward elitist', () => {
    const plain = register('Indonesia ingin pulih bersama dan bangkit lebih kuat untuk semua orang.');
    const english = register('Indonesia ingin pulih bersama, for the people and the planet, with strong partnerships.');
    expect(pull(english, 'english')).toMatchObject({ direction: 'elitist' });
    expect(pull(english, 'english')?.detail).toContain('the');
    expect(english.grounding_score).toBeLessThan(plain.grounding_score);
  });

  test('a Javanese post is grounded, and its regional words count although the tokenizer reads "ora" as "tidak"', () => {
    const r = register(JAVANESE_POST, 'social');
    expect(r.register).toBe('grounded');
    expect(r.grounding_score).toBeGreaterThan(0.8);
    const regional = pull(r, 'regional');
    expect(regional).toMatchObject({ direction: 'grounded' });
    expect(regional?.detail).toMatch(/^Jawa: .*piye/);
    expect(r.features.regionalPer100).toBeGreaterThan(20);
    expect(pull(register('Aku ora mau pergi.'), 'regional')?.detail).toBe('Jawa: ora');
  });

  test('the explanation lists pulls in both directions, and they add up to the distance from the middle', () => {
    const r = register(
      'Pemerintah kota menggelar operasi pasar untuk menjaga stabilitas harga lewat koordinasi dengan distributor. ' +
        '"Lumayan, beras di sini lebih murah. Buat kami sangat membantu," kata Rina, ibu rumah tangga.',
      'news',
    );
    const directions = new Set(r.pulls.map((p) => p.direction));
    expect(directions).toEqual(new Set(['elitist', 'grounded']));
    for (const p of r.pulls) {
      expect(p.weight).toBeGreaterThan(0);
      expect(p.detail.length).toBeGreaterThan(0);
    }
    const net = r.pulls.reduce((s, p) => s + (p.direction === 'grounded' ? p.weight : -p.weight), 0);
    expect(net).toBeCloseTo(r.grounding_score - 0.5, 2);
    expect(r.pulls.map((p) => p.weight)).toEqual([...r.pulls.map((p) => p.weight)].sort((a, b) => b - a));
  });

  test('multi-word jargon is matched as a phrase, not word by word', () => {
    const r = register('Semua pemangku kepentingan mendukung transformasi digital dan satu side-event di Bali.');
    expect(r.jargon.map((j) => j.term).sort()).toEqual(['pemangku kepentingan', 'side event', 'transformasi digital']);
    expect(r.jargon.find((j) => j.term === 'pemangku kepentingan')?.plain).toContain('pihak terkait');
    // Neither word of a phrase is jargon alone, nor across a comma.
    expect(register('Itu kepentingan pribadi. Pemangku adat, kepentingan warga.').jargon).toEqual([]);
  });

  test('a short text stays near the middle unless a strong signal moves it', () => {
    const neutral = register('G20 di Bali minggu depan').grounding_score;
    expect(neutral).toBeGreaterThan(0.4);
    expect(neutral).toBeLessThan(0.65);
    expect(register('Sinergi, kolaborasi, akselerasi!').grounding_score).toBeLessThan(0.42);
    expect(register('ora popo, matur nuwun').grounding_score).toBeGreaterThan(0.65);
  });

  test('the kind of source shifts the starting point slightly, news toward formal', () => {
    const news = register('Harga beras di pasar naik lagi minggu ini.', 'news').grounding_score;
    const social = register('Harga beras di pasar naik lagi minggu ini.', 'social').grounding_score;
    expect(news).toBeLessThan(social);
    expect(social - news).toBeLessThan(0.12);
  });

  test('scores stay within 0..1 for any text, empty included', () => {
    const texts = ['', '...', '😭😭😭', 'sih dong kok deh ya lho nih tuh yuk '.repeat(30), 'sinergi kolaborasi '.repeat(50), PRESS_RELEASE, CITIZEN_POST];
    for (const text of texts) {
      const r = register(text);
      expect(r.grounding_score).toBeGreaterThanOrEqual(0);
      expect(r.grounding_score).toBeLessThanOrEqual(1);
      expect(r.register).toBe(r.grounding_score >= 0.5 ? 'grounded' : 'elitist');
    }
    expect(register('').pulls).toEqual([]);
  });
});
