import { readLexiconJson } from './lexicon-file.js';
import type { Tier } from '../core/types.js';

/** How far a mention went, and how that was estimated (lexicons/reach-defaults.json explains the rules). */
export type ReachMethod = 'views' | 'engagement' | 'audience' | 'audience_repeat' | 'followers';

export interface ReachDefaults {
  engagementToViews: number;
  tierAudience: Record<Tier, number>;
  followerShare: number;
  socialCap: number;
}

export const REACH = readLexiconJson<ReachDefaults>('reach-defaults.json');

export interface ReachInput {
  kind: 'news' | 'social';
  tier: Tier;
  views: number | null;
  likes?: number | null;
  shares?: number | null;
  replies?: number | null;
  followers?: number | null;
  /** The source's own audience figure, when an analyst set one. */
  sourceAudience: number | null;
  /** False when this domain's audience was already counted today. */
  firstOfDomainToday: boolean;
}

export function estimateReach(input: ReachInput, d: ReachDefaults = REACH): { reach: number; method: ReachMethod } {
  if (input.views !== null && input.views > 0) return { reach: input.views, method: 'views' };
  const engagement = (input.likes ?? 0) + (input.shares ?? 0) + (input.replies ?? 0);
  if (engagement > 0) return { reach: engagement * d.engagementToViews, method: 'engagement' };
  if (input.kind === 'social' && input.followers) {
    return { reach: Math.min(d.socialCap, Math.round(input.followers * d.followerShare)), method: 'followers' };
  }
  if (!input.firstOfDomainToday) return { reach: 0, method: 'audience_repeat' };
  return { reach: input.sourceAudience ?? d.tierAudience[input.tier], method: 'audience' };
}

/** The reach-weighted mean of the mentions' indexes: a topic-day's membumi index; null with no reach. */
export function weightedIndex(rows: { reach: number; index: number }[]): number | null {
  const reach = rows.reduce((n, r) => n + r.reach, 0);
  return reach > 0 ? rows.reduce((n, r) => n + r.reach * r.index, 0) / reach : null;
}
