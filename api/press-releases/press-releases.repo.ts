import { COPY_SIMILARITY } from '../../analysis/similarity.js';
import type { Sql } from '../../core/db.js';
import { indexPressRelease } from '../../crawler/syndication.repo.js';

export interface PressRelease {
  id: number;
  title: string;
  url: string | null;
  published_at: Date | null;
  created_at: Date;
  pickup_count: number;
  verbatim_count: number;
  outlet_count: number;
}

const COLUMNS = (sql: Sql) => sql`
  r.id, r.title, r.url, r.published_at, r.created_at,
  (select count(*) from mentions m where m.press_release_id = r.id)::int as pickup_count,
  (select count(*) from mentions m where m.press_release_id = r.id and m.press_release_similarity >= ${COPY_SIMILARITY})::int as verbatim_count,
  (select count(distinct m.source_id) from mentions m where m.press_release_id = r.id)::int as outlet_count`;

export async function listPressReleases(sql: Sql): Promise<PressRelease[]> {
  return sql<PressRelease[]>`select ${COLUMNS(sql)} from press_releases r order by r.created_at desc, r.id desc`;
}

export async function getPressRelease(sql: Sql, id: number): Promise<PressRelease | null> {
  const [row] = await sql<PressRelease[]>`select ${COLUMNS(sql)} from press_releases r where r.id = ${id}`;
  return row ?? null;
}

/** Stores the release and links the stored mentions that picked it up; null when its URL is already registered. */
export async function createPressRelease(
  sql: Sql,
  input: { title: string; url: string | null; body: string; publishedAt: Date | null; signature: number[] },
): Promise<PressRelease | null> {
  const id = await sql.begin(async (tx) => {
    const [row] = await tx<{ id: number }[]>`
      insert into press_releases (title, url, body, minhash, published_at)
      values (${input.title}, ${input.url}, ${input.body}, ${input.signature}::int[], ${input.publishedAt})
      on conflict (url) do nothing returning id`;
    if (!row) return null;
    await indexPressRelease(tx, row.id, input.signature);
    return row.id;
  });
  return id ? getPressRelease(sql, id) : null;
}

export async function deletePressRelease(sql: Sql, id: number): Promise<boolean> {
  return (await sql`delete from press_releases where id = ${id} returning id`).length > 0;
}

export async function listPickups(sql: Sql, id: number) {
  return sql<{ id: number; url: string; title: string; source_name: string | null; occurred_at: Date; similarity: number }[]>`
    select m.id, m.url, m.title, s.name as source_name, m.occurred_at, m.press_release_similarity as similarity
    from mentions m left join sources s on s.id = m.source_id
    where m.press_release_id = ${id}
    order by m.occurred_at, m.id`;
}
