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

/** A mention being stored in this transaction (by the id it gets), with its signature, to be put in a story. */
export interface NewSignedMention {
  id: number;
  sig: number[];
}

type Stored = Candidate & { cluster_id: number | null; copy_of: number | null };
const bandKey = (band: number, hash: number) => `${band}:${hash}`;
function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
/** Most candidates read per band and mention: a band shared by hundreds of pages is boilerplate, not a story. */
const CANDIDATES_PER_BAND = 50;

/**
 * Puts new mentions in story clusters, in the order given (first seen wins): each joins the cluster of its
 * closest earlier mention, stored before or earlier in the same batch, when they tell the same story
 * (estimated Jaccard >= 0.5), marked a copy of that story's original when near-verbatim (>= 0.75); else it
 * starts a new story. Also finds the press release each one copies. A fixed number of statements per batch.
 *
 * Runs before the mentions are inserted, with the ids they will get: the story columns go into the insert
 * itself (crawler/ingest.repo.ts), so a new row is written once. Their bands follow the insert (insertBands).
 */
export async function assignStories(tx: TxSql, items: NewSignedMention[]): Promise<Map<number, StoryLink>> {
  const links = new Map<number, StoryLink>();
  if (items.length === 0) return links;
  const bandsOf = new Map(items.map((it) => [it.id, lshBands(it.sig)]));
  const keys = [...new Set(items.flatMap((it) => bandsOf.get(it.id)!.map((b) => bandKey(b.band, b.hash))))];
  const q = { bands: keys.map((k) => Number(k.split(':')[0])), hashes: keys.map((k) => Number(k.split(':')[1])) };
  const ids = items.map((it) => it.id);
  const rows = await tx<(Stored & { band: number; hash: number })[]>`
    select q.band, q.hash, m.id, m.minhash, m.cluster_id, m.copy_of
    from unnest(${q.bands}::smallint[], ${q.hashes}::int[]) as q(band, hash)
    cross join lateral (
      select b.mention_id from mention_bands b where b.band = q.band and b.hash = q.hash limit ${CANDIDATES_PER_BAND}
    ) c
    join mentions m on m.id = c.mention_id
    where m.id <> all(${ids}::bigint[])`;
  const byBand = new Map<string, Stored[]>();
  for (const r of rows) push(byBand, bandKey(r.band, r.hash), r);

  // Clusters started in this batch get negative placeholder ids until they are inserted.
  const newClusters: { placeholder: number; first: number; count: number; copies: number }[] = [];
  const grown = new Map<number, { count: number; copies: number }>();
  const assigned: { id: number; cluster: number; copyOf: number | null; similarity: number | null }[] = [];
  for (const it of items) {
    const bands = bandsOf.get(it.id)!;
    const seen = new Map<number, Stored>();
    for (const b of bands) for (const c of byBand.get(bandKey(b.band, b.hash)) ?? []) seen.set(c.id, c);
    const best = bestMatch(it.sig, [...seen.values()]);
    let cluster: number;
    let copyOf: number | null = null;
    let copySimilarity: number | null = null;
    if (best && best.similarity >= CLUSTER_SIMILARITY && best.item.cluster_id) {
      cluster = best.item.cluster_id;
      if (best.similarity >= COPY_SIMILARITY) {
        copyOf = best.item.copy_of ?? best.item.id;
        copySimilarity = best.similarity;
      }
      const fresh = newClusters.find((c) => c.placeholder === cluster);
      const tally = fresh ?? grown.get(cluster) ?? { count: 0, copies: 0 };
      tally.count++;
      if (copyOf) tally.copies++;
      if (!fresh) grown.set(cluster, tally);
    } else {
      cluster = -(newClusters.length + 1);
      newClusters.push({ placeholder: cluster, first: it.id, count: 1, copies: 0 });
    }
    assigned.push({ id: it.id, cluster, copyOf, similarity: copySimilarity });
    // Later mentions in the batch see this one as an earlier candidate.
    const self: Stored = { id: it.id, minhash: it.sig, cluster_id: cluster, copy_of: copyOf };
    for (const b of bands) push(byBand, bandKey(b.band, b.hash), self);
  }

  const placeholders = new Map<number, number>();
  if (newClusters.length > 0) {
    const created = await tx<{ id: number; first_mention_id: number }[]>`
      insert into story_clusters (first_mention_id, mention_count, copy_count)
      select * from unnest(${newClusters.map((c) => c.first)}::bigint[], ${newClusters.map((c) => c.count)}::int[], ${newClusters.map((c) => c.copies)}::int[])
      returning id, first_mention_id`;
    const byFirst = new Map(created.map((c) => [c.first_mention_id, c.id]));
    for (const c of newClusters) placeholders.set(c.placeholder, byFirst.get(c.first)!);
  }
  if (grown.size > 0) {
    const clusterIds = [...grown.keys()].sort((a, b) => a - b);
    // Locked in id order first, so two workers growing the same stories never deadlock.
    await tx`select id from story_clusters where id = any(${clusterIds}::bigint[]) order by id for update`;
    await tx`
      update story_clusters s set mention_count = s.mention_count + d.n, copy_count = s.copy_count + d.c
      from unnest(${clusterIds}::bigint[], ${clusterIds.map((id) => grown.get(id)!.count)}::int[], ${clusterIds.map((id) => grown.get(id)!.copies)}::int[]) as d(id, n, c)
      where s.id = d.id`;
  }
  const real = (cluster: number) => (cluster < 0 ? placeholders.get(cluster)! : cluster);
  for (const a of assigned) {
    links.set(a.id, { clusterId: real(a.cluster), copyOf: a.copyOf, copySimilarity: a.similarity, pressReleaseId: null, pressReleaseSimilarity: null });
  }
  for (const l of await pressReleasePickups(tx, items, q)) Object.assign(links.get(l.id)!, { pressReleaseId: l.release, pressReleaseSimilarity: l.similarity });
  return links;
}

/**
 * Registers new mentions' LSH bands, once their rows are stored (the bands refer to them), so later mentions find
 * them. The ids are new, so no row can be there already: a plain insert, half the cost of one checking for conflicts.
 */
export async function insertBands(tx: TxSql, items: NewSignedMention[]): Promise<void> {
  if (items.length === 0) return;
  const bandRows = items.flatMap((it) => lshBands(it.sig).map((b) => ({ ...b, id: it.id })));
  await tx`
    insert into mention_bands (band, hash, mention_id)
    select * from unnest(${bandRows.map((b) => b.band)}::smallint[], ${bandRows.map((b) => b.hash)}::int[], ${bandRows.map((b) => b.id)}::bigint[])`;
}

/** The story a new mention joined: its cluster, the original it copies and how closely, and the press release it picked up. */
export interface StoryLink {
  clusterId: number;
  copyOf: number | null;
  copySimilarity: number | null;
  pressReleaseId: number | null;
  pressReleaseSimilarity: number | null;
}

/** The registered press release each new mention picked up, if any. */
async function pressReleasePickups(tx: TxSql, items: NewSignedMention[], q: { bands: number[]; hashes: number[] }): Promise<{ id: number; release: number; similarity: number }[]> {
  const rows = await tx<(Candidate & { band: number; hash: number })[]>`
    select b.band, b.hash, r.id, r.minhash from press_release_bands b
    join unnest(${q.bands}::smallint[], ${q.hashes}::int[]) as q(band, hash) on b.band = q.band and b.hash = q.hash
    join press_releases r on r.id = b.press_release_id`;
  if (rows.length === 0) return [];
  const byBand = new Map<string, Candidate[]>();
  for (const r of rows) push(byBand, bandKey(r.band, r.hash), r);
  const links: { id: number; release: number; similarity: number }[] = [];
  for (const it of items) {
    const seen = new Map<number, Candidate>();
    for (const b of lshBands(it.sig)) for (const c of byBand.get(bandKey(b.band, b.hash)) ?? []) seen.set(c.id, c);
    const best = bestMatch(it.sig, [...seen.values()]);
    if (best && best.similarity >= CLUSTER_SIMILARITY) links.push({ id: it.id, release: best.item.id, similarity: best.similarity });
  }
  return links;
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
