import { describe, expect, test } from 'vitest';
import { analyzeVoices, classifySpeaker } from '../analysis/voices.js';

const news = (text: string) => analyzeVoices({ text, kind: 'news' });
const social = (text: string, author: Parameters<typeof analyzeVoices>[0]['author']) => analyzeVoices({ text, kind: 'social', author });
const speakers = (text: string) => news(text).voices.map((v) => v.speaker);
const typed = (text: string) => news(text).voices.map((v) => [v.speaker, v.type, v.type_cue]);

describe('voices in news: who speaks', () => {
  test('a regional article quoting only the Dirjen, again and again, counts one official voice and share 0', () => {
    const result = news(
      `SAMARINDA — Kementerian Kominfo menggelar sosialisasi Presidensi G20 di Samarinda, Senin (12/9).\n` +
        `"Presidensi G20 adalah momentum pemulihan ekonomi nasional," kata Dirjen IKP Kemenkominfo Usman Kansong di Hotel Mercure.\n` +
        `Menurutnya, masyarakat perlu memahami manfaat G20. "Kita harus pulih bersama," ujarnya.\n` +
        `Usman menambahkan bahwa pelatihan digital digelar di sepuluh kecamatan.`,
    );
    expect(result.voices).toEqual([
      {
        speaker: 'Usman Kansong',
        role: 'Dirjen IKP Kemenkominfo',
        type: 'official',
        type_cue: 'Dirjen',
        quote: 'Presidensi G20 adalah momentum pemulihan ekonomi nasional',
        cue: 'kata',
      },
    ]);
    expect(result).toMatchObject({ official: 1, non_official: 0, unknown: 0, non_official_share: 0, author_kind: null });
  });

  test('the speaker is the name and the role is kept apart, whether the role comes before the name or after it', () => {
    const result = news(
      `BONTANG — "Solar sekarang susah dicari, kami melaut dua hari sekali," kata Darto, nelayan di Bontang, Selasa (13/9).\n` +
        `Sementara itu, Kepala Dinas Perikanan Bontang Aji Erlynawati mengatakan stok solar aman hingga akhir tahun.`,
    );
    expect(result.voices.map((v) => [v.speaker, v.role, v.type, v.type_cue])).toEqual([
      ['Darto', 'nelayan di Bontang', 'non_official', 'nelayan'],
      ['Aji Erlynawati', 'Kepala Dinas Perikanan Bontang', 'official', 'Dinas'],
    ]);
    expect(result.non_official_share).toBe(0.5);
  });

  test('"Menurut …" and an inverted "…, jelas …" attribute reported speech without quotes; an office with no name is no voice', () => {
    const result = news(
      'Menurut Kepala Dinas Kominfo Kaltim, pelatihan diikuti 200 pelaku UMKM. ' +
        'Pelatihan ini berlanjut tahun depan, jelas Deputi V KSP Jaleswari Pramodhawardani. Perdana Menteri Malaysia menyatakan dukungannya.',
    );
    expect(result.voices.map((v) => [v.speaker, v.cue, v.quote, v.type])).toEqual([['Jaleswari Pramodhawardani', 'jelas', null, 'official']]);
  });

  test('an office named first and its holder named later are one voice', () => {
    expect(speakers('Kapolres Bogor AKBP Rio Wahyu Anggoro mengatakan tersangka ditahan. "Kami buka posko," kata Kapolres Bogor.')).toEqual(['Rio Wahyu Anggoro']);
  });

  test('"X mengatakan …" takes the subject before the verb, less leading connectives, with its apposition as the role', () => {
    const result = news('Di tempat terpisah, Siti Aminah, ibu rumah tangga di Samarinda, mengatakan harga beras naik sejak bulan lalu.');
    expect(result.voices).toEqual([
      { speaker: 'Siti Aminah', role: 'ibu rumah tangga di Samarinda', type: 'non_official', type_cue: 'ibu rumah tangga', quote: null, cue: 'mengatakan' },
    ]);
  });

  test('curly quotes carry the quoted words, and "Bu Sri" with no title is an ordinary person named Sri', () => {
    const result = news('“Harga cabai naik terus, kami bingung,” kata Bu Sri di Pasar Segiri, Samarinda.');
    expect(result.voices).toEqual([
      { speaker: 'Sri', role: null, type: 'non_official', type_cue: 'Bu', quote: 'Harga cabai naik terus, kami bingung', cue: 'kata' },
    ]);
  });

  test('sentence fragments around a name are not part of the speaker', () => {
    expect(speakers('Aktor Brotoseno kembali main film. "Saya belajar melaut," kata Brotoseno bergurau saat jumpa pers.')).toEqual(['Brotoseno']);
    expect(speakers('Aktor Brotoseno kembali main film. Meski sering tersenyum, Brotoseno mengaku sempat ragu menerima peran itu.')).toEqual(['Brotoseno']);
    expect(speakers('Pelatih tim tamu, Peter Smith, puas. Smith usai laga tersebut mengatakan timnya datang untuk mencuri poin.')).toEqual(['Peter Smith']);
    expect(speakers('"Kami tidak menyerah," ujar Entin (60) dengan mata berkaca-kaca.')).toEqual(['Entin']);
  });

  test('a lone capitalised word that nothing introduces is not a name ("Panitia menyatakan", "Lo bilang"), a first name given in full elsewhere is', () => {
    expect(news('Panitia menyatakan rincian anggaran akan disampaikan. Lo bilang sukses?').voices).toEqual([]);
    expect(speakers('Yohanes kalah dari wakil Denmark, Anders Nielsen. Nielsen usai pertandingan mengatakan penonton luar biasa.')).toEqual(['Anders Nielsen']);
  });

  test('a pronoun or a descriptor is the last person named, and a lone pronoun with nobody before it is no voice', () => {
    const result = news(
      'Aktor Dimas Haryoko kembali ke layar lebar. "Tangan saya sampai lecet," kata Dimas. ' +
        'Pria berusia 44 tahun ini mengaku sempat ragu menerima peran tersebut. Ia menambahkan, syuting berlangsung 38 hari. ' +
        '"Saya belajar banyak," ujarnya.',
    );
    expect(result.voices.map((v) => [v.speaker, v.type, v.type_cue])).toEqual([['Dimas Haryoko', 'non_official', 'Aktor']]);
    expect(news('Ia mengatakan harga cabai naik. "Kami bingung," ujarnya.').voices).toEqual([]);
  });

  test('one person named again by surname, first name or "Pak …" is one voice, and a nickname given with "sapaan akrabnya" joins them', () => {
    expect(speakers('Kuasa hukum korban, Andi Prasetyo, meminta polisi menelusuri aliran dana. "Ini jaringan," kata Andi. Prasetyo menambahkan, korban akan melapor lagi.')).toEqual([
      'Andi Prasetyo',
    ]);
    expect(speakers('Jali (48), sopir truk, mengaku menunggu empat jam. "Kalau telat, saya kena potong," keluh Pak Jali.')).toEqual(['Jali']);
    expect(
      speakers('Bupati Manggarai Barat, Edistasius Endi Nggoro, mengatakan wisatawan bertambah. "Ini kabar baik," kata Edi, sapaan akrabnya. Menurut Edi, pipa baru rampung tahun depan.'),
    ).toEqual(['Edistasius Endi Nggoro']);
  });

  test('a nickname or a short name given with the full name is the same voice: "atau", "sapaan akrab", "begitu … memanggilnya"', () => {
    expect(speakers('Presiden Joko Widodo atau Jokowi mengatakan pembangunan berlanjut. "Kita harus cepat," kata Jokowi.')).toEqual(['Joko Widodo']);
    expect(speakers('Kepala Eksekutif OJK, Friderica Widyasari Dewi, meminta warga waspada. "Cek dulu," tegas Kiki, sapaan akrab Friderica.')).toEqual([
      'Friderica Widyasari Dewi',
    ]);
  });

  test('a title cut by commas, a clause between the speaker and the verb, and titles before a name do not hide the speaker', () => {
    expect(typed('"Data terus kami perbarui," kata Kepala Pusat Data, Informasi, dan Komunikasi Kebencanaan BNPB Abdul Muhari.')).toEqual([['Abdul Muhari', 'official', 'Kepala']]);
    expect(typed('Kapolsek Cibeber, Iptu Dedi Haryadi, saat dikonfirmasi membenarkan kejadian itu.')).toEqual([['Dedi Haryadi', 'official', 'Kapolsek']]);
    expect(speakers('Budi Santoso, seperti dikutip Antara, menyebut harga naik.')).toEqual(['Budi Santoso']);
    expect(typed('Menurut Prof. Dr. Ir. Budi Santoso, kebijakan itu keliru.')).toEqual([['Budi Santoso', 'non_official', 'Prof.']]);
    expect(speakers('"Kami belajar melaut," kata I Wayan Sukadana, ketua Subak Jatiluwih.')).toEqual(['I Wayan Sukadana']);
  });

  test('closing attributions and spokespeople speaking for their chief are read: "demikian Benny", "Begitu kata …", "melalui Kasi Humas …"', () => {
    expect(speakers('Ketua Umum GPEI Benny Soetrisno hadir. Ekspor juga perlu didukung perjanjian dagang, demikian Benny.')).toEqual(['Benny Soetrisno']);
    expect(speakers('Pedagang beras, Sulastri (52), berjualan sejak 1998. Begitu kata Sulastri sambil menata dagangan.')).toEqual(['Sulastri']);
    expect(typed('Kapolres Bogor AKBP Rio Wahyu melalui Kasi Humas Iptu Desi Triana mengatakan pelaku ditangkap.')).toEqual([['Desi Triana', 'official', 'Kasi Humas']]);
  });

  test('people named by initials in crime reports are voices; a bare "Polisi" or "Jaksa" is no one in particular', () => {
    expect(typed('Guru berinisial RA (34) itu meminjam Rp2 juta. "Setiap hari ditelepon," ujar RA saat ditemui.')).toEqual([['RA', 'non_official', 'Guru']]);
    expect(news('Polisi mengatakan pelaku sudah ditangkap. Jaksa mengatakan terdakwa terbukti bersalah.').voices).toEqual([]);
  });

  test('someone unnamed is not a voice, and the pronoun after them is theirs, not the previous speaker\'s', () => {
    const result = news(
      '"Kami sudah mendirikan dapur umum," kata Kepala BPBD Uka Suska. Seorang pengungsi yang enggan disebut namanya mengaku belum menerima bantuan. ' +
        'Ia menyebut pembagian bantuan belum merata.',
    );
    expect(result.voices.map((v) => v.speaker)).toEqual(['Uka Suska']);
  });

  test('datelines, cited outlets, institutions speaking as themselves, places and account labels are not voices', () => {
    const result = news(
      'JAKARTA, KOMPAS.com - Kementerian Kesehatan menyatakan kasus naik. Dilansir dari Reuters, Jumat (19/6/2020), Presiden AS Robert Hale mengatakan tarif ditunda. ' +
        'Melansir The Star, PM Azman mengatakan ASEAN tidak memihak. Pertamina memastikan stok aman, seperti dilaporkan Kompas.com. ' +
        'Di Pasar Induk, Jakarta Timur, pedagang mengaku omzet turun. "Kami hanya meneruskan keluhan warga," tulis Admin Putu dalam unggahannya.',
    );
    expect(result.voices.map((v) => [v.speaker, v.type])).toEqual([
      ['Robert Hale', 'official'],
      ['Azman', 'official'],
    ]);
  });
});

describe('voices in news: official or not, and why', () => {
  test('titles, ranks, state bodies, state companies, village heads and foreign governments are official', () => {
    expect(typed('Kapolres Bogor AKBP Rio Wahyu Anggoro mengatakan tersangka ditahan.')).toEqual([['Rio Wahyu Anggoro', 'official', 'Kapolres']]);
    expect(typed('Direktur Utama PT Pertamina Patra Niaga, Rizal Hakim, mengatakan pasokan ditambah.')).toEqual([['Rizal Hakim', 'official', 'Pertamina Patra Niaga']]);
    expect(typed('Manager Humas KAI Daop 1 Jakarta, Anne Purba, mengimbau penumpang tidak membeli dari calo.')).toEqual([['Anne Purba', 'official', 'KAI']]);
    expect(typed('Manajer Humas KAI Daop 8 Surabaya Luqman Arif di Surabaya, Rabu, mengatakan tiket terjual 85 persen.')).toEqual([['Luqman Arif', 'official', 'KAI']]);
    expect(typed('Kepala Desa Sukamaju, Ujang Sutisna, mengatakan saluran itu jebol.')).toEqual([['Ujang Sutisna', 'official', 'Kepala Desa']]);
    expect(typed('Perdana Menteri Malaysia Azman Rahim menilai kesepakatan itu penting.')).toEqual([['Azman Rahim', 'official', 'Perdana Menteri']]);
    expect(typed('Juru bicara Kementerian Luar Negeri China, Li Wenhua, menyatakan dialog berlanjut.')).toEqual([['Li Wenhua', 'official', 'Kementerian']]);
    expect(typed('"Sidang ditunda," ujar ketua majelis hakim, Wahyu Santoso.')).toEqual([['Wahyu Santoso', 'official', 'ketua majelis hakim']]);
    expect(typed('Juru bicara militer Israel, Daniel Hagari, mengatakan operasi berlanjut.')).toEqual([['Daniel Hagari', 'official', 'militer']]);
    expect(typed('Direktur Utama Perum Bulog, Andi Wirawan, mengatakan stok aman.')).toEqual([['Andi Wirawan', 'official', 'Perum']]);
  });

  test('traders, lawyers, coaches, athletes, artists, experts, NGOs, unions and private companies are non-official', () => {
    expect(typed('"Pembeli sepi," kata Sulastri, pedagang beras di Pasar Cipinang.')).toEqual([['Sulastri', 'non_official', 'pedagang']]);
    expect(typed('Kuasa hukum terdakwa, Yosef Simanjuntak, menilai tuntutan terlalu berat.')).toEqual([['Yosef Simanjuntak', 'non_official', 'Kuasa hukum']]);
    expect(typed('Pelatih Persib, Marko Jovanovic, mengaku kecewa.')).toEqual([['Marko Jovanovic', 'non_official', 'Pelatih']]);
    expect(typed('Ekonom INDEF, Nailul Hakim, menilai pendanaan itu sinyal positif.')).toEqual([['Nailul Hakim', 'non_official', 'Ekonom']]);
    expect(typed('Direktur Eksekutif Walhi Kaltim, Fathur Rozikin, meminta tambang dihentikan.')).toEqual([['Fathur Rozikin', 'non_official', 'Walhi']]);
    expect(typed('Presiden KSPI, Sahid Ikhsan, mengatakan upah tergerus inflasi.')).toEqual([['Sahid Ikhsan', 'non_official', 'KSPI']]);
    expect(typed('Presiden Direktur PT Bank Central Asia Tbk, Jahja Hartanto, mengatakan persaingan ketat.')).toEqual([['Jahja Hartanto', 'non_official', 'PT']]);
    expect(typed('"Laut mengajarkan sabar," kata Nadia Kirana, aktris film itu.')).toEqual([['Nadia Kirana', 'non_official', 'aktris']]);
  });

  test('a role written at another mention of the same person types them: a preceding sentence, a mid-sentence title, a descriptor', () => {
    expect(typed('Ketua Umum Asosiasi Pedagang Pasar, Budi Santoso, hadir di pasar itu. "Harga naik terus," kata Budi.')).toEqual([['Budi Santoso', 'non_official', 'Asosiasi']]);
    expect(typed('Dalam film garapan sutradara Livia Ananta itu, banyak adegan di laut. Livia Ananta menuturkan syuting berlangsung 38 hari.')).toEqual([
      ['Livia Ananta', 'non_official', 'sutradara'],
    ]);
    expect(typed('"Saya senang," kata Tiago Ramos. Gelandang asal Brasil tersebut menilai timnya kehilangan konsentrasi.')).toEqual([['Tiago Ramos', 'non_official', 'Gelandang']]);
  });

  test('someone holding a state office is an official whatever else they are, and an address is no role', () => {
    expect(typed('Wakil Ketua Umum PKB Jazilul Fawaid mengatakan kader siap. Jazilul, yang juga anggota Komisi III DPR, menegaskan keputusan ada di presiden.')).toEqual([
      ['Jazilul Fawaid', 'official', 'anggota Komisi'],
    ]);
    expect(typed('Warga Desa Gasol, Kecamatan Cugenang, Ade Suherman (52), mengaku masih trauma.')).toEqual([['Ade Suherman', 'non_official', 'Warga']]);
  });

  test('a chair, a director or a manager of a body not known to be the state leads an association, an NGO or a company', () => {
    expect(typed('Ketua Aptrindo Jawa Timur, Firman Hidayat, mengatakan tarif naik.')).toEqual([['Firman Hidayat', 'non_official', 'Aptrindo']]);
    expect(typed('Ketua Panitia Festival Kopi, Rudi Hartawan, mengatakan acara ramai.')).toEqual([['Rudi Hartawan', 'non_official', 'Ketua']]);
    expect(typed('Ketua KPU Kota Medan, Mutia Atiqah, mengatakan logistik siap.')).toEqual([['Mutia Atiqah', 'official', 'KPU']]);
    expect(typed('General Manager Bandara Juanda, Sisca Ardiani, mengatakan penerbangan normal.')).toEqual([['Sisca Ardiani', 'official', 'Bandara']]);
    expect(typed('Manajer Kemitraan Pemerintah Meta Indonesia, Putu Yudha, menyampaikan program literasi digital.')[0]?.[1]).toBe('non_official');
  });

  test('a possessive role, the body someone chairs and "salah satu" of a group type them', () => {
    expect(typed('Usai sidang, kuasa hukumnya, Leo Simanjuntak, mengatakan kliennya menerima putusan.')).toEqual([['Leo Simanjuntak', 'non_official', 'kuasa hukumnya']]);
    expect(typed('Majelis hakim yang diketuai Dedy Adi Saputra menyatakan terdakwa bersalah. "Sidang ditutup," kata Dedy.')).toEqual([['Dedy Adi Saputra', 'official', 'Majelis hakim']]);
    expect(typed('Salah satu pekerja di tempat usahanya, Warsini, mengaku senang.')[0]?.[1]).toBe('non_official');
    expect(typed('Penasihat Kantor Kepresidenan Ukraina, Mykhailo Podolyak, menilai syarat itu tidak masuk akal.')).toEqual([['Mykhailo Podolyak', 'official', 'Kantor Kepresidenan']]);
  });

  test('a relative clause saying what someone does types them, and "lewat aplikasi" is no spokesperson', () => {
    expect(typed('Rina (29), yang berjualan kue tradisional lewat aplikasi, berharap ada pelatihan.')).toEqual([['Rina', 'non_official', 'berjualan']]);
  });

  test('a former official, a candidate and an unnamed role are read for what they are', () => {
    expect(typed('Jaksa menuntut mantan Kepala Dinas PUPR Lebak, Arif Budiman. Usai sidang, Arif menyatakan keberatan.')).toEqual([['Arif Budiman', 'non_official', 'mantan Kepala']]);
    expect(classifySpeaker('Direktur PT Maju Jaya')).toEqual({ type: 'non_official', role: 'direktur', type_cue: 'PT' });
    expect(classifySpeaker('Plt Kepala Diskominfo Samarinda')).toMatchObject({ type: 'official' });
    expect(classifySpeaker('Pak Darto')).toEqual({ type: 'non_official', role: null, type_cue: 'Pak' });
    expect(classifySpeaker('kepala keluarga').type).toBe('non_official');
  });

  test('nobody is typed unknown when a title, a role or a form of address says something, and unknown when nothing does', () => {
    const result = news('"Kami tidak menyerah," kata Yohanes Kristanto. "Narasi G20 masih elitis," kata Trubus Rahadiansyah, pengamat kebijakan publik dari Universitas Trisakti.');
    expect(result.voices.map((v) => [v.speaker, v.type])).toEqual([
      ['Yohanes Kristanto', 'unknown'],
      ['Trubus Rahadiansyah', 'non_official'],
    ]);
    expect(result).toMatchObject({ official: 0, non_official: 1, unknown: 1, non_official_share: 1 });
  });

  test('a text with no attributed speech gives no voices and a null share, even with "kata" and "jelas" as ordinary words', () => {
    const result = news('Kata kunci pemulihan jelas terlihat di pasar. Laporan itu menyatakan ekonomi tumbuh. Menurut data BPS, inflasi turun.');
    expect(result).toEqual({ voices: [], official: 0, non_official: 0, unknown: 0, non_official_share: null, author_kind: null });
  });
});

describe('voices in social posts', () => {
  test('a post by an official account handle is an official voice', () => {
    const result = social('Ayo ikuti pelatihan literasi digital G20 di kelurahan masing-masing!', { handle: '@humaspemkotsmd' });
    expect(result.author_kind).toBe('official');
    expect(result.voices).toEqual([{ speaker: '@humaspemkotsmd', role: 'akun resmi', type: 'official', type_cue: 'akun resmi', quote: null, cue: 'author' }]);
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

  test('a minister quoted by name in a post is counted after its author; "Pak Menteri" with no name is no one in particular', () => {
    const result = social('Kata Menteri Keuangan Sri Mulyani tadi "G20 buat kita semua" mantap', { handle: '@rina_ootd' });
    expect(result.voices.map((v) => [v.speaker, v.cue, v.type])).toEqual([
      ['@rina_ootd', 'author', 'non_official'],
      ['Sri Mulyani', 'kata', 'official'],
    ]);
    expect(result.non_official_share).toBe(0.5);
    expect(social('Kata Pak Menteri tadi "G20 buat kita semua" mantap', { handle: '@rina_ootd' }).voices).toHaveLength(1);
  });

  test('outlet furniture names no speaker: "Baca juga" headlines, bylines and editors', () => {
    const text = 'Laporan Wartawan Tribunnews.com, Budi Santoso\n\nBaca juga: Kata Pengamat Budi Hartono soal Harga Beras\n\n"Harga naik," kata Sulastri (52), pedagang beras.\n\nEditor: Dwi Prastika';
    expect(speakers(text)).toEqual(['Sulastri']);
  });
});
