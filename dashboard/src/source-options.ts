import type { SourceKind, Tier } from '../../core/types.js';
import type { SourceHealth } from './api.js';
import { t, type TextKey } from './i18n.js';

/** Sources as the views show them: every kind and tier the API accepts (checked against core/types.ts by the compiler), and their state. */
const KINDS: Record<SourceKind, true> = {
  rss: true, sitemap: true, listing: true, page: true, search: true,
  mastodon: true, bluesky: true, reddit: true, telegram: true, youtube: true, x: true,
};
const TIERS: Record<Tier, true> = { official: true, state: true, national: true, regional: true, social: true };

export const SOURCE_KINDS = Object.keys(KINDS) as SourceKind[];
export const SOURCE_TIERS = Object.keys(TIERS) as Tier[];

export const tierOptions = () => SOURCE_TIERS.map((tier) => new Option(t(`tier_${tier}` as TextKey), tier));
export const kindOptions = () => SOURCE_KINDS.map((kind) => new Option(kind, kind));

/** A source's crawl state in words: paused, fine, failing (how often in a row) or never crawled, and silent for how long. */
export function sourceStatusText(s: SourceHealth): string {
  const key: TextKey = !s.enabled ? 'statusPaused' : s.last_status === 'ok' ? 'statusOk' : s.last_status === 'error' ? 'statusError' : 'statusNever';
  const text = s.last_status === 'error' ? `${t(key)} (${s.consecutive_failures}×)` : t(key);
  return s.silent ? `${text} · ${t('statusSilent')} ${s.silent_for_hours} ${t('hours')}` : text;
}
