import { z } from 'zod';
import { MENTION_KINDS } from '../../core/types.js';
import { MAX_QUERY_LENGTH, parseQuery, QuerySyntaxError } from '../../core/query/parse.js';
import { checkDayRange, dayRangeFields, chartFormatFields, dimensionFields, resolveDayRange } from '../common.schema.js';

const name = z.string().trim().min(1, { message: 'name is required' }).max(120);

/** A query in the topic query language (core/query/parse.ts); the message says where and why one does not parse. */
export const query = z
  .string()
  .trim()
  .min(1, { message: 'query is required' })
  .max(MAX_QUERY_LENGTH)
  .superRefine((q, ctx) => {
    try {
      parseQuery(q);
    } catch (err) {
      if (!(err instanceof QuerySyntaxError)) throw err;
      ctx.addIssue({ code: 'custom', message: err.message });
    }
  });

export const createTopicBody = z.object({ name, query, parent_id: z.number().int().positive().nullish() });
export const updateTopicBody = z
  .object({ name: name.optional(), query: query.optional() })
  .refine((b) => b.name !== undefined || b.query !== undefined, { message: 'give name or query to change' });

export const SERIES_METRICS = ['volume', 'views', 'reach', 'positive', 'neutral', 'negative'] as const;
export const seriesQuery = z
  .object({ metric: z.enum(SERIES_METRICS).default('volume'), kind: z.enum(MENTION_KINDS).optional(), ...dimensionFields, ...dayRangeFields, ...chartFormatFields })
  .transform(resolveDayRange)
  .superRefine(checkDayRange);

/** An edited query to try against stored mentions, optionally beside a topic's current version. */
export const previewBody = z.object({ query, topic_id: z.number().int().positive().optional(), ...dayRangeFields }).transform(resolveDayRange).superRefine(checkDayRange);
