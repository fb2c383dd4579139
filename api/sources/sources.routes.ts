import { Hono } from 'hono';
import { enqueueCrawlNow, scheduleSource, unscheduleSource } from '../../core/schedule.js';
import type { AppDeps } from '../app.js';
import { idParam } from '../common.schema.js';
import { ApiError, notFound, parseInput, readJson } from '../errors.js';
import { createSource, deleteSource, getSourceById, listSources, updateSource } from './sources.repo.js';
import { createSourceBody, kindConfigSchema, previewSourceBody, updateSourceBody } from './sources.schema.js';
import { assertPublicSource, BlockedUrlError } from '../../core/ssrf.js';

/** Sources and their health; every change is mirrored to the source's crawl schedule in Redis. */
/** A source URL that points inside our network is refused before it is stored. */
async function checkAddress(url: string, policy: AppDeps['addressPolicy']): Promise<void> {
  try {
    await assertPublicSource(url, policy);
  } catch (err) {
    if (err instanceof BlockedUrlError) throw new ApiError(400, 'invalid_request', `url: ${err.message}`);
    throw err;
  }
}

export function sourceRoutes({ sql, crawlQueue, addressPolicy, previewSource }: AppDeps) {
  return new Hono()
    .get('/', async (c) => c.json({ data: await listSources(sql) }))
    .post('/preview', async (c) => {
      const body = parseInput(previewSourceBody, await readJson(c.req.raw));
      await checkAddress(body.url.replace('{query}', 'gaung'), addressPolicy);
      try {
        return c.json({ data: await previewSource(body) });
      } catch (err) {
        // the URL gave nothing usable: say why, as the analyst's error, not ours
        throw new ApiError(422, 'preview_failed', (err as Error).message);
      }
    })
    .post('/', async (c) => {
      const body = parseInput(createSourceBody, await readJson(c.req.raw));
      await checkAddress(body.url.replace('{query}', 'gaung'), addressPolicy);
      const source = await createSource(sql, body);
      if (!source) throw new ApiError(409, 'conflict', `a source with url ${body.url} already exists`);
      await scheduleSource(crawlQueue, source);
      return c.json({ data: source }, 201);
    })
    .patch('/:id', async (c) => {
      const { id } = parseInput(idParam, c.req.param());
      const body = parseInput(updateSourceBody, await readJson(c.req.raw));
      const current = await getSourceById(sql, id);
      if (!current) throw notFound(`source ${id}`);
      const config = body.config === undefined ? undefined : parseInput(kindConfigSchema(current.kind), body.config);
      const source = await updateSource(sql, id, { ...body, config });
      if (!source) throw notFound(`source ${id}`);
      await scheduleSource(crawlQueue, source);
      return c.json({ data: source });
    })
    .delete('/:id', async (c) => {
      const { id } = parseInput(idParam, c.req.param());
      if (!(await deleteSource(sql, id))) throw notFound(`source ${id}`);
      await unscheduleSource(crawlQueue, id);
      return c.body(null, 204);
    })
    .post('/:id/crawl', async (c) => {
      const { id } = parseInput(idParam, c.req.param());
      const [exists] = await sql`select 1 from sources where id = ${id}`;
      if (!exists) throw notFound(`source ${id}`);
      const jobId = await enqueueCrawlNow(crawlQueue, id);
      return c.json({ data: { jobId } }, 202);
    });
}
