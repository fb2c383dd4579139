import { Readability } from '@mozilla/readability';
import { DOMParser } from 'linkedom';
import { isChromeLine, isInfoLine, isEdgePlug, narrowToArticle, normalizeBreaks, readFurniture, stripChrome, withoutDeskInitials } from './clean.js';
import { findPublishedAt, isMidnight } from './dates.js';
import { pickLanguage } from './language.js';
import { pickTitle } from './title.js';
import { matchesSelector, selectAll } from './select.js';
import { collapseWhitespace } from './text.js';
import { readRegion, SiteProfiles } from './site-profile.js';
import { findViewCount } from './views.js';

export { decodeHtml } from './charset.js';

export interface ExtractedArticle {
  title: string;
  body: string;
  author: string | null;
  publishedAt: Date | null;
  language: string | null;
  canonicalUrl: string | null;
  /** The page's own view counter ("Di baca 1481 kali"), when it shows one. */
  views: number | null;
}

export interface ExtractOptions {
  /** Zone for dates the page gives without one; default Asia/Jakarta. */
  timezone?: string;
  /** Reference time for relative dates ("2 jam lalu") and for refusing future dates; default the current time. */
  now?: Date;
  /**
   * What extraction has learnt about sites' templates (site-profile.ts): by default one memory per process or
   * thread; null reads every page with Readability.
   */
  profiles?: SiteProfiles | null;
}

const MIN_BODY_CHARS = 200;

/** Title, main text, author, publication time, language and view count of an article page; null when it has no article. */
export function extractArticle(html: string, pageUrl: string, opts: ExtractOptions = {}): ExtractedArticle | null {
  const dateOpts = { timezone: opts.timezone ?? 'Asia/Jakarta', now: opts.now ?? new Date() };
  // The document itself: parseHTML would wrap it in a window (a Proxy over globalThis) only to hand it back.
  const document = new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  normalizeBreaks(document);
  // Everything read from the page's furniture is read before the chrome (and Readability) takes it away.
  const meta = readMeta(document);
  const furniture = readFurniture(document);
  const info = furniture.info;
  const publishedAt = findPublishedAt(meta.dates, info, dateOpts);
  const views = findViewCount(info);
  const author = meta.author ?? furniture.author();
  const heading = oneLine(meta.heading);
  const canonicalUrl = absolute(meta.canonical?.getAttribute('href'), pageUrl);

  // On a photo page the captions are the story; they go with the chrome, and come back if there is no other text.
  const captions = stripChrome(document);
  narrowToArticle(document);
  const paragraphs = selectAll(document, (el) => el.localName === 'p').map(oneLine).filter((t) => t.length > 30);
  const body = document.body ?? document.documentElement;
  const site = hostOf(pageUrl);
  const profiles = opts.profiles === undefined ? SHARED_PROFILES : opts.profiles;
  // A page read both ways is finished once per region compared: what does not depend on the region is worked out once.
  const titles = new Map<string | null | undefined, string>();
  const titleFor = (found: string | null | undefined) => {
    let title = titles.get(found);
    if (title === undefined) titles.set(found, (title = pickTitle({ candidates: [...meta.titles, found], heading: heading || null, siteNames: meta.siteNames, pageUrl })));
    return title;
  };
  const undated = !publishedAt || isMidnight(publishedAt, dateOpts.timezone);
  const finish = (lines: string[], found: { title?: string | null; byline?: string | null } | null): ExtractedArticle | null => {
    const title = titleFor(found?.title);
    if (joinedLength(lines) < MIN_BODY_CHARS) lines = paragraphs;
    const byline = author ?? (found?.byline?.trim() || null);
    lines = trimEdges(lines.filter((l) => !isChromeLine(l) && l !== title), byline);
    if (joinedLength(lines) < MIN_BODY_CHARS && captions.length > 0) {
      const intro = lines.filter((l) => !captions.some((c) => c.includes(l)));
      lines = [...intro, ...captions];
    }
    // A dateline opening the text ("JAKARTA, 7 Desember 2026 21.04 WIB - …") may give the date, or the time of a
    // date the page gave without one.
    const opening = lines.length > 0 && undated ? dateline(lines[0]!) : null;
    const at = opening ? findPublishedAt(meta.dates, [...info, opening], dateOpts) : publishedAt;
    const body = lines.join('\n\n');
    if (body.length < MIN_BODY_CHARS || !title) return null;
    return {
      title,
      body,
      author: byline,
      publishedAt: at,
      language: null, // read once, from the text chosen (below)
      canonicalUrl,
      views,
    };
  };
  // Pages of a template whose container has read as Readability reads it skip Readability (site-profile.ts).
  const known = profiles && site ? profiles.skipReading(site, body) : null;
  let article: ExtractedArticle | null;
  if (known) article = finish(known.lines, null);
  else {
    const candidates = profiles && site ? profiles.candidates(site, body) : [];
    // The content element itself, not its HTML: no serialising and parsing it again.
    const parsed = new Readability<Element>(document, { charThreshold: MIN_BODY_CHARS, serializer: (el) => el as Element }).parse();
    const read = finish(parsed?.content ? readRegion(parsed.content).lines : [], parsed);
    if (profiles && site) profiles.learnPage(site, candidates, (reading) => sameArticle(finish(reading.lines, null), read));
    article = read;
  }
  if (article) article.language = pickLanguage(meta.language, article.body);
  return article;
}

/** `lines.join(' ').length`, without joining them. */
function joinedLength(lines: readonly string[]): number {
  let n = Math.max(0, lines.length - 1);
  for (const l of lines) n += l.length;
  return n;
}

/** One process-wide memory of sites for extraction (each worker thread has its own). */
const SHARED_PROFILES = new SiteProfiles();

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function sameArticle(a: ExtractedArticle | null, b: ExtractedArticle | null): boolean {
  if (!a || !b) return a === b;
  return a.title === b.title && a.body === b.body && a.author === b.author && a.publishedAt?.getTime() === b.publishedAt?.getTime();
}

/** The place-and-date opening of a text, up to its dash: "JAKARTA, 7 Desember 2026" of "JAKARTA, 7 Desember 2026 - Kementerian …". */
function dateline(first: string): string | null {
  const m = /^(.{4,80}?)\s+[-–—]{1,2}\s/.exec(first);
  return m && /\d{4}/.test(m[1]!) && isInfoLine(m[1]!) ? m[1]! : null;
}

/** Drops plugs for the outlet's channels at the start and end of the text, and the desk's initials after the last sentence. */
function trimEdges(lines: string[], author: string | null): string[] {
  // The author's name alone on a line is what is left of a byline or a credit box.
  const name = author?.toLowerCase();
  const edge = (l: string) => isEdgePlug(l) || (name !== undefined && l.toLowerCase() === name);
  let start = 0;
  let end = lines.length;
  while (start < end && start < 2 && edge(lines[start]!)) start++;
  while (end > start && lines.length - end < 4 && edge(lines[end - 1]!)) end--;
  const kept = lines.slice(start, end);
  if (kept.length > 0) kept[kept.length - 1] = withoutDeskInitials(kept.at(-1)!);
  return kept;
}

/** Found in the walk of `readMeta`: the first element each selector selects (a tag name first rules out most elements). */
const FIRST_OF = {
  title: 'head title, title',
  canonical: 'link[rel="canonical"]',
  datetime: '[itemprop="datePublished"][datetime], time[pubdate][datetime], article time[datetime]',
  heading: 'article h1, main h1',
};

function readMeta(document: Document) {
  // One walk gathers the page's <meta> elements, JSON-LD blocks and the few elements read once; each lookup then
  // tests a few dozen elements, not the whole page.
  const metas: Element[] = [];
  const jsonLdBlocks: Element[] = [];
  const h1s: Element[] = [];
  const first: Partial<Record<keyof typeof FIRST_OF, Element>> = {};
  const keep = (key: keyof typeof FIRST_OF, el: Element) => {
    if (!first[key] && matchesSelector(el, FIRST_OF[key])) first[key] = el;
  };
  selectAll(document, (el) => {
    const tag = el.localName;
    if (tag === 'meta') metas.push(el);
    else if (tag === 'script' && el.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json') jsonLdBlocks.push(el);
    else if (tag === 'title') keep('title', el);
    else if (tag === 'link') keep('canonical', el);
    else if (tag === 'h1') {
      h1s.push(el);
      keep('heading', el);
    }
    if (el.hasAttribute('datetime')) keep('datetime', el);
    return false;
  });
  const content = (selector: string) => metas.find((el) => matchesSelector(el, selector))?.getAttribute('content')?.trim() || null;
  const jsonLd = readJsonLdArticle(jsonLdBlocks);
  const articleAuthor = content('meta[property="article:author"]');
  return {
    titles: [
      content('meta[property="og:title"]'),
      content('meta[name="twitter:title"], meta[property="twitter:title"]'),
      jsonLd?.headline,
      first.title?.textContent,
    ],
    siteNames: [
      content('meta[property="og:site_name"]'),
      content('meta[name="application-name"]'),
      content('meta[name="apple-mobile-web-app-title"]'),
      jsonLd?.publisher,
    ],
    author: content('meta[name="author"]') ?? jsonLd?.author ?? (articleAuthor && !/^https?:/.test(articleAuthor) ? articleAuthor : null),
    dates: [
      content('meta[property="article:published_time"]'),
      jsonLd?.datePublished,
      content('meta[property="og:published_time"]'),
      content('meta[name="pubdate"]'),
      content('meta[name="publishdate"]'),
      content('meta[name="publish-date"]'),
      content('meta[name="dc.date.issued"], meta[name="DC.date.issued"]'),
      content('meta[itemprop="datePublished"]'),
      first.datetime?.getAttribute('datetime'),
      content('meta[name="date"]'),
    ],
    /** The h1 inside article or main, else the page's only h1. */
    heading: first.heading ?? onlyOne(h1s),
    canonical: first.canonical ?? null,
    language:
      document.documentElement?.getAttribute('lang') ||
      content('meta[http-equiv="content-language" i]') ||
      content('meta[property="og:locale"]'),
  };
}

type JsonLdArticle = { headline: string | null; datePublished: string | null; author: string | null; publisher: string | null };

function readJsonLdArticle(scripts: readonly Element[]): JsonLdArticle | null {
  for (const script of scripts) {
    try {
      const found = findArticleNode(JSON.parse(script.textContent ?? ''));
      if (found) return found;
    } catch {
      // A broken JSON-LD block is common; the other metadata still applies.
    }
  }
  return null;
}

/** The first node with a datePublished, searching arrays and @graph. */
function findArticleNode(data: unknown): JsonLdArticle | null {
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticleNode(item);
      if (found) return found;
    }
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const n = data as { '@graph'?: unknown; headline?: unknown; datePublished?: unknown; author?: unknown; publisher?: unknown };
  if (!('datePublished' in n)) return n['@graph'] ? findArticleNode(n['@graph']) : null;
  const author = Array.isArray(n.author) ? n.author[0] : n.author;
  const authorName = nameOf(author);
  return {
    headline: typeof n.headline === 'string' ? n.headline : null,
    datePublished: typeof n.datePublished === 'string' ? n.datePublished : null,
    author: authorName?.trim() || null,
    publisher: nameOf(n.publisher),
  };
}

function nameOf(value: unknown): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  const name = typeof v === 'string' ? v : v && typeof v === 'object' && 'name' in v ? String(v.name) : null;
  return name?.trim() || null;
}

/** An RFC 2822 / ISO 8601 timestamp as a Date; null when absent or unreadable. Used for feed and sitemap dates. */
export function parseTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t);
}

const onlyOne = (els: Element[]) => (els.length === 1 ? els[0]! : null);

function oneLine(el: Element | null): string {
  return collapseWhitespace(el?.textContent ?? '');
}

function absolute(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).toString();
  } catch {
    return null;
  }
}
