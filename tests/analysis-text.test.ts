import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { adaptationReport, learnAdaptation } from '../analysis/adaptation.js';
import { analyzeText } from '../analysis/analyze.js';
import { detectLanguage } from '../analysis/language.js';
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
    expect(sentiment('Rapat koordinasi persiapan KTT digelar Senin pukul 09.00 WITA di Nusa Dua').sentiment).toBe('neutral');
    const praise = sentiment('Warga bangga dan senang, festival UMKM sukses besar');
    expect(praise.sentiment).toBe('positive');
    expect(praise.terms.map((t) => t.term)).toContain('bangga');
    expect(praise.confidence).toBeGreaterThan(0.5);
  });
});

describe('what carries sentiment', () => {
  test('topic words, places, pronouns and particles carry no weight: a plain report is neutral', () => {
    for (const text of ['Data penumpang domestik di Bandara Ngurah Rai, kata dia.', 'Presidensi G20 Indonesia nih ya, apa mau dibahas di Jakarta?', 'Menteri dan pemerintah daerah hadir di Kupang']) {
      const s = sentiment(text);
      expect(s.sentiment, text).toBe('neutral');
      expect(s.terms.map((t) => t.term)).not.toEqual(expect.arrayContaining(['g20', 'jakarta', 'dia', 'nih', 'pemerintah']));
    }
  });

  test('a complaint in slang reads negative and names the words that made it so', () => {
    const s = sentiment('orderan anjlok parah semenjak jalan ditutup');
    expect(s.sentiment).toBe('negative');
    expect(s.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['anjlok', 'parah']));
  });

  test('confidence is lower when the evidence is weak than when it is strong', () => {
    expect(sentiment('Rapatnya lumayan').confidence).toBeLessThan(sentiment('Mantap, lancar jaya, bangga banget 😍').confidence);
  });
});

describe('languages', () => {
  test('each text gets its language: Indonesian, English, Javanese, Sundanese, Balinese, Minang', () => {
    expect(detectLanguage('Presiden meresmikan bendungan baru di Jawa Tengah pada Senin pagi.').language).toBe('id');
    expect(detectLanguage('wkwk asli gan mantul, udah gak sabar nih').language).toBe('id');
    expect(detectLanguage('The summit in Bali ended with a joint declaration on food security.').language).toBe('en');
    expect(detectLanguage('Aku ora ngerti opo kuwi G20, rega beras mundhak terus').language).toBe('jv');
    expect(detectLanguage('Abdi teu terang naon G20 teh, harga beas naek wae').language).toBe('su');
    expect(detectLanguage('Tiang nenten uning napi G20 punika, ajin baas menek').language).toBe('ban');
    expect(detectLanguage('Ambo indak tau apo G20 tu, haragonyo baras naiak taruih').language).toBe('min');
  });

  test('English goes through the English model and a regional text through its own', () => {
    expect(analyzeText({ text: 'The new port is a great success and traders are happy', kind: 'news' })).toMatchObject({ language: 'en', sentiment: 'positive' });
    expect(analyzeText({ text: 'Panganane enak banget, regane murah, aku seneng', kind: 'social' })).toMatchObject({ language: 'jv', sentiment: 'positive' });
  });

  test('a regional-language text is more grounded than the same message in Indonesian', () => {
    const jv = analyzeText({ text: 'Aku ora ngerti opo kuwi G20, rega beras mundhak terus', kind: 'social' });
    const id = analyzeText({ text: 'Saya tidak tahu apa itu G20, harga beras naik terus', kind: 'social' });
    expect(jv.grounding_score).toBeGreaterThan(id.grounding_score);
    expect(jv.register_pulls.map((p) => p.feature)).toContain('language');
  });
});

describe('adaptation from corrections', () => {
  test('the words of the tracked topics carry no sentiment, in any language, and change the analysis version', () => {
    const text = 'Gerakan Bangga Buatan Indonesia hadir di pasar kota hari ini';
    const plain = analyzeText({ text, kind: 'social' });
    expect(plain.sentiment_terms.map((t) => t.term)).toContain('bangga');
    const profile = learnAdaptation([], { topicTerms: ['"Bangga Buatan Indonesia"', 'BBI'] });
    expect(profile.topicWords).toEqual(['bangga', 'bbi', 'buatan', 'indonesia']);
    const tracked = analyzeText({ text, kind: 'social' }, { adaptation: profile });
    expect(tracked.sentiment_terms.map((t) => t.term)).not.toContain('bangga');
    expect(tracked.sentiment).toBe('neutral');
    expect(tracked.analysis_version).not.toBe(plain.analysis_version);
    // a feeling about the campaign still counts
    expect(analyzeText({ text: 'Bangga Buatan Indonesia mantap, produk lokal keren banget 😍', kind: 'social' }, { adaptation: profile }).sentiment).toBe('positive');
  });

  test('corrections move the words they agree on, leave the rest, and change the analysis version', () => {
    const text = 'Pemadaman listrik bergilir lagi malam ini';
    const corrections = Array.from({ length: 12 }, (_, i) => ({ text: `${text} di blok ${i + 1}, padam terus`, kind: 'social' as const, label: 'negative' as const }));
    const adaptation = learnAdaptation(corrections);
    expect(adaptation.corrections).toBe(12);
    const before = analyzeText({ text, kind: 'social' });
    const after = analyzeText({ text, kind: 'social' }, { adaptation });
    expect(after.sentiment_score).toBeLessThan(before.sentiment_score);
    expect(after.analysis_version).not.toBe(before.analysis_version);
    const report = adaptationReport(adaptation, corrections);
    expect(report.terms.map((t) => t.term)).toContain('padam');
    expect(report.sets.map((s) => s.name)).toEqual(expect.arrayContaining([expect.stringContaining('news-seed-sentences')]));
    expect(learnAdaptation([])).toMatchObject({ id: '', corrections: 0 });
  });
});

describe('memory', () => {
  test('the words and lines that extraction and analysis remember do not keep the pages they came from', async () => {
    // In a process of its own, so the collector can be asked to run and the heap is this test's alone.
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', 'tests/helpers/retained-text.ts'], { timeout: 120_000 });
    const run = JSON.parse(stdout) as { pages: number; pageMb: number; analysisGrewMb: number; extractionGrewMb: number };
    expect(run.pageMb).toBeGreaterThan(1);
    // Twenty pages of a megabyte each went through each; keeping them would grow the heap by twenty megabytes.
    expect(run.analysisGrewMb).toBeLessThan(4);
    expect(run.extractionGrewMb).toBeLessThan(4);
  }, 150_000);
});
