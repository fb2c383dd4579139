import { readLexicon } from './lexicon-file.js';
import { TIERS, type Tier } from '../core/types.js';

/** The default audience tier of a source, from lexicons/tier-rules.tsv; social platforms' kinds are social. */
const RULES = readLexicon('tier-rules.tsv').map(([pattern, tier], i) => {
  if (!TIERS.includes(tier as Tier)) throw new Error(`lexicons/tier-rules.tsv row ${i + 1}: unknown tier "${tier}"`);
  return { pattern: pattern!.toLowerCase(), tier: tier as Tier };
});

export function defaultTier(url: string, kind?: string): Tier {
  if (kind && !['rss', 'sitemap', 'listing', 'page', 'search'].includes(kind)) return 'social';
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return 'regional';
  }
  // Subdomains of a national group's regional editions (jateng.tribunnews.com) are regional.
  if (/^(?!www\.)[a-z-]+\.tribunnews\.com$/.test(host)) return 'regional';
  for (const rule of RULES) {
    if (rule.pattern === '*' || host === rule.pattern || host.endsWith(`.${rule.pattern}`)) return rule.tier;
  }
  return 'regional';
}
