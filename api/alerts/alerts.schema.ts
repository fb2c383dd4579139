import { z } from 'zod';
import { checkDayRange, dayRangeFields, resolveDayRange } from '../common.schema.js';

export const alertsQuery = z.object({ ...dayRangeFields }).transform(resolveDayRange).superRefine(checkDayRange);
