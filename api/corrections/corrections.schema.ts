import { z } from 'zod';
import { day } from '../common.schema.js';

export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative'] as const;
export const CORRECTION_KINDS = ['sentiment', 'irrelevant'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/**
 * A correction: the right sentiment of a mention (`label`), or the mention marked irrelevant for a topic
 * (`topic_id`; its key messages too) or, without `topic_id`, for every topic. `note` says why, for the record.
 */
export const createCorrectionBody = z
  .object({
    mention_id: z.number().int().positive({ message: 'mention_id must be a mention id' }),
    kind: z.enum(CORRECTION_KINDS, { message: 'kind must be sentiment or irrelevant' }),
    label: z.enum(SENTIMENT_LABELS, { message: 'label must be positive, neutral or negative' }).optional(),
    topic_id: z.number().int().positive({ message: 'topic_id must be a topic id' }).nullish(),
    note: z.string().trim().max(500, { message: 'note is longer than 500 characters' }).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'sentiment' && !b.label) ctx.addIssue({ code: 'custom', path: ['label'], message: 'a sentiment correction needs label: positive, neutral or negative' });
    if (b.kind === 'sentiment' && b.topic_id != null) ctx.addIssue({ code: 'custom', path: ['topic_id'], message: 'a sentiment correction holds for the mention in every topic; leave topic_id out' });
    if (b.kind === 'irrelevant' && b.label) ctx.addIssue({ code: 'custom', path: ['label'], message: 'an irrelevant mark has no label' });
  });
export type CreateCorrectionBody = z.infer<typeof createCorrectionBody>;

const positiveId = (what: string) => z.coerce.number().int().positive({ message: `${what} must be a ${what} id` });

/** Filters of the corrections list and its CSV export; days are Asia/Jakarta days of when a correction was made. */
const filterFields = {
  kind: z.enum(CORRECTION_KINDS).optional(),
  /** Irrelevant marks for this topic, and sentiment corrections of mentions in it. */
  topic: positiveId('topic').optional(),
  mention: positiveId('mention').optional(),
  user: positiveId('user').optional(),
  /** standing: in force now; undone: undone or replaced; all: both (the history). */
  state: z.enum(['standing', 'undone', 'all']).default('all'),
  from: day.optional(),
  to: day.optional(),
};

const checkRange = (q: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) => {
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must not be after to' });
};

export const MAX_CORRECTIONS_PAGE = 100;

export const listCorrectionsQuery = z
  .object({
    ...filterFields,
    limit: z.coerce.number().int().min(1).max(MAX_CORRECTIONS_PAGE).default(50),
    /** The nextCursor of the page before (corrections are listed newest first). */
    cursor: z.coerce.number().int().positive({ message: 'cursor is not one this API returned' }).optional(),
  })
  .superRefine(checkRange);
export type ListCorrectionsQuery = z.infer<typeof listCorrectionsQuery>;

export const exportCorrectionsQuery = z.object({ ...filterFields, lang: z.enum(['id', 'en']).default('id') }).superRefine(checkRange);
export type CorrectionFilter = z.infer<typeof exportCorrectionsQuery>;
