import { getLang } from './i18n.js';

/** Times and days as the dashboard shows them: Asia/Jakarta (WIB), in the chosen language. */
export const TZ = 'Asia/Jakarta';

const locale = () => (getLang() === 'id' ? 'id-ID' : 'en-GB');

export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: TZ, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** A YYYY-MM-DD day (already a Jakarta day) as "5 Nov". */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(new Date(`${day}T00:00:00Z`));
}

/** The Asia/Jakarta day (YYYY-MM-DD) an instant falls on. */
export const jakartaDay = (iso: string | Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date(iso));

export const formatNumber = (n: number): string => n.toLocaleString(locale());

/** A link to a crawled page: its text through textContent only, the address only when it is http(s), opened apart. */
export function crawledLink(text: string, url: string): HTMLAnchorElement {
  const link = document.createElement('a');
  link.textContent = text;
  if (/^https?:\/\//i.test(url)) link.href = url;
  link.rel = 'noopener noreferrer';
  link.target = '_blank';
  return link;
}
