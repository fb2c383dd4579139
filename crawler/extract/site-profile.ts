/**
 * What extraction learns about a site as it reads the site's pages: which element of its template holds what
 * Readability returns. Readability's scoring passes are the largest part of what extracting a page costs; on
 * most sites every article page has the same template, and once several pages have read the same both ways,
 * later pages of that template skip Readability and read that element.
 *
 * The element (the container) is the whole region left once the chrome is stripped, or an element inside it on
 * the way down to the paragraphs: on many templates the region holds a line Readability drops (a section label
 * above the headline), and only the element around the story reads as Readability does. A container is known
 * by its path of tag.class steps from the body, and used on a page only where that path finds exactly one
 * element. A site may have several templates (article pages, photo pages), each with its own container.
 *
 * A page skips only when every kind of element in its container (tag and class) was seen on pages that agreed,
 * so a page with anything new (an embedded table, a gallery, an insert) is read by Readability again, and learnt
 * from. Every `recheckEvery`-th page of a trusted template is read both ways anyway; a disagreement on a page
 * made only of known kinds means the template was wrong, and it is forgotten (after `maxResets` such mistakes,
 * the site's pages always go through Readability). Profiles live in the memory of one process or thread;
 * nothing is stored.
 */
import { classOf } from './select.js';
import { collapseWhitespace } from './text.js';

export interface SiteProfileOptions {
  /** Pages that must read the same both ways before a template's pages skip Readability. */
  agreementsToTrust?: number;
  /** One page in this many of a trusted template is read both ways. */
  recheckEvery?: number;
  /** Times a site's templates may prove wrong before its pages always go through Readability. */
  maxResets?: number;
  /** Sites remembered at once; the least recently seen are forgotten first. */
  maxSites?: number;
  /** Element kinds remembered per template; a template with more is not learnt further. */
  maxShapes?: number;
  /** Templates remembered per site; the least recently agreed are forgotten first. */
  maxTemplates?: number;
}

/** The text lines of a region and the kinds of element inside it. */
export interface Reading {
  lines: string[];
  shapes: Set<string>;
}

/** A region of a page read both ways, read before Readability ran. */
export interface Candidate {
  /** Its container key; null when its path does not find it alone on the page, so no later page could find it. */
  key: string | null;
  /** On the way from the body down to the paragraphs (not only a known template's container found elsewhere). */
  onChain: boolean;
  reading: Reading;
}

interface Template {
  path: string[];
  agreed: number;
  shapes: Set<string>;
  sinceCheck: number;
}

interface Site {
  /** By container key, least recently agreed first; '' is the whole region. */
  templates: Map<string, Template>;
  resets: number;
}

export class SiteProfiles {
  private readonly sites = new Map<string, Site>();
  private readonly opts: Required<SiteProfileOptions>;

  constructor(opts: SiteProfileOptions = {}) {
    this.opts = { agreementsToTrust: 3, recheckEvery: 20, maxResets: 3, maxSites: 2000, maxShapes: 400, maxTemplates: 8, ...opts };
  }

  /**
   * The reading of this page's container when the page may skip Readability; null when the page is to be read
   * both ways (then `candidates`, Readability, `learnPage`). Counts the page toward its template's next recheck.
   */
  skipReading(site: string, body: Element): Reading | null {
    const s = this.touch(site);
    if (!s || s.resets >= this.opts.maxResets) return null;
    // The most recently agreed template first: the one the site's pages have been using.
    for (const t of [...s.templates.values()].reverse()) {
      if (t.agreed < this.opts.agreementsToTrust) continue;
      const el = findContainer(body, t.path);
      const reading = el && readRegion(el);
      if (reading && knowsAll(t, reading.shapes)) return this.dueForRecheck(t) ? null : reading;
    }
    return null;
  }

  /**
   * The regions a page read both ways is compared on: the whole region and each element on the way down to the
   * element holding most of the paragraph text, and the containers of the site's templates found elsewhere on
   * the page. Read before Readability runs, as Readability moves and removes nodes.
   */
  candidates(site: string, body: Element): Candidate[] {
    const chain: Element[] = [];
    for (let el: Element | null = paragraphsParent(body); el && el !== body; el = el.parentElement) chain.push(el);
    chain.push(body);
    chain.reverse();
    const out: Candidate[] = [];
    const seen = new Set<Element>();
    for (const el of chain) {
      const path = pathOf(body, el);
      out.push({ key: findContainer(body, path) === el ? path.join(KEY_SEPARATOR) : null, onChain: true, reading: readRegion(el) });
      seen.add(el);
    }
    for (const [key, t] of this.sites.get(site)?.templates ?? []) {
      const el = findContainer(body, t.path);
      if (el && !seen.has(el)) out.push({ key, onChain: false, reading: readRegion(el) });
    }
    return out;
  }

  /**
   * After Readability: `agrees` tells whether a candidate's reading gives the article Readability gave. The
   * deepest agreeing element on the chain is learnt as a container; a known template that agrees learns the
   * page's kinds, and one that disagrees on a page made only of kinds it knows is forgotten.
   */
  learnPage(site: string, candidates: readonly Candidate[], agrees: (reading: Reading) => boolean): void {
    let deepest: Candidate | null = null;
    const known = new Set(this.sites.get(site)?.templates.keys());
    for (const c of candidates) {
      if (c.key === null) continue;
      const agreed = agrees(c.reading);
      if (agreed && c.onChain) deepest = c;
      if (known.has(c.key)) this.learn(site, c.reading.shapes, agreed, c.key);
    }
    if (deepest && !known.has(deepest.key!)) this.learn(site, deepest.reading.shapes, true, deepest.key!);
  }

  /** After a page was read both ways: whether the container `key` alone gave the same article as Readability. */
  learn(site: string, shapes: ReadonlySet<string>, agreed: boolean, key = ''): void {
    let s = this.touch(site);
    if (!s) {
      s = { templates: new Map(), resets: 0 };
      this.sites.set(site, s);
      if (this.sites.size > this.opts.maxSites) this.sites.delete(this.sites.keys().next().value!);
    }
    let t = s.templates.get(key);
    if (agreed) {
      if (!t) {
        t = { path: key ? key.split(KEY_SEPARATOR) : [], agreed: 0, shapes: new Set(), sinceCheck: 0 };
        if (s.templates.size >= this.opts.maxTemplates) s.templates.delete(s.templates.keys().next().value!);
      }
      if (t.shapes.size + shapes.size > this.opts.maxShapes) return;
      t.agreed++;
      for (const shape of shapes) t.shapes.add(shape);
      // Map order is insertion order: moving the template to the end keeps the least recently agreed first.
      s.templates.delete(key);
      s.templates.set(key, t);
      return;
    }
    // Only a page made of known kinds shows the template itself is wrong; a page with something new just does not teach it.
    if (t && t.agreed > 0 && knowsAll(t, shapes)) {
      s.resets++;
      s.templates.delete(key);
    }
  }

  /** Whether some pages of `site` are skipping Readability now (for reports and tests). */
  trusted(site: string): boolean {
    const s = this.sites.get(site);
    return !!s && s.resets < this.opts.maxResets && [...s.templates.values()].some((t) => t.agreed >= this.opts.agreementsToTrust);
  }

  /** Container keys of the site's trusted templates (for reports and tests). */
  trustedContainers(site: string): string[] {
    const s = this.sites.get(site);
    if (!s || s.resets >= this.opts.maxResets) return [];
    return [...s.templates].filter(([, t]) => t.agreed >= this.opts.agreementsToTrust).map(([key]) => key);
  }

  private dueForRecheck(t: Template): boolean {
    if (++t.sinceCheck < this.opts.recheckEvery) return false;
    t.sinceCheck = 0;
    return true;
  }

  private touch(site: string): Site | undefined {
    const s = this.sites.get(site);
    if (s) {
      // Map order is insertion order: moving the site to the end keeps the least recently seen first.
      this.sites.delete(site);
      this.sites.set(site, s);
    }
    return s;
  }
}

/** Between the steps of a container key; no tag or class holds it. */
const KEY_SEPARATOR = ' > ';

function knowsAll(t: Template, shapes: ReadonlySet<string>): boolean {
  for (const shape of shapes) if (!t.shapes.has(shape)) return false;
  return true;
}

/** Tag and class, with digits taken out of classes, which often carry an article's id. */
function shapeOf(el: Element): string {
  const cls = classOf(el);
  return cls ? `${el.localName}.${cls.replace(/\d+/g, '#').trim()}` : el.localName;
}

/** The steps from `body` down to `el`. */
function pathOf(body: Element, el: Element): string[] {
  const path: string[] = [];
  for (let e: Element | null = el; e && e !== body; e = e.parentElement) path.push(shapeOf(e));
  return path.reverse();
}

/** The one element the steps find under `body`; null when they find none or several. */
function findContainer(body: Element, path: readonly string[]): Element | null {
  let level: Element[] = [body];
  for (const step of path) {
    const next: Element[] = [];
    for (const parent of level) for (let c = parent.firstElementChild; c; c = c.nextElementSibling) if (shapeOf(c) === step) next.push(c);
    if (next.length === 0) return null;
    level = next;
  }
  return level.length === 1 ? level[0]! : null;
}

/** The element whose own <p> children hold the most text; null when there are none. */
function paragraphsParent(body: Element): Element | null {
  const held = new Map<Element, number>();
  let best: Element | null = null;
  let most = 0;
  const walk = (el: Element) => {
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (c.localName === 'p') {
        const n = (held.get(el) ?? 0) + (c.textContent ?? '').length;
        held.set(el, n);
        if (n > most) [best, most] = [el, n];
      } else if (c.localName !== 'template') walk(c);
    }
  };
  walk(body);
  return best;
}

const BLOCKS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'tr', 'ul', 'ol', 'section', 'article', 'figure', 'table', 'dd', 'dt', 'br']);

/**
 * The text lines of an element, one per block element, and the kinds of element inside it, in one walk that
 * leaves the tree as it is.
 */
export function readRegion(root: Element): Reading {
  const shapes = new Set<string>();
  let text = '';
  const walk = (el: Element) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3 || n.nodeType === 4) text += (n as CharacterData).data;
      else if (n.nodeType === 1) {
        const child = n as Element;
        const tag = child.localName;
        shapes.add(shapeOf(child));
        const block = BLOCKS.has(tag);
        if (block) text += '\n';
        walk(child);
        if (block) text += '\n';
      }
    }
  };
  walk(root);
  return { lines: textLines(text), shapes };
}

/** Newline-separated text as trimmed, whitespace-collapsed, non-empty lines. */
export function textLines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const l = collapseWhitespace(line);
    if (l) out.push(l);
  }
  return out;
}
