import { collapseWhitespace } from './text.js';

/**
 * The article's own headline, without the site's name. Sites put their name around the headline in
 * <title> and often in og:title too ("… - Kabar.com Regional", "… | Warta Online", "Kabar.com: Musik - …");
 * the names are read from what the page says about itself (og:site_name, application-name, the JSON-LD
 * publisher, the host) and from what <title> adds to the headline, never from a list of outlets.
 */
export interface TitleSources {
  /** og:title, twitter:title, JSON-LD headline, <title>, in that order of preference; nulls skipped. */
  candidates: readonly (string | null | undefined)[];
  /** The page's h1 (inside article/main, or the only one). */
  heading: string | null;
  /** og:site_name, application-name, JSON-LD publisher name. */
  siteNames: readonly (string | null | undefined)[];
  pageUrl: string;
}

/** Separators between a headline and the site's name or section; a plain hyphen only with spaces around it. */
const SEPARATOR = /\s+(?:[-–—|»·•~/:]|::)\s+|\s*[|»•]\s*/;
const SEPARATOR_KEPT = new RegExp(`(${SEPARATOR.source})`);
const PREFIX = /^([^:]{2,40}):\s+/;
/** Second-level labels that are not the site's name ("co" of .co.id, "go" of .go.id). */
const GENERIC_LABELS = new Set(['www', 'm', 'amp', 'com', 'co', 'go', 'or', 'ac', 'sch', 'net', 'org', 'web', 'my', 'biz', 'id', 'news', 'tv']);
/** A segment that is itself a domain name ("ihram.co.id", "Kabar.com"). */
const DOMAIN = /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:com|co|id|net|org|tv|news|info|my|sg|asia|online|media)(?:\.[a-z]{2})?$/iu;

export function pickTitle(src: TitleSources): string {
  const names = siteNameKeys(src);
  const all = src.candidates.map(oneLine).filter((t): t is string => !!t);
  // An og:title that is only the site's name ("Kabar.com") is no headline.
  const candidates = all.filter((t) => !isOnlySiteName(t, names));
  const heading = oneLine(src.heading);
  const best = candidates[0] === undefined ? null : stripSiteName(candidates[0], names, heading);
  // The h1 is what the reader sees as the headline; when a meta title holds it, the rest is site and section.
  const headingKey = key(heading ?? '');
  // …and is most of it: a short h1 (a section's name) inside a long title is not the headline.
  const substantial = heading !== null && words(heading) >= 2 && headingKey.length >= 0.5 * key(best ?? '').length;
  const primary = candidates[0] === undefined ? '' : key(candidates[0]);
  if (heading && substantial && !isOnlySiteName(heading, names) && primary.includes(headingKey)) return heading;
  // A meta headline cut short (JSON-LD headlines are often cut at 110 characters): the h1 holds all of it.
  if (heading && best && best.length >= 20 && headingKey.length > key(best).length && headingKey.startsWith(key(best).replace(/\W*$/u, ''))) return heading;
  return best ?? heading ?? all[0] ?? '';
}

/** Lower-case letters and digits only: "Kabar.com Regional" → "kabarcomregional". */
const key = (s: string) => {
  const lower = s.toLowerCase();
  // In ASCII text the letters are a-z: the same keys without the slower Unicode pattern.
  return NON_ASCII.test(lower) ? lower.replace(/[^\p{L}\d]+/gu, '') : lower.replace(/[^a-z\d]+/g, '');
};
const NON_ASCII = /[^\x00-\x7f]/;

function oneLine(s: string | null | undefined): string | null {
  const t = collapseWhitespace(s ?? '');
  return t || null;
}

/** Keys of the names the site calls itself by: declared names, and the host's distinctive label. */
function siteNameKeys(src: TitleSources): string[] {
  const keys = new Set<string>();
  for (const n of src.siteNames) {
    const k = key(n ?? '');
    if (k.length >= 3) keys.add(k);
  }
  try {
    const labels = new URL(src.pageUrl).hostname.toLowerCase().split('.');
    // The label before the public suffix: "regional.kabar.co.id" → "kabar"; a regional edition's label too:
    // "jabar.lintasnews.com" titles its pages "… - Lintas Jabar".
    const own = labels.slice(0, -1).filter((l) => !GENERIC_LABELS.has(l));
    const main = own.at(-1);
    if (main && main.length >= 3) keys.add(key(main));
    for (const label of own.slice(0, -1)) if (label.length >= 4) keys.add(key(label));
  } catch {
    // A page URL that does not parse gives no host name.
  }
  return [...keys];
}

/** A segment that names the site: a domain, or text holding one of the site's names (or held in one). */
function isSiteName(segment: string, names: readonly string[]): boolean {
  const k = key(segment);
  if (!k) return false;
  if (DOMAIN.test(segment.trim())) return true;
  if (segment.split(/\s+/).length > 5) return false;
  return names.some((n) => k.includes(n) || (k.length >= 4 && n.includes(k)));
}

/** A whole title that is just the site's name: "Kabar.com", "Kabar Online". */
const isOnlySiteName = (t: string, names: readonly string[]) => words(t) <= 3 && isSiteName(t, names);

/** A short label such as a section: one or two words, no digits. */
const isSection = (segment: string) => segment.length <= 24 && segment.split(/\s+/).length <= 2 && !/\d/.test(segment);

/**
 * The title without the site's name (and the section label beside it) at either end. A segment is only
 * dropped when a headline of several words remains, so a headline that merely holds a separator stays whole.
 */
export function stripSiteName(title: string, names: readonly string[], heading: string | null = null): string {
  let t = title.trim();
  const prefix = PREFIX.exec(t);
  if (prefix && isSiteName(prefix[1]!, names) && words(t.slice(prefix[0].length)) >= 2) t = t.slice(prefix[0].length);
  const parts = t.split(SEPARATOR_KEPT);
  // parts alternate text, separator, text...
  let segs = parts.filter((_, i) => i % 2 === 0);
  let seps = parts.filter((_, i) => i % 2 === 1);
  const keep = (s: string[]) => words(s.join(' ')) >= 2;
  const headingKey = heading ? key(heading) : '';
  for (let changed = true; changed && segs.length > 1; ) {
    changed = false;
    const last = segs.at(-1)!;
    if (isSiteName(last, names) && !headingKey.includes(key(last)) && keep(segs.slice(0, -1))) {
      const cut = seps.at(-1)!.trim();
      segs = segs.slice(0, -1);
      seps = seps.slice(0, -1);
      // "… - Regional - Kabar.com": the section label next to the site name goes too, when set off the same way.
      const sameSeparator = seps.length > 0 && seps.at(-1)!.trim() === cut && cut !== ':';
      if (sameSeparator && isSection(segs.at(-1)!) && keep(segs.slice(0, -1))) [segs, seps] = [segs.slice(0, -1), seps.slice(0, -1)];
      changed = true;
      continue;
    }
    const first = segs[0]!;
    if (isSiteName(first, names) && !headingKey.includes(key(first)) && keep(segs.slice(1))) {
      segs = segs.slice(1);
      seps = seps.slice(1);
      changed = true;
    }
  }
  // "Kabar.com: Musik - …": the prefix named the site, and a section label follows it.
  if (prefix && t !== title.trim() && segs.length > 1 && isSection(segs[0]!) && keep(segs.slice(1))) {
    segs = segs.slice(1);
    seps = seps.slice(1);
  }
  return segs.reduce((out, s, i) => (i === 0 ? s : out + seps[i - 1] + s), '').trim();
}

/** Space-separated pieces with a letter or digit in them. */
function words(s: string): number {
  let n = 0;
  for (const w of s.split(/\s+/)) if (WORDISH.test(w)) n++;
  return n;
}
const WORDISH = /\p{L}|\d/u;

/**
 * A title made from the start of a post's text: whole words only, with an ellipsis when the text is longer.
 */
export function titleFromText(text: string, max = 140): string {
  const first = (text.split('\n').find((l) => l.trim()) ?? '').replace(/\s+/g, ' ').trim();
  if (first.length <= max) return first;
  const cut = first.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/u, '')}…`;
}
