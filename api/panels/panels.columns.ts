import type { Panel } from './panels.schema.js';

/** Each panel's CSV columns: the row key, the header in Bahasa Indonesia, the header in English. */
export const PANEL_COLUMNS: Record<Panel, [key: string, id: string, en: string][]> = {
  volume: [['day', 'tanggal', 'day'], ['mentions', 'sebutan', 'mentions'], ['all_mentions', 'semua_item', 'all_items'], ['share', 'pangsa', 'share']],
  reach: [
    ['day', 'tanggal', 'day'], ['reach', 'jangkauan', 'reach'], ['organic_reach', 'jangkauan_organik', 'organic_reach'],
    ['echo_reach', 'jangkauan_gema_rilis', 'echo_reach'], ['official_reach', 'jangkauan_resmi', 'official_reach'],
  ],
  sentiment: [['day', 'tanggal', 'day'], ['positive', 'positif', 'positive'], ['neutral', 'netral', 'neutral'], ['negative', 'negatif', 'negative'], ['analysed', 'dianalisis', 'analysed']],
  tiers: [['tier', 'tingkat', 'tier'], ['mentions', 'sebutan', 'mentions'], ['reach', 'jangkauan', 'reach'], ['share', 'pangsa', 'share']],
  voices: [['day', 'tanggal', 'day'], ['official', 'suara_resmi', 'official_voices'], ['non_official', 'suara_warga', 'non_official_voices']],
  stories: [['day', 'tanggal', 'day'], ['originals', 'cerita_asli', 'originals'], ['pickups', 'salinan', 'pickups']],
  sources: [['source', 'sumber', 'source'], ['mentions', 'sebutan', 'mentions'], ['reach', 'jangkauan', 'reach']],
  speakers: [['voice', 'suara', 'voice'], ['class', 'golongan', 'class'], ['mentions', 'sebutan', 'mentions'], ['quotes', 'kutipan', 'quotes'], ['reach', 'jangkauan', 'reach']],
  terms: [['term', 'kata', 'term'], ['mentions', 'sebutan', 'mentions'], ['pull', 'tarikan_sentimen', 'sentiment_pull'], ['reach', 'jangkauan', 'reach']],
  provinces: [
    ['province', 'kode_provinsi', 'province_code'], ['name', 'provinsi', 'province'], ['mentions', 'sebutan', 'mentions'], ['reach', 'jangkauan', 'reach'],
    ['share', 'pangsa', 'share'], ['all_mentions', 'semua_item_provinsi', 'all_items_in_province'], ['share_of_province', 'pangsa_di_provinsi', 'share_of_province'],
  ],
  languages: [['language', 'bahasa', 'language'], ['mentions', 'sebutan', 'mentions'], ['reach', 'jangkauan', 'reach'], ['share', 'pangsa', 'share']],
  jargon: [
    ['term', 'istilah', 'term'], ['plain', 'padanan_sederhana', 'plain_alternative'], ['uses', 'kemunculan', 'uses'], ['mentions', 'sebutan', 'mentions'],
    ['elitist_mentions', 'sebutan_elitis', 'elitist_mentions'],
  ],
};
