import { ownString } from '../../analysis/chars.js';
import { isDateWord, looksLikeDate } from './dates.js';
import { classOf, closestMatch, selectAll, selectOne, type ElementQuery } from './select.js';
import { collapseWhitespace } from './text.js';
import { parseViewCount } from './views.js';

/**
 * Tests of an element by tag name: what the selector in the comment selects, without a selector engine's work
 * per element. Tag names of parsed HTML are lower case.
 */
const byTag = (...tags: string[]) => {
  const set = new Set(tags);
  return (el: Element) => set.has(el.localName);
};
/** Never article text: script, style, noscript, iframe, template, svg, button, select, input, textarea, link[rel="stylesheet" i]. */
const NEVER_TEXT = byTag('script', 'style', 'noscript', 'iframe', 'template', 'svg', 'button', 'select', 'input', 'textarea');
const REMOVE_ALWAYS = (el: Element) => NEVER_TEXT(el) || (el.localName === 'link' && el.getAttribute('rel')?.toLowerCase() === 'stylesheet');
const IS_P = byTag('p');
const IS_A = byTag('a');
const IS_H1 = byTag('h1');
const IS_HEADER = byTag('header');
const IS_ARTICLE = byTag('article');
const IS_LIST = byTag('ul', 'ol');
const IS_MEDIA = byTag('img', 'video');
const IS_BR = byTag('br');
/** Where a widget stops climbing: body, html, main, article. */
const WIDGET_STOP = byTag('body', 'html', 'main', 'article');
const IN_RUNNING_TEXT = byTag('p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6');
const ANY = () => true;
/**
 * Page furniture, date/author/views lines and blocks about other articles, by tag and by substrings of the
 * class or id attribute (what `[class*="share"]` selects), tested with one regular expression per attribute.
 */
const FURNITURE = classTest({
  tags: ['nav', 'aside', 'footer', 'form', 'figcaption'],
  classes: ['caption', 'keterangan', 'breadcrumb', 'share', 'social', 'related', 'terkait', 'popular', 'populer', 'newsletter', 'subscribe', 'rating',
    'reaction', 'pemilu', 'election', 'countdown', 'comment', 'komentar', 'baca-juga', 'bacajuga', 'read-also', 'sidebar', 'widget',
    'advert', 'iklan'],
  ids: ['sidebar', 'comment'],
  extra: (el) => (el.getAttribute('itemtype') ?? '').includes('BreadcrumbList'),
});
/** Date/author/views lines; removed when short. */
const META = classTest({
  tags: ['time'],
  classes: ['meta', 'info', 'byline', 'author', 'date', 'time', 'tanggal', 'waktu', 'view', 'hits', 'penulis', 'reporter'],
  extra: (el) => el.getAttribute('itemprop') === 'datePublished' || el.getAttribute('rel') === 'author',
});
/** Blocks whose dates and counters belong to other articles. */
const OTHER_ARTICLES = classTest({
  tags: ['aside', 'nav', 'footer'],
  classes: ['sidebar', 'popular', 'populer', 'related', 'terkait', 'widget', 'comment', 'komentar'],
});
const HAS_CLOCK = /\d[:.]\d\d(?!\d)/;
/** The site's header bar, which may show today's date and a clock. */
const SITE_HEADER_CLASS = classTest({ classes: ['site-header', 'topbar', 'top-bar', 'masthead', 'header-top', 'navbar'] });
const SITE_HEADER = (el: Element) => el.localName === 'header' || SITE_HEADER_CLASS(el);
const AUTHOR = classTest({
  classes: ['author', 'byline', 'penulis', 'reporter'],
  extra: (el) => el.getAttribute('rel') === 'author' || el.hasAttribute('itemprop') && el.getAttribute('itemprop') === 'author',
});

function classTest(spec: { tags?: string[]; classes: string[]; ids?: string[]; extra?: (el: Element) => boolean }): (el: Element) => boolean {
  const tags = new Set(spec.tags ?? []);
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const cls = new RegExp(spec.classes.map(escape).join('|'));
  const ids = spec.ids ? new RegExp(spec.ids.map(escape).join('|')) : null;
  return (el) =>
    tags.has(el.localName) ||
    cls.test(classOf(el)) ||
    (ids !== null && ids.test(el.getAttribute('id') ?? '')) ||
    (spec.extra?.(el) ?? false);
}

const BLOCK_TAGS = new Set(['p', 'li', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'td', 'dd', 'dt', 'ul', 'ol', 'table', 'figure']);
/** Elements that can be a leaf (a block with no blocks inside); the inline ones only among other elements. */
const LEAF_TAGS = new Set(['p', 'li', 'div', 'section', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'td', 'dd', 'dt', 'span', 'strong', 'small', 'a']);
const INLINE_LEAF_TAGS = new Set(['span', 'strong', 'small', 'a']);
const RUNNING_TEXT_TAGS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const CHROME_PREFIX =
  /^(?:(?:baca|simak|lihat|cek|tonton)\s+(?:juga|pula)\b|(?:read|see|watch)\s+(?:also|more)\b|also\s+read\b|(?:related|recommended)(?:\s+(?:articles?|stories|news))?\s*:|(?:simak|tonton|saksikan)\s+video\b|\[gambas:|(?:rep|red|tags?|topik|kata kunci|label|keywords?|pilihan editor|editor'?s? (?:choice|picks?)|sumber(?: berita)?)\s*:|dilarang (?:keras )?(?:mengambil|mengutip|menyalin|menayangkan)\b.{0,80}\b(?:konten|tanpa izin|situs|artikel)|laporan\s+(?:wartawan|reporter|koresponden|kontributor)\b|(?:dengarkan|putar)\s+(?:berita|artikel)\b|listen to (?:this )?(?:article|story)\b|artikel ini (?:telah |sudah )?(?:tayang|terbit|dimuat)\b|(?:reporting|editing|writing|edited|written|reported)\s+by\b|(?:share|copy|salin)\s+(?:this\s+)?(?:article|story|link|tautan)\b|link\s+(?:copied|tersalin)\b|halaman\s+(?:selanjutnya|berikutnya)\b|(?:advertisement|advertisment|iklan|scroll to continue(?: with content)?|scroll untuk melanjutkan(?: membaca)?|lanjutkan membaca|lihat foto|lihat video|see photos?|premium|eksklusif|exclusive|advertorial|penulis|editor|reporter|pewarta|penyunting|fotografer|kontributor|writer|author|sumber)\s*:?\s*$|(?:bagikan|share)(?:\s+(?:berita|artikel|article|story|ini|this|on|via|melalui|lewat|ke|to))*\s*:?\s*$|(?:(?:facebook|twitter|x|whatsapp|telegram|line|linkedin|e-?mail|pinterest|threads|copy link|salin link|salin tautan)\s*[|·•,]?\s*){2,}$|baca selengkapnya\b|(?:berita|artikel) terkait\b|terpopuler\b|(?:pewarta|editor|reporter|penulis|penyunting|fotografer|foto|kontributor|redaktur|wartawan|sumber foto)\s*:|(?:copyright|hak cipta)\b|©|(?:bagikan|share)\b(?:\s+(?:berita|artikel|this|on))?\s*(?:ke\s*)?(?::|$))/iu;
const PLUGS = [
  /\b(?:ikuti|follow|gabung|bergabung|join|update|dapatkan|simak|pantau|cek|baca)\b.{0,100}\b(?:google news|telegram|whatsapp channel|saluran whatsapp)\b/i,
  /\b(?:kanal|grup|group|channel|saluran)\s+(?:telegram|whatsapp|wa)\b.{0,80}\b(?:klik|join|gabung|bergabung|ikuti)\b/i,
  /t\.me\//i,
  /\b(?:whatsapp\.com\/channel|chat\.whatsapp\.com|wa\.me\/|news\.google\.com)/i,
  /\b(?:follow|join|subscribe to|sign up for|get)\b.{0,60}\b(?:our|us on)\b.{0,40}\b(?:whatsapp|telegram|newsletters?|google news|channel)\b/i,
  /\b(?:sign up|subscribe)\b.{0,40}\bnewsletters?\b/i,
  /\b(?:download|unduh)\b.{0,30}\baplikasi\b/i,
  /\b(?:daftar|berlangganan|langganan|subscribe)\b.{0,40}\b(?:buletin|newsletter)\b/i,
  /\bbagaimana (?:tanggapan|pendapat|reaksi|perasaan) anda\b/i,
  /\b(?:pemilu|pilpres|pilkada)\b.{0,80}\b(?:hitung mundur|countdown|cek dpt)\b/i,
  /\b(?:hitung mundur|countdown)\b.{0,80}\b(?:pemilu|pilpres|pilkada)\b/i,
  /^(?:dark\s*\/\s*light mode|komentar|tulis komentar|selanjutnya|sebelumnya|tags?|topik|kata kunci)\s*:?$/i,
  /^(?:beranda|home)\s*(?:[/>»›|]|$)/i,
];
/** The heading of a related/popular list, e.g. "Berita Terkait", "Terpopuler", "Baca Juga". */
const LIST_HEADING =
  /^(?:(?:berita|artikel|baca|simak|info|topik|video)?\s*(?:terkait|terpopuler|populer|terbaru|lainnya|pilihan|rekomendasi|juga|menarik lainnya)|(?:related|popular|latest|trending|recommended|more|top)\s+(?:news|stories|articles|topics|posts|reads))\s*:?$/i;
const SEPARATOR = /\s+[·•|—–-]\s+|\s*[·•|]\s*/;

/** Turns <br> into newlines so lines inside one paragraph stay separate lines. */
export function normalizeBreaks(document: Document): void {
  for (const br of selectAll(document, IS_BR)) br.replaceWith(document.createTextNode('\n'));
}

/**
 * Removes page chrome from the document in place: furniture, info lines, inserts, plugs, related lists, credits.
 * Returns the texts of the photo captions it removed, in order: on a photo page they are the story.
 */
export function stripChrome(document: Document): string[] {
  const body = document.body ?? document.documentElement;
  for (const el of all(body, REMOVE_ALWAYS)) el.remove();
  const captions: string[] = [];
  for (const el of all(body, FURNITURE)) {
    if (holdsArticle(el)) continue;
    if (CAPTION(el) && !closestMatch(el, OTHER_ARTICLES)) addCaption(captions, text(el));
    el.remove();
  }
  for (const el of all(body, IS_HEADER)) if (!selectOne(el, IS_H1) && !holdsArticle(el)) el.remove();
  let texts = elementTexts(body);
  // Texts are read again only after something was removed.
  let removed = false;
  for (const el of all(body, META)) {
    if (!el.isConnected || texts.solid(el) >= 250 || texts(el).length >= 250 || holdsArticle(el)) continue;
    el.remove();
    removed = true;
  }
  // Plugs and widgets spread over several small elements (an election tally, a Telegram box): remove the whole box.
  // Texts are read before any removal; an element is only tested while its box still stands, so they stay true.
  if (removed) texts = elementTexts(body);
  removed = false;
  const boxes = new Map<Element, boolean>();
  const isBox = (e: Element) => {
    let box = boxes.get(e);
    // Plugs and tally boxes are short and hold a plug word: most elements are ruled out without collapsing their text.
    if (box === undefined) boxes.set(e, (box = texts.solid(e) <= 1500 && PLUG_WORD_LOOSE.test(texts.raw(e)) && (isPlug(texts(e)) || isTallyBox(e, texts))));
    return box;
  };
  for (const el of all(body, ANY)) {
    if (!el.isConnected || !isBox(el) || Array.from(el.children).some(isBox)) continue;
    widgetRoot(el, () => true).remove();
    removed = true;
  }
  if (removed) texts = elementTexts(body);
  for (const list of all(body, IS_LIST)) {
    const items = Array.from(list.children).map(texts);
    if (list.isConnected && items.length > 0 && items.every((t) => t.length < 80) && items.some(isInfoLine)) list.remove();
  }
  for (const el of leaves(body)) {
    if (!el.isConnected) continue;
    const content = el.textContent ?? '';
    if (LIST_HEADING.test(collapseWhitespace(content))) {
      removeRelatedList(el);
      continue;
    }
    const lines = content.split('\n').map(collapseWhitespace).filter(Boolean);
    const kept = lines.filter((l) => !isChromeLine(l));
    if (kept.length === lines.length) continue;
    if (kept.length === 0) removeAndPrune(el);
    else el.textContent = kept.join('\n');
  }
  return captions;
}

/**
 * The whitespace-normalised text of every element under `root`, for a pass that does not change the tree:
 * gathered bottom-up in one walk (joining child texts is cheap in V8), normalised when first asked for.
 */
function elementTexts(root: Element): ElementTexts {
  const raw = new Map<Element, string>();
  const gather = (el: Element): string => {
    let t = '';
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3 || n.nodeType === 4) t += (n as CharacterData).data;
      else if (n.nodeType === 1) t += gather(n as Element);
    }
    raw.set(el, t);
    return t;
  };
  gather(root);
  const normalised = new Map<Element, string>();
  const texts = (el: Element) => {
    let t = normalised.get(el);
    if (t === undefined) normalised.set(el, (t = collapseWhitespace(raw.get(el) ?? el.textContent ?? '')));
    return t;
  };
  texts.raw = (el: Element) => raw.get(el) ?? el.textContent ?? '';
  const solids = new Map<Element, number>();
  texts.solid = (el: Element): number => {
    let n = solids.get(el);
    if (n === undefined) {
      n = 0;
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3 || c.nodeType === 4) n += graphicAscii((c as CharacterData).data);
        else if (c.nodeType === 1) n += texts.solid(c as Element);
      }
      solids.set(el, n);
    }
    return n;
  };
  return texts;
}
/**
 * An element's text with whitespace collapsed; `raw`, as it stands in the page; `solid`, at most the length of
 * the collapsed text, counted without building it: a text too long for a test is ruled out on it.
 */
type ElementTexts = ((el: Element) => string) & { raw: (el: Element) => string; solid: (el: Element) => number };

/** Printable ASCII characters other than the space: none is whitespace, so collapsing whitespace keeps them all. */
function graphicAscii(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c < 127) n++;
  }
  return n;
}

/** "Berita Terkait" and the list after it; the whole box when the box is mostly links. */
function removeRelatedList(heading: Element): void {
  const next = heading.nextElementSibling;
  const box = widgetRoot(heading, (parent) => linkShare(parent) >= 0.4);
  if (box !== heading) return box.remove();
  if (next && (next.localName === 'ul' || next.localName === 'ol' || linkShare(next) > 0.5)) next.remove();
  removeAndPrune(heading);
}

/** Climbs from `el` while the parent is a small box of short lines (no article paragraphs, no title) and `ok` holds. */
function widgetRoot(el: Element, ok: (parent: Element) => boolean): Element {
  let box = el;
  for (let parent = el.parentElement; parent && !WIDGET_STOP(parent); parent = parent.parentElement) {
    const short = leaves(parent).every((l) => text(l).length < 80);
    if (!short || selectOne(parent, IS_H1) || text(parent).length > 1500 || !ok(parent)) break;
    box = parent;
  }
  return box;
}

/** An election tally box: pemilu + rekapitulasi/quick count + several percentages, in many short pieces. */
function isTallyBox(el: Element, texts: (el: Element) => string): boolean {
  const t = texts(el);
  if (t.length > 1500 || !/\b(?:pemilu|pilpres|pilkada)\b/i.test(t) || !/\b(?:rekapitulasi|quick count|real count|hitung cepat)\b/i.test(t)) return false;
  const pieces = leaves(el);
  return (t.match(/\d+(?:[.,]\d+)?\s*%/g) ?? []).length >= 2 && pieces.length >= 3 && pieces.every((l) => texts(l).length < 80);
}

/** A word at least one of PLUGS needs: a text without any of them is no plug, tested in one pass instead of thirteen. */
const PLUG_WORD = /telegram|whatsapp|google news|news\.google|t\.me\/|wa\.me\/|newsletter|aplikasi|buletin|bagaimana|pemilu|pilpres|pilkada|kanal|grup|group|channel|saluran|komentar|selanjutnya|sebelumnya|tag|topik|kata kunci|dark|beranda|home/i;
/** PLUG_WORD on text whose whitespace is not collapsed: it finds a word there exactly when PLUG_WORD finds it in the collapsed text. */
const PLUG_WORD_LOOSE = new RegExp(PLUG_WORD.source.replace(/ /g, '\\s+'), PLUG_WORD.flags);
const isPlug = (t: string) => t.length > 0 && t.length < 1500 && PLUG_WORD.test(t) && PLUGS.some((p) => p.test(t));

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
  let chrome = chromeLines.get(line);
  if (chrome === undefined) {
    const l = collapseWhitespace(line);
    chrome = !!l && (CHROME_PREFIX.test(l) || (l.length < 400 && isPlug(l)) || isInfoLine(l) || isCaptionLeftover(l) || (l.length < 120 && CREDIT_LINE.test(l)));
    if (chromeLines.size >= 20_000) chromeLines.clear();
    chromeLines.set(ownString(line), chrome); // a line cut from a page must not keep the page
  }
  return chrome;
}
/** Lines already judged: a page's lines are judged when the chrome is stripped and again in the text chosen, and a site's furniture repeats. */
const chromeLines = new Map<string, boolean>();

/** "Penulis Rahmat Hidayat | Editor Sari Wulandari": credits without their colons. */
const CREDIT_LINE =
  /^(?:(?:[Bb]y|[Oo]leh)\s*:?\s+(?:\p{Lu}[\p{L}'-]*\.?\s*){1,4}(?<!\p{Ll}\.)|(?:[Pp]enulis|[Ee]ditor|[Rr]eporter|[Pp]ewarta|[Pp]enyunting|[Kk]ontributor|[Ww]riter|[Aa]uthor)\s+\p{Lu}[\p{L}.' ]{1,40}(?:\s*[|,·•]\s*(?:[Ee]ditor|[Pp]enyunting|[Rr]edaktur|[Ff]otografer)\s+\p{Lu}[\p{L}.' ]{1,40})*)$/u;
/** "(Sumber: Kabar Nusantara)" closing the text. */
const SOURCE_LINE = /^\(\s*(?:sumber|source|dikutip dari|via)\b[^()]{0,60}\)$/i;

/** A photo caption or credit left in the text: "Warga antre di pasar. (Foto: Dok. Humas)", "(ant/kbn)", "KABAR.com/Fulan". */
const PHOTO_CREDIT = /\((?:[^()]*\b(?:foto|photo|dok|dokumentasi|ist|istimewa|ilustrasi|illustration|credit|kredit|shutterstock|getty images|freepik)\b[^()]*)\)\.?$/i;
const DESK_INITIALS = /^(?:\(\s*[\p{L}\d.* -]{1,30}(?:\s*\/\s*[\p{L}\d.* -]{1,30})+\s*\)|\(\s*(?:\p{Ll}{2,6}|\*+)\s*\)|\[\s*[\p{L}*]{1,10}(?:\s*\/\s*[\p{L}*]{1,10})*\s*\])$/u;
const DOMAIN_CREDIT = /^(?:[\p{L}\d-]+\.(?:com|co\.id|id|net|org)|[\p{L} .]{0,30}\b(?:foto|photo))\s*\/\s*[\p{L} .'-]{2,40}$/iu;
function isCaptionLeftover(l: string): boolean {
  const last = l.charCodeAt(l.length - 1);
  const closes = last === 41 /* ) */ || last === 93 /* ] */ || (last === 46 /* . */ && l.endsWith(').'));
  if (closes) return DESK_INITIALS.test(l) || SOURCE_LINE.test(l) || (l.length < 250 && PHOTO_CREDIT.test(l));
  return l.length < 60 && l.includes('/') && DOMAIN_CREDIT.test(l);
}

/**
 * A plug for the outlet's channel on a chat app or news aggregator, looser than `isPlug` and so only tested on
 * the first and last lines of an article: "Yuk, ikuti saluran Kabar Lembah di WhatsApp untuk kabar pilihan."
 */
export function isEdgePlug(line: string): boolean {
  return line.length < 400 && ((EDGE_APP.test(line) && EDGE_ASK.test(line) && EDGE_OURS.test(line)) || CLICK_HERE.test(line));
}
const EDGE_OURS = /\b(?:kami|kamu|anda|our|us|your|di ?sini|here|klik|click|link|tautan|kanal|saluran|channel|grup|group|nomor|ketik)\b|https?:/i;
const CLICK_HERE = /\b(?:klik|click|tap)\s+(?:di ?sini|link ini|tautan ini|here)\b/i;
const EDGE_APP = /\b(?:whatsapp|telegram|google news|line today|instagram|tiktok|youtube|x\/twitter|twitter|facebook|newsletter|buletin|aplikasi)\b/i;
const EDGE_ASK = /\b(?:ikuti|follow|gabung|bergabung|join|dapatkan|simak|pantau|subscribe|langganan|berlangganan|yuk|ayo|klik|unduh|download|kunjungi|silakan|silahkan|ketik)\b/i;

/** Removes a desk's initials closing the last paragraph: "… kata dia. (nwk/nwk)". */
export function withoutDeskInitials(line: string): string {
  return line.replace(/([.!?"”])\s*(?:\(\s*[\p{L}\d.* -]{1,30}(?:\s*\/\s*[\p{L}\d.* -]{1,30})+\s*\)|\[\s*\p{Ll}{2,6}(?:\s*\/\s*\p{Ll}{2,6})*\s*\])$/u, '$1');
}

/** Adds a caption's text unless it repeats the one before (a caption box and the paragraph inside it). */
function addCaption(captions: string[], t: string): void {
  const last = captions.at(-1);
  if (t.length < 40 || (last && last.includes(t))) return;
  if (last && t.includes(last)) captions[captions.length - 1] = t;
  else captions.push(t);
}
const CAPTION = classTest({ tags: ['figcaption'], classes: ['caption', 'keterangan'] });

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

/**
 * What the page's furniture says, read before the chrome is stripped: the short texts of its date/author/views
 * elements (`info`), and its author when asked (`author`, before the page is changed). Both read the same texts
 * and blocks of the page.
 */
export function readFurniture(document: Document): { info: string[]; author: () => string | null } {
  const body = document.body ?? document.documentElement;
  const texts = elementTexts(body);
  const leafEls = leaves(body);
  const info = infoTexts(document, texts, leafEls);
  return { info, author: () => findAuthorInPage(body, info, texts, leafEls) };
}

/** Author from credit lines ("Pewarta: X", "Penulis: X"), byline elements or the info lines (from `infoTexts`); null when none. */
function findAuthorInPage(body: Element, info: readonly string[], texts: ElementTexts, leafEls: readonly Element[]): string | null {
  const credit = /^(?:pewarta|penulis|reporter|wartawan|kontributor|oleh)\s*:\s*(.+)$/i;
  const anyCredit = /(?:pewarta|penulis|reporter|wartawan|kontributor|oleh)\s*:/i.test(texts.raw(body));
  for (const el of anyCredit ? leafEls : []) {
    for (const line of texts.raw(el).split('\n')) {
      const m = credit.exec(collapseWhitespace(line));
      const name = m && cleanName(m[1]!);
      if (name) return name;
    }
  }
  for (const el of all(body, AUTHOR)) {
    const name = !closestMatch(el, OTHER_ARTICLES) && cleanName(texts(el).replace(/^(?:oleh|by|penulis|reporter|pewarta)\s*:?\s*/i, ''));
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
  const name = collapseWhitespace(raw.split(/\s+(?:editor|penyunting|redaktur|fotografer)\s*:|[|;,()]|\s[-–—·•]\s|\s(?:pada|on)\s/i)[0]!);
  return name.length >= 2 && name.length <= 60 && !/\d/.test(name) && name.split(' ').length <= 6 ? name : null;
}

/** Short texts of the page's date/author/views elements, article region first, in document order. */
function infoTexts(document: Document, texts: ElementTexts, leafEls: readonly Element[]): string[] {
  const body = document.body ?? document.documentElement;
  const region = articleRegion(document);
  // Other articles' dates, and the site header's date of today (a live clock), are not this article's.
  const elsewhere = new Set<Element>();
  for (const el of all(body, (e) => OTHER_ARTICLES(e) || SITE_HEADER(e))) {
    const siteHeader = !OTHER_ARTICLES(el);
    // A bare <header> counts as the site's only when it carries the site's navigation or sits outside the article.
    const sitewide = el.localName !== 'header' || SITE_HEADER_CLASS(el) || (region !== body && !region.contains(el)) || selectOne(el, NAV_OR_MENU) !== null;
    if (!siteHeader || (sitewide && (region === body || !region.contains(el)) && !selectOne(el, IS_H1) && !holdsArticle(el))) elsewhere.add(el);
  }
  // Everything inside those, marked once; an element there is passed over before its text is read.
  const unusable = new Set<Element>();
  for (const el of elsewhere) for (const e of [el, ...all(el, ANY)]) unusable.add(e);
  const usable = (el: Element) => !unusable.has(el);
  // Each element is asked about twice (region first, then the rest): where it lies is worked out once.
  const inside = new Map<Element, boolean>();
  const inRegion = (el: Element) => {
    let r = inside.get(el);
    if (r === undefined) inside.set(el, (r = region === body || region.contains(el)));
    return r;
  };
  const metaEls = all(body, META);
  const out = new Set<string>();
  for (const pick of [inRegion, (el: Element) => !inRegion(el)]) {
    for (const el of metaEls) {
      if (!pick(el) || !usable(el) || texts.solid(el) >= 250) continue;
      const t = texts(el);
      if (t && t.length < 250) out.add(t);
    }
    for (const el of leafEls) {
      if (!pick(el) || !usable(el) || texts.solid(el) >= 120) continue;
      const t = texts(el);
      if (t.length >= 120 || (!looksLikeDate(t) && parseViewCount(t) === null)) continue;
      // A meta list (author / date / time / views as separate items) is read as one line so date and time meet.
      const items = el.localName === 'li' && el.parentElement ? Array.from(el.parentElement.children).map(texts) : [];
      if (items.length > 1 && items.every((i) => i.length < 80)) out.add(items.filter(Boolean).join(' · '));
      // So is a date beside its time in a sibling element: "<span>Senin, 7 Desember 2026</span> <span>21:04 WIB</span>".
      const parent = el.parentElement;
      const around = parent && parent !== body && !HAS_CLOCK.test(t) ? texts(parent) : '';
      if (around.length > t.length && around.length < 160 && usable(parent!)) out.add(around);
      out.add(t);
    }
  }
  return [...out];
}

/** nav, [class*="menu"], [class*="logo"] */
const NAV_OR_MENU = (el: Element) => el.localName === 'nav' || classOf(el).includes('menu') || classOf(el).includes('logo');

/** The <article> with the most text, else <main>, else the body. */
function articleRegion(document: Document): Element {
  const articles = selectAll(document, IS_ARTICLE).filter((a) => !closestMatch(a, OTHER_ARTICLES));
  const best = articles.sort((a, b) => text(b).length - text(a).length)[0];
  return best ?? selectOne(document, 'main, [role="main"]') ?? document.body ?? document.documentElement;
}

/** True when an element holds article text: two or more long paragraphs. Furniture never does. */
function holdsArticle(el: Element): boolean {
  let long = 0;
  for (const p of all(el, IS_P)) if (text(p).length > 150 && ++long >= 2) return true;
  return false;
}

/** Blocks with no blocks inside, in document order; an inline element counts only when it sits among other elements, not in running text. */
function leaves(root: Element): Element[] {
  const found: (Element | null)[] = [];
  // Returns whether `el` has a block element anywhere inside it.
  const walk = (el: Element, inRunningText: boolean): boolean => {
    let blockInside = false;
    let parentHasLetters: boolean | undefined;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      const tag = child.localName;
      let at = -1;
      if (LEAF_TAGS.has(tag)) {
        const inline = INLINE_LEAF_TAGS.has(tag);
        if (inline && parentHasLetters === undefined) parentHasLetters = /\p{L}/u.test(ownText(el));
        if (!inline || (!inRunningText && !parentHasLetters)) at = found.push(child) - 1;
      }
      const inner = tag === 'template' ? false : walk(child, inRunningText || RUNNING_TEXT_TAGS.has(tag));
      if (inner && at >= 0) found[at] = null;
      if (inner || BLOCK_TAGS.has(tag)) blockInside = true;
    }
    return blockInside;
  };
  walk(root, closestMatch(root, IN_RUNNING_TEXT) !== null);
  return found.filter((el): el is Element => el !== null);
}

function ownText(el: Element): string {
  let t = '';
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) t += (n as CharacterData).data;
  return t;
}

function removeAndPrune(el: Element): void {
  let parent = el.parentElement;
  el.remove();
  while (parent && parent.tagName !== 'BODY' && parent.tagName !== 'ARTICLE' && !text(parent) && !selectOne(parent, IS_MEDIA)) {
    const up: HTMLElement | null = parent.parentElement;
    parent.remove();
    parent = up;
  }
}

function linkShare(el: Element): number {
  const total = text(el).length;
  const linked = all(el, IS_A).reduce((n, a) => n + text(a).length, 0);
  return total === 0 ? 0 : linked / total;
}

const text = (el: Element) => collapseWhitespace(el.textContent ?? '');
const all = (root: Element, selector: ElementQuery) => selectAll(root, selector);
