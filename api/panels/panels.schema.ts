import { z } from 'zod';
import { MENTION_KINDS } from '../../core/types.js';
import { chartFormatFields, checkDayRange, dayRangeFields, dimensionFields, resolveDayRange } from '../common.schema.js';

/** The dashboard's panels: per-day charts, mixes, and top-N tables, each read from the rollups. */
export const PANELS = ['volume', 'reach', 'sentiment', 'tiers', 'voices', 'stories', 'sources', 'speakers', 'terms', 'provinces', 'jargon', 'languages'] as const;
export type Panel = (typeof PANELS)[number];

export const MAX_TOP = 50;

export const panelParam = z.object({ panel: z.enum(PANELS) });

/** A panel's filters (a key message is a topic id too), its top-N size, and JSON or CSV. */
export const panelQuery = z
  .object({
    topic: z.coerce.number().int().positive({ message: 'topic must be a topic id' }),
    kind: z.enum(MENTION_KINDS).optional(),
    ...dimensionFields,
    ...dayRangeFields,
    limit: z.coerce.number().int().min(1).max(MAX_TOP).default(10),
    ...chartFormatFields,
  })
  .transform(resolveDayRange)
  .superRefine(checkDayRange);

export type PanelQuery = z.infer<typeof panelQuery>;
