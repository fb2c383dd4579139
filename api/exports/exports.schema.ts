import { z } from 'zod';
import { MENTION_KINDS } from '../../core/types.js';
import { checkDayRange, dayRangeFields, dimensionFields, resolveDayRange, textLanguageField } from '../common.schema.js';

/** The mentions feed's filters, for an export of every matching mention (no paging). */
export const exportQuery = z
  .object({
    topic: z.coerce.number().int().positive({ message: 'topic must be a topic id' }).optional(),
    source: z.coerce.number().int().positive({ message: 'source must be a source id' }).optional(),
    kind: z.enum(MENTION_KINDS).optional(),
    ...dimensionFields,
    ...textLanguageField,
    lang: z.enum(['id', 'en']).default('id'),
    ...dayRangeFields,
  })
  .transform(resolveDayRange)
  .superRefine(checkDayRange);

export type ExportQuery = z.infer<typeof exportQuery>;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A background export: the format and the same filters as the direct export (stored resolved, so a retry writes the same rows). */
export const createExportBody = z.object({
  format: z.enum(EXPORT_FORMATS, { message: 'format must be csv or xlsx' }),
  filters: exportQuery.prefault({}),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'day must be YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'day is not a date');

/** A digest: one topic, the day it ends on (default today, Asia/Jakarta), daily or weekly. */
export const digestQuery = z.object({
  topic: z.coerce.number().int().positive({ message: 'topic must be a topic id' }),
  period: z.enum(['daily', 'weekly']).default('daily'),
  day: day.optional(),
});
