import { ApiRequestError, getJson, send } from './api.js';
import { getLang, t, tf, type TextKey } from './i18n.js';
import { hasRole, session, type Role } from './session.js';

/**
 * `#/akun`: your password and API tokens; for admins, every user. A token or generated password is shown
 * once, in a field to copy, and never again.
 */
interface TokenRow { id: number; name: string; prefix: string; role: Role; created_at: string; last_used_at: string | null; expires_at: string | null; revoked_at: string | null }
interface UserRow { id: number; username: string; display_name: string; role: Role; disabled: boolean; last_login_at: string | null }

const ROLES: Role[] = ['viewer', 'staff', 'analyst', 'admin'];
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const when = (iso: string | null) =>
  iso ? new Intl.DateTimeFormat(getLang() === 'id' ? 'id-ID' : 'en-GB', { timeZone: 'Asia/Jakarta', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—';

function say(id: string, text: string, isError = false): void {
  const el = $(id);
  el.textContent = text;
  el.className = isError ? 'error' : 'notice';
  el.hidden = !text;
}

const failure = (err: unknown) => (err instanceof ApiRequestError ? err.message : (err as Error).message);

function roleSelect(current: Role, upTo: Role = 'admin'): HTMLSelectElement {
  const select = document.createElement('select');
  for (const r of ROLES.slice(0, ROLES.indexOf(upTo) + 1)) select.append(new Option(t(`role_${r}` as TextKey), r));
  select.value = current;
  return select;
}

function button(label: TextKey, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = t(label);
  b.addEventListener('click', onClick);
  return b;
}

/** Shows a secret once, selected, for copying. */
function showSecret(id: string, label: TextKey, secret: string): void {
  const box = $(id);
  const input = document.createElement('input');
  input.readOnly = true;
  input.value = secret;
  input.className = 'secret';
  const text = document.createElement('span');
  text.textContent = t(label);
  box.replaceChildren(text, input);
  box.hidden = false;
  input.select();
}

async function renderTokens(): Promise<void> {
  const { data } = await getJson<{ data: TokenRow[] }>('/api/v1/auth/tokens');
  const rows = data.map((tk) => {
    const tr = document.createElement('tr');
    tr.insertCell().textContent = tk.name;
    tr.insertCell().textContent = `${tk.prefix}…`;
    tr.insertCell().textContent = t(`role_${tk.role}` as TextKey);
    tr.insertCell().textContent = when(tk.created_at);
    tr.insertCell().textContent = when(tk.last_used_at);
    tr.insertCell().textContent = tk.revoked_at ? t('tokenRevoked') : tk.expires_at ? tf('tokenExpires', { when: when(tk.expires_at) }) : t('tokenActive');
    const actions = tr.insertCell();
    if (!tk.revoked_at) {
      actions.append(
        button('tokenRevoke', async () => {
          if (!confirm(tf('tokenConfirmRevoke', { name: tk.name }))) return;
          await send('DELETE', `/api/v1/auth/tokens/${tk.id}`);
          await renderTokens();
        }),
      );
    }
    return tr;
  });
  $<HTMLTableElement>('tokens').tBodies[0]!.replaceChildren(...rows);
  $('tokens-empty').hidden = rows.length > 0;
}

async function renderUsers(): Promise<void> {
  const { data } = await getJson<{ data: UserRow[] }>('/api/v1/users');
  const rows = data.map((u) => {
    const tr = document.createElement('tr');
    tr.insertCell().textContent = u.username;
    tr.insertCell().textContent = u.display_name || '—';
    const role = roleSelect(u.role);
    role.setAttribute('aria-label', `${t('colRole')} ${u.username}`);
    role.addEventListener('change', () => void patchUser(u, { role: role.value }));
    tr.insertCell().append(role);
    tr.insertCell().textContent = u.disabled ? t('userDisabled') : t('userActive');
    tr.insertCell().textContent = when(u.last_login_at);
    tr.insertCell().append(
      button(u.disabled ? 'userEnable' : 'userDisable', () => void patchUser(u, { disabled: !u.disabled })),
      button('userResetPassword', async () => {
        const res = await patchUser(u, { password: true });
        if (res?.generated_password) showSecret('users-secret', 'userNewPassword', `${u.username}: ${res.generated_password}`);
      }),
    );
    return tr;
  });
  $<HTMLTableElement>('users').tBodies[0]!.replaceChildren(...rows);
}

async function patchUser(u: UserRow, change: Record<string, unknown>): Promise<(UserRow & { generated_password?: string }) | null> {
  try {
    const { data } = await send<{ data: UserRow & { generated_password?: string } }>('PATCH', `/api/v1/users/${u.id}`, change);
    say('users-message', tf('userUpdated', { name: u.username }));
    await renderUsers();
    return data;
  } catch (err) {
    say('users-message', failure(err), true);
    await renderUsers();
    return null;
  }
}

let wired = false;
function wire(): void {
  if (wired) return;
  wired = true;
  $<HTMLFormElement>('token-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const days = Number($<HTMLInputElement>('token-days').value);
    try {
      const { data } = await send<{ data: { token: string } }>('POST', '/api/v1/auth/tokens', {
        name: $<HTMLInputElement>('token-name').value,
        role: $<HTMLSelectElement>('token-role').value,
        expires_in_days: days > 0 ? days : null,
      });
      showSecret('token-secret', 'tokenShownOnce', data.token);
      say('token-message', '');
      $<HTMLInputElement>('token-name').value = '';
      await renderTokens();
    } catch (err) {
      say('token-message', failure(err), true);
    }
  });
  $<HTMLFormElement>('password-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await send('POST', '/api/v1/auth/password', { current_password: $<HTMLInputElement>('password-current').value, new_password: $<HTMLInputElement>('password-new').value });
      // every session ends with a new password, this one too
      location.hash = '#/';
      location.reload();
    } catch (err) {
      say('password-message', failure(err), true);
    }
  });
  $<HTMLFormElement>('user-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const { data } = await send<{ data: UserRow & { generated_password?: string } }>('POST', '/api/v1/users', {
        username: $<HTMLInputElement>('user-username').value,
        display_name: $<HTMLInputElement>('user-display').value || undefined,
        role: $<HTMLSelectElement>('user-role').value,
      });
      if (data.generated_password) showSecret('users-secret', 'userNewPassword', `${data.username}: ${data.generated_password}`);
      say('users-message', tf('userCreated', { name: data.username }));
      $<HTMLInputElement>('user-username').value = '';
      $<HTMLInputElement>('user-display').value = '';
      await renderUsers();
    } catch (err) {
      say('users-message', failure(err), true);
    }
  });
}

export const accountView = {
  show(): void {
    wire();
    const s = session();
    if (!s.user) return;
    $<HTMLSelectElement>('token-role').replaceChildren(...roleSelect(s.role ?? 'viewer', s.role ?? 'viewer').options);
    $<HTMLSelectElement>('token-role').value = s.role ?? 'viewer';
    $<HTMLSelectElement>('user-role').replaceChildren(...roleSelect('viewer').options);
    $<HTMLSelectElement>('user-role').value = 'viewer';
    void renderTokens().catch((err) => say('token-message', failure(err), true));
    if (hasRole('admin')) void renderUsers().catch((err) => say('users-message', failure(err), true));
  },
};
