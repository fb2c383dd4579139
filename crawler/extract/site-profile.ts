/**
 * What extraction learns about a site as it reads the site's pages: whether the article region left once the
 * chrome is stripped reads exactly as Readability reads it. Readability's scoring passes are the largest part
 * of what extracting a page costs; on most sites every article page has the same template, and once several
 * pages have read the same both ways, later pages of that template skip Readability.
 *
 * A page skips only when every kind of element in its region (tag and class) was seen on pages that agreed, so
 * a page with anything new (an embedded table, a gallery, an insert) is read by Readability again, and learnt
 * from. Every `recheckEvery`-th page of a trusted site is read both ways anyway; a disagreement on a page made
 * only of known kinds means the profile was wrong, and the site starts over (after `maxResets`, for good).
 * Profiles live in the memory of one process or thread; nothing is stored.
 */
export interface SiteProfileOptions {
  /** Pages that must read the same both ways before a site's pages skip Readability. */
  agreementsToTrust?: number;
  /** One page in this many of a trusted site is read both ways. */
  recheckEvery?: number;
  /** Times a site's profile may prove wrong before its pages always go through Readability. */
  maxResets?: number;
  /** Sites remembered at once; the least recently seen are forgotten first. */
  maxSites?: number;
  /** Element kinds remembered per site; a site with more is not profiled. */
  maxShapes?: number;
}

interface Site {
  agreed: number;
  shapes: Set<string>;
  sinceCheck: number;
  resets: number;
}

export class SiteProfiles {
  private readonly sites = new Map<string, Site>();
  private readonly opts: Required<SiteProfileOptions>;

  constructor(opts: SiteProfileOptions = {}) {
    this.opts = { agreementsToTrust: 3, recheckEvery: 20, maxResets: 3, maxSites: 2000, maxShapes: 400, ...opts };
  }

  /** True when this page of `site` may be read from its region alone; counts the page toward the next recheck. */
  canSkip(site: string, shapes: ReadonlySet<string>): boolean {
    const s = this.touch(site);
    if (!s || s.resets >= this.opts.maxResets || s.agreed < this.opts.agreementsToTrust) return false;
    for (const shape of shapes) if (!s.shapes.has(shape)) return false;
    if (++s.sinceCheck >= this.opts.recheckEvery) {
      s.sinceCheck = 0;
      return false;
    }
    return true;
  }

  /** After a page was read both ways: whether the region alone gave the same article as Readability. */
  learn(site: string, shapes: ReadonlySet<string>, agreed: boolean): void {
    let s = this.touch(site);
    if (!s) {
      s = { agreed: 0, shapes: new Set(), sinceCheck: 0, resets: 0 };
      this.sites.set(site, s);
      if (this.sites.size > this.opts.maxSites) this.sites.delete(this.sites.keys().next().value!);
    }
    if (agreed) {
      if (s.shapes.size + shapes.size > this.opts.maxShapes) return;
      s.agreed++;
      for (const shape of shapes) s.shapes.add(shape);
      return;
    }
    // Only a page made of known kinds shows the profile itself is wrong; a page with something new just does not teach it.
    let known = s.agreed > 0;
    for (const shape of shapes) if (known && !s.shapes.has(shape)) known = false;
    if (known) {
      s.resets++;
      s.agreed = 0;
      s.shapes.clear();
    }
  }

  /** Whether pages of `site` are skipping Readability now (for reports and tests). */
  trusted(site: string): boolean {
    const s = this.sites.get(site);
    return !!s && s.resets < this.opts.maxResets && s.agreed >= this.opts.agreementsToTrust;
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

const BLOCKS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'tr', 'ul', 'ol', 'section', 'article', 'figure', 'table', 'dd', 'dt', 'br']);

/**
 * The text lines of an element, one per block element, and the kinds of element inside it (tag and class, with
 * digits taken out of classes, which often carry an article's id), in one walk that leaves the tree as it is.
 */
export function readRegion(root: Element): { lines: string[]; shapes: Set<string> } {
  const shapes = new Set<string>();
  let text = '';
  const walk = (el: Element) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3 || n.nodeType === 4) text += (n as CharacterData).data;
      else if (n.nodeType === 1) {
        const child = n as Element;
        const tag = child.localName;
        const cls = child.getAttribute('class');
        shapes.add(cls ? `${tag}.${cls.replace(/\d+/g, '#').trim()}` : tag);
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
    const l = line.replace(/\s+/g, ' ').trim();
    if (l) out.push(l);
  }
  return out;
}
