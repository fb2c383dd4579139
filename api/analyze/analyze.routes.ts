import { Hono } from 'hono';
import { analyzeText } from '../../analysis/analyze.js';
import { adaptationProvider } from '../../core/adaptation.js';
import { enqueueReanalysis, JOBS, type ReanalyzeProgress } from '../../core/jobs.js';
import type { AppDeps } from '../app.js';
import { notFound, parseInput, readJson } from '../errors.js';
import { analyzeBody, reanalyzeBody, reanalyzeJobParam } from './analyze.schema.js';

/**
 * What Gaung reads from a text an analyst pastes in (the same analysis every mention gets at ingest, with the
 * deployment's adaptation: its corrections and its tracked topics' words), and the re-analysis of stored
 * mentions after the lexicons change, as a background job with progress.
 */
export function analyzeRoutes({ analysisQueue, sql, logger }: AppDeps) {
  // An analyst checks a text against what the deployment reads now: the adaptation is looked at on every request.
  const adaptation = adaptationProvider(sql, { checkEveryMs: 0, logger });
  return new Hono()
    .post('/', async (c) => {
      const body = parseInput(analyzeBody, await readJson(c.req.raw));
      return c.json({ data: analyzeText({ text: body.text, title: body.title, kind: body.kind }, { adaptation: await adaptation.current() }) });
    })
    .post('/reanalyze', async (c) => {
      const body = parseInput(reanalyzeBody, await readJson(c.req.raw));
      const jobId = await enqueueReanalysis(analysisQueue, { scope: body.scope, reason: 'requested through the API' });
      return c.json({ data: { jobId, status: `/api/v1/analyze/reanalyze/${jobId}` } }, 202);
    })
    .get('/reanalyze/:jobId', async (c) => {
      const { jobId } = parseInput(reanalyzeJobParam, c.req.param());
      const job = await analysisQueue.getJob(jobId);
      if (!job || job.name !== JOBS.reanalyzeMentions.name) throw notFound(`re-analysis job ${jobId}`);
      const progress = typeof job.progress === 'object' ? (job.progress as unknown as ReanalyzeProgress) : { done: 0, total: 0 };
      return c.json({
        data: {
          jobId,
          state: await job.getState(),
          scope: job.data.scope,
          done: progress.done ?? 0,
          total: progress.total ?? 0,
          failedReason: job.failedReason ?? null,
          finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
        },
      });
    });
}
