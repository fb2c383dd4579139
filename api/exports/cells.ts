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
