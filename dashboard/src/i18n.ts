/** Dashboard text: Indonesian first, English on the switch. */
export type Lang = 'id' | 'en';

const TEXT = {
  id: {
    tagline: 'Apakah pesan sampai ke masyarakat?',
    demoBanner: 'Mode demo: data berasal dari situs berita fiktif di 127.0.0.1, bukan dari media sungguhan.',
    filters: 'Penyaring',
    range: 'Rentang',
    last7: '7 hari terakhir',
    last30: '30 hari terakhir',
    last90: '90 hari terakhir',
    custom: 'Pilih tanggal',
    from: 'Dari',
    to: 'Sampai',
    kind: 'Jenis sumber',
    allKinds: 'Semua',
    kindNews: 'Berita',
    kindSocial: 'Media sosial',
    topic: 'Topik',
    allTopics: 'Semua topik',
    keyMessage: 'Pesan kunci',
    allKeyMessages: 'Semua pesan',
    chartTitle: 'Jumlah sebutan per hari',
    chartHint: 'Satu garis per topik; hari menurut WIB (Asia/Jakarta).',
    noData: 'Belum ada sebutan dalam rentang ini.',
    latestTitle: 'Sebutan terbaru',
    kindChartTitle: 'Berita dan media sosial per hari',
    kindChartHint: 'Sebutan topik terpilih (atau semua topik) dari media berita dan dari unggahan publik di media sosial.',
    colTime: 'Waktu (WIB)',
    colTitle: 'Judul',
    colSource: 'Sumber',
    colKind: 'Jenis',
    noMentions: 'Belum ada sebutan yang cocok.',
    loadMore: 'Muat lebih banyak',
    news: 'Berita',
    social: 'Sosial',
    loadError: 'Gagal memuat data',
    sourcesTitle: 'Sumber dan kesehatan perayapan',
    colTier: 'Tingkat',
    colLastCrawl: 'Terakhir dirayapi',
    colStatus: 'Status',
    colMentions: 'Sebutan',
    colPerDay: 'Per hari (7 hari)',
    statusOk: 'Baik',
    statusError: 'Gagal',
    statusNever: 'Belum dirayapi',
    statusPaused: 'Dijeda',
    statusSilent: 'senyap selama',
    hours: 'jam',
    tier_official: 'Resmi pemerintah',
    tier_state: 'Media negara',
    tier_national: 'Media nasional',
    tier_regional: 'Media daerah',
    tier_social: 'Akun sosial',
    updatedAt: 'Diperbarui',
    membumiTitle: 'Indeks Membumi',
    membumiHint: 'Bagian jangkauan yang berasal dari percakapan organik, berbahasa sehari-hari, di saluran tempat warga biasa berada (0–100). Titik per hari menurut WIB; hari tanpa jangkauan dibiarkan kosong.',
    membumiReading: '{index} dari 100: sekitar {index}% jangkauan periode ini adalah percakapan warga biasa dengan bahasa sehari-hari.',
    membumiNone: 'Belum ada sebutan berjangkauan untuk topik ini dalam rentang ini.',
    membumiChange: '{sign}{change} poin dibanding {days} hari sebelumnya ({prev})',
    membumiNoPrevious: 'Belum ada data periode sebelumnya untuk dibandingkan.',
    membumiTopic: 'Topik',
    partAudience: 'Saluran (siapa yang membawa)',
    partRegister: 'Bahasa (sehari-hari vs teknokratis)',
    partVoices: 'Suara (warga vs pejabat)',
    partOrganic: 'Organik (bukan salinan rilis)',
    colMembumi: 'Membumi',
    sentiment_positive: 'positif',
    sentiment_neutral: 'netral',
    sentiment_negative: 'negatif',
    register_elitist: 'elitis',
    register_grounded: 'membumi',
  },
  en: {
    tagline: 'Is the message reaching ordinary people?',
    demoBanner: 'Demo mode: data comes from a fictional news site on 127.0.0.1, not from real media.',
    filters: 'Filters',
    range: 'Range',
    last7: 'Last 7 days',
    last30: 'Last 30 days',
    last90: 'Last 90 days',
    custom: 'Pick dates',
    from: 'From',
    to: 'To',
    kind: 'Source kind',
    allKinds: 'All',
    kindNews: 'News',
    kindSocial: 'Social media',
    topic: 'Topic',
    allTopics: 'All topics',
    keyMessage: 'Key message',
    allKeyMessages: 'All messages',
    chartTitle: 'Mentions per day',
    chartHint: 'One line per topic; days in WIB (Asia/Jakarta).',
    noData: 'No mentions in this range yet.',
    latestTitle: 'Latest mentions',
    kindChartTitle: 'News and social media per day',
    kindChartHint: 'Mentions of the chosen topic (or all topics) in news media and in public social media posts.',
    colTime: 'Time (WIB)',
    colTitle: 'Title',
    colSource: 'Source',
    colKind: 'Kind',
    noMentions: 'No matching mentions yet.',
    loadMore: 'Load more',
    news: 'News',
    social: 'Social',
    loadError: 'Could not load data',
    sourcesTitle: 'Sources and crawl health',
    colTier: 'Tier',
    colLastCrawl: 'Last crawled',
    colStatus: 'Status',
    colMentions: 'Mentions',
    colPerDay: 'Per day (7 days)',
    statusOk: 'OK',
    statusError: 'Failing',
    statusNever: 'Not crawled yet',
    statusPaused: 'Paused',
    statusSilent: 'silent for',
    hours: 'hours',
    tier_official: 'Government official',
    tier_state: 'State media',
    tier_national: 'National media',
    tier_regional: 'Regional media',
    tier_social: 'Social account',
    updatedAt: 'Updated',
    membumiTitle: 'Membumi index',
    membumiHint: 'The share of reach that came from organic conversation, in everyday language, in channels where ordinary people are (0–100). One point per Asia/Jakarta day; days without reach are left empty.',
    membumiReading: '{index} of 100: about {index}% of this period\'s reach was ordinary people talking in everyday words.',
    membumiNone: 'No mentions with reach for this topic in this range yet.',
    membumiChange: '{sign}{change} points against the {days} days before ({prev})',
    membumiNoPrevious: 'No data for the period before to compare with.',
    membumiTopic: 'Topic',
    partAudience: 'Channel (who carried it)',
    partRegister: 'Language (everyday vs technocratic)',
    partVoices: 'Voices (citizens vs officials)',
    partOrganic: 'Organic (not a release copy)',
    colMembumi: 'Membumi',
    sentiment_positive: 'positive',
    sentiment_neutral: 'neutral',
    sentiment_negative: 'negative',
    register_elitist: 'elitist',
    register_grounded: 'grounded',
  },
} as const;

export type TextKey = keyof (typeof TEXT)['id'];

let lang: Lang = localStorage.getItem('gaung.lang') === 'en' ? 'en' : 'id';

export const getLang = () => lang;
export const t = (key: TextKey): string => TEXT[lang][key];

/** A text with {name} placeholders filled in (values are plain text; the caller puts the result in textContent). */
export const tf = (key: TextKey, values: Record<string, string | number>): string =>
  t(key).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));

export function setLang(next: Lang): void {
  lang = next;
  localStorage.setItem('gaung.lang', next);
  applyStaticText();
}

/** Fills every element marked data-i18n (text) or data-i18n-label (aria-label); text only, never HTML. */
export function applyStaticText(): void {
  document.documentElement.lang = lang;
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n as TextKey);
  });
  document.querySelectorAll<HTMLElement>('[data-i18n-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel as TextKey));
  });
  document.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang)));
}
