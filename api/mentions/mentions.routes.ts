import { Hono } from 'hono';
import type { AppDeps } from '../app.js';
import { idParam } from '../common.schema.js';
import { notFound, parseInput } from '../errors.js';
import { getMention, listMentions } from './mentions.repo.js';
import { encodeCursor, listMentionsQuery } from './mentions.schema.js';

export function mentionRoutes({ sql }: AppDeps) {
  return new Hono()
    .get('/', async (c) => {
      const q = parseInput(listMentionsQuery, c.req.query());
      const rows = await listMentions(sql, q);
      const last = rows.length === q.limit ? rows[rows.length - 1] : undefined;
      return c.json({ data: rows, nextCursor: last ? encodeCursor(last.occurred_at, last.id) : null });
    })
    .get('/:id', async (c) => {
      const { id } = parseInput(idParam, c.req.param());
      const mention = await getMention(sql, id);
      if (!mention) throw notFound(`mention ${id}`);
      return c.json({ data: mention });
    });
}
