import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The regional-language variants Gaung ships (regional-variants.tsv, built by `npm run variants:build` from
 * NusaX; CC BY-SA 4.0): Indonesian word → its equivalents per language, each with where it came from.
 */
export const REGIONAL_LANGUAGES = {
  jv: { folder: 'javanese', name: 'Javanese' },
  su: { folder: 'sundanese', name: 'Sundanese' },
  ban: { folder: 'balinese', name: 'Balinese' },
  min: { folder: 'minangkabau', name: 'Minangkabau' },
  ace: { folder: 'acehnese', name: 'Acehnese' },
  bjn: { folder: 'banjarese', name: 'Banjarese' },
  bug: { folder: 'buginese', name: 'Buginese' },
  mad: { folder: 'madurese', name: 'Madurese' },
  nij: { folder: 'ngaju', name: 'Ngaju' },
  bbc: { folder: 'toba_batak', name: 'Toba Batak' },
} as const;
export type RegionalLanguage = keyof typeof REGIONAL_LANGUAGES;
export const REGIONAL_LANGUAGE_CODES = Object.keys(REGIONAL_LANGUAGES) as RegionalLanguage[];

export type VariantSource = 'lexicon' | 'parallel';
export const VARIANT_SOURCES = ['lexicon', 'parallel'] as const;

export interface WordVariant {
  language: RegionalLanguage;
  variant: string;
  sources: VariantSource[];
}

export const VARIANTS_FILE = fileURLToPath(new URL('./regional-variants.tsv', import.meta.url));

export type VariantTable = Map<string, WordVariant[]>;

/** Reads the TSV into Indonesian word → variants (one entry per language and variant, its sources merged). */
export function parseVariantTable(text: string): VariantTable {
  const table: VariantTable = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#') || line.startsWith('indonesian\t')) continue;
    const [indonesian, language, variant, source] = line.split('\t');
    if (!indonesian || !variant || !(language! in REGIONAL_LANGUAGES) || !VARIANT_SOURCES.includes(source as VariantSource)) continue;
    const list = table.get(indonesian) ?? [];
    const same = list.find((v) => v.language === language && v.variant === variant);
    if (same) same.sources.includes(source as VariantSource) || same.sources.push(source as VariantSource);
    else list.push({ language: language as RegionalLanguage, variant, sources: [source as VariantSource] });
    table.set(indonesian, list);
  }
  return table;
}

let loaded: VariantTable | null = null;
/** The shipped table, read once. */
export function variantTable(): VariantTable {
  return (loaded ??= parseVariantTable(fs.readFileSync(VARIANTS_FILE, 'utf8')));
}
