import { defaultTier } from '../../analysis/tier.js';
import { z } from 'zod';
import { sourceConfigSchema } from '../../crawler/sources/index.js';
import { SOURCE_KINDS, TIERS, type SourceKind } from '../../core/types.js';

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
  render: z.enum(['auto', 'always', 'never']),
  audience: z.number().int().min(0).max(1e10).nullable(),
  config: z.record(z.string(), z.unknown()),
};

/** The kind's own settings, validated and with its defaults filled in; issues are reported under `config`. */
export function checkKindConfig(kind: SourceKind, config: Record<string, unknown>, ctx: z.RefinementCtx): Record<string, unknown> {
  const parsed = sourceConfigSchema(kind).safeParse(config);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['config', ...issue.path.map(String)] });
    return config;
  }
  return parsed.data as Record<string, unknown>;
}

/** A kind's settings as a schema whose issues sit under `config`. */
export function kindConfigSchema(kind: SourceKind) {
  return z.record(z.string(), z.unknown()).transform((config, ctx) => checkKindConfig(kind, config, ctx));
}

export const createSourceBody = z
  .object({
    kind: z.enum(SOURCE_KINDS).default('rss'),
    url: httpUrl,
    name: fields.name,
    /** Left out: the default for its host (analysis/lexicons/tier-rules.tsv: *.go.id official, ANTARA state, …). */
    tier: fields.tier.optional(),
    interval_minutes: fields.interval_minutes.default(60),
    timezone: timezone.default('Asia/Jakarta'),
    enabled: fields.enabled.default(true),
    render: fields.render.default('auto'),
    audience: fields.audience.default(null),
    config: fields.config.default({}),
  })
  .transform((body, ctx) => {
    if (body.kind === 'search' && !body.url.includes('{query}')) {
      ctx.addIssue({ code: 'custom', message: 'a search source url must contain {query} where the keywords go', path: ['url'] });
    }
    return { ...body, tier: body.tier ?? defaultTier(body.url, body.kind), config: checkKindConfig(body.kind, body.config, ctx) };
  });

export const updateSourceBody = z
  .object({
    name: fields.name.optional(),
    tier: fields.tier.optional(),
    interval_minutes: fields.interval_minutes.optional(),
    timezone: fields.timezone.optional(),
    enabled: fields.enabled.optional(),
    render: fields.render.optional(),
    audience: fields.audience.optional(),
    config: fields.config.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'give at least one field to change' });

export type CreateSourceInput = z.infer<typeof createSourceBody>;
export type UpdateSourceInput = z.infer<typeof updateSourceBody>;

export const previewSourceBody = z
  .object({
    url: httpUrl,
    kind: z.enum(SOURCE_KINDS).optional(),
    config: fields.config.optional(),
    render: fields.render.optional(),
    timezone: timezone.optional(),
    terms: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
    limit: z.number().int().min(1).max(20).default(5),
  })
  .transform((body, ctx) => (body.kind && body.config ? { ...body, config: checkKindConfig(body.kind, body.config, ctx) } : body));
