import { parseQuery, querySpan, type QueryNode, type TextNode } from './parse.js';
import { REGIONAL_LANGUAGE_CODES, type RegionalLanguage, type VariantSource, type VariantTable } from './variants-data.js';

/**
 * Regional-language variants of the terms a topic query looks for. A term is what an analyst would call one:
 * a word, a "phrase", a NEAR pair, a title: search, or words written next to each other (an AND of plain
 * words and phrases); excluded words and prefixes get none. Each word of a term is looked up in the variant
 * table (the longest run of words that is a headword, so "korban jiwa" → "tewas"), and the per-word variants
 * are combined within one language, the other words kept as written: "harga beras" → rega beras (jv),
 * pangaos beras (su). A term already written as an alternative of another is not offered again.
 */
export interface VariantTerm {
  /** The term as the analyst wrote it, and where: [start, end) in the query. */
  text: string;
  start: number;
  end: number;
  /** Its words, lower-cased, as the search index holds them. */
  words: string[];
  /** The term's node in the parsed query (replaced by a variant to count what the variant adds). */
  node: QueryNode;
  languages: { language: RegionalLanguage; variants: TermVariant[] }[];
}

export interface TermVariant {
  /** The variant's words ("rega beras") and the query text that searches for it in the term's place ('"rega beras"'). */
  text: string;
  query: string;
  sources: VariantSource[];
  /** The parsed variant, ready to be compiled (counting what it would add). */
  node: QueryNode;
}

/** A term's words in parts that are rendered separately: a NEAR's two sides, each word of an AND group. */
interface Unit {
  node: QueryNode;
  parts: { words: string[] }[];
  render: (parts: string[]) => string;
}

/** Most variants offered per term and language (those replacing the most words first). */
export const MAX_VARIANTS_PER_LANGUAGE = 4;
const MAX_HEADWORD_WORDS = 3;

const plainWord = (w: string) => /^[\p{L}\p{N}]+$/u.test(w);
/** A part as query text: a plain word bare, anything else (several words, an apostrophe, a hyphen) as a phrase. */
const renderPart = (words: string[]) => (words.length === 1 && plainWord(words[0]!) ? words[0]! : `"${words.join(' ')}"`);
const textPart = (n: TextNode) => (n.type === 'term' ? { words: [n.word] } : n.type === 'phrase' ? { words: n.words } : null);

/** The terms of a query a variant could stand beside (not excluded ones, not prefixes, sources or tiers). */
function unitsOf(tree: QueryNode): Unit[] {
  const units: Unit[] = [];
  const textUnit = (n: TextNode, wrap: (s: string) => string): Unit | null => {
    if (n.type === 'near') {
      const left = textPart(n.left);
      const right = textPart(n.right);
      if (!left || !right) return null;
      return { node: n, parts: [left, right], render: ([a, b]) => wrap(`${a} NEAR/${n.distance} ${b}`) };
    }
    const part = textPart(n);
    return part ? { node: n, parts: [part], render: ([a]) => wrap(a!) } : null;
  };
  const walk = (n: QueryNode, negated: boolean): void => {
    if (negated && n.type !== 'not' && n.type !== 'and' && n.type !== 'or') return;
    switch (n.type) {
      case 'term':
      case 'phrase':
      case 'near': {
        const u = textUnit(n, (s) => s);
        if (u) units.push(u);
        return;
      }
      case 'field': {
        const u = textUnit(n.node, (s) => `title:${s}`);
        if (u) units.push({ ...u, node: n });
        return;
      }
      case 'not': return walk(n.node, !negated);
      case 'and':
        if (!negated && querySpan(n) && n.nodes.every((c) => c.type === 'term' || c.type === 'phrase')) {
          units.push({ node: n, parts: n.nodes.map((c) => textPart(c as TextNode)!), render: (parts) => parts.join(' ') });
          return;
        }
        for (const c of n.nodes) walk(c, negated);
        return;
      case 'or':
        for (const c of n.nodes) walk(c, negated);
        return;
      default:
    }
  };
  walk(tree, false);
  return units.filter((u) => querySpan(u.node));
}

interface Choice {
  words: string[];
  sources: VariantSource[];
}

/** Per part, the runs of its words and what each run may become in `language` (the words as written first). */
function choicesOf(words: string[], language: RegionalLanguage, table: VariantTable): Choice[][] {
  const runs: Choice[][] = [];
  for (let i = 0; i < words.length; ) {
    let len = Math.min(MAX_HEADWORD_WORDS, words.length - i);
    while (len > 1 && !table.has(words.slice(i, i + len).join(' '))) len--;
    const run = words.slice(i, i + len);
    const found = (table.get(run.join(' ')) ?? []).filter((v) => v.language === language);
    runs.push([{ words: run, sources: [] }, ...found.map((v) => ({ words: v.variant.split(' '), sources: v.sources }))]);
    i += len;
  }
  return runs;
}

function variantsOf(unit: Unit, language: RegionalLanguage, table: VariantTable): Omit<TermVariant, 'node'>[] {
  const perPart = unit.parts.map((p) => choicesOf(p.words, language, table));
  const out: (Omit<TermVariant, 'node'> & { changed: number; weight: number })[] = [];
  // every combination of the runs' choices, across the parts, except the one that changes nothing
  const runs = perPart.flat();
  if (runs.every((r) => r.length === 1)) return [];
  const pick = (k: number, chosen: number[]): void => {
    if (out.length > 500) return;
    if (k === runs.length) {
      if (chosen.every((c) => c === 0)) return;
      let at = 0;
      const partWords = perPart.map((part) => part.flatMap(() => runs[at]![chosen[at++]!]!.words));
      const sources = [...new Set(chosen.flatMap((c, i) => runs[i]![c]!.sources))].sort() as VariantSource[];
      out.push({
        text: partWords.map((w) => w.join(' ')).join(unit.node.type === 'near' || (unit.node.type === 'field' && unit.node.node.type === 'near') ? ' … ' : ' '),
        query: unit.render(partWords.map(renderPart)),
        sources,
        changed: chosen.filter((c) => c > 0).length,
        weight: chosen.reduce((n, c, i) => n + runs[i]![c]!.sources.length, 0),
      });
      return;
    }
    for (let c = 0; c < runs[k]!.length; c++) pick(k + 1, [...chosen, c]);
  };
  pick(0, []);
  out.sort((a, b) => b.changed - a.changed || b.weight - a.weight || a.text.localeCompare(b.text));
  return out.map(({ text, query, sources }) => ({ text, query, sources }));
}

const keyOf = (words: string[]) => words.join(' ');
const unitWords = (u: Unit) => u.parts.flatMap((p) => p.words);

/** The query's terms with their variants per language (throws QuerySyntaxError for a query that does not parse). */
export function suggestVariants(query: string, table: VariantTable, languages: readonly RegionalLanguage[] = REGIONAL_LANGUAGE_CODES): { tree: QueryNode; terms: VariantTerm[] } {
  const tree = parseQuery(query);
  const units = unitsOf(tree);
  const written = new Set(units.map((u) => keyOf(unitWords(u))));
  const terms: VariantTerm[] = [];
  const offered = new Set<string>();
  for (const u of units) {
    const words = unitWords(u);
    // an alternative already picked for an earlier term ("rega beras" beside "harga beras") is not a term of its own
    if (offered.has(keyOf(words))) continue;
    const langs = languages.map((language) => ({ language, variants: variantsOf(u, language, table) }));
    for (const l of langs) for (const v of l.variants) offered.add(v.text);
    const span = querySpan(u.node)!;
    terms.push({
      text: query.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      words,
      node: u.node,
      languages: langs
        .map(({ language, variants }) => ({
          language,
          variants: variants
            .filter((v) => !written.has(v.text))
            .slice(0, MAX_VARIANTS_PER_LANGUAGE)
            .map((v) => ({ ...v, node: parseQuery(v.query) })),
        }))
        .filter((l) => l.variants.length > 0),
    });
  }
  return { tree, terms };
}

/** The tree with one node (by identity) replaced: the query as it would be with a variant in a term's place. */
export function replaceNode(tree: QueryNode, target: QueryNode, replacement: QueryNode): QueryNode {
  if (tree === target) return replacement;
  switch (tree.type) {
    case 'not': return { ...tree, node: replaceNode(tree.node, target, replacement) };
    case 'and':
    case 'or': return { ...tree, nodes: tree.nodes.map((n) => replaceNode(n, target, replacement)) };
    default: return tree;
  }
}
