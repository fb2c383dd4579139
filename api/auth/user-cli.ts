import { parseArgs } from 'node:util';
import { loadConfig } from '../../core/config.js';
import { openDatabase, type Sql } from '../../core/db.js';
import { createLogger } from '../../core/logger.js';
import { migrate } from '../../core/migrate.js';
import { createApiToken, createUser, deleteUser, findUserForLogin, listUsers, updateUser } from './auth.repo.js';
import { generatePassword, hashPassword, passwordProblem } from './password.js';
import { isRole, ROLES, type Role } from './roles.js';

const USAGE = `npm run user -- <command>

  create <username> --role <${ROLES.join('|')}> [--name "Display name"] [--password-stdin]
  list
  set-password <username> [--password-stdin]
  set-role <username> <role>
  disable <username> | enable <username>
  delete <username>
  token <username> --name <label> [--role <role>] [--days <n>]

Without --password-stdin a password is generated and printed once. Uses DATABASE_URL (or the embedded
database under DATA_DIR: stop the server first).`;

class UsageError extends Error {}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function newPassword(username: string, fromStdin: boolean): Promise<{ password: string; generated: boolean }> {
  const password = fromStdin ? await readStdin() : generatePassword();
  const problem = passwordProblem(password, username);
  if (problem) throw new UsageError(problem);
  return { password, generated: !fromStdin };
}

function roleArg(value: string | undefined): Role {
  if (!isRole(value)) throw new UsageError(`role must be one of ${ROLES.join(', ')}`);
  return value;
}

async function findUser(sql: Sql, username: string | undefined) {
  if (!username) throw new UsageError('which username?');
  const user = await findUserForLogin(sql, username);
  if (!user) throw new UsageError(`no user named ${username}`);
  return user;
}

async function run(sql: Sql, argv: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' }, days: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false } },
  });
  const [command, username, extra] = positionals;
  const fromStdin = values['password-stdin'] ?? false;
  switch (command) {
    case 'create': {
      if (!username) throw new UsageError('create needs a username');
      if (!/^[a-z0-9][a-z0-9._-]{2,39}$/i.test(username)) throw new UsageError('username: 3 to 40 letters, digits, ".", "_" or "-"');
      const role = roleArg(values.role);
      const { password, generated } = await newPassword(username, fromStdin);
      const user = await createUser(sql, { username, displayName: values.name, role, passwordHash: await hashPassword(password) });
      if (!user) throw new UsageError(`username ${username} is taken`);
      return `created ${user.username} (${user.role})${generated ? `\npassword: ${password}\n(shown once; they can change it after signing in)` : ''}`;
    }
    case 'list':
      return (await listUsers(sql)).map((u) => `${u.username.padEnd(24)} ${u.role.padEnd(8)} ${u.disabled ? 'disabled' : 'active  '} last sign-in ${u.last_login_at?.toISOString() ?? 'never'}`).join('\n') || 'no users';
    case 'set-password': {
      const user = await findUser(sql, username);
      const { password, generated } = await newPassword(user.username, fromStdin);
      await updateUser(sql, user.id, { passwordHash: await hashPassword(password) });
      return `password of ${user.username} changed; their sessions ended${generated ? `\npassword: ${password}` : ''}`;
    }
    case 'set-role': {
      const user = await findUser(sql, username);
      await updateUser(sql, user.id, { role: roleArg(extra) });
      return `${user.username} is now ${extra}`;
    }
    case 'disable':
    case 'enable': {
      const user = await findUser(sql, username);
      await updateUser(sql, user.id, { disabled: command === 'disable' });
      return `${user.username} ${command}d`;
    }
    case 'delete': {
      const user = await findUser(sql, username);
      await deleteUser(sql, user.id);
      return `${user.username} deleted`;
    }
    case 'token': {
      const user = await findUser(sql, username);
      if (!values.name) throw new UsageError('token needs --name');
      const role = values.role ? roleArg(values.role) : user.role;
      if (ROLES.indexOf(role) > ROLES.indexOf(user.role)) throw new UsageError(`a token cannot be above its owner's role (${user.role})`);
      const days = values.days ? Number(values.days) : null;
      if (days !== null && !(Number.isInteger(days) && days > 0)) throw new UsageError('--days must be a positive whole number');
      const { token } = await createApiToken(sql, user.id, { name: values.name, role, expiresInDays: days });
      return token;
    }
    default:
      throw new UsageError(command ? `unknown command ${command}` : 'which command?');
  }
}

/** `npm run user`: manage accounts from the shell — the way to create the first admin. */
const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, 'gaung-user');
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, logger });
try {
  await migrate(db.sql, logger);
  process.stdout.write(`${await run(db.sql, process.argv.slice(2))}\n`);
} catch (err) {
  process.stderr.write(err instanceof UsageError ? `${err.message}\n\n${USAGE}\n` : `${(err as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await db.close();
}
