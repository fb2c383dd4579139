import { z } from 'zod';
import { ROLES } from './roles.js';

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, { message: 'username: 3 to 40 lower-case letters, digits, ".", "_" or "-"' });
export const role = z.enum(ROLES);

export const loginBody = z.object({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(256) });
export const changePasswordBody = z.object({ current_password: z.string().min(1).max(256), new_password: z.string().min(1).max(256) });

export const createTokenBody = z.object({
  name: z.string().trim().min(1).max(80),
  /** Defaults to the owner's role; may not be above it. */
  role: role.optional(),
  expires_in_days: z.number().int().min(1).max(3650).nullable().optional(),
});

export const createUserBody = z.object({
  username,
  display_name: z.string().trim().max(120).optional(),
  role,
  /** Leave out to have one generated and shown once. */
  password: z.string().min(1).max(256).optional(),
});

export const updateUserBody = z
  .object({
    display_name: z.string().trim().max(120).optional(),
    role: role.optional(),
    disabled: z.boolean().optional(),
    /** A new password; `true` generates one and shows it once. */
    password: z.union([z.string().min(1).max(256), z.literal(true)]).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'nothing to change' });
