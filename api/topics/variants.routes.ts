import { Hono } from 'hono';
import type { AppDeps } from '../app.js';
import { parseInput } from '../errors.js';
import { REGIONAL_LANGUAGES, variantTable } from '../../core/query/variants-data.js';
import { suggestVariants } from '../../core/query/variants.js';
import { countVariantAdds } from './variants.repo.js';
import { variantsQuery } from './variants.schema.js';

/** Suggestions beyond this many per request are listed without a count of what they add. */
export const MAX_COUNTED_VARIANTS = 120;

export const VARIANTS_ATTRIBUTION = 'Regional-language variants from NusaX (Winata et al., EACL 2023; CC BY-SA 4.0).';

/**
 * GET /api/v1/topics/variants?query=…: the query's terms with regional-language variants per language, each
 * with its source (NusaX lexicon or parallel sentences) and how many stored mentions it would add over the
 * preview's days; the topic editor offers them as alternatives to add.
 */
export function variantRoutes({ sql }: AppDeps) {
  return new Hono().get('/', async (c) => {
    const q = parseInput(variantsQuery, c.req.query());
    const { tree, terms } = suggestVariants(q.query, variantTable(), q.languages);
    const counted = terms.flatMap((t) => t.languages.flatMap((l) => l.variants.map((v) => ({ term: t.node, variant: v.node })))).slice(0, MAX_COUNTED_VARIANTS);
    const adds = await countVariantAdds(sql, tree, counted, q);
    let k = 0;
    const data = terms.map((t) => ({
      text: t.text,
      start: t.start,
      end: t.end,
      words: t.words,
      languages: t.languages.map((l) => ({
        language: l.language,
        name: REGIONAL_LANGUAGES[l.language].name,
        variants: l.variants.map((v) => ({ text: v.text, query: v.query, sources: v.sources, adds: adds[k++] ?? null })),
      })),
    }));
    return c.json({ data: { query: q.query, from: q.from, to: q.to, terms: data, attribution: VARIANTS_ATTRIBUTION } });
  });
}
