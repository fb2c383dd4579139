import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { NUSAX_LANGUAGES, type NusaxLanguage } from './language.js';
import { SENTIMENTS, type Sentiment } from './sentiment.js';

export { LANGUAGE_CODES, NUSAX_LANGUAGES, type LanguageCode, type NusaxLanguage } from './language.js';

/**
 * The labelled data Gaung learns from and is measured on, read from the shared datasets folder (never at run
 * time: the models learned from it are committed). SmSA: IndoNLU sentiment (MIT). NusaX: sentiment in
 * Indonesian, English and ten regional languages, a lexicon and parallel sentences (CC-BY-SA 4.0).
 */
export const DATASETS_DIR = process.env.GAUNG_DATASETS_DIR ?? path.resolve(import.meta.dirname, '../../shared/datasets');

export interface Labelled {
  text: string;
  label: Sentiment;
}

function requireFile(file: string): string {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: set GAUNG_DATASETS_DIR to the folder holding smsa/ and nusax/`);
  return fs.readFileSync(file, 'utf8');
}

function checkLabel(label: string, where: string): Sentiment {
  if (!SENTIMENTS.includes(label as Sentiment)) throw new Error(`${where}: label "${label}" is not positive, neutral or negative`);
  return label as Sentiment;
}

/** SmSA's `text<TAB>label` rows. */
export function readSmsa(split: 'train' | 'valid'): Labelled[] {
  const file = path.join(DATASETS_DIR, 'smsa', `${split}.tsv`);
  return requireFile(file)
    .split('\n')
    .flatMap((line, i) => {
      if (!line.trim()) return [];
      const tab = line.lastIndexOf('\t');
      if (tab < 0) throw new Error(`${file} line ${i + 1}: expected text<TAB>label`);
      return [{ text: line.slice(0, tab), label: checkLabel(line.slice(tab + 1).trim(), `${file} line ${i + 1}`) }];
    });
}

/** NusaX sentiment rows of one language: `id,text,label`. */
export function readNusax(language: NusaxLanguage, split: 'train' | 'valid'): (Labelled & { id: string })[] {
  const file = path.join(DATASETS_DIR, 'nusax', 'sentiment', language, `${split}.csv`);
  const rows = parse(requireFile(file), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  return rows.map((r, i) => ({ id: r.id!, text: r.text!, label: checkLabel(r.label ?? '', `${file} row ${i + 1}`) }));
}

/** NusaX's lexicon of one language: Indonesian headword → the regional words for it. */
export function readNusaxLexicon(language: Exclude<NusaxLanguage, 'indonesian'>): [indonesian: string, regional: string][] {
  const file = path.join(DATASETS_DIR, 'nusax', 'lexicon', `${language}.csv`);
  const rows = parse(requireFile(file), { columns: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as Record<string, string>[];
  return rows.flatMap((r) => (r.indonesian && r[language] ? [[r.indonesian.toLowerCase(), r[language]!.toLowerCase()] as [string, string]] : []));
}

export interface CampaignRow extends Labelled {
  id: string;
  split: 'tune' | 'heldout';
  register: 'news' | 'social';
}

/** Gaung's campaign sentiment set (analysis/eval/campaign-sentiment.tsv, written for Gaung): tune and held-out rows. */
export function readCampaignSet(file = new URL('./eval/campaign-sentiment.tsv', import.meta.url)): CampaignRow[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  if (header !== 'id\tsplit\tregister\tlabel\ttext') throw new Error('eval/campaign-sentiment.tsv: unexpected header');
  return lines.map((line, i) => {
    const [id, split, register, label, text] = line.split('\t');
    if (!text) throw new Error(`eval/campaign-sentiment.tsv line ${i + 2}: bad row`);
    return { id: id!, split: split as CampaignRow['split'], register: register as CampaignRow['register'], label: checkLabel(label ?? '', `eval/campaign-sentiment.tsv line ${i + 2}`), text };
  });
}

/** Mean of the per-class F1 scores (positive, neutral, negative). */
export function macroF1<T extends Labelled>(rows: T[], predict: (row: T) => Sentiment): number {
  const f1 = SENTIMENTS.map((c) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const row of rows) {
      const p = predict(row);
      if (p === c && row.label === c) tp++;
      else if (p === c) fp++;
      else if (row.label === c) fn++;
    }
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return (f1[0]! + f1[1]! + f1[2]!) / 3;
}
