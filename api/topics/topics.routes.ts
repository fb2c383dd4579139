import { Hono } from 'hono';
import { fillDays, DEFAULT_TZ } from '../../core/time.js';
import type { AppDeps } from '../app.js';
import { idParam } from '../common.schema.js';
import { ApiError, notFound, parseInput, readJson } from '../errors.js';
import { createTopic, deleteTopic, getTopic, getTopicSeries, listTopics, updateTopic } from './topics.repo.js';
import { createTopicBody, seriesQuery, updateTopicBody } from './topics.schema.js';

const nameTaken = (name: string) => new ApiError(409, 'conflict', `a topic named "${name}" already exists`);

export function topicRoutes({ sql }: AppDeps) {
  return new Hono()
    .get('/', async (c) => c.json({ data: await listTopics(sql) }))
    .post('/', async (c) => {
      const body = parseInput(createTopicBody, await readJson(c.req.raw));
      const topic = await createTopic(sql, body);
      if (!topic) throw nameTaken(body.name);
      return c.json({ data: topic }, 201);
    })
    .get('/:id', async (c) => {
      const { id } = parseInput(idParam, c.req.param());
      const topic = await getTopic(sql, id);
      if (!topic) throw notFound(`topic ${id}`);
      return c.json({ data: topic });
    })
    .patch('/:id', async (c) => {
      const { id } = parseInput(idParam, c.req.param());
      const body = parseInput(updateTopicBody, await readJson(c.req.raw));
      const topic = await updateTopic(sql, id, body);
      if (topic === 'name_taken') throw nameTaken(body.name ?? '');
      if (!topic) throw notFound(`topic ${id}`);
      return c.json({ data: topic });
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
      return c.json({ topicId: id, metric: q.metric, tz: DEFAULT_TZ, from: q.from, to: q.to, data: fillDays(rows, q.from, q.to) });
    });
}
