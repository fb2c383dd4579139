import type { TextAnalysis } from '../analysis/analyze.js';
import { membumiIndex } from '../analysis/membumi.js';
import { estimateReach, type ReachMethod } from '../analysis/reach.js';
import { defaultTier } from '../analysis/tier.js';
import type { TxSql } from '../core/db.js';
import { dayInZone } from '../core/time.js';
import type { MentionInput, Tier } from '../core/types.js';

/** A mention stored in this batch, with what its text and its story say about it. */
export interface MentionToScore {
  id: number;
  input: MentionInput;
  analysis: TextAnalysis;
  occurredAt: Date;
  pressReleaseSimilarity: number | null;
  copySimilarity: number | null;
}

/** What scoring gives a mention: its tier, reach and how it was estimated (null: kept), and its membumi index with the parts. */
export interface MentionScore {
  id: number;
  tier: Tier;
  reach: number;
  method: ReachMethod | null;
  membumi: ReturnType<typeof membumiIndex>;
}

const domainOf = (url: string) => {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return url;
  }
};

/**
 * The channel side of each new mention: its audience tier (the source's, else the rules' default), its
 * estimated reach and how (a domain's audience counts once per day: domain_day_reach), and its membumi
 * index with the four parts. Two statements per batch; ingest writes the scores in its insert of the rows.
 * `keepReach`: mentions whose reach was already estimated keep it (a re-score must not claim a domain's day twice).
 */
export async function planScores(tx: TxSql, items: MentionToScore[], opts: { keepReach?: Map<number, number | null> } = {}): Promise<MentionScore[]> {
  if (items.length === 0) return [];
  const sourceIds = [...new Set(items.map((i) => i.input.sourceId).filter((id): id is number => id !== null))];
  const sources = new Map(
    (sourceIds.length ? await tx<{ id: number; tier: Tier; audience: number | null }[]>`select id, tier, audience from sources where id = any(${sourceIds}::bigint[])` : []).map((s) => [s.id, s]),
  );
  const plans = items.map((it) => {
    const source = it.input.sourceId !== null ? sources.get(it.input.sourceId) : undefined;
    const tier: Tier = it.input.kind === 'social' ? 'social' : (source?.tier ?? defaultTier(it.input.url));
    const s = it.input.social;
    const kept = opts.keepReach?.get(it.id);
    const reach = kept !== undefined && kept !== null ? { reach: kept, method: null } : estimateReach({
      kind: it.input.kind, tier, views: it.input.views, likes: s?.likes, shares: s?.shares, replies: s?.replies, followers: s?.followers,
      sourceAudience: source?.audience ?? null, firstOfDomainToday: true,
    });
    return { it, tier, reach: reach as { reach: number; method: ReachMethod | null }, domain: domainOf(it.input.url), day: dayInZone(it.occurredAt) };
  });

  // Claimed in key order, so two writers claiming the same domain-days never deadlock.
  const wanted = [...new Map(plans.filter((p) => p.reach.method === 'audience').map((p) => [`${p.domain} ${p.day}`, p])).entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, p]) => p);
  const firsts = wanted.length
    ? await tx<{ domain: string; day: string }[]>`
        insert into domain_day_reach (domain, day)
        select * from unnest(${wanted.map((p) => p.domain)}::text[], ${wanted.map((p) => p.day)}::date[])
        on conflict do nothing
        returning domain, to_char(day, 'YYYY-MM-DD') as day`
    : [];
  const unclaimed = new Set(firsts.map((f) => `${f.domain} ${f.day}`));
  for (const p of plans) {
    if (p.reach.method !== 'audience') continue;
    const key = `${p.domain} ${p.day}`;
    if (unclaimed.has(key)) unclaimed.delete(key); // the first mention of the domain today carries its audience
    else p.reach = { reach: 0, method: 'audience_repeat' as ReachMethod };
  }

  return plans.map((p) => ({
    id: p.it.id,
    tier: p.tier,
    reach: p.reach.reach,
    method: p.reach.method,
    membumi: membumiIndex({
      kind: p.it.input.kind,
      tier: p.tier,
      authorKind: p.it.analysis.author_kind,
      groundingScore: p.it.analysis.grounding_score,
      nonOfficialShare: p.it.analysis.non_official_share,
      pressReleaseSimilarity: p.it.pressReleaseSimilarity,
      copySimilarity: p.it.copySimilarity,
    }),
  }));
}

/** Scores stored mentions again (re-analysis) and writes the scores on their rows: planScores, then one update. */
export async function scoreMentions(tx: TxSql, items: MentionToScore[], opts: { keepReach?: Map<number, number | null> } = {}): Promise<void> {
  const scored = await planScores(tx, items, opts);
  if (scored.length === 0) return;
  const col = <T>(f: (s: MentionScore) => T) => scored.map(f);
  await tx`
    update mentions m set tier = d.tier, reach = d.reach, reach_method = coalesce(d.method, m.reach_method), membumi = d.membumi,
      membumi_audience = d.audience, membumi_register = d.register, membumi_voices = d.voices, membumi_organic = d.organic
    from unnest(${col((s) => s.id)}::bigint[], ${col((s) => s.tier)}::text[], ${col((s) => s.reach)}::bigint[],
                ${col((s) => s.method)}::text[], ${col((s) => s.membumi.index)}::real[], ${col((s) => s.membumi.parts.audience)}::real[],
                ${col((s) => s.membumi.parts.register)}::real[], ${col((s) => s.membumi.parts.voices)}::real[], ${col((s) => s.membumi.parts.organic)}::real[])
      as d(id, tier, reach, method, membumi, audience, register, voices, organic)
    where m.id = d.id`;
}
