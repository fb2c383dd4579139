import { parse } from 'csv-parse/sync';

/** An RFC 4180 CSV text (after any byte-order mark) as rows of cells, read by csv-parse as a spreadsheet would. */
export function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: true }) as string[][];
}
