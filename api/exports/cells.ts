import type { Context } from 'hono';
/**
 * Export cells that spreadsheets cannot mistake for formulas: a text beginning with =, +, -, @, a tab or a
 * carriage return gets a leading apostrophe (OWASP's advice for CSV injection), so crawled text such as
 * "=HYPERLINK(…)" shows as text in Excel, LibreOffice and Google Sheets. Numbers and dates stay values.
 */
export type Cell = string | number | null;

export function neutralize(value: Cell): Cell {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV record (RFC 4180): every cell neutralised, quoted when it holds a comma, quote or line break. */
export function csvLine(cells: Cell[]): string {
  return `${cells
    .map((c) => {
      const v = neutralize(c);
      if (v === null) return '';
      const s = String(v);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',')}\r\n`;
}

/** Characters XML 1.0 forbids (control characters, lone surrogates): one in a crawled text would make the whole XLSX unreadable. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** An XLSX cell: neutralised like a CSV cell, and without the characters an XLSX file cannot hold. */
export function xlsxCell(value: Cell): Cell {
  const v = neutralize(value);
  return typeof v === 'string' ? v.replace(NOT_XML, '') : v;
}

/** A chart's rows as a CSV download: spreadsheet-safe cells, a byte-order mark so Excel reads UTF-8. */
export function csvAnswer(c: Context, fileName: string, header: string[], rows: Cell[][]): Response {
  c.header('content-type', 'text/csv; charset=utf-8');
  c.header('content-disposition', `attachment; filename="${fileName}"`);
  return c.body(`\uFEFF${[csvLine(header), ...rows.map(csvLine)].join('')}`);
}
