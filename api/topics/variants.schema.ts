import { z } from 'zod';
import { checkDayRange, dayRangeFields, resolveDayRange } from '../common.schema.js';
import { REGIONAL_LANGUAGE_CODES } from '../../core/query/variants-data.js';
import { query } from './topics.schema.js';

/**
 * A query whose terms to vary, the days over which to count what each variant would add (default: the last
 * 30, as the preview), and optionally which regional languages (comma-separated codes: jv,su,ban,min,…).
 */
export const variantsQuery = z
  .object({
    query,
    languages: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (!s) return REGIONAL_LANGUAGE_CODES;
        const codes = s.split(',').map((c) => c.trim()).filter(Boolean);
        const unknown = codes.filter((c) => !(REGIONAL_LANGUAGE_CODES as readonly string[]).includes(c));
        if (unknown.length) ctx.addIssue({ code: 'custom', message: `languages: ${unknown.join(', ')} unknown; use ${REGIONAL_LANGUAGE_CODES.join(', ')}` });
        return REGIONAL_LANGUAGE_CODES.filter((c) => codes.includes(c));
      }),
    ...dayRangeFields,
  })
  .transform(resolveDayRange)
  .superRefine(checkDayRange);
