import fs from 'node:fs';

/**
 * The lexicons are data files beside the code (analysis/lexicons/*.tsv), read once when a module first
 * loads. A row is tab-separated; blank lines and lines starting with # are notes for the people who edit them.
 */
const LEXICONS = new URL('./lexicons/', import.meta.url);

export function readLexicon(name: string): string[][] {
  const text = fs.readFileSync(new URL(name, LEXICONS), 'utf8');
  const rows: string[][] = [];
  text.split('\n').forEach((line, i) => {
    const trimmed = line.replace(/\r$/, '');
    if (!trimmed.trim() || trimmed.startsWith('#')) return;
    const cells = trimmed.split('\t').map((c) => c.trim());
    if (cells.some((c) => c.includes('\u0000'))) throw new Error(`lexicons/${name} line ${i + 1}: NUL byte`);
    rows.push(cells);
  });
  return rows;
}

/** A lexicon of `term<TAB>value` rows as a map; a term listed twice is an editing mistake and says where. */
export function readLexiconMap(name: string, minCells = 2): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of readLexicon(name)) {
    if (row.length < minCells) throw new Error(`lexicons/${name}: "${row.join(' ')}" needs ${minCells} tab-separated cells`);
    const key = row[0]!.toLowerCase();
    if (map.has(key)) throw new Error(`lexicons/${name}: "${key}" is listed twice`);
    map.set(key, row.slice(1));
  }
  return map;
}

/** A JSON lexicon (rules and weights with their "_doc"). */
export function readLexiconJson<T>(name: string): T {
  return JSON.parse(fs.readFileSync(new URL(name, LEXICONS), 'utf8')) as T;
}
