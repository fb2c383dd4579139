import fs from 'node:fs';
import { z } from 'zod';

/**
 * The register score's weights, as data (lexicons/register-weights.json, explained in its "_doc"), checked
 * once at load so an editing mistake stops the process with the field it is about.
 */
const rate = z.object({ pull: z.enum(['elitist', 'grounded']), weight: z.number().nonnegative(), scale: z.number().positive() });
const range = z.object({ weight: z.number().nonnegative(), neutral: z.number(), span: z.number().positive() });

const weightsSchema = z.object({
  bias: z.number(),
  kindPrior: z.object({ news: z.number(), social: z.number() }),
  languagePrior: z.object({ en: z.number(), regional: z.number() }).catchall(z.number()),
  shortText: z.object({ halfWords: z.number().nonnegative() }),
  rates: z.object({
    jargon: rate,
    acronyms: rate,
    english: rate,
    personal: rate,
    particles: rate,
    chat: rate,
    dailyLife: rate,
    regional: rate,
    emoji: rate,
    hashtags: rate,
  }),
  ranges: z.object({ sentenceLength: range, syllables: range }),
});

export type RegisterWeights = z.infer<typeof weightsSchema>;
export type RateFeature = keyof RegisterWeights['rates'];
export const RATE_FEATURES = Object.keys(weightsSchema.shape.rates.shape) as RateFeature[];

export const REGISTER_WEIGHTS: RegisterWeights = weightsSchema.parse(
  JSON.parse(fs.readFileSync(new URL('./lexicons/register-weights.json', import.meta.url), 'utf8')),
);
