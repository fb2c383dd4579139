import { isDateWord, looksLikeDate } from './dates.js';
import { parseViewCount } from './views.js';

/** Never article text. */
const REMOVE_ALWAYS = 'script, style, noscript, iframe, template, svg, button, select, input, textarea, link[rel="stylesheet"]';
/** Page furniture by element or class: removed unless it (wrongly) wraps the article itself. */
const FURNITURE = [
  'nav', 'aside', 'footer', 'form', 'figcaption', '[class*="caption"]', '[class*="breadcrumb"]', '[itemtype*="BreadcrumbList"]',
  '[class*="share"]', '[class*="social"]', '[class*="related"]', '[class*="terkait"]', '[class*="popular"]', '[class*="populer"]',
  '[class*="newsletter"]', '[class*="subscribe"]', '[class*="rating"]', '[class*="reaction"]', '[class*="pemilu"]',
  '[class*="election"]', '[class*="countdown"]', '[class*="comment"]', '[class*="komentar"]', '[class*="baca-juga"]',
  '[class*="bacajuga"]', '[class*="read-also"]', '[class*="sidebar"]', '[class*="widget"]', '[class*="advert"]', '[class*="iklan"]',
  '[id*="sidebar"]', '[id*="comment"]',
].join(', ');
/** Date/author/views lines; removed when short. */
const META_SELECTOR = [
  '[class*="meta"]', '[class*="info"]', '[class*="byline"]', '[class*="author"]', '[class*="date"]', '[class*="time"]',
  '[class*="tanggal"]', '[class*="waktu"]', '[class*="view"]', '[class*="hits"]', '[class*="penulis"]', '[class*="reporter"]',
  'time', '[itemprop="datePublished"]', '[rel="author"]',
].join(', ');
/** Blocks whose dates and counters belong to other articles. */
const OTHER_ARTICLES = 'aside, nav, footer, [class*="sidebar"], [class*="popular"], [class*="populer"], [class*="related"], [class*="terkait"], [class*="widget"], [class*="comment"], [class*="komentar"]';
const BLOCK = 'p, li, div, section, article, main, header, h1, h2, h3, h4, h5, h6, blockquote, td, dd, dt, ul, ol, table, figure';

const CHROME_PREFIX =
  /^(?:(?:baca|simak|lihat|cek|tonton)\s+(?:juga|pula)\b|baca selengkapnya\b|(?:berita|artikel) terkait\b|terpopuler\b|(?:pewarta|editor|reporter|penulis|penyunting|fotografer|foto|kontributor|redaktur|wartawan|sumber foto)\s*:|(?:copyright|hak cipta)\b|©|(?:bagikan|share)\b(?:\s+(?:berita|artikel|this|on))?\s*(?:ke\s*)?(?::|$))/i;
const PLUGS = [
  /\b(?:ikuti|follow|gabung|bergabung|join|update|dapatkan|simak|pantau)\b.{0,100}\b(?:google news|telegram|whatsapp channel|saluran whatsapp)\b/i,
  /\b(?:kanal|grup|group|channel|saluran)\s+(?:telegram|whatsapp|wa)\b.{0,80}\b(?:klik|join|gabung|bergabung|ikuti)\b/i,
  /t\.me\//i,
  /\b(?:download|unduh)\b.{0,30}\baplikasi\b/i,
  /\b(?:daftar|berlangganan|langganan|subscribe)\b.{0,40}\b(?:buletin|newsletter)\b/i,
  /\bbagaimana (?:tanggapan|pendapat|reaksi|perasaan) anda\b/i,
  /\b(?:pemilu|pilpres|pilkada)\b.{0,80}\b(?:hitung mundur|countdown|cek dpt)\b/i,
  /\b(?:hitung mundur|countdown)\b.{0,80}\b(?:pemilu|pilpres|pilkada)\b/i,
  /^(?:dark\s*\/\s*light mode|komentar|tulis komentar|selanjutnya|sebelumnya|tags?|topik|kata kunci)\s*:?$/i,
  /^(?:beranda|home)\s*(?:[/>»›|]|$)/i,
];
/** The heading of a related/popular list, e.g. "Berita Terkait", "Terpopuler", "Baca Juga". */
const LIST_HEADING = /^(?:berita|artikel|baca|simak|info|topik|video)?\s*(?:terkait|terpopuler|populer|terbaru|lainnya|pilihan|rekomendasi|juga|menarik lainnya)\s*:?$/i;
const SEPARATOR = /\s+[·•|—–-]\s+|\s*[·•|]\s*/;

/** Turns <br> into newlines so lines inside one paragraph stay separate lines. */
export function normalizeBreaks(document: Document): void {
  for (const br of Array.from(document.querySelectorAll('br'))) br.replaceWith(document.createTextNode('\n'));
}

/** Removes page chrome from the document in place: furniture, info lines, inserts, plugs, related lists, credits. */
export function stripChrome(document: Document): void {
  const body = document.body ?? document.documentElement;
  for (const el of all(body, REMOVE_ALWAYS)) el.remove();
  for (const el of all(body, FURNITURE)) if (!holdsArticle(el)) el.remove();
  for (const el of all(body, 'header')) if (!el.querySelector('h1') && !holdsArticle(el)) el.remove();
  for (const el of all(body, META_SELECTOR)) if (el.isConnected && text(el).length < 250 && !holdsArticle(el)) el.remove();
  // Plugs and widgets spread over several small elements (an election tally, a Telegram box): remove the whole box.
  const isBox = (e: Element) => isPlug(text(e)) || isTallyBox(e);
  for (const el of all(body, '*')) {
    if (el.isConnected && isBox(el) && !Array.from(el.children).some(isBox)) widgetRoot(el, () => true).remove();
  }
  for (const list of all(body, 'ul, ol')) {
    const items = Array.from(list.children).map(text);
    if (list.isConnected && items.length > 0 && items.every((t) => t.length < 80) && items.some(isInfoLine)) list.remove();
  }
  for (const el of leaves(body)) {
    if (!el.isConnected) continue;
    if (LIST_HEADING.test(text(el))) {
      removeRelatedList(el);
      continue;
    }
    const lines = lineTexts(el);
    const kept = lines.filter((l) => !isChromeLine(l));
    if (kept.length === lines.length) continue;
    if (kept.length === 0) removeAndPrune(el);
    else el.textContent = kept.join('\n');
  }
}

/** "Berita Terkait" and the list after it; the whole box when the box is mostly links. */
function removeRelatedList(heading: Element): void {
  const next = heading.nextElementSibling;
  const box = widgetRoot(heading, (parent) => linkShare(parent) >= 0.4);
  if (box !== heading) return box.remove();
  if (next && (next.matches('ul, ol') || linkShare(next) > 0.5)) next.remove();
  removeAndPrune(heading);
}

/** Climbs from `el` while the parent is a small box of short lines (no article paragraphs, no title) and `ok` holds. */
function widgetRoot(el: Element, ok: (parent: Element) => boolean): Element {
  let box = el;
  for (let parent = el.parentElement; parent && !parent.matches('body, html, main, article'); parent = parent.parentElement) {
    const short = leaves(parent).every((l) => text(l).length < 80);
    if (!short || parent.querySelector('h1') || text(parent).length > 1500 || !ok(parent)) break;
    box = parent;
  }
  return box;
}

/** An election tally box: pemilu + rekapitulasi/quick count + several percentages, in many short pieces. */
function isTallyBox(el: Element): boolean {
  const t = text(el);
  if (t.length > 1500 || !/\b(?:pemilu|pilpres|pilkada)\b/i.test(t) || !/\b(?:rekapitulasi|quick count|real count|hitung cepat)\b/i.test(t)) return false;
  const pieces = leaves(el);
  return (t.match(/\d+(?:[.,]\d+)?\s*%/g) ?? []).length >= 2 && pieces.length >= 3 && pieces.every((l) => text(l).length < 80);
}

const isPlug = (t: string) => t.length > 0 && t.length < 1500 && PLUGS.some((p) => p.test(t));

/**
 * Keeps only the page's <article> (or <main>) when it holds the article text, so Readability cannot take in
 * banners and notices that sit beside it.
 */
export function narrowToArticle(document: Document): void {
  const region = articleRegion(document);
  const body = document.body;
  if (body && region !== body && holdsArticle(region)) body.replaceChildren(region);
}

/** A line that is page chrome rather than article text. */
export function isChromeLine(line: string): boolean {
  const l = line.replace(/\s+/g, ' ').trim();
  if (!l) return false;
  return CHROME_PREFIX.test(l) || (l.length < 400 && isPlug(l)) || isInfoLine(l);
}

/** A date/author/views line: "Senin (16/11) · Humas Pemkot Padang · Di baca 603 kali", "Nurul — 2 jam lalu". */
export function isInfoLine(line: string): boolean {
  if (line.length >= 200) return false;
  if (parseViewCount(line) !== null) return true;
  if (!looksLikeDate(line)) return false;
  const rest = residueWords(line);
  return rest <= 2 || (rest <= 6 && SEPARATOR.test(line));
}

/** Words left in a line once its date and time words are taken out. */
function residueWords(line: string): number {
  return line.split(/[^\p{L}']+/u).filter((w) => w && !isDateWord(w)).length;
}

/** Author from credit lines ("Pewarta: X", "Penulis: X"), byline elements or the info lines (from `infoTexts`); null when none. */
export function findAuthorInPage(document: Document, info: readonly string[]): string | null {
  const body = document.body ?? document.documentElement;
  const credit = /^(?:pewarta|penulis|reporter|wartawan|kontributor|oleh)\s*:\s*(.+)$/i;
  const anyCredit = /(?:pewarta|penulis|reporter|wartawan|kontributor|oleh)\s*:/i.test(body.textContent ?? '');
  for (const el of anyCredit ? leaves(body) : []) {
    for (const line of lineTexts(el)) {
      const m = credit.exec(line);
      const name = m && cleanName(m[1]!);
      if (name) return name;
    }
  }
  for (const el of all(body, '[rel="author"], [itemprop="author"], [class*="author"], [class*="byline"], [class*="penulis"], [class*="reporter"]')) {
    const name = !el.closest(OTHER_ARTICLES) && cleanName(text(el).replace(/^(?:oleh|by|penulis|reporter|pewarta)\s*:?\s*/i, ''));
    if (name) return name;
  }
  for (const line of info) {
    if (!looksLikeDate(line) && parseViewCount(line) === null) continue;
    for (const part of line.split(SEPARATOR)) {
      const name = !looksLikeDate(part) && parseViewCount(part) === null ? cleanName(part) : null;
      if (name) return name;
    }
  }
  return null;
}

function cleanName(raw: string): string | null {
  const name = raw.split(/\s+(?:editor|penyunting|redaktur|fotografer)\s*:|[|;,()]|\s[-–—·•]\s/i)[0]!.replace(/\s+/g, ' ').trim();
  return name.length >= 2 && name.length <= 60 && !/\d/.test(name) && name.split(' ').length <= 6 ? name : null;
}

/** Short texts of the page's date/author/views elements, article region first, in document order. */
export function infoTexts(document: Document): string[] {
  const body = document.body ?? document.documentElement;
  const elsewhere = new Set(all(body, OTHER_ARTICLES));
  const usable = (el: Element) => !hasAncestorIn(el, elsewhere);
  const out = new Set<string>();
  for (const region of [articleRegion(document), body]) {
    for (const el of all(region, META_SELECTOR)) {
      const t = text(el);
      if (t && t.length < 250 && usable(el)) out.add(t);
    }
    for (const el of leaves(region)) {
      const t = text(el);
      if (t.length >= 120 || (!looksLikeDate(t) && parseViewCount(t) === null) || !usable(el)) continue;
      // A meta list (author / date / time / views as separate items) is read as one line so date and time meet.
      const items = el.matches('li') && el.parentElement ? Array.from(el.parentElement.children).map(text) : [];
      if (items.length > 1 && items.every((i) => i.length < 80)) out.add(items.filter(Boolean).join(' · '));
      out.add(t);
    }
  }
  return [...out];
}

function hasAncestorIn(el: Element, set: ReadonlySet<Element>): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (set.has(e)) return true;
  return false;
}

/** The <article> with the most text, else <main>, else the body. */
function articleRegion(document: Document): Element {
  const articles = Array.from(document.querySelectorAll('article')).filter((a) => !a.closest(OTHER_ARTICLES));
  const best = articles.sort((a, b) => text(b).length - text(a).length)[0];
  return best ?? document.querySelector('main, [role="main"]') ?? document.body ?? document.documentElement;
}

/** True when an element holds article text: two or more long paragraphs. Furniture never does. */
function holdsArticle(el: Element): boolean {
  let long = 0;
  for (const p of all(el, 'p')) if (text(p).length > 150 && ++long >= 2) return true;
  return false;
}

/** Blocks with no blocks inside; an inline element counts only when it sits among other elements, not in running text. */
function leaves(root: Element): Element[] {
  return all(root, 'p, li, div, section, h1, h2, h3, h4, h5, h6, blockquote, td, dd, dt, span, strong, small, a').filter((el) => {
    if (el.querySelector(BLOCK)) return false;
    if (!el.matches('span, strong, small, a')) return true;
    const parent = el.parentElement;
    return !!parent && !parent.closest('p, li, h1, h2, h3, h4, h5, h6') && !/\p{L}/u.test(ownText(parent));
  });
}

function ownText(el: Element): string {
  return Array.from(el.childNodes)
    .filter((n) => n.nodeType === 3)
    .map((n) => n.textContent ?? '')
    .join('');
}

function removeAndPrune(el: Element): void {
  let parent = el.parentElement;
  el.remove();
  while (parent && parent.tagName !== 'BODY' && parent.tagName !== 'ARTICLE' && !text(parent) && !parent.querySelector('img, video')) {
    const up: HTMLElement | null = parent.parentElement;
    parent.remove();
    parent = up;
  }
}

function linkShare(el: Element): number {
  const total = text(el).length;
  const linked = all(el, 'a').reduce((n, a) => n + text(a).length, 0);
  return total === 0 ? 0 : linked / total;
}

function lineTexts(el: Element): string[] {
  return (el.textContent ?? '').split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const all = (root: Element, selector: string) => Array.from(root.querySelectorAll(selector));
