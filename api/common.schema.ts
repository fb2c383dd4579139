import { z } from 'zod';
import { addDays, daysBetween, dayInZone, DEFAULT_TZ } from '../core/time.js';
import { LANGUAGE_CODES } from '../analysis/language.js';
import { TIERS } from '../core/types.js';

export const idParam = z.object({ id: z.coerce.number().int().positive({ message: 'id must be a positive integer' }) });

export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date as YYYY-MM-DD' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'not a calendar date',
  });

export const MAX_RANGE_DAYS = 366;

/** from/to query fields: inclusive Asia/Jakarta days. */
export const dayRangeFields = { from: day.optional(), to: day.optional() };

/** Fills a missing range with the last 30 days up to today (Asia/Jakarta). */
export function resolveDayRange<V extends { from?: string | undefined; to?: string | undefined }>(v: V) {
  const end = v.to ?? dayInZone(new Date(), DEFAULT_TZ);
  return { ...v, from: v.from ?? addDays(end, -29), to: end };
}

export function checkDayRange(r: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (r.from > r.to) ctx.addIssue({ code: 'custom', message: 'from must not be after to', path: ['from'] });
  else if (daysBetween(r.from, r.to) >= MAX_RANGE_DAYS) {
    ctx.addIssue({ code: 'custom', message: `a range may span at most ${MAX_RANGE_DAYS} days`, path: ['to'] });
  }
}

/** Rollup dimension filters: the mentions' audience tier, and the province they name first (two-digit code). */
export const dimensionFields = {
  tier: z.enum(TIERS).optional(),
  province: z.string().regex(/^\d{2}$/, { message: 'province must be a two-digit province code' }).optional(),
};

/** The language Gaung read a mention's text in (analysis/language.ts): id, en, or a regional language's code. */
export const textLanguageField = {
  language: z.enum(LANGUAGE_CODES, { message: `language must be one of ${LANGUAGE_CODES.join(', ')}` }).optional(),
};

/** `format=csv` turns a chart's JSON into a CSV download of the same rows; `lang` picks its headers. */
export const chartFormatFields = { format: z.enum(['json', 'csv']).default('json'), lang: z.enum(['id', 'en']).default('id') };
