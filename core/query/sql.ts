import type { PendingQuery, Row } from 'postgres';
import type { Sql, TxSql } from '../db.js';
import type { QueryNode, TextNode } from './parse.js';

/**
 * A parsed query as one SQL condition on mentions `m`, run by PostgreSQL full-text search (the 'simple'
 * configuration, stored tsvectors `search_vector` and `title_vector` with GIN indexes): the one definition of
 * a match, used when a topic is saved (backfill), previewed, and when new mentions are ingested.
 */
type Db = Sql | TxSql;
type Fragment = PendingQuery<Row[]>;

function tsquery(sql: Db, node: TextNode): Fragment {
  switch (node.type) {
    case 'term':
      return sql`plainto_tsquery('simple', ${node.word})`;
    case 'prefix':
      // the stem is letters and digits only (parse.ts), so it is safe inside tsquery syntax
      return sql`to_tsquery('simple', ${`${node.stem}:*`})`;
    case 'phrase':
      return sql`phraseto_tsquery('simple', ${node.words.join(' ')})`;
    case 'near': {
      const left = tsquery(sql, node.left);
      const right = tsquery(sql, node.right);
      let q = sql`tsquery_phrase(${left}, ${right}, 1) || tsquery_phrase(${right}, ${left}, 1)`;
      for (let k = 2; k <= node.distance; k++) q = sql`${q} || tsquery_phrase(${left}, ${right}, ${k}) || tsquery_phrase(${right}, ${left}, ${k})`;
      return sql`(${q})`;
    }
  }
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function queryCondition(sql: Db, node: QueryNode): Fragment {
  switch (node.type) {
    case 'term':
    case 'prefix':
    case 'phrase':
    case 'near':
      return sql`m.search_vector @@ ${tsquery(sql, node)}`;
    case 'field':
      return sql`m.title_vector @@ ${tsquery(sql, node.node)}`;
    case 'source': {
      const like = `%${likeEscape(node.value)}%`;
      return sql`m.source_id in (select s.id from sources s where s.name ilike ${like} or s.url ilike ${like})`;
    }
    case 'tier':
      return sql`coalesce(m.tier, (select s.tier from sources s where s.id = m.source_id)) = ${node.tier}`;
    case 'not':
      return sql`not coalesce(${queryCondition(sql, node.node)}, false)`;
    case 'and':
    case 'or': {
      const op = node.type === 'and' ? sql`and` : sql`or`;
      const parts = node.nodes.map((n) => queryCondition(sql, n));
      return sql`(${parts.slice(1).reduce((acc, p) => sql`${acc} ${op} ${p}`, parts[0]!)})`;
    }
  }
}
