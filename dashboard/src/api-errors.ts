import { ApiRequestError } from './api.js';
import { t } from './i18n.js';

/** What to tell the user about a failed request: the API's own message, or why their session may not do it. */
export function errorText(err: unknown): string {
  if (err instanceof ApiRequestError) {
    if (err.status === 401) return t('errSignedOut');
    if (err.status === 403) return t('errForbidden');
  }
  return (err as Error).message;
}

/** A query the API could not parse: where (the character, from 1) and why, from "query: at character N: …". */
export function querySyntaxError(err: unknown): { position: number; message: string } | null {
  if (!(err instanceof ApiRequestError) || err.status !== 400) return null;
  const m = /(?:^|; )query: at character (\d+): (.*?)(?:; \w+: |$)/.exec(err.message);
  return m ? { position: Number(m[1]), message: m[2]! } : null;
}

/** Shows `text` in an error line (or hides it when null). */
export function showError(el: HTMLElement, text: string | null): void {
  el.textContent = text ?? '';
  el.hidden = text === null;
}
