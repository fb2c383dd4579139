import type { Sql } from '../../core/db.js';
import type { ExportFormat, ExportQuery } from './exports.schema.js';

/** A background export as stored (migration 0014); its file is in export_chunks. */
export interface ExportRecord {
  id: number;
  owner_id: number;
  format: ExportFormat;
  filters: ExportQuery;
  status: 'queued' | 'running' | 'done' | 'failed';
  rows_done: number;
  rows_total: number | null;
  rows_skipped: number;
  error: string | null;
  byte_size: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  expires_at: Date;
}

const COLUMNS = (sql: Sql) => sql`id, owner_id, format, filters, status, rows_done, rows_total, rows_skipped, error, byte_size::float8 as byte_size,
  created_at, started_at, finished_at, expires_at`;

export async function createExport(sql: Sql, e: { ownerId: number; format: ExportFormat; filters: ExportQuery }): Promise<ExportRecord> {
  const [row] = await sql<ExportRecord[]>`
    insert into exports (owner_id, format, filters) values (${e.ownerId}, ${e.format}, ${sql.json(e.filters)}) returning ${COLUMNS(sql)}`;
  return row!;
}

/** Exports of this owner waiting for a worker or being written. */
export async function countPendingExports(sql: Sql, ownerId: number): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from exports where owner_id = ${ownerId} and status in ('queued', 'running') and expires_at > now()`;
  return row!.n;
}

/** An export that has not expired yet. */
export async function getExport(sql: Sql, id: number): Promise<ExportRecord | null> {
  const [row] = await sql<ExportRecord[]>`select ${COLUMNS(sql)} from exports where id = ${id} and expires_at > now()`;
  return row ?? null;
}

export async function listExports(sql: Sql, ownerId: number, limit = 20): Promise<ExportRecord[]> {
  return sql<ExportRecord[]>`
    select ${COLUMNS(sql)} from exports where owner_id = ${ownerId} and expires_at > now() order by created_at desc, id desc limit ${limit}`;
}

/** Starts (or restarts, after a crash) writing an export: whatever an earlier attempt stored is dropped. */
export async function startExport(sql: Sql, id: number, total: number): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`delete from export_chunks where export_id = ${id}`;
    await tx`update exports set status = 'running', started_at = now(), rows_done = 0, rows_total = ${total}, rows_skipped = 0,
             error = null, byte_size = 0 where id = ${id}`;
  });
}

export async function appendChunk(sql: Sql, id: number, seq: number, data: Buffer, progress: { done: number; skipped: number }): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`insert into export_chunks (export_id, seq, data) values (${id}, ${seq}, ${data})`;
    await tx`update exports set rows_done = ${progress.done}, rows_skipped = ${progress.skipped}, byte_size = byte_size + ${data.length} where id = ${id}`;
  });
}

export async function reportProgress(sql: Sql, id: number, progress: { done: number; skipped: number }): Promise<void> {
  await sql`update exports set rows_done = ${progress.done}, rows_skipped = ${progress.skipped} where id = ${id}`;
}

/** The file is complete; the download link lasts 24 hours from now. */
export async function finishExport(sql: Sql, id: number, progress: { done: number; skipped: number }): Promise<void> {
  await sql`update exports set status = 'done', rows_done = ${progress.done}, rows_skipped = ${progress.skipped}, finished_at = now(),
            expires_at = now() + interval '24 hours' where id = ${id}`;
}

/** A failed attempt: `final` when no retry follows (the export then shows the error). */
export async function failExport(sql: Sql, id: number, message: string, final: boolean): Promise<void> {
  await sql`update exports set status = ${final ? 'failed' : 'queued'}, error = ${message}, finished_at = ${final ? sql`now()` : null}
            where id = ${id}`;
}

/** The stored file, one chunk at a time. */
export async function* exportChunks(sql: Sql, id: number): AsyncGenerator<Buffer> {
  for await (const rows of sql<{ data: Buffer }[]>`select data from export_chunks where export_id = ${id} order by seq`.cursor(1)) {
    for (const r of rows) yield r.data;
  }
}

/** Deletes exports (and their chunks) past their expiry; returns how many. */
export async function deleteExpiredExports(sql: Sql): Promise<number> {
  const rows = await sql`delete from exports where expires_at <= now() returning id`;
  return rows.length;
}
