import { getJson, send, setCsrfToken } from './api.js';

/** The signed-in user's role, as the page knows it; views hide what the role may not do (the API refuses it anyway). */
export type Role = 'viewer' | 'staff' | 'analyst' | 'admin';

const RANK: Record<Role, number> = { viewer: 0, staff: 1, analyst: 2, admin: 3 };

export interface Session {
  user: { id: number; username: string; display_name: string; role: Role } | null;
  role: Role | null;
  via: 'session' | 'token' | 'anonymous' | null;
  csrfToken: string | null;
  /** The demo: reads are open without signing in. */
  anonymousViewer: boolean;
}

let current: Session = { user: null, role: null, via: null, csrfToken: null, anonymousViewer: false };

/** Whether the session's role is at least `min`. */
export function hasRole(min: Role): boolean {
  const role = document.body.dataset.role as Role | undefined;
  return role !== undefined && role in RANK && RANK[role] >= RANK[min];
}

export const session = () => current;

function adopt(next: Session): Session {
  current = next;
  setCsrfToken(next.csrfToken ?? '');
  if (next.role) document.body.dataset.role = next.role;
  else delete document.body.dataset.role;
  document.body.dataset.signedIn = String(Boolean(next.user));
  return next;
}

/** Who this page is signed in as (or the demo's anonymous viewer, or nobody). */
export async function loadSession(): Promise<Session> {
  return adopt((await getJson<{ data: Session }>('/api/v1/auth/me')).data);
}

export async function signIn(username: string, password: string): Promise<Session> {
  await send('POST', '/api/v1/auth/login', { username, password });
  return loadSession();
}

export async function signOut(): Promise<void> {
  await send('POST', '/api/v1/auth/logout');
  adopt({ ...current, user: null, role: current.anonymousViewer ? 'viewer' : null, via: null, csrfToken: null });
}
