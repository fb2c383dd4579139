import { hasRole, type Role } from './session.js';

/**
 * Views without page reloads: each `<main data-view>` is one view, chosen by the hash (`#/topik`, `#/sumber`;
 * anything else is the dashboard). A view registers what to do when it is shown and when it is left.
 */
export type View = 'dasbor' | 'topik' | 'sumber' | 'akun';

const ROUTES: Record<string, View> = { '#/topik': 'topik', '#/sumber': 'sumber', '#/akun': 'akun' };

interface ViewHooks {
  show(): void;
  hide?(): void;
}

const hooks = new Map<View, ViewHooks>();
let active: View | null = null;

export const currentView = (): View => ROUTES[location.hash] ?? 'dasbor';

export function registerView(view: View, h: ViewHooks): void {
  hooks.set(view, h);
}

/** Shows the elements marked `data-min-role` only to a session of at least that role. */
export function applyRoles(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-min-role]').forEach((el) => {
    el.hidden = !hasRole(el.dataset.minRole as Role);
  });
}

function apply(): void {
  const next = currentView();
  if (active && active !== next) hooks.get(active)?.hide?.();
  document.querySelectorAll<HTMLElement>('main[data-view]').forEach((m) => (m.hidden = m.dataset.view !== next));
  document.querySelectorAll<HTMLAnchorElement>('nav.views a').forEach((a) => {
    if ((ROUTES[a.hash] ?? 'dasbor') === next) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  applyRoles();
  active = next;
  hooks.get(next)?.show();
}

/** Shows the view the hash names now and on every change; `again` re-shows the current one (e.g. after a language switch). */
export function startRouter(): { again(): void } {
  window.addEventListener('hashchange', apply);
  apply();
  return { again: () => (applyRoles(), hooks.get(currentView())?.show()) };
}
