import type { Sql } from '../core/db.js';
import type { MentionInput } from '../core/types.js';
import { groupCommit } from './group-commit.js';
import { findStoredUrls, ingestMentions, type IngestResult } from './ingest.repo.js';

/**
 * Where a crawl puts what it finds. The database in production; a collecting store for the preview,
 * which shows an analyst what a source would give without writing anything.
 */
export interface MentionStore {
  findStoredUrls(urls: string[]): Promise<Set<string>>;
  ingest(input: MentionInput): Promise<IngestResult>;
  /** Stores what was handed in without waiting for more to batch it with (a crawl calls it once it has no more pages). */
  flush(): void;
  topicTerms(): Promise<{ id: number; terms: string[] }[]>;
}

/** Mentions stored together in one transaction at the most; see groupCommit. */
const MAX_INGEST_BATCH = 100;
/**
 * How long a batch waits to fill while mentions keep arriving; see groupCommit. A batch costs PostgreSQL a fixed
 * dozen statements whatever its size: at a hundred pages a second, batches of five cost it twice the CPU per
 * mention that batches of a hundred do.
 */
const INGEST_LINGER_MS = 500;

/** The database store: every crawl in the process shares one group commit, so concurrent pages are stored together. */
export function databaseStore(sql: Sql): MentionStore {
  const ingest = groupCommit((batch: MentionInput[]) => ingestMentions(sql, batch), MAX_INGEST_BATCH, { lingerMs: INGEST_LINGER_MS });
  return {
    findStoredUrls: (urls) => findStoredUrls(sql, urls),
    ingest,
    flush: ingest.flush,
    topicTerms: () => sql<{ id: number; terms: string[] }[]>`select id, terms from topics where parent_id is null order by id`,
  };
}

/** Keeps every mention in memory, stores nothing; search sources get `terms` as their one query. */
export function collectingStore(terms: string[] = []): MentionStore & { items: MentionInput[] } {
  const items: MentionInput[] = [];
  return {
    items,
    findStoredUrls: async () => new Set(),
    ingest: async (input) => {
      items.push(input);
      return { mentionId: null, inserted: true, topicIds: [] };
    },
    flush: () => {},
    topicTerms: async () => (terms.length > 0 ? [{ id: 0, terms }] : []),
  };
}
