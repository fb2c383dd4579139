import { Hono } from 'hono';
import type { AppDeps } from '../app.js';
import { idParam } from '../common.schema.js';
import { ApiError, notFound, parseInput, readJson } from '../errors.js';
import { requireUser } from './auth.middleware.js';
import { countAdmins, createUser, deleteUser, getUser, listUsers, updateUser } from './auth.repo.js';
import { createUserBody, updateUserBody } from './auth.schema.js';
import { generatePassword, hashPassword, passwordProblem } from './password.js';

/** Admins manage users. There is always at least one active admin left. */
export function userRoutes({ sql }: AppDeps) {
  async function keepAnAdmin(id: number, change: { role?: string; disabled?: boolean; deleting?: boolean }): Promise<void> {
    const user = await getUser(sql, id);
    if (!user) throw notFound(`user ${id}`);
    const losesAdmin = user.role === 'admin' && !user.disabled && (change.deleting || change.disabled || (change.role && change.role !== 'admin'));
    if (losesAdmin && (await countAdmins(sql)) <= 1) throw new ApiError(409, 'conflict', 'this is the last active admin; make another admin first');
  }

  return new Hono()
    .get('/', async (c) => c.json({ data: await listUsers(sql) }))
    .post('/', async (c) => {
      const body = parseInput(createUserBody, await readJson(c.req.raw));
      const password = body.password ?? generatePassword();
      const problem = passwordProblem(password, body.username);
      if (problem) throw new ApiError(400, 'invalid_request', `password: ${problem}`);
      const user = await createUser(sql, { username: body.username, displayName: body.display_name, role: body.role, passwordHash: await hashPassword(password) });
      if (!user) throw new ApiError(409, 'conflict', `username ${body.username} is taken`);
      return c.json({ data: { ...user, ...(body.password ? {} : { generated_password: password }) } }, 201);
    })
    .patch('/:id', async (c) => {
      const { id } = parseInput(idParam, c.req.param());
      const body = parseInput(updateUserBody, await readJson(c.req.raw));
      await keepAnAdmin(id, body);
      const target = (await getUser(sql, id))!;
      const password = body.password === true ? generatePassword() : body.password;
      if (password) {
        const problem = passwordProblem(password, target.username);
        if (problem) throw new ApiError(400, 'invalid_request', `password: ${problem}`);
      }
      const user = await updateUser(sql, id, {
        displayName: body.display_name,
        role: body.role,
        disabled: body.disabled,
        passwordHash: password ? await hashPassword(password) : undefined,
      });
      if (!user) throw notFound(`user ${id}`);
      return c.json({ data: { ...user, ...(body.password === true ? { generated_password: password } : {}) } });
    })
    .delete('/:id', async (c) => {
      const { id } = parseInput(idParam, c.req.param());
      if (requireUser(c).user.id === id) throw new ApiError(409, 'conflict', 'you cannot delete yourself');
      await keepAnAdmin(id, { deleting: true });
      if (!(await deleteUser(sql, id))) throw notFound(`user ${id}`);
      return c.body(null, 204);
    });
}
