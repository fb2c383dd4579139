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
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from users`;
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

/** `npm run demo` only: one account per role, each with a password made for this run (earlier runs' no longer work). */
export async function ensureDemoAccounts(sql: Sql): Promise<DemoAccount[]> {
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
