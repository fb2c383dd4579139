import { compile, type Options } from 'css-select';

/**
 * CSS selector matching for extraction, with each selector compiled once per process. linkedom compiles
 * a selector anew on every querySelector/matches/closest call, and extraction asks the same few dozen
 * selectors thousands of times per page; with compiled selectors cached, selector work stops being the
 * largest cost of extracting a page. Works on linkedom documents (and any standard DOM).
 */
const ELEMENT = 1;
const TEXT = 3;

const isElement = (node: Node): node is Element => node.nodeType === ELEMENT;

const adapter: NonNullable<Options<Node, Element>['adapter']> = {
  isTag: isElement,
  getAttributeValue: (el, name) => (name === 'class' ? classOf(el) : (el.getAttribute(name) ?? undefined)),
  getChildren: (node) => Array.from(node.childNodes),
  getName: (el) => el.localName.toLowerCase(),
  getParent: (el) => el.parentElement,
  getSiblings: (node) => (node.parentNode ? Array.from(node.parentNode.childNodes) : [node]),
  prevElementSibling: (node) => (isElement(node) ? node.previousElementSibling : null),
  getText: (node) => (node.nodeType === ELEMENT || node.nodeType === TEXT ? (node.textContent ?? '') : ''),
  hasAttrib: (el, name) => el.hasAttribute(name),
  removeSubsets: (nodes) => nodes.filter((n, i) => nodes.indexOf(n) === i && !nodes.some((o) => o !== n && o.contains(n))),
};

/**
 * The class attribute, as `getAttribute('class')` gives it ('' when there is none). linkedom answers
 * getAttribute('class') by joining the element's class list anew (and builds a class list for an element without
 * one); its parser keeps the attribute's value equal to that join, so reading the attribute is the same and cheap.
 */
export function classOf(el: Element): string {
  return el.getAttributeNode('class')?.value ?? '';
}

const compiled = new Map<string, (el: Element) => boolean>();

/** A CSS selector, or a predicate for tests a selector would spell out slowly. */
export type ElementQuery = string | ((el: Element) => boolean);

function matcher(selector: ElementQuery): (el: Element) => boolean {
  if (typeof selector === 'function') return selector;
  let test = compiled.get(selector);
  if (!test) {
    test = compile<Node, Element>(selector, { adapter, xmlMode: false }) as (el: Element) => boolean;
    compiled.set(selector, test);
  }
  return test;
}

/** Every element under `root` (not `root` itself) that matches, in document order; templates are not entered. */
export function selectAll(root: ParentNode, selector: ElementQuery): Element[] {
  const test = matcher(selector);
  const out: Element[] = [];
  const visit = (parent: ParentNode) => {
    for (let el = parent.firstElementChild; el; el = el.nextElementSibling) {
      if (test(el)) out.push(el);
      if (el.localName !== 'template') visit(el);
    }
  };
  visit(root);
  return out;
}

/** The first element under `root` that matches, or null. */
export function selectOne(root: ParentNode, selector: ElementQuery): Element | null {
  const test = matcher(selector);
  const find = (parent: ParentNode): Element | null => {
    for (let el = parent.firstElementChild; el; el = el.nextElementSibling) {
      if (test(el)) return el;
      const inner = el.localName === 'template' ? null : find(el);
      if (inner) return inner;
    }
    return null;
  };
  return find(root);
}

export function matchesSelector(el: Element, selector: ElementQuery): boolean {
  return matcher(selector)(el);
}

/** `el` or its nearest ancestor that matches, or null. */
export function closestMatch(el: Element, selector: ElementQuery): Element | null {
  const test = matcher(selector);
  for (let e: Element | null = el; e; e = e.parentElement) if (test(e)) return e;
  return null;
}
