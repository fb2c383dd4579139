import { z } from 'zod';
import { MENTION_KINDS } from '../../core/types.js';
import { checkDayRange, dayRangeFields, dimensionFields, resolveDayRange, textLanguageField } from '../common.schema.js';

export const MAX_PAGE_SIZE = 100;

/** Opaque keyset cursor: the (occurred_at, id) of the last row of the previous page. */
const cursor = z
  .string()
  .max(200)
  .transform((raw, ctx) => {
    try {
      const [at, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [string, number];
      if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || !Number.isInteger(id)) throw new Error();
      return { at: new Date(at), id };
    } catch {
      ctx.addIssue({ code: 'custom', message: 'cursor is not one this API returned' });
      return z.NEVER;
    }
  });

export function encodeCursor(at: Date, id: number): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

export const listMentionsQuery = z
  .object({
    topic: z.coerce.number().int().positive({ message: 'topic must be a topic id' }).optional(),
    source: z.coerce.number().int().positive({ message: 'source must be a source id' }).optional(),
    kind: z.enum(MENTION_KINDS).optional(),
    ...dimensionFields,
    ...textLanguageField,
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
    cursor: cursor.optional(),
    ...dayRangeFields,
  })
  .transform(resolveDayRange)
  .superRefine(checkDayRange);

export type ListMentionsQuery = z.infer<typeof listMentionsQuery>;
