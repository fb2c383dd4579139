/** Domain types shared by crawler, api and dashboard. */

import type { PreparedText } from '../analysis/mention-text.js';
import { NEWS_SOURCE_KINDS, SOCIAL_SOURCE_KINDS, type NewsSourceKind, type SocialSourceKind } from './source-kinds.js';

export const SOURCE_KINDS = [...NEWS_SOURCE_KINDS, ...SOCIAL_SOURCE_KINDS] as unknown as [SourceKind, ...SourceKind[]];
export type SourceKind = NewsSourceKind | SocialSourceKind;

export const TIERS = ['official', 'state', 'national', 'regional', 'social'] as const;
export type Tier = (typeof TIERS)[number];

export const MENTION_KINDS = ['news', 'social'] as const;
export type MentionKind = (typeof MENTION_KINDS)[number];

export interface Source {
  id: number;
  kind: SourceKind;
  url: string;
  name: string;
  tier: Tier;
  interval_minutes: number;
  timezone: string;
  enabled: boolean;
  config: Record<string, unknown>;
  render: 'auto' | 'always' | 'never';
  audience: number | null;
  last_success_at: Date | null;
  created_at: Date;
  updated_at: Date;
  last_fetched_at: Date | null;
  last_status: 'ok' | 'error' | null;
  last_error: string | null;
  last_item_count: number | null;
  consecutive_failures: number;
}

export interface Topic {
  id: number;
  name: string;
  query: string;
  terms: string[];
  version: number;
  /** The version whose matches against every stored mention are complete; behind `version` while a backfill runs. */
  matched_version: number | null;
  /** Set for a key message: the topic it belongs to. */
  parent_id: number | null;
  created_at: Date;
  updated_at: Date;
}

/** What a crawler hands to ingest: one article or post, before it has an id. */
export interface MentionInput {
  url: string;
  sourceId: number | null;
  kind: MentionKind;
  title: string;
  body: string;
  author: string | null;
  publishedAt: Date | null;
  language: string | null;
  views: number | null;
  /** Title and body cleaned, with their search text and signature, when already computed (in the page pool). */
  prepared?: PreparedText;
  /** Public social posts: who posted and engagement as observed now; a re-fetch updates these. */
  social?: {
    platform: string;
    externalId: string;
    authorHandle: string | null;
    authorKind: 'official' | 'organization' | 'verified' | 'media' | 'individual' | null;
    followers: number | null;
    likes: number | null;
    shares: number | null;
    replies: number | null;
  };
}

export interface Mention {
  id: number;
  url: string;
  source_id: number | null;
  source_name: string | null;
  kind: MentionKind;
  title: string;
  body: string;
  author: string | null;
  published_at: Date | null;
  fetched_at: Date;
  occurred_at: Date;
  language: string | null;
  views: number | null;
}
