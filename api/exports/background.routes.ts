import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { enqueueExport } from '../../core/jobs.js';
import type { AppDeps } from '../app.js';
import { idParam } from '../common.schema.js';
import { ApiError, notFound, parseInput, readJson } from '../errors.js';
import { countPendingExports, createExport, deleteExpiredExports, exportChunks, getExport, listExports, type ExportRecord } from './background.repo.js';
import { createExportBody } from './exports.schema.js';
import { CONTENT_TYPES, exportFileName } from './writers.js';

/** What the API says about an export: its state, rows done of total, and the download link once ready. */
function view(e: ExportRecord) {
  return {
    id: e.id, format: e.format, status: e.status, filters: e.filters,
    progress: { done: e.rows_done, total: e.rows_total, skipped: e.rows_skipped },
    error: e.error, byte_size: e.byte_size, created_at: e.created_at, finished_at: e.finished_at, expires_at: e.expires_at,
    download: e.status === 'done' ? `/api/v1/exports/${e.id}/download` : null,
  };
}

const caller = (c: Context) => {
  const p = c.get('principal');
  if (!p?.user) throw new ApiError(401, 'unauthenticated', 'background exports belong to a signed-in user or a user\'s API token');
  return { userId: p.user.id, admin: p.role === 'admin' };
};

/**
 * Large exports as background jobs: `POST /` queues one for the filters, `GET /:id` tells its progress, and
 * `GET /:id/download` streams the finished file from PostgreSQL (any worker may have written it). An export
 * is its owner's (an admin sees all; anyone else gets a 404) and is deleted 24 hours after it is ready.
 */
/** Exports one person may have waiting or being written at once. */
export const MAX_PENDING_EXPORTS = 3;

export function backgroundExportRoutes({ sql, exportQueue }: AppDeps) {
  const owned = async (c: Context) => {
    const { id } = parseInput(idParam, c.req.param());
    const { userId, admin } = caller(c);
    const found = await getExport(sql, id);
    if (!found || (found.owner_id !== userId && !admin)) throw notFound(`export ${id}`);
    return found;
  };
  return new Hono()
    .post('/', async (c) => {
      const body = parseInput(createExportBody, await readJson(c.req.raw));
      const { userId } = caller(c);
      // One person cannot fill the export queue for everyone else.
      if ((await countPendingExports(sql, userId)) >= MAX_PENDING_EXPORTS) {
        throw new ApiError(429, 'too_many_exports', `you already have ${MAX_PENDING_EXPORTS} exports waiting or being written; start another once one is done`);
      }
      await deleteExpiredExports(sql);
      const created = await createExport(sql, { ownerId: userId, format: body.format, filters: body.filters });
      await enqueueExport(exportQueue, created.id);
      return c.json({ data: { ...view(created), status_url: `/api/v1/exports/${created.id}` } }, 202);
    })
    .get('/', async (c) => c.json({ data: (await listExports(sql, caller(c).userId)).map(view) }))
    .get('/:id', async (c) => c.json({ data: view(await owned(c)) }))
    .get('/:id/download', async (c) => {
      const e = await owned(c);
      if (e.status !== 'done') throw new ApiError(409, 'not_ready', `export ${e.id} is ${e.status}${e.error ? `: ${e.error}` : ''}; download it once it is done`);
      c.header('content-type', CONTENT_TYPES[e.format]);
      c.header('content-length', String(e.byte_size));
      c.header('content-disposition', `attachment; filename="${exportFileName(e.filters, e.format)}"`);
      return c.body(Readable.toWeb(Readable.from(exportChunks(sql, e.id))) as ReadableStream);
    });
}
