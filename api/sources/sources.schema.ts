import { z } from 'zod';
import { SOURCE_KINDS, TIERS } from '../../core/types.js';

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .url({ message: 'url must be an absolute URL' })
  .refine((u) => /^https?:$/.test(new URL(u).protocol), { message: 'url must use http or https' });

const timezone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'timezone must be an IANA zone such as Asia/Jakarta' },
);

const fields = {
  name: z.string().trim().min(1, { message: 'name is required' }).max(200),
  tier: z.enum(TIERS),
  interval_minutes: z.coerce.number().int().min(5).max(10080),
  timezone,
  enabled: z.boolean(),
};

export const createSourceBody = z.object({
  kind: z.enum(SOURCE_KINDS).default('rss'),
  url: httpUrl,
  name: fields.name,
  tier: fields.tier.default('national'),
  interval_minutes: fields.interval_minutes.default(60),
  timezone: timezone.default('Asia/Jakarta'),
  enabled: fields.enabled.default(true),
});

export const updateSourceBody = z
  .object({
    name: fields.name.optional(),
    tier: fields.tier.optional(),
    interval_minutes: fields.interval_minutes.optional(),
    timezone: fields.timezone.optional(),
    enabled: fields.enabled.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'give at least one field to change' });

export type CreateSourceInput = z.infer<typeof createSourceBody>;
export type UpdateSourceInput = z.infer<typeof updateSourceBody>;
