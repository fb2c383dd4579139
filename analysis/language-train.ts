/**
 * `npm run model:language`: learns models/language.json (analysis/language.ts) from NusaX train (the same 500
 * sentences in twelve languages) and SmSA train (Indonesian reviews and comments, informal spelling). The margin
 * Indonesian gets is chosen on NusaX valid and SmSA valid (macro accuracy over the languages); the NusaX test
 * split is never read. Prints accuracy per language on the valid splits.
 */
import fs from 'node:fs';
import { NUSAX_LANGUAGES, readNusax, readSmsa, type NusaxLanguage } from './datasets.js';
import { readLexicon } from './lexicon-file.js';
import { detectLanguage, languageFeatures, type LanguageModel } from './language.js';

const ALPHA = 0.1;
const MIN_COUNT = 3;
const MAX_CHARS = 600;
const MARGINS = [0, 1, 2, 3, 4, 6, 8, 10, 12, 15];

interface Row { text: string; language: string; weight?: number }

/**
 * NusaX gives 500 sentences a language; SmSA 11,000 in Indonesian. Left as they are, Indonesian's counts would
 * be spread over a far larger vocabulary than the others', so SmSA rows are weighted down to about as many
 * words as NusaX's Indonesian.
 */
function rows(split: 'train' | 'valid'): Row[] {
  const out: Row[] = [];
  for (const [name, code] of Object.entries(NUSAX_LANGUAGES)) for (const r of readNusax(name as NusaxLanguage, split)) out.push({ text: r.text, language: code });
  const smsa = readSmsa(split);
  const weight = split === 'train' ? Math.min(1, (2 * 500) / smsa.length) : 1;
  for (const r of smsa) out.push({ text: r.text, language: 'id', weight });
  // Chat spellings Indonesians write (gue, bgt, nih): Indonesian words NusaX's translated sentences rarely hold.
  if (split === 'train') for (const [slang] of readLexicon('slang.tsv')) out.push({ text: slang!, language: 'id' });
  return out;
}

export function trainLanguageModel(train: Row[], margin = 0): LanguageModel {
  const languages = Object.values(NUSAX_LANGUAGES) as string[];
  const k = languages.length;
  const counts = new Map<string, number[]>();
  const seen = new Map<string, number>();
  const totals = new Array<number>(k).fill(0);
  for (const row of train) {
    const li = languages.indexOf(row.language);
    for (const f of languageFeatures(row.text, MAX_CHARS)) {
      let c = counts.get(f);
      if (!c) counts.set(f, (c = new Array<number>(k).fill(0)));
      c[li]! += row.weight ?? 1;
      seen.set(f, (seen.get(f) ?? 0) + 1);
      totals[li]! += row.weight ?? 1;
    }
  }
  const kept = [...counts].filter(([f]) => seen.get(f)! >= MIN_COUNT);
  const vocab = kept.length;
  const denom = totals.map((t) => t + ALPHA * vocab);
  const features: Record<string, number[]> = {};
  for (const [f, c] of kept) features[f] = c.map((n, i) => Math.round(Math.log((n + ALPHA) / denom[i]!) * 100));
  return { languages, features, margin, shortWords: 4, shortMargin: margin, maxChars: MAX_CHARS };
}

/** Accuracy per language, and their mean. */
export function languageAccuracy(model: LanguageModel, test: Row[]): { perLanguage: Record<string, { n: number; accuracy: number }>; macro: number } {
  const by = new Map<string, { n: number; right: number }>();
  for (const row of test) {
    const s = by.get(row.language) ?? { n: 0, right: 0 };
    s.n++;
    if (detectLanguage(row.text, model).language === row.language) s.right++;
    by.set(row.language, s);
  }
  const perLanguage = Object.fromEntries([...by].map(([l, s]) => [l, { n: s.n, accuracy: s.right / s.n }]));
  const accs = Object.values(perLanguage).map((v) => v.accuracy);
  return { perLanguage, macro: accs.reduce((a, b) => a + b, 0) / accs.length };
}

function main(): void {
  const model = trainLanguageModel(rows('train'));
  const valid = rows('valid');
  // Ties go to the larger margin: real streams are mostly Indonesian.
  const choose = (field: 'margin' | 'shortMargin', from: number) => {
    let best = { value: from, macro: -1 };
    for (const value of MARGINS.filter((m) => m >= from)) {
      const { macro } = languageAccuracy({ ...model, [field]: value, ...(field === 'margin' ? { shortMargin: value } : {}) }, valid);
      console.log(`${field} ${String(value).padStart(2)}: macro accuracy ${macro.toFixed(4)}`);
      if (macro >= best.macro) best = { value, macro };
    }
    return best.value;
  };
  model.margin = model.shortMargin = choose('margin', 0);
  model.shortMargin = choose('shortMargin', model.margin);
  const report = languageAccuracy(model, valid);
  for (const [l, v] of Object.entries(report.perLanguage)) console.log(`${l.padEnd(4)} n=${String(v.n).padStart(5)} accuracy ${v.accuracy.toFixed(3)}`);
  const file = new URL('./models/language.json', import.meta.url);
  fs.mkdirSync(new URL('./models/', import.meta.url), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(model));
  console.log(`margin ${model.margin}; ${Object.keys(model.features).length} features; wrote ${file.pathname} (${(fs.statSync(file).size / 1e6).toFixed(1)} MB)`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
