import type { Sql } from '../../core/db.js';
import type { QueryNode } from '../../core/query/parse.js';
import { queryCondition } from '../../core/query/sql.js';
import { replaceNode } from '../../core/query/variants.js';
import { dayWindow } from './topics.repo.js';

/**
 * How many stored mentions each variant would add to a query over the days `from`…`to` (Asia/Jakarta): the
 * mentions the query matches with the variant in its term's place and does not match as written. One
 * statement for all variants, reading only mentions that contain some variant (the full-text index finds
 * them): a mention a variant adds must match the variant, since the term stands where a match only helps.
 */
export async function countVariantAdds(
  sql: Sql,
  tree: QueryNode,
  variants: readonly { term: QueryNode; variant: QueryNode }[],
  range: { from: string; to: string },
): Promise<number[]> {
  if (variants.length === 0) return [];
  const written = queryCondition(sql, tree);
  const counts = variants.map(
    ({ term, variant }, i) => sql`count(*) filter (where ${queryCondition(sql, replaceNode(tree, term, variant))} and not coalesce(${written}, false))::int as ${sql(`n${i}`)}`,
  );
  const anyVariant = variants.map(({ variant }) => queryCondition(sql, variant));
  const [row] = await sql<Record<string, number>[]>`
    select ${counts.slice(1).reduce((acc, c) => sql`${acc}, ${c}`, counts[0]!)}
    from mentions m
    where ${dayWindow(sql, range)} and (${anyVariant.slice(1).reduce((acc, c) => sql`${acc} or ${c}`, anyVariant[0]!)})`;
  return variants.map((_, i) => row?.[`n${i}`] ?? 0);
}
