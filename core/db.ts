import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import postgres from 'postgres';
import type { Logger } from './logger.js';

export type Sql = postgres.Sql;
export type TxSql = postgres.TransactionSql;

export interface Database {
  sql: Sql;
  /** 'postgres' for a server at DATABASE_URL, 'embedded' for PGlite under DATA_DIR. */
  mode: 'postgres' | 'embedded';
  close(): Promise<void>;
}

export function createSql(url: string, options: postgres.Options<{}> = {}): Sql {
  return postgres(url, {
    max: 10,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    // int8 (ids, counts, sums) as JS numbers: exact up to 2^53, and JSON-serialisable.
    types: { int8: { to: 20, from: [20], serialize: (n: number) => String(n), parse: (s: string) => Number(s) } },
    ...options,
    // No LLVM JIT: Gaung's statements are short, and the planner's guess of 100 rows per jsonb_array_elements pushes
    // the facet rollups of a re-analysis batch over jit_above_cost: 72 ms compiling for 100 mentions' rollups.
    connection: { jit: 'off', ...options.connection },
  });
}

/**
 * Opens the database: the server at `databaseUrl`, or, when none is given, an embedded PostgreSQL
 * (PGlite) stored under `dataDir`, served on a loopback port so the same postgres.js queries run on both.
 */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string; logger: Logger }): Promise<Database> {
  if (opts.databaseUrl) {
    const sql = createSql(opts.databaseUrl);
    return { sql, mode: 'postgres', close: () => sql.end({ timeout: 5 }) };
  }
  return openEmbeddedDatabase(opts.dataDir, opts.logger);
}

async function openEmbeddedDatabase(dataDir: string, logger: Logger): Promise<Database> {
  const dir = path.resolve(dataDir, 'pglite');
  fs.mkdirSync(dir, { recursive: true });
  const releaseLock = takeDirectoryLock(path.resolve(dataDir, 'pglite.lock'));
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  let db: InstanceType<typeof PGlite>;
  let server: InstanceType<typeof PGLiteSocketServer>;
  try {
    db = await PGlite.create(dir);
    server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
  } catch (err) {
    releaseLock();
    throw new Error(`could not open the embedded database in ${dir}: ${(err as Error).message}`);
  }
  logger.info({ dir }, 'embedded PostgreSQL (PGlite) started; set DATABASE_URL to use a PostgreSQL server');
  // PGlite serves one connection at a time, so every query shares one.
  const sql = createSql(`postgres://postgres@${server.getServerConn()}/postgres`, { max: 1 });
  return {
    sql,
    mode: 'embedded',
    async close() {
      await sql.end({ timeout: 5 });
      await server.stop();
      await db.close();
      releaseLock();
    },
  };
}

/** One process owns an embedded data directory; a second one gets a clear error instead of a corrupt database. */
const openInThisProcess = new Set<string>();

function takeDirectoryLock(lockFile: string): () => void {
  if (openInThisProcess.has(lockFile)) {
    throw new Error(`The embedded database in ${path.dirname(lockFile)} is in use by process ${process.pid} (this one).`);
  }
  try {
    const pid = Number(fs.readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${path.dirname(lockFile)} is in use by process ${pid}. ` +
          'Run api and worker together with `npm start`, or set DATABASE_URL to share a PostgreSQL server.',
      );
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  openInThisProcess.add(lockFile);
  return () => {
    openInThisProcess.delete(lockFile);
    fs.rmSync(lockFile, { force: true });
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
