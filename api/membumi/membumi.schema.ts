import { z } from 'zod';
import { MENTION_KINDS } from '../../core/types.js';
import { checkDayRange, dayRangeFields, chartFormatFields, dimensionFields, resolveDayRange } from '../common.schema.js';

export const membumiQuery = z
  .object({ topic: z.coerce.number().int().positive(), kind: z.enum(MENTION_KINDS).optional(), ...dimensionFields, ...dayRangeFields, ...chartFormatFields })
  .transform(resolveDayRange)
  .superRefine(checkDayRange);
