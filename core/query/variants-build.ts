import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { REGIONAL_LANGUAGES, VARIANTS_FILE, type RegionalLanguage } from './variants-data.js';
import { mineParallelPairs, type MinedPair } from './variants-mine.js';

/**
 * `npm run variants:build [-- <nusax folder>]` writes core/query/regional-variants.tsv: regional-language
 * equivalents of Indonesian words, from the NusaX lexicon and mined from NusaX's parallel sentences. The
 * NusaX folder comes from the argument, else NUSAX_DIR, else ../shared/datasets/nusax; the app itself only
 * ever reads the committed TSV.
 */
const dir = path.resolve(process.argv[2] ?? process.env.NUSAX_DIR ?? path.join(import.meta.dirname, '../../../shared/datasets/nusax'));

/** RFC 4180 rows (csv-parse): quoted fields may hold commas, doubled quotes and line breaks; blank rows dropped. */
export function parseCsv(text: string): string[][] {
  const rows = parse(text, { relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'], bom: true }) as string[][];
  return rows.filter((r) => r.some((f) => f.trim()));
}

/**
 * A lexicon cell as clean variants: notes in parentheses and quotes dropped, "a, b" and "a / b" split, spaces
 * collapsed; cells that are explanations (an "=", more than three words) give nothing.
 */
export function cleanLexiconCell(cell: string): string[] {
  const text = cell.replace(/\(.*$/s, '').replace(/"/g, '').toLowerCase();
  return text
    .split(/[,;/]/)
    .map((v) => v.replace(/\s+/g, ' ').trim())
    .filter((v) => v && !v.includes('=') && v.split(' ').length <= 3 && /^[\p{L}\p{N}][\p{L}\p{N}'’\- ]*$/u.test(v));
}

interface Row {
  indonesian: string;
  language: RegionalLanguage;
  variant: string;
  source: 'lexicon' | 'parallel';
  evidence: string;
}

function read(file: string): string {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: give the NusaX folder as an argument or in NUSAX_DIR`);
  return fs.readFileSync(full, 'utf8');
}

function lexiconRows(language: RegionalLanguage, folder: string): Row[] {
  const [header, ...rows] = parseCsv(read(`lexicon/${folder}.csv`));
  if (header?.[1]?.trim() !== 'indonesian') throw new Error(`lexicon/${folder}.csv: expected the columns ,indonesian,${folder}`);
  const out: Row[] = [];
  for (const r of rows) {
    const indonesian = (r[1] ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
    if (!/^[\p{L}][\p{L}\- ]*$/u.test(indonesian)) continue;
    for (const variant of cleanLexiconCell(r[2] ?? '')) {
      if (variant !== indonesian) out.push({ indonesian, language, variant, source: 'lexicon', evidence: '' });
    }
  }
  return out;
}

function parallelRows(language: RegionalLanguage, folder: string): Row[] {
  const pairs: [string, string][] = [];
  for (const split of ['train', 'valid']) {
    const [header, ...rows] = parseCsv(read(`mt/${split}.csv`));
    const id = header!.indexOf('indonesian');
    const other = header!.indexOf(folder);
    if (id < 0 || other < 0) throw new Error(`mt/${split}.csv: no "indonesian" or "${folder}" column`);
    for (const r of rows) if (r[id]?.trim() && r[other]?.trim()) pairs.push([r[id]!, r[other]!]);
  }
  return mineParallelPairs(pairs).map((p: MinedPair) => ({
    indonesian: p.indonesian,
    language,
    variant: p.variant,
    source: 'parallel',
    evidence: `${p.together}/${p.indonesianCount}/${p.variantCount} dice=${p.dice.toFixed(2)}`,
  }));
}

function main(): void {
  const rows: Row[] = [];
  const counts: string[] = [];
  for (const [language, { folder }] of Object.entries(REGIONAL_LANGUAGES) as [RegionalLanguage, { folder: string }][]) {
    const lexicon = dedupe(lexiconRows(language, folder));
    const parallel = dedupe(parallelRows(language, folder));
    const known = new Set(lexicon.map((r) => `${r.indonesian}\t${r.variant}`));
    const both = parallel.filter((r) => known.has(`${r.indonesian}\t${r.variant}`)).length;
    rows.push(...lexicon, ...parallel);
    counts.push(`${folder.padEnd(12)} lexicon ${String(lexicon.length).padStart(5)}  parallel ${String(parallel.length).padStart(4)} (${both} also in the lexicon)`);
  }
  rows.sort((a, b) => a.indonesian.localeCompare(b.indonesian) || a.language.localeCompare(b.language) || a.source.localeCompare(b.source) || a.variant.localeCompare(b.variant));
  const header = [
    '# Regional-language equivalents of Indonesian words: what the topic editor suggests as keyword variants.',
    '# Derived from NusaX (Winata et al., "NusaX: Multilingual Parallel Sentiment Dataset for 10 Indonesian Local',
    '# Languages", EACL 2023; https://github.com/IndoNLP/nusax): its lexicon (source=lexicon) and word pairs mined',
    '# from its parallel sentences (source=parallel; evidence = sentences with both / with the Indonesian word /',
    '# with the variant, and the Dice coefficient). Licence: Creative Commons Attribution-ShareAlike 4.0',
    '# (https://creativecommons.org/licenses/by-sa/4.0/); this file is shared under the same licence.',
    '# Made by `npm run variants:build` (core/query/variants-build.ts); do not edit by hand.',
    'indonesian\tlanguage\tvariant\tsource\tevidence',
  ];
  fs.writeFileSync(VARIANTS_FILE, `${[...header, ...rows.map((r) => [r.indonesian, r.language, r.variant, r.source, r.evidence].join('\t'))].join('\n')}\n`);
  console.log(`${counts.join('\n')}\n${rows.length} rows → ${path.relative(process.cwd(), VARIANTS_FILE)}`);
}

function dedupe(rows: Row[]): Row[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.indonesian}\t${r.variant}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) main();
