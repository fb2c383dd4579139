import { describe, expect, test } from 'vitest';
import { analyzeVoices, classifySpeaker } from '../analysis/voices.js';

const news = (text: string) => analyzeVoices({ text, kind: 'news' });
const social = (text: string, author: Parameters<typeof analyzeVoices>[0]['author']) => analyzeVoices({ text, kind: 'social', author });

describe('voices in news', () => {
  test('a regional article quoting only the Dirjen, again and again, counts one official voice and share 0', () => {
    const result = news(
      `SAMARINDA — Kementerian Kominfo menggelar sosialisasi Presidensi G20 di Samarinda, Senin (12/9).\n` +
        `"Presidensi G20 adalah momentum pemulihan ekonomi nasional," kata Dirjen IKP Kemenkominfo Usman Kansong di Hotel Mercure.\n` +
        `Menurutnya, masyarakat perlu memahami manfaat G20. "Kita harus pulih bersama," ujarnya.\n` +
        `Usman menambahkan bahwa pelatihan digital digelar di sepuluh kecamatan.`,
    );
    expect(result.voices).toEqual([
      {
        speaker: 'Dirjen IKP Kemenkominfo Usman Kansong',
        role: 'direktur jenderal',
        type: 'official',
        quote: 'Presidensi G20 adalah momentum pemulihan ekonomi nasional',
        cue: 'kata',
      },
    ]);
    expect(result).toMatchObject({ official: 1, non_official: 0, unknown: 0, non_official_share: 0, author_kind: null });
  });

  test('an article quoting a fisherman and a Kepala Dinas gives share 0.5', () => {
    const result = news(
      `BONTANG — "Solar sekarang susah dicari, kami melaut dua hari sekali," kata Darto, nelayan di Bontang, Selasa (13/9).\n` +
        `Sementara itu, Kepala Dinas Perikanan Bontang Aji Erlynawati mengatakan stok solar aman hingga akhir tahun.`,
    );
    expect(result.voices.map((v) => [v.speaker, v.type, v.role])).toEqual([
      ['Darto, nelayan di Bontang', 'non_official', 'nelayan'],
      ['Kepala Dinas Perikanan Bontang Aji Erlynawati', 'official', 'kepala dinas'],
    ]);
    expect(result.non_official_share).toBe(0.5);
  });

  test('"Menurut …" and an inverted "…, jelas …" attribute reported speech without quotes', () => {
    const result = news(
      'Menurut Kepala Dinas Kominfo Kaltim, pelatihan diikuti 200 pelaku UMKM. ' +
        'Pelatihan ini berlanjut tahun depan, jelas Deputi V KSP Jaleswari Pramodhawardani.',
    );
    expect(result.voices.map((v) => [v.speaker, v.cue, v.quote])).toEqual([
      ['Kepala Dinas Kominfo Kaltim', 'menurut', null],
      ['Deputi V KSP Jaleswari Pramodhawardani', 'jelas', null],
    ]);
    expect(result.official).toBe(2);
  });

  test('"X mengatakan …" reported speech takes the speaker before the verb and drops leading connectives', () => {
    const result = news('Di tempat terpisah, Siti Aminah, ibu rumah tangga di Samarinda, mengatakan harga beras naik sejak bulan lalu.');
    expect(result.voices).toEqual([
      { speaker: 'Siti Aminah, ibu rumah tangga di Samarinda', role: 'ibu rumah tangga', type: 'non_official', quote: null, cue: 'mengatakan' },
    ]);
  });

  test('curly quotes carry the quoted words, and "Bu Sri" with no title is an ordinary person', () => {
    const result = news('“Harga cabai naik terus, kami bingung,” kata Bu Sri di Pasar Segiri, Samarinda.');
    expect(result.voices).toEqual([
      { speaker: 'Bu Sri', role: 'warga', type: 'non_official', quote: 'Harga cabai naik terus, kami bingung', cue: 'kata' },
    ]);
    expect(result.non_official_share).toBe(1);
  });

  test('"kepala keluarga" is a household head, not an official', () => {
    const result = news('"Bantuan ini sangat membantu," kata Joko, kepala keluarga penerima bantuan di Samarinda.');
    expect(result.voices[0]).toMatchObject({ speaker: 'Joko, kepala keluarga penerima bantuan di Samarinda', type: 'non_official' });
    expect(result.official).toBe(0);
    expect(classifySpeaker('kepala keluarga').type).not.toBe('official');
    expect(classifySpeaker('Kepala Dinas Kominfo Kaltim')).toEqual({ type: 'official', role: 'kepala dinas' });
  });

  test('an academic observer is neither official nor ordinary: unknown with role pengamat', () => {
    const result = news('"Narasi G20 masih elitis," kata Trubus Rahadiansyah, pengamat kebijakan publik dari Universitas Trisakti.');
    expect(result.voices[0]).toMatchObject({ role: 'pengamat', type: 'unknown' });
    expect(result).toMatchObject({ official: 0, non_official: 0, unknown: 1, non_official_share: null });
  });

  test('a text with no attributed speech gives no voices and a null share, even with "kata" and "jelas" as ordinary words', () => {
    const result = news('Kata kunci pemulihan jelas terlihat di pasar. Laporan itu menyatakan ekonomi tumbuh. Menurut data BPS, inflasi turun.');
    expect(result).toEqual({ voices: [], official: 0, non_official: 0, unknown: 0, non_official_share: null, author_kind: null });
  });

  test('a title at a company or an acting title is read for what it is', () => {
    expect(classifySpeaker('Direktur PT Maju Jaya')).toEqual({ type: 'unknown', role: 'swasta' });
    expect(classifySpeaker('Plt Kepala Diskominfo Samarinda')).toEqual({ type: 'official', role: 'kepala diskominfo' });
    expect(classifySpeaker('Pak Darto')).toEqual({ type: 'non_official', role: 'warga' });
  });
});

describe('voices in social posts', () => {
  test('a post by an official account handle is an official voice', () => {
    const result = social('Ayo ikuti pelatihan literasi digital G20 di kelurahan masing-masing!', { handle: '@humaspemkotsmd' });
    expect(result.author_kind).toBe('official');
    expect(result.voices).toEqual([{ speaker: '@humaspemkotsmd', role: 'akun resmi', type: 'official', quote: null, cue: 'author' }]);
    expect(result.non_official_share).toBe(0);
  });

  test('a post by @detikcom is media, neither official nor ordinary', () => {
    const result = social('Presidensi G20: ini agenda pekan depan di Bali.', { handle: '@detikcom', name: 'detikcom' });
    expect(result).toMatchObject({ author_kind: 'media', official: 0, non_official: 0, unknown: 1, non_official_share: null });
  });

  test('a post by an ordinary handle is an individual, and a verified badge alone does not make it official', () => {
    const plain = social('harga minyak goreng naik lagi, G20 apaan sih', { handle: '@budi_santoso99', name: 'Budi' });
    expect(plain).toMatchObject({ author_kind: 'individual', non_official: 1, non_official_share: 1 });
    expect(plain.voices[0]).toMatchObject({ speaker: 'Budi', type: 'non_official', cue: 'author' });
    const verified = social('OOTD ke acara G20 hari ini', { handle: '@rina_ootd', platformKind: 'verified' });
    expect(verified.author_kind).toBe('individual');
  });

  test('platform signals for official and media accounts win over an ordinary-looking handle', () => {
    expect(social('G20', { handle: '@abc', platformKind: 'organization' }).author_kind).toBe('official');
    expect(social('G20', { handle: '@abc', platformKind: 'media' }).author_kind).toBe('media');
  });

  test('a minister quoted in a post is counted after its author', () => {
    const result = social('Kata Pak Menteri tadi "G20 buat kita semua" mantap', { handle: '@rina_ootd' });
    expect(result.voices.map((v) => [v.cue, v.type])).toEqual([
      ['author', 'non_official'],
      ['kata', 'official'],
    ]);
    expect(result.non_official_share).toBe(0.5);
  });
});
