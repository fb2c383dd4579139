import { Hono } from 'hono';
import { csvAnswer } from '../exports/cells.js';
import { fillDays, DEFAULT_TZ } from '../../core/time.js';
import type { AppDeps } from '../app.js';
import { idParam } from '../common.schema.js';
import { ApiError, notFound, parseInput, readJson } from '../errors.js';
import { parseQuery, positiveTerms } from '../../core/query/parse.js';
import { backfillJobId, enqueueBackfill } from '../../core/jobs.js';
import { compareQueries, createTopic, deleteTopic, getTopic, getTopicSeries, listKeyMessages, listTopics, listTopicVersions, mentionCountAtMost, previewQuery, updateTopic, type BackfillMode } from './topics.repo.js';
import { createTopicBody, previewBody, seriesQuery, updateTopicBody } from './topics.schema.js';

/** The words and phrases a saved query looks for; none for a query saved before the query language that no longer parses. */
function termsOf(query: string): string[] {
  try {
    return positiveTerms(parseQuery(query));
  } catch {
    return [];
  }
}

const nameTaken = (name: string) => new ApiError(409, 'conflict', `a topic (or a key message of this topic) named "${name}" already exists`);

export function topicRoutes({ sql, analysisQueue, backfillInlineMax }: AppDeps) {
  /** Matches stored mentions now when there are few, else queues the backfill; what the response says about it. */
  const backfill = async (topic: { id: number; version: number; matched_version: number | null }) => {
    if (topic.matched_version === topic.version) return { state: 'done', status: `/api/v1/topics/${topic.id}/backfill` };
    await enqueueBackfill(analysisQueue, topic.id, topic.version);
    return { state: 'queued', status: `/api/v1/topics/${topic.id}/backfill` };
  };
  const mode = async () => ((await mentionCountAtMost(sql, backfillInlineMax)) ? 'inline' : 'later') as BackfillMode;
  return new Hono()
    .get('/', async (c) => c.json({ data: await listTopics(sql) }))
    .post('/', async (c) => {
      const body = parseInput(createTopicBody, await readJson(c.req.raw));
      if (body.parent_id) {
        const parent = await getTopic(sql, body.parent_id);
        if (!parent) throw new ApiError(422, 'invalid_parent', `parent_id: topic ${body.parent_id} does not exist`);
        if (parent.parent_id !== null) throw new ApiError(422, 'invalid_parent', `parent_id: topic ${body.parent_id} is itself a key message; key messages belong to a topic`);
      }
      const author = c.get('principal')?.user?.username ?? null;
      const topic = await createTopic(sql, { name: body.name, query: body.query, parentId: body.parent_id ?? null, author }, await mode());
      if (!topic) throw nameTaken(body.name);
      return c.json({ data: topic, backfill: await backfill(topic) }, 201);
    })
    .post('/preview', async (c) => {
      const body = parseInput(previewBody, await readJson(c.req.raw));
      const range = { from: body.from, to: body.to };
      const tree = parseQuery(body.query);
      const edited = await previewQuery(sql, tree, range);
      let current = null;
      if (body.topic_id !== undefined) {
        const topic = await getTopic(sql, body.topic_id);
        if (!topic) throw notFound(`topic ${body.topic_id}`);
        const now = await previewQuery(sql, parseQuery(topic.query), range);
        // what the edit adds and drops (regional-language variants, new terms), and which samples are new
        const diff = await compareQueries(sql, tree, parseQuery(topic.query), range, edited.samples.map((s) => s.id));
        edited.samples = edited.samples.map((s) => ({ ...s, new: diff.newIds.includes(Number(s.id)) }));
        current = { version: topic.version, query: topic.query, ...now, days: fillDays(now.days, range.from, range.to), added: diff.added, removed: diff.removed };
      }
      return c.json({
        data: { query: body.query, terms: positiveTerms(parseQuery(body.query)), ...range, ...edited, days: fillDays(edited.days, range.from, range.to), current },
      });
    })
    .get('/:id/backfill', async (c) => {
      const { id } = parseInput(idParam, c.req.param());
      const topic = await getTopic(sql, id);
      if (!topic) throw notFound(`topic ${id}`);
      if (topic.matched_version === topic.version) return c.json({ data: { version: topic.version, state: 'done', done: null, total: null } });
      const job = await analysisQueue.getJob(backfillJobId(id, topic.version));
      const progress = (job && typeof job.progress === 'object' ? job.progress : {}) as { done?: number; total?: number };
      return c.json({ data: { version: topic.version, state: job ? await job.getState() : 'missing', done: progress.done ?? 0, total: progress.total ?? null } });
    })
    .get('/:id/versions', async (c) => {
      const { id } = parseInput(idParam, c.req.param());
      if (!(await getTopic(sql, id))) throw notFound(`topic ${id}`);
      const versions = await listTopicVersions(sql, id);
      // Each version with what it added to and removed from the one before: the words and phrases it looks for.
      const data = versions.map((v, i) => {
        const before = versions[i + 1];
        const now = new Set(termsOf(v.query));
        const then = new Set(before ? termsOf(before.query) : []);
        return { ...v, added: [...now].filter((t) => !then.has(t)), removed: [...then].filter((t) => !now.has(t)) };
      });
      return c.json({ data });
    })
    .get('/:id', async (c) => {
      const { id } = parseInput(idParam, c.req.param());
      const topic = await getTopic(sql, id);
      if (!topic) throw notFound(`topic ${id}`);
      return c.json({ data: { ...topic, key_messages: await listKeyMessages(sql, id) } });
    })
    .patch('/:id', async (c) => {
      const { id } = parseInput(idParam, c.req.param());
      const body = parseInput(updateTopicBody, await readJson(c.req.raw));
      const topic = await updateTopic(sql, id, { ...body, author: c.get('principal')?.user?.username ?? null }, await mode());
      if (topic === 'name_taken') throw nameTaken(body.name ?? '');
      if (!topic) throw notFound(`topic ${id}`);
      for (const k of await listKeyMessages(sql, id)) await backfill(k);
      return c.json({ data: topic, backfill: await backfill(topic) });
    })
    .delete('/:id', async (c) => {
      const { id } = parseInput(idParam, c.req.param());
      if (!(await deleteTopic(sql, id))) throw notFound(`topic ${id}`);
      return c.body(null, 204);
    })
    .get('/:id/series', async (c) => {
      const { id } = parseInput(idParam, c.req.param());
      const q = parseInput(seriesQuery, c.req.query());
      if (!(await getTopic(sql, id))) throw notFound(`topic ${id}`);
      const rows = await getTopicSeries(sql, { topicId: id, ...q });
      const data = fillDays(rows, q.from, q.to);
      if (q.format === 'csv') {
        const header = q.lang === 'en' ? ['day (WIB)', q.metric] : ['hari (WIB)', q.metric];
        return csvAnswer(c, `gaung-${q.metric}-topik-${id}-${q.from}_${q.to}.csv`, header, data.map((p) => [p.x, p.y]));
      }
      return c.json({ topicId: id, metric: q.metric, tz: DEFAULT_TZ, from: q.from, to: q.to, data });
    });
}
