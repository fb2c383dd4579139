import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvLine, xlsxCell, type Cell } from './cells.js';
import { EXPORT_COLUMNS } from './exports.repo.js';
import type { ExportFormat, ExportQuery } from './exports.schema.js';

/**
 * The bytes of a mentions export, as CSV or XLSX, produced while the rows are read: the direct export routes
 * stream them to the client, the background export job stores them in chunks. Both write the same file.
 */
export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const exportFileName = (q: ExportQuery, format: ExportFormat) => `gaung-sebutan-${q.from}_${q.to}${q.topic ? `-topik-${q.topic}` : ''}.${format}`;
export const exportHeaders = (q: ExportQuery) => EXPORT_COLUMNS.map(([id, en]) => (q.lang === 'en' ? en : id));

export async function* csvBytes(headers: string[], rows: AsyncIterable<Cell[]>): AsyncGenerator<Buffer> {
  yield Buffer.from(`\uFEFF${csvLine(headers)}`); // the byte-order mark makes Excel read UTF-8
  for await (const row of rows) yield Buffer.from(csvLine(row));
}

const wide = (h: string) => h === 'judul' || h === 'title' || h === 'cuplikan' || h === 'excerpt';

/** An XLSX workbook written by exceljs's streaming writer; rows wait while the reader has not taken what was written. */
export async function* xlsxBytes(headers: string[], sheetName: string, rows: AsyncIterable<Cell[]>): AsyncGenerator<Buffer> {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const sheet = book.addWorksheet(sheetName);
  sheet.columns = headers.map((h) => ({ header: h, key: h, width: wide(h) ? 60 : 18 }));
  let stopped = false;
  const drained = () => new Promise<void>((resolve) => (out.once('drain', resolve), out.once('close', resolve)));
  const writing = (async () => {
    for await (const row of rows) {
      if (stopped) return;
      sheet.addRow(row.map(xlsxCell)).commit();
      if (out.writableNeedDrain) await drained();
    }
    sheet.commit();
    await book.commit();
  })().catch((err: Error) => void out.destroy(err));
  try {
    for await (const chunk of out) yield chunk as Buffer;
    await writing;
  } finally {
    stopped = true;
    out.destroy();
  }
}

export function exportBytes(format: ExportFormat, q: ExportQuery, rows: AsyncIterable<Cell[]>): AsyncGenerator<Buffer> {
  return format === 'csv' ? csvBytes(exportHeaders(q), rows) : xlsxBytes(exportHeaders(q), q.lang === 'en' ? 'Mentions' : 'Sebutan', rows);
}
