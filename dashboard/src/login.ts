import type { ApiRequestError } from './api.js';
import { t, tf, type TextKey } from './i18n.js';
import { session, signIn, signOut, type Session } from './session.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Whoever waits for the next sign-in (the page's start, or a button). */
let waiting: ((s: Session) => void)[] = [];

/** Shows the sign-in form over the page and resolves once someone has signed in. */
export function askToSignIn(message?: TextKey): Promise<Session> {
  const error = $('login-error');
  $('login-form').hidden = false;
  document.body.dataset.signingIn = 'true';
  error.hidden = !message;
  if (message) error.textContent = t(message);
  $('login-cancel').hidden = !session().role;
  $<HTMLInputElement>('login-username').focus();
  return new Promise((resolve) => waiting.push(resolve));
}

function closeForm(): void {
  $('login-form').hidden = true;
  delete document.body.dataset.signingIn;
}

async function submit(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const button = $<HTMLButtonElement>('login-submit');
  const error = $('login-error');
  button.disabled = true;
  error.hidden = true;
  try {
    const next = await signIn($<HTMLInputElement>('login-username').value, $<HTMLInputElement>('login-password').value);
    $<HTMLInputElement>('login-password').value = '';
    closeForm();
    renderAccountBox();
    const resolvers = waiting;
    waiting = [];
    resolvers.forEach((r) => r(next));
  } catch (err) {
    const e = err as ApiRequestError;
    error.textContent = e.status === 429 ? `${t('loginLimited')} (${e.message})` : e.status === 401 ? t('loginWrong') : `${t('loginFailed')}: ${e.message}`;
    error.hidden = false;
  } finally {
    button.disabled = false;
  }
}

/** The header's account box: who is signed in with which role, sign out; in the demo, a way to sign in. */
export function renderAccountBox(): void {
  const s = session();
  $('whoami').textContent = s.user
    ? tf('signedInAs', { name: s.user.display_name || s.user.username, role: t(`role_${s.role}` as TextKey) })
    : s.anonymousViewer ? t('demoAnonymous') : '';
  $('logout').hidden = !s.user;
  $('signin-open').hidden = Boolean(s.user) || !s.anonymousViewer;
  $('account-link').hidden = !s.user;
}

/** Wires the form and the account box; `onChange` runs after signing in or out (the page redraws for the new role). */
export function wireSignIn(onChange: () => void): void {
  $<HTMLFormElement>('login-form').addEventListener('submit', (e) => void submit(e));
  $('login-cancel').addEventListener('click', closeForm);
  $('logout').addEventListener('click', async () => {
    await signOut();
    renderAccountBox();
    if (!session().role) await askToSignIn();
    onChange();
  });
  $('signin-open').addEventListener('click', async () => {
    await askToSignIn();
    onChange();
  });
}
