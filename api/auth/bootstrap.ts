import type { Config } from '../../core/config.js';
import type { Sql } from '../../core/db.js';
import type { Logger } from '../../core/logger.js';
import { createUser, findUserForLogin, updateUser } from './auth.repo.js';
import { generatePassword, hashPassword, passwordProblem } from './password.js';
import { ROLES, type Role } from './roles.js';

export const CREATE_ADMIN_HELP = 'npm run user -- create <username> --role admin';

/**
 * On start: with no users yet, GAUNG_ADMIN_USERNAME and GAUNG_ADMIN_PASSWORD create the first admin. There
 * is no default password; without them the log says how to create one.
 */
export async function ensureFirstAdmin(sql: Sql, config: Pick<Config, 'GAUNG_ADMIN_USERNAME' | 'GAUNG_ADMIN_PASSWORD'>, logger: Logger): Promise<void> {
  // Accounts `npm run demo` made do not count as users: a real first admin still comes from the variables.
  const demo = (await sql<{ username: string }[]>`select username from users where username like 'demo-%' order by username`).map((u) => u.username);
  if (demo.length > 0) {
    logger.warn({ accounts: demo }, `this database has the demo's accounts (${demo.join(', ')}), whose roles anyone who ran the demo knows: delete them (npm run user -- delete <name>) before using it for real`);
  }
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from users where username not like 'demo-%'`;
  if (row!.n > 0) return;
  const { GAUNG_ADMIN_USERNAME: username, GAUNG_ADMIN_PASSWORD: password } = config;
  if (!username || !password) {
    logger.warn(`no users yet: nobody can sign in. Create the first admin with \`${CREATE_ADMIN_HELP}\`, or set GAUNG_ADMIN_USERNAME and GAUNG_ADMIN_PASSWORD and restart`);
    return;
  }
  const problem = passwordProblem(password, username);
  if (problem) throw new Error(`GAUNG_ADMIN_PASSWORD: ${problem}`);
  await createUser(sql, { username, role: 'admin', passwordHash: await hashPassword(password) });
  logger.info({ username }, 'created the first admin from GAUNG_ADMIN_USERNAME');
}

export interface DemoAccount {
  username: string;
  role: Role;
  password: string;
}

/**
 * `npm run demo` only: one account per role, each with a password made for this run (earlier runs' no longer work).
 * Refused in a database with users of its own: the demo keeps its data apart (DATA_DIR data/demo), and one pointed at a
 * real deployment's DATABASE_URL must not leave an admin account there.
 */
export async function ensureDemoAccounts(sql: Sql): Promise<DemoAccount[]> {
  const [others] = await sql<{ n: number }[]>`select count(*)::int as n from users where username not like 'demo-%'`;
  if (others!.n > 0) {
    throw new Error(
      `this database has ${others!.n} user(s) of its own, so the demo will not add its demo-* accounts to it; run the demo without DATABASE_URL (it keeps its data in data/demo) or on a database of its own`,
    );
  }
  const accounts: DemoAccount[] = [];
  for (const role of ROLES) {
    const username = `demo-${role}`;
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    const existing = await findUserForLogin(sql, username);
    if (existing) await updateUser(sql, existing.id, { passwordHash, role, disabled: false });
    else await createUser(sql, { username, displayName: `Demo ${role}`, role, passwordHash });
    accounts.push({ username, role, password });
  }
  return accounts;
}
