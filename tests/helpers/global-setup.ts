import { createSql } from '../../core/db.js';
import { migrate } from '../../core/migrate.js';
import { adminSql, DB_PREFIX, TEMPLATE_DB, urlForDatabase } from './db.js';

/** Once per run: a migrated template database each test file copies, and no databases left by killed runs. */
export default async function setup(): Promise<void> {
  const admin = adminSql();
  try {
    const pattern = `${DB_PREFIX.replace(/_/g, '\\_')}%`;
    const stale = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${pattern} and datname <> ${TEMPLATE_DB}`;
    for (const { datname } of stale) await admin.unsafe(`drop database if exists ${datname} with (force)`);
    await admin.unsafe(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await admin.unsafe(`create database ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const sql = createSql(urlForDatabase(TEMPLATE_DB), { max: 1 });
  try {
    await migrate(sql);
  } finally {
    await sql.end();
  }
}
