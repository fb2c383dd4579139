/**
 * The API benchmark's made-up world: 200 sources of every tier, five topics with three key messages, and the
 * word lists and weighted slot tables the SQL seeder (api-seed.ts) picks from by hashing a mention's id.
 */
import { TIERS, type Tier } from '../core/types.js';
import { seeded } from './random.js';

/** `n` slots, each holding a value, as many of each as its weight's share: picking a slot at random picks by weight. */
function slots(values: number[], weights: number[], n: number): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const out: number[] = [];
  let cum = 0;
  values.forEach((v, k) => {
    cum += weights[k]!;
    while (out.length < Math.round((cum / total) * n)) out.push(v);
  });
  return out;
}

/** Five topics and three key messages (`parent`: the index of their topic); ids come in this order. */
export const BENCH_TOPICS: { name: string; query: string; parent?: number }[] = [
  { name: 'Presidensi G20', query: '"presidensi G20" ATAU KTT ATAU G20' },
  { name: 'Harga beras', query: 'harga beras ATAU "beras mahal"' },
  { name: 'Bantuan sosial', query: 'bansos ATAU "bantuan sosial"' },
  { name: 'Vaksinasi', query: 'vaksin* ATAU imunisasi' },
  { name: 'Ibu kota Nusantara', query: 'IKN ATAU "ibu kota nusantara"' },
  { name: 'Manfaat bagi rakyat', query: 'manfaat rakyat', parent: 0 },
  { name: 'Pemulihan ekonomi', query: 'pemulihan ekonomi', parent: 0 },
  { name: 'Operasi pasar', query: '"operasi pasar"', parent: 1 },
];

const TIER_COUNTS: Record<Tier, number> = { official: 25, state: 8, national: 35, regional: 100, social: 32 };
const AUDIENCE: Record<Tier, number> = { official: 5_000, state: 50_000, national: 100_000, regional: 20_000, social: 0 };
const SOCIAL_KINDS = ['mastodon', 'bluesky', 'reddit', 'telegram', 'youtube', 'x'];
const NEWS_KINDS = ['rss', 'rss', 'sitemap', 'listing'];

/** Sources in id order: official, state, national, regional, then social (ids 169..200). */
export function sourceRows() {
  const random = seeded(7);
  return TIERS.flatMap((tier) =>
    Array.from({ length: TIER_COUNTS[tier] }, (_, n) => ({
      tier,
      kind: tier === 'social' ? SOCIAL_KINDS[n % SOCIAL_KINDS.length]! : NEWS_KINDS[n % NEWS_KINDS.length]!,
      url: `https://${tier}${n + 1}.bench.example/`,
      name: `${tier} ${n + 1}`,
      interval: tier === 'social' ? 15 : 30,
      audience: tier === 'social' ? null : Math.round(AUDIENCE[tier] * (0.5 + random())),
    })),
  );
}

const PROVINCES = ['11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36', '51', '52', '53',
  '61', '62', '63', '64', '65', '71', '72', '73', '74', '75', '76', '81', '82', '91', '92', '93', '94', '95', '96'];
const PROVINCE_WEIGHT: Record<string, number> = { '31': 20, '32': 12, '35': 11, '33': 9, '36': 5, '34': 4, '51': 4, '12': 4, '64': 4, '73': 3 };

export function benchLists(jargonTerms: Iterable<string>) {
  const random = seeded(20_221_115);
  const tierOf = (id: number) => (id <= 25 ? 'official' : id <= 33 ? 'state' : id <= 68 ? 'national' : 'regional');
  const productive = { official: 0.4, state: 3, national: 3, regional: 0.8 } as const;
  const newsIds = Array.from({ length: 168 }, (_, k) => k + 1);
  const socialIds = Array.from({ length: 32 }, (_, k) => k + 169);
  // Days ago 0..119: more recent is busier, weekends quieter, five news spikes.
  const today = new Date();
  const dayWeights = Array.from({ length: 120 }, (_, d) => {
    const weekday = new Date(today.getTime() - d * 86_400_000).getUTCDay();
    return (1 + (0.8 * (119 - d)) / 119) * (weekday === 0 || weekday === 6 ? 0.55 : 1) * ([3, 17, 40, 66, 90].includes(d) ? 2.5 : 1) * (0.85 + 0.3 * random());
  });
  const hourWeights = [0.3, 0.2, 0.15, 0.15, 0.3, 0.6, 1, 1.5, 1.9, 2, 1.9, 1.7, 1.5, 1.5, 1.6, 1.5, 1.4, 1.4, 1.5, 1.7, 1.8, 1.5, 1, 0.6];
  return {
    newsSlots: slots(newsIds, newsIds.map((id) => productive[tierOf(id)] * (0.3 + 1.4 * random())), 10_000),
    socialSlots: slots(socialIds, socialIds.map(() => 0.3 + 1.4 * random()), 10_000),
    daySlots: slots(dayWeights.map((_, d) => d), dayWeights, 10_000),
    hourSlots: slots(hourWeights.map((_, h) => h), hourWeights, 1_000),
    provinces: slots(PROVINCES.map(Number), PROVINCES.map((p) => PROVINCE_WEIGHT[p] ?? 1), 1_000).map(String),
    topicWords: ['Presidensi G20', 'Harga beras', 'Bansos', 'Vaksinasi', 'IKN Nusantara'],
    sentences: SENTENCES,
    officials: ['Menteri Keuangan', 'Presiden Joko Widodo', 'Kepala Dinas Perdagangan', 'Juru Bicara Kementerian Luar Negeri', 'Gubernur Jawa Barat',
      'Bupati Bogor', 'Direktur Jenderal Pajak', 'Kepala Humas', 'Menteri Sosial', 'Menteri Kesehatan', 'Kepala Otorita IKN', 'Wali Kota Surabaya',
      'Sekretaris Daerah', 'Kepala Bulog', 'Deputi Bidang Koordinasi', 'Menteri Perdagangan', 'Kepala Dinas Kesehatan', 'Camat Cibinong'],
    citizens: ['Bu Sri, pedagang di Pasar Jatinegara', 'Pak Darto, petani', 'Rina, ibu rumah tangga', 'Joko, pengemudi ojol', 'Pak Usman, nelayan',
      'Wati, penjual sayur', 'Mbak Yuni, buruh pabrik', 'Pak Slamet, warga', 'Dewi, guru honorer', 'Bu Ani, pemilik warung', 'Agus, mahasiswa',
      'Pak Made, perajin', 'Bu Lastri, pedagang beras', 'Rudi, sopir angkot', 'Siti, kader posyandu', 'Pak Hasan, ketua RT'],
    unknowns: ['pengamat ekonomi', 'peneliti INDEF', 'ekonom', 'pakar kebijakan publik', 'akademisi'],
    positive: ['sukses', 'bagus', 'membantu', 'lancar', 'bangga', 'murah', 'senang', 'terbantu', 'mantap', 'berhasil', 'meningkat', 'aman',
      'cepat', 'tepat', 'bermanfaat', 'puas', 'mudah', 'baik', 'hebat', 'maju', 'stabil', 'terjangkau', 'nyaman', 'gratis', 'sehat'],
    negative: ['mahal', 'naik', 'sulit', 'kecewa', 'gagal', 'korupsi', 'lambat', 'macet', 'susah', 'telat', 'langka', 'rugi', 'buruk',
      'antre', 'mengeluh', 'tidak merata', 'bingung', 'hoaks', 'pungli', 'berat', 'kurang', 'terlambat', 'protes', 'salah sasaran', 'kacau'],
    jargon: [...jargonTerms].slice(0, 80),
  };
}

const SENTENCES = [
  'Pemerintah memastikan program berjalan sesuai jadwal di seluruh daerah.',
  'Warga mengaku harga kebutuhan pokok di pasar masih tinggi pekan ini.',
  'Kementerian menggelar rapat koordinasi dengan pemerintah daerah untuk membahas pelaksanaan di lapangan.',
  'Sejumlah pedagang menyebut pembeli mulai berkurang sejak awal bulan.',
  'Pertemuan itu dihadiri perwakilan dari berbagai negara dan lembaga internasional.',
  'Petugas mendata penerima bantuan dari rumah ke rumah di tingkat kelurahan.',
  'Antrean warga terlihat sejak pagi di kantor kecamatan.',
  'Menurut data terbaru, realisasi anggaran sudah mencapai lebih dari separuh target.',
  'Masyarakat diminta memeriksa informasi dari sumber resmi sebelum menyebarkannya.',
  'Harga cabai dan bawang merah ikut naik menjelang akhir pekan.',
  'Dinas terkait menyiapkan posko pengaduan bagi warga yang belum menerima haknya.',
  'Pembangunan infrastruktur dasar di kawasan itu terus dikebut oleh kontraktor.',
  'Ibu-ibu di kampung kami bilang yang penting harga beras turun dulu.',
  'Gak nyangka antreannya sepanjang ini, udah dari subuh nunggu.',
  'Program ini diharapkan memperkuat ketahanan ekonomi keluarga di desa.',
  'Sebagian warga belum memahami syarat pendaftaran yang diumumkan pemerintah.',
  'Tenaga kesehatan mendatangi sekolah untuk memberikan layanan kepada anak-anak.',
  'Para nelayan berharap ada perhatian lebih untuk harga solar di pelabuhan.',
  'Kegiatan tersebut menjadi bagian dari rangkaian acara yang digelar sepanjang tahun.',
  'Pengamat menilai komunikasi kebijakan perlu lebih sederhana agar mudah dipahami.',
  'Di media sosial, warganet ramai membagikan pengalaman mereka hari ini.',
  'Stok di gudang dipastikan cukup hingga beberapa bulan ke depan.',
  'Pemerintah daerah menambah jumlah titik layanan agar tidak terjadi penumpukan.',
  'Mantap, pelayanannya cepat banget, nggak sampai sejam udah beres.',
  'Kenapa ya di daerah kami belum ada info sama sekali soal ini?',
  'Delegasi menyampaikan komitmen untuk melanjutkan kerja sama di bidang kesehatan dan energi.',
  'Kepala desa mengimbau warga datang sesuai jadwal yang sudah dibagikan.',
  'Sejumlah relawan membantu lansia yang kesulitan mengakses layanan daring.',
  'Pasokan dari sentra produksi di Jawa Tengah mulai masuk ke pasar induk.',
  'Laporan itu juga menyoroti perbedaan data antara pusat dan daerah.',
];
