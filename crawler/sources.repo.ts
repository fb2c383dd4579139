import type { Sql } from '../core/db.js';
import type { Source } from '../core/types.js';

export async function getSource(sql: Sql, id: number): Promise<Source | null> {
  const [row] = await sql<Source[]>`select * from sources where id = ${id}`;
  return row ?? null;
}

export async function listScheduleRows(sql: Sql): Promise<Pick<Source, 'id' | 'enabled' | 'interval_minutes'>[]> {
  return sql<Pick<Source, 'id' | 'enabled' | 'interval_minutes'>[]>`select id, enabled, interval_minutes from sources order by id`;
}

export async function recordCrawlSuccess(sql: Sql, id: number, itemCount: number, warning: string | null): Promise<void> {
  await sql`
    update sources set last_fetched_at = now(), last_success_at = now(), last_status = 'ok', last_error = ${warning},
      last_item_count = ${itemCount}, consecutive_failures = 0
    where id = ${id}`;
}

export async function recordCrawlFailure(sql: Sql, id: number, error: string): Promise<void> {
  await sql`
    update sources set last_fetched_at = now(), last_status = 'error', last_error = ${error.slice(0, 2000)},
      consecutive_failures = consecutive_failures + 1
    where id = ${id}`;
}
