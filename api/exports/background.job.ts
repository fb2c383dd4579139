import { UnrecoverableError, type Job } from 'bullmq';
import type { Sql } from '../../core/db.js';
import type { JobPayloads } from '../../core/jobs.js';
import type { Logger } from '../../core/logger.js';
import type { Cell } from './cells.js';
import { appendChunk, deleteExpiredExports, failExport, finishExport, getExport, reportProgress, startExport } from './background.repo.js';
import { countExportRows, exportRows } from './exports.repo.js';
import { exportQuery } from './exports.schema.js';
import { exportBytes } from './writers.js';

/** Bytes per stored chunk: one chunk in memory at a time, however large the export. */
const CHUNK_BYTES = 512 * 1024;
/** Progress is written at least this often (in rows) even while a chunk is filling. */
const PROGRESS_EVERY = 1000;

export interface ExportProgress {
  done: number;
  total: number;
}

/**
 * Writes a background export: the rows for its stored filters, through the same CSV/XLSX writers as the
 * direct export, into export_chunks as they come, with rows done/total on the export and the job. A row that
 * cannot be written is skipped and counted; an error that ends the export is stored on it for the dashboard.
 */
export async function runExportJob(sql: Sql, logger: Logger, job: Job<JobPayloads['exportMentions']>): Promise<ExportProgress & { bytes: number }> {
  const { exportId } = job.data;
  const log = logger.child({ jobId: job.id, exportId });
  const expired = await deleteExpiredExports(sql);
  if (expired > 0) log.info({ expired }, 'expired exports deleted');
  const record = await getExport(sql, exportId);
  if (!record) throw new UnrecoverableError(`export ${exportId} does not exist or has expired`);
  if (record.status === 'done') return { done: record.rows_done, total: record.rows_total ?? record.rows_done, bytes: record.byte_size };
  const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  try {
    const parsed = exportQuery.safeParse(record.filters);
    if (!parsed.success) {
      throw new UnrecoverableError(`the export's filters are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    const q = parsed.data;
    const total = await countExportRows(sql, q);
    await startExport(sql, exportId, total);
    await job.updateProgress({ done: 0, total } satisfies ExportProgress);

    const progress = { done: 0, skipped: 0 };
    const onBadRow = (mentionId: number, err: Error) => {
      progress.skipped++;
      log.warn({ mentionId, err: err.message }, 'export row skipped');
    };
    async function* counted(): AsyncGenerator<Cell[]> {
      for await (const row of exportRows(sql, q, onBadRow)) {
        progress.done++;
        yield row;
      }
    }
    let seq = 0;
    let bytes = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let reportedAt = 0;
    const flush = async () => {
      const data = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      await appendChunk(sql, exportId, seq++, data, progress);
      bytes += data.length;
      reportedAt = progress.done;
      await job.updateProgress({ done: progress.done, total } satisfies ExportProgress);
    };
    for await (const piece of exportBytes(record.format, q, counted())) {
      pending.push(piece);
      pendingBytes += piece.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
      else if (progress.done - reportedAt >= PROGRESS_EVERY) {
        reportedAt = progress.done;
        await reportProgress(sql, exportId, progress);
        await job.updateProgress({ done: progress.done, total } satisfies ExportProgress);
      }
    }
    if (pendingBytes > 0) await flush();
    await finishExport(sql, exportId, progress);
    log.info({ rows: progress.done, skipped: progress.skipped, bytes, format: record.format }, 'export written');
    return { done: progress.done, total, bytes };
  } catch (err) {
    const message = (err as Error).message || String(err);
    await failExport(sql, exportId, message, final || err instanceof UnrecoverableError);
    log.warn({ err: message, final }, 'export failed');
    throw err;
  }
}
