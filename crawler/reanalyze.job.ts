import type { Job } from 'bullmq';
import type { Sql } from '../core/db.js';
import type { JobPayloads, ReanalyzeProgress } from '../core/jobs.js';
import type { Logger } from '../core/logger.js';
import { analysisVersion } from '../analysis/analyze.js';
import { loadAdaptation } from '../core/adaptation.js';
import { countMentionsToReanalyze, nextMentionsToReanalyze, reanalyzeMentions } from './reanalyze.repo.js';

const BATCH = 200;

/**
 * Re-scores stored mentions in batches of 200 (one transaction each), reporting { done, total } as it goes.
 * A job that dies part-way is picked up again and skips what the first run finished (with scope 'outdated',
 * finished mentions are no longer outdated; with 'all', the progress it reported says where it was). Every
 * mention is scored with the deployment's sentiment adaptation as learned from its corrections when the job
 * starts, so "outdated" also means "scored before the latest corrections".
 */
export async function runReanalyzeJob(sql: Sql, logger: Logger, job: Job<JobPayloads['reanalyzeMentions']>): Promise<ReanalyzeProgress> {
  const log = logger.child({ jobId: job.id });
  const { scope } = job.data;
  const adaptation = await loadAdaptation(sql);
  const version = analysisVersion(adaptation?.id);
  log.info({ adaptation: adaptation?.id ?? null, corrections: adaptation?.corrections ?? 0, version }, 're-analysis with the deployment\'s adaptation');
  if (scope === 'ids') {
    const ids = [...new Set(job.data.mentionIds ?? [])];
    let done = 0;
    for (let i = 0; i < ids.length; i += BATCH) {
      done += await reanalyzeMentions(sql, ids.slice(i, i + BATCH), { adaptation });
      await job.updateProgress({ done, total: ids.length } satisfies ReanalyzeProgress);
    }
    log.info({ done, reason: job.data.reason }, 'mentions re-analysed');
    return { done, total: ids.length };
  }
  const all = scope === 'all';
  const { total, maxId } = await countMentionsToReanalyze(sql, all, version);
  const resumed = job.progress as Partial<ReanalyzeProgress & { lastId: number }> | number;
  let lastId = typeof resumed === 'object' && all ? (resumed.lastId ?? 0) : 0;
  let done = typeof resumed === 'object' && all ? (resumed.done ?? 0) : 0;
  await job.updateProgress({ done, total, lastId });
  for (;;) {
    const ids = await nextMentionsToReanalyze(sql, { afterId: lastId, limit: BATCH, all, maxId, version });
    if (ids.length === 0) break;
    done += await reanalyzeMentions(sql, ids, { adaptation });
    lastId = ids.at(-1)!;
    await job.updateProgress({ done, total, lastId });
  }
  log.info({ done, total, reason: job.data.reason }, 'mentions re-analysed');
  return { done, total };
}
