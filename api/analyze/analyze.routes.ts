import { Hono } from 'hono';
import { analyzeText } from '../../analysis/analyze.js';
import type { AppDeps } from '../app.js';
import { parseInput, readJson } from '../errors.js';
import { analyzeBody } from './analyze.schema.js';

/** What Gaung reads from a text an analyst pastes in: the same analysis every mention gets at ingest. */
export function analyzeRoutes(_deps: AppDeps) {
  return new Hono().post('/', async (c) => {
    const body = parseInput(analyzeBody, await readJson(c.req.raw));
    return c.json({ data: analyzeText({ text: body.text, title: body.title, kind: body.kind }) });
  });
}
