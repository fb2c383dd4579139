import { describe, expect, test } from 'vitest';
import { analyzeSentiment } from '../analysis/sentiment.js';
import { stemToken } from '../analysis/stem.js';
import { isStopword } from '../analysis/stopwords.js';
import { tokenize, words } from '../analysis/tokenize.js';

const sentiment = (text: string) => analyzeSentiment(tokenize(text));

describe('Indonesian tokens', () => {
  test('reduplication, elongation, chat spellings, hashtags, mentions and emoji come out as the words they stand for', () => {
    const tokens = tokenize('Gara2 harga naik bangeeet, gak masuk akal! anak-anak @kominfo #G20Indonesia 😡 gpp');
    expect(words(tokens)).toEqual(['gara-gara', 'harga', 'naik', 'banget', 'tidak', 'masuk', 'akal', 'anak-anak', 'tidak', 'apa-apa']);
    expect(tokens.find((t) => t.kind === 'mention')?.norm).toBe('@kominfo');
    expect(tokens.find((t) => t.kind === 'hashtag')?.norm).toBe('#g20indonesia');
    expect(tokens.find((t) => t.kind === 'emoji')?.raw).toBe('😡');
  });

  test('acronyms and names keep their form and are not stemmed; ordinary words are', () => {
    const tokens = tokenize('Pembangunan pasar di Samarinda didukung KSP dan pemerintahannya.');
    const byRaw = new Map(tokens.map((t) => [t.raw, t]));
    expect(byRaw.get('KSP')?.acronym).toBe(true);
    expect(stemToken(byRaw.get('KSP')!)).toBe('ksp');
    expect(stemToken(byRaw.get('Samarinda')!)).toBe('samarinda');
    expect(stemToken(byRaw.get('Pembangunan')!)).toBe('bangun'); // sentence-initial capital says nothing
    expect(stemToken(byRaw.get('didukung')!)).toBe('dukung');
  });

  test('negators, intensifiers and first person are not stopwords; function words are', () => {
    for (const w of ['tidak', 'bukan', 'belum', 'kurang', 'jangan', 'sangat', 'agak', 'saya', 'kita']) expect(isStopword(w)).toBe(false);
    for (const w of ['yang', 'dan', 'di', 'dengan']) expect(isStopword(w)).toBe(true);
  });
});

describe('sentiment', () => {
  test('negation flips polarity: "tidak bagus" is negative, "gak jelek kok" is not', () => {
    expect(sentiment('Pelayanannya bagus dan cepat').sentiment).toBe('positive');
    expect(sentiment('Pelayanannya tidak bagus dan tidak cepat').sentiment).toBe('negative');
    expect(sentiment('Makanannya gak jelek kok, enak malah').sentiment).toBe('positive');
  });

  test('slang is read through its standard spelling', () => {
    expect(sentiment('pelayanan di kantor kelurahan parah bgt, ribet, capek gue 😡').sentiment).toBe('negative');
    expect(sentiment('mantul bgt acaranya, keren pisan 👍').sentiment).toBe('positive');
  });

  test('after "tapi" the second half decides', () => {
    const mixed = sentiment('Acaranya megah sih, tapi harga cabai tetap mahal dan rakyat kecil makin susah');
    expect(mixed.sentiment).toBe('negative');
    expect(sentiment('Harganya agak mahal, tapi rasanya enak sekali dan pelayanannya ramah').sentiment).toBe('positive');
  });

  test('an intensifier makes a word count for more than a downtoner does', () => {
    const strong = sentiment('pelayanannya sangat buruk').score;
    const weak = sentiment('pelayanannya agak buruk').score;
    expect(strong).toBeLessThan(weak);
  });

  test('a factual announcement is neutral, and the explanation names the words that decided', () => {
    expect(sentiment('Rapat koordinasi persiapan KTT digelar Senin pukul 09.00 WITA di Nusa Dua', 'news').sentiment).toBe('neutral');
    const praise = sentiment('Warga bangga dan senang, festival UMKM sukses besar', 'news');
    expect(praise.sentiment).toBe('positive');
    expect(praise.terms.map((t) => t.term)).toContain('bangga');
    expect(praise.confidence).toBeGreaterThan(0.5);
  });
});
