import { createRequire } from 'node:module';

/**
 * Indonesian stopwords from stopwords-iso, less the words that carry meaning for sentiment and register:
 * negators ("tidak", "bukan", "belum", "kurang", "jangan"), intensifiers and downtoners ("sangat", "agak"),
 * contrast ("tapi", "namun") and first/second person ("saya", "kita", "kamu", "anda").
 */
const require = createRequire(import.meta.url);
const iso = require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;

export const KEPT_WORDS = new Set([
  'tidak', 'tak', 'bukan', 'belum', 'kurang', 'jangan', 'tanpa', 'enggak',
  'sangat', 'amat', 'sekali', 'paling', 'terlalu', 'banget', 'agak', 'cukup', 'lebih', 'sedikit', 'makin', 'semakin',
  'tapi', 'tetapi', 'namun', 'sayangnya', 'padahal', 'walaupun', 'meskipun',
  'saya', 'aku', 'kita', 'kami', 'kamu', 'anda', 'engkau', 'kalian',
  'baik', 'benar', 'bagus', 'buruk', 'jelas', 'mudah', 'sulit', 'susah', 'penting', 'baru',
]);

const STOPWORDS = new Set((iso.id ?? []).filter((w) => !KEPT_WORDS.has(w)));

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}
