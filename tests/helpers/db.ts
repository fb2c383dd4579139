import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createSql, type Sql } from '../../core/db.js';

/** A server with trust auth where tests may create databases. */
export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Test databases are named with this prefix (TEST_DB_PREFIX lets two runs share one server without meeting). */
export const DB_PREFIX = process.env.TEST_DB_PREFIX ?? 'gaung_t_';
if (!/^[a-z][a-z0-9_]*_$/.test(DB_PREFIX)) throw new Error(`TEST_DB_PREFIX must be lower-case letters, digits and _ and end in _, got ${DB_PREFIX}`);
export const TEMPLATE_DB = DB_PREFIX === 'gaung_t_' ? 'gaung_test_template' : `${DB_PREFIX}template`;

export function urlForDatabase(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function adminSql() {
  return postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
}

export interface TestDatabase {
  name: string;
  url: string;
  sql: Sql;
  drop(): Promise<void>;
}

/** A fresh database for one test file, copied from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `${DB_PREFIX}${randomBytes(5).toString('hex')}`;
  const admin = adminSql();
  try {
    await admin.unsafe(`create database ${name} template ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const url = urlForDatabase(name);
  const sql = createSql(url, { max: 4 });
  return {
    name,
    url,
    sql,
    async drop() {
      await sql.end({ timeout: 5 });
      const a = adminSql();
      try {
        await a.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}
