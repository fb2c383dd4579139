import { Hono } from 'hono';
import { minhashSignature } from '../../analysis/similarity.js';
import type { AppDeps } from '../app.js';
import { enqueueReanalysis } from '../../core/jobs.js';
import { idParam } from '../common.schema.js';
import { ApiError, notFound, parseInput, readJson } from '../errors.js';
import { createPressRelease, deletePressRelease, getPressRelease, listPickups, listPressReleases } from './press-releases.repo.js';
import { createPressReleaseBody } from './press-releases.schema.js';

/** The campaign's own press releases, and which outlets picked each one up. */
export function pressReleaseRoutes({ sql, previewSource, analysisQueue }: AppDeps) {
  // Pickups of a release are not organic: when one is registered or removed, its pickups are re-scored.
  const rescorePickups = async (id: number, reason: string) => {
    const mentionIds = (await listPickups(sql, id)).map((p) => p.id);
    if (mentionIds.length > 0) await enqueueReanalysis(analysisQueue, { scope: 'ids', mentionIds, reason });
    return mentionIds;
  };
  return new Hono()
    .get('/', async (c) => c.json({ data: await listPressReleases(sql) }))
    .post('/', async (c) => {
      const body = parseInput(createPressReleaseBody, await readJson(c.req.raw));
      let title = body.title ?? null;
      let text = body.text ?? null;
      let publishedAt = body.published_at ? new Date(body.published_at) : null;
      if (!text && body.url) {
        const preview = await previewSource({ url: body.url, kind: 'page', limit: 1 }).catch((err: Error) => {
          throw new ApiError(422, 'release_unreadable', err.message);
        });
        const item = preview.items[0];
        if (!item) throw new ApiError(422, 'release_unreadable', `no release text found at ${body.url}: ${preview.failed[0]?.reason ?? 'empty page'}`);
        title ??= item.title;
        text = item.body;
        publishedAt ??= item.published_at ? new Date(item.published_at) : null;
      }
      const signature = minhashSignature(text!);
      if (!signature) throw new ApiError(400, 'invalid_request', 'text: the release is too short to recognise copies of it');
      const release = await createPressRelease(sql, { title: title!, url: body.url ?? null, body: text!, publishedAt, signature });
      if (!release) throw new ApiError(409, 'conflict', `a press release with url ${body.url} is already registered`);
      await rescorePickups(release.id, `press release ${release.id} registered`);
      return c.json({ data: release }, 201);
    })
    .get('/:id', async (c) => {
      const { id } = parseInput(idParam, c.req.param());
      const release = await getPressRelease(sql, id);
      if (!release) throw notFound(`press release ${id}`);
      return c.json({ data: { ...release, pickups: await listPickups(sql, id) } });
    })
    .delete('/:id', async (c) => {
      const { id } = parseInput(idParam, c.req.param());
      const pickups = (await listPickups(sql, id)).map((p) => p.id);
      if (!(await deletePressRelease(sql, id))) throw notFound(`press release ${id}`);
      if (pickups.length > 0) await enqueueReanalysis(analysisQueue, { scope: 'ids', mentionIds: pickups, reason: `press release ${id} removed` });
      return c.body(null, 204);
    });
}
