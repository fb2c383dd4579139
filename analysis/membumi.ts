import { readLexiconJson } from './lexicon-file.js';
import type { Tier } from '../core/types.js';

/**
 * The membumi index of one mention and its parts, by the formula and weights in lexicons/membumi-weights.json
 * (read its "_doc"). Every part is kept beside the index so a lead can see why a day is low: who carried the
 * message (audience), in whose words (register, voices), and whether it was the ministry's own text (organic).
 */
export interface MembumiWeights {
  weights: Record<MembumiPart, number>;
  audience: Record<Tier, number>;
  socialAuthor: Record<'official' | 'media' | 'individual', number>;
  noVoices: number;
  organic: Record<'original' | 'pressReleasePickup' | 'pressReleaseCopy' | 'storyCopy' | 'officialAuthor', number>;
}

export const MEMBUMI_PARTS = ['audience', 'register', 'voices', 'organic'] as const;
export type MembumiPart = (typeof MEMBUMI_PARTS)[number];

export const MEMBUMI = readLexiconJson<MembumiWeights>('membumi-weights.json');

export interface MembumiInput {
  kind: 'news' | 'social';
  tier: Tier;
  /** Social posts: who posted. */
  authorKind: 'official' | 'media' | 'individual' | null;
  groundingScore: number;
  /** Non-official share of the classified voices; null when no voice was quoted. */
  nonOfficialShare: number | null;
  /** How close the mention is to a registered press release (0..1), if it picked one up. */
  pressReleaseSimilarity: number | null;
  /** Similarity to the earlier mention it copies, if it is a near-verbatim copy of another story. */
  copySimilarity: number | null;
}

export interface MembumiResult {
  index: number;
  parts: Record<MembumiPart, number>;
  /** Why organic is what it is, in a few words. */
  organicReason: keyof MembumiWeights['organic'];
}

const COPY = 0.75;

export function membumiIndex(input: MembumiInput, w: MembumiWeights = MEMBUMI): MembumiResult {
  const social = input.kind === 'social';
  const audience = social ? w.socialAuthor[input.authorKind ?? 'individual'] : w.audience[input.tier];
  const voices = social ? w.socialAuthor[input.authorKind ?? 'individual'] : (input.nonOfficialShare ?? w.noVoices);
  const organicReason: MembumiResult['organicReason'] =
    social && input.authorKind === 'official'
      ? 'officialAuthor'
      : input.pressReleaseSimilarity !== null && input.pressReleaseSimilarity >= COPY
        ? 'pressReleaseCopy'
        : input.pressReleaseSimilarity !== null
          ? 'pressReleasePickup'
          : input.copySimilarity !== null && input.copySimilarity >= COPY
            ? 'storyCopy'
            : 'original';
  const parts: Record<MembumiPart, number> = {
    audience: clamp(audience),
    register: clamp(input.groundingScore),
    voices: clamp(voices),
    organic: w.organic[organicReason],
  };
  const total = MEMBUMI_PARTS.reduce((n, p) => n + w.weights[p], 0);
  const index = (100 * MEMBUMI_PARTS.reduce((n, p) => n + w.weights[p] * parts[p], 0)) / total;
  return { index: Math.round(index * 10) / 10, parts, organicReason };
}

const clamp = (n: number) => Math.min(1, Math.max(0, Number.isFinite(n) ? n : 0));
