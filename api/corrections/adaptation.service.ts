import { adaptationReport, type AdaptationReport } from '../../analysis/adaptation.js';
import { analysisVersion } from '../../analysis/analyze.js';
import { adaptationStamp, learnDeploymentAdaptation } from '../../core/adaptation.js';
import type { Sql } from '../../core/db.js';
import { countMentionsToReanalyze } from '../../crawler/reanalyze.repo.js';

/** What the deployment's corrections teach the analysis, for analysts deciding whether to re-analyse with them. */
export interface AdaptationSummary extends AdaptationReport {
  /** The adaptation's content hash; null when there are no sentiment corrections and no tracked topics. */
  id: string | null;
  /** The analysis version mentions scored with it carry. */
  analysis_version: number;
  /** Stored mentions not yet scored with it (what "re-analyse" would re-score). */
  outdated_mentions: number;
  /** Mentions a person gave a sentiment: re-analysis keeps their label whatever the model says. */
  corrected_mentions: number;
}

/**
 * The adaptation report of the standing sentiment corrections and the tracked topics' words, learned again only
 * when they changed (core/adaptation.ts); the count of mentions still to re-score is read on every call.
 */
export function adaptationSummaries(sql: Sql): () => Promise<AdaptationSummary> {
  let cached: { version: string; id: string | null; report: AdaptationReport } | null = null;
  return async () => {
    const version = await adaptationStamp(sql);
    if (cached?.version !== version) {
      const { adaptation, corrections } = await learnDeploymentAdaptation(sql);
      cached = { version, id: adaptation.id || null, report: adaptationReport(adaptation, corrections) };
    }
    const analysis = analysisVersion(cached.id);
    const { total } = await countMentionsToReanalyze(sql, false, analysis);
    const [corrected] = await sql<{ n: number }[]>`select count(*)::int as n from mention_corrections where kind = 'sentiment' and undone_at is null`;
    return { id: cached.id, analysis_version: analysis, outdated_mentions: total, corrected_mentions: corrected!.n, ...cached.report };
  };
}
