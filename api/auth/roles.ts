/** The roles, each with everything the one before it may do: leads read, staff export, analysts tune, admins manage users. */
export const ROLES = ['viewer', 'staff', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const roleRank = (role: Role): number => ROLES.indexOf(role);
export const hasRole = (role: Role, least: Role): boolean => roleRank(role) >= roleRank(least);
export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
