import { CLUSTER_SIMILARITY, COPY_SIMILARITY, lshBands, similarity } from '../analysis/similarity.js';
import type { Sql, TxSql } from '../core/db.js';

type Db = Sql | TxSql;

interface Candidate {
  id: number;
  minhash: number[];
}

/** The closest candidate sharing an LSH band with `sig`, from `table` (mentions or press releases). */
export function bestMatch<T extends Candidate>(sig: number[], candidates: T[]): { item: T; similarity: number } | null {
  let best: { item: T; similarity: number } | null = null;
  for (const c of candidates) {
    const s = similarity(sig, c.minhash);
    if (!best || s > best.similarity || (s === best.similarity && c.id < best.item.id)) best = { item: c, similarity: s };
  }
  return best;
}

const bandArrays = (sig: number[]) => {
  const bands = lshBands(sig);
  return { bands: bands.map((b) => b.band), hashes: bands.map((b) => b.hash) };
};

/** Mentions sharing at least one band with the signature. */
export async function mentionCandidates(db: Db, sig: number[], excludeId = 0) {
  const { bands, hashes } = bandArrays(sig);
  return db<(Candidate & { cluster_id: number | null; copy_of: number | null })[]>`
    select m.id, m.minhash, m.cluster_id, m.copy_of from mentions m
    where m.id in (
      select b.mention_id from mention_bands b
      join unnest(${bands}::smallint[], ${hashes}::int[]) as q(band, hash) on b.band = q.band and b.hash = q.hash
    ) and m.id <> ${excludeId}
    limit 500`;
}

/**
 * Puts a new mention in a story cluster: with the closest earlier mention when they tell the same story
 * (estimated Jaccard >= 0.5), marked a copy of that story's original when near-verbatim (>= 0.8; the
 * first one seen wins), else as the first of a new story. Also links it to a press release it copies.
 */
export async function assignStory(tx: TxSql, mentionId: number, sig: number[]): Promise<{ clusterId: number; copyOf: number | null }> {
  const best = bestMatch(sig, await mentionCandidates(tx, sig, mentionId));
  let clusterId: number;
  let copyOf: number | null = null;
  let copySimilarity: number | null = null;
  if (best && best.similarity >= CLUSTER_SIMILARITY && best.item.cluster_id) {
    clusterId = best.item.cluster_id;
    if (best.similarity >= COPY_SIMILARITY) {
      copyOf = best.item.copy_of ?? best.item.id;
      copySimilarity = best.similarity;
    }
    await tx`update story_clusters set mention_count = mention_count + 1, copy_count = copy_count + ${copyOf ? 1 : 0} where id = ${clusterId}`;
  } else {
    const [cluster] = await tx<{ id: number }[]>`insert into story_clusters (first_mention_id, mention_count) values (${mentionId}, 1) returning id`;
    clusterId = cluster!.id;
  }
  const { bands, hashes } = bandArrays(sig);
  await tx`update mentions set minhash = ${sig}::int[], cluster_id = ${clusterId}, copy_of = ${copyOf}, copy_similarity = ${copySimilarity} where id = ${mentionId}`;
  await tx`insert into mention_bands (band, hash, mention_id) select band, hash, ${mentionId} from unnest(${bands}::smallint[], ${hashes}::int[]) as q(band, hash) on conflict do nothing`;
  await linkPressRelease(tx, mentionId, sig);
  return { clusterId, copyOf };
}

async function linkPressRelease(tx: TxSql, mentionId: number, sig: number[]): Promise<void> {
  const { bands, hashes } = bandArrays(sig);
  const releases = await tx<Candidate[]>`
    select r.id, r.minhash from press_releases r
    where r.id in (
      select b.press_release_id from press_release_bands b
      join unnest(${bands}::smallint[], ${hashes}::int[]) as q(band, hash) on b.band = q.band and b.hash = q.hash
    )`;
  const best = bestMatch(sig, releases);
  if (best && best.similarity >= CLUSTER_SIMILARITY) {
    await tx`update mentions set press_release_id = ${best.item.id}, press_release_similarity = ${best.similarity} where id = ${mentionId}`;
  }
}

/** Registers a press release's bands and links every stored mention that picked it up. Returns the pickup count. */
export async function indexPressRelease(db: Db, releaseId: number, sig: number[]): Promise<number> {
  const { bands, hashes } = bandArrays(sig);
  await db`insert into press_release_bands (band, hash, press_release_id) select band, hash, ${releaseId} from unnest(${bands}::smallint[], ${hashes}::int[]) as q(band, hash) on conflict do nothing`;
  let linked = 0;
  for (const c of await mentionCandidates(db, sig)) {
    const s = similarity(sig, c.minhash);
    if (s < CLUSTER_SIMILARITY) continue;
    const rows = await db`
      update mentions set press_release_id = ${releaseId}, press_release_similarity = ${s}
      where id = ${c.id} and (press_release_id is null or press_release_similarity < ${s}) returning id`;
    linked += rows.length;
  }
  return linked;
}
