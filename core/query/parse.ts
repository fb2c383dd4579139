/**
 * The topic query language analysts write, parsed into a tree:
 *
 *   Presidensi G20, "KTT G20" ATAU (pemulihan DAN ekonomi) TANPA hoaks
 *   sukses*  ·  "harga beras" NEAR/5 naik  ·  title:G20  ·  source:"Kabar Pesisir"  ·  tier:daerah
 *
 * Words next to each other must all occur (AND; also AND / DAN); OR, ATAU and commas separate
 * alternatives; NOT, TANPA or a leading minus excludes; parentheses group; "…" is an exact phrase; a
 * trailing * matches any word that starts so; a NEAR/n b finds a and b at most n words apart, either order;
 * title:, source: and tier: restrict to the title, a source (by name or host) or an audience tier.
 * Precedence, tightest first: field and NEAR, NOT, AND, OR. A mistake is a QuerySyntaxError naming where
 * (the character position, from 1) and why.
 */
export type QueryNode =
  | { type: 'term'; word: string }
  | { type: 'prefix'; stem: string }
  | { type: 'phrase'; words: string[] }
  | { type: 'near'; left: TextNode; right: TextNode; distance: number }
  | { type: 'field'; field: 'title'; node: TextNode }
  | { type: 'source'; value: string }
  | { type: 'tier'; tier: string }
  | { type: 'not'; node: QueryNode }
  | { type: 'and'; nodes: QueryNode[] }
  | { type: 'or'; nodes: QueryNode[] };

export type TextNode = Extract<QueryNode, { type: 'term' | 'prefix' | 'phrase' | 'near' }>;

export class QuerySyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`at character ${position}: ${message}`);
  }
}

export const MAX_QUERY_LENGTH = 2000;

/** Where a node of a parsed query was written: [start, end) offsets from 0 into the query text. */
export interface QuerySpan {
  start: number;
  end: number;
}
const SPANS = new WeakMap<QueryNode, QuerySpan>();
/** The span of a word, phrase, NEAR, title: or AND node as parseQuery read it (the regional-variant rewriter splices there). */
export const querySpan = (node: QueryNode): QuerySpan | undefined => SPANS.get(node);
function spanned<T extends QueryNode>(node: T, start: number | undefined, end: number | undefined): T {
  if (start !== undefined && end !== undefined) SPANS.set(node, { start, end });
  return node;
}
const MAX_NEAR = 20;
const MAX_LEAVES = 100;

const TIERS: Record<string, string> = {
  official: 'official', resmi: 'official', pemerintah: 'official',
  state: 'state', negara: 'state',
  national: 'national', nasional: 'national',
  regional: 'regional', daerah: 'regional', lokal: 'regional',
  social: 'social', sosial: 'social',
};

type Token =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'phrase'; text: string; at: number }
  | { kind: 'and' | 'or' | 'not' | 'open' | 'close'; at: number }
  | { kind: 'near'; distance: number; at: number }
  | { kind: 'field'; field: 'title' | 'source' | 'tier'; at: number };

/** Letters and digits of a word, lower-cased: what the full-text index stores. */
export function queryWord(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function lex(query: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s+|"([^"]*)("?)|\(|\)|,|(title|judul|source|sumber|tier|tingkat):|NEAR\/(\d+)|-(?=["(\p{L}\p{N}])|([\p{L}\p{N}][\p{L}\p{N}\-'’.]*\*?)|(.)/giuy;
  for (let m = re.exec(query); m; m = re.exec(query)) {
    const at = m.index + 1;
    const [all, phrase, closed, field, near, word, stray] = m;
    if (/^\s+$/.test(all)) continue;
    if (phrase !== undefined) {
      if (!closed) throw new QuerySyntaxError('this quote is never closed; end the phrase with "', at);
      if (!/[\p{L}\p{N}]/u.test(phrase)) throw new QuerySyntaxError('this phrase has no letters or digits to match', at);
      tokens.push({ kind: 'phrase', text: phrase, at });
    } else if (all === '(') tokens.push({ kind: 'open', at });
    else if (all === ')') tokens.push({ kind: 'close', at });
    else if (all === ',') tokens.push({ kind: 'or', at });
    else if (all === '-') tokens.push({ kind: 'not', at });
    else if (field) {
      const f = field.toLowerCase();
      tokens.push({ kind: 'field', field: f === 'judul' ? 'title' : f === 'sumber' ? 'source' : f === 'tingkat' ? 'tier' : (f as 'title' | 'source' | 'tier'), at });
    } else if (near !== undefined) {
      const distance = Number(near);
      if (distance < 1 || distance > MAX_NEAR) throw new QuerySyntaxError(`NEAR/${near}: the distance must be from 1 to ${MAX_NEAR} words`, at);
      tokens.push({ kind: 'near', distance, at });
    } else if (word !== undefined) {
      if (/^(?:AND|DAN)$/.test(word)) tokens.push({ kind: 'and', at });
      else if (/^(?:OR|ATAU)$/.test(word)) tokens.push({ kind: 'or', at });
      else if (/^(?:NOT|TANPA)$/.test(word)) tokens.push({ kind: 'not', at });
      else if (/^NEAR$/.test(word)) throw new QuerySyntaxError('NEAR needs a distance, e.g. NEAR/5', at);
      else tokens.push({ kind: 'word', text: word, at });
    } else if (stray !== undefined) {
      throw new QuerySyntaxError(stray === '*' ? 'a * must follow the start of a word, e.g. sukses*' : `"${stray}" is not part of a word; a query is made of words with letters or digits, "phrases", parentheses and operators`, at);
    }
  }
  return tokens;
}

/** Parses a query; throws QuerySyntaxError saying where and why. */
export function parseQuery(query: string): QueryNode {
  if (query.length > MAX_QUERY_LENGTH) throw new QuerySyntaxError(`the query is longer than ${MAX_QUERY_LENGTH} characters`, MAX_QUERY_LENGTH);
  const tokens = lex(query);
  let i = 0;
  let leaves = 0;
  const end = query.length + 1;
  const peek = () => tokens[i];
  const where = () => peek()?.at ?? end;

  const leaf = <T extends QueryNode>(node: T, at: number): T => {
    if (++leaves > MAX_LEAVES) throw new QuerySyntaxError(`the query has more than ${MAX_LEAVES} terms`, at);
    return node;
  };

  const textAtom = (): TextNode => {
    const t = peek();
    if (!t) throw new QuerySyntaxError('the query ends where a word or "phrase" was expected', end);
    if (t.kind === 'phrase') {
      i++;
      const words = t.text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(queryWord);
      if (words.length === 0) throw new QuerySyntaxError('this phrase has no letters or digits to match', t.at);
      return spanned(leaf(words.length === 1 ? { type: 'term', word: words[0]! } : { type: 'phrase', words }, t.at), t.at - 1, t.at + t.text.length + 1);
    }
    if (t.kind === 'word') {
      i++;
      if (t.text.endsWith('*')) {
        const stem = queryWord(t.text.slice(0, -1));
        if (!/^[\p{L}\p{N}]{2,}$/u.test(stem)) throw new QuerySyntaxError(`"${t.text}": a wildcard needs at least two letters or digits before the *, and nothing else`, t.at);
        return spanned(leaf({ type: 'prefix', stem }, t.at), t.at - 1, t.at - 1 + t.text.length);
      }
      const words = t.text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(queryWord);
      // "anak-anak", "e-KTP": a written compound is read as the phrase of its parts.
      return spanned(leaf(words.length === 1 ? { type: 'term', word: words[0]! } : { type: 'phrase', words }, t.at), t.at - 1, t.at - 1 + t.text.length);
    }
    throw new QuerySyntaxError(`expected a word or "phrase" here, not ${describe(t)}`, t.at);
  };

  const primary = (): QueryNode => {
    const t = peek();
    if (!t) throw new QuerySyntaxError('the query ends where a word, "phrase" or ( was expected', end);
    if (t.kind === 'open') {
      i++;
      const inner = or();
      const close = peek();
      if (close?.kind !== 'close') throw new QuerySyntaxError('this ( is never closed; add a )', t.at);
      i++;
      return inner;
    }
    if (t.kind === 'field') {
      i++;
      const value = peek();
      if (t.field === 'title') {
        const node = nearOf(textAtom());
        return spanned({ type: 'field', field: 'title', node }, t.at - 1, querySpan(node)?.end);
      }
      if (!value || (value.kind !== 'word' && value.kind !== 'phrase')) throw new QuerySyntaxError(`${t.field}: needs a value, e.g. ${t.field === 'tier' ? 'tier:daerah' : 'source:"Kabar Pesisir"'}`, t.at);
      i++;
      if (t.field === 'source') return leaf({ type: 'source', value: value.text.trim() }, value.at);
      const tier = TIERS[value.text.toLowerCase()];
      if (!tier) throw new QuerySyntaxError(`tier:${value.text} is not a tier; use one of ${Object.keys(TIERS).join(', ')}`, value.at);
      return leaf({ type: 'tier', tier }, value.at);
    }
    return nearOf(textAtom());
  };

  const nearOf = (left: TextNode): TextNode => {
    const t = peek();
    if (t?.kind !== 'near') return left;
    i++;
    const right = textAtom();
    if (left.type === 'near' || right.type === 'near') throw new QuerySyntaxError('NEAR joins two words or phrases, not another NEAR', t.at);
    return nearOf(spanned({ type: 'near', left, right, distance: t.distance }, querySpan(left)?.start, querySpan(right)?.end));
  };

  const unary = (): QueryNode => {
    const t = peek();
    if (t?.kind === 'not') {
      i++;
      return { type: 'not', node: unary() };
    }
    return primary();
  };

  const and = (): QueryNode => {
    const nodes = [unary()];
    for (;;) {
      const t = peek();
      if (!t || t.kind === 'or' || t.kind === 'close') break;
      if (t.kind === 'and') {
        i++;
        if (!peek() || peek()!.kind === 'or' || peek()!.kind === 'close') throw new QuerySyntaxError(`nothing after ${query.slice(t.at - 1, t.at + 2)}`, t.at);
      }
      nodes.push(unary());
    }
    return nodes.length === 1 ? nodes[0]! : spanned({ type: 'and', nodes }, querySpan(nodes[0]!)?.start, querySpan(nodes.at(-1)!)?.end);
  };

  const or = (): QueryNode => {
    const first = peek();
    if (first?.kind === 'or') throw new QuerySyntaxError('nothing before OR', first.at);
    const nodes = [and()];
    while (peek()?.kind === 'or') {
      const t = peek()!;
      i++;
      const next = peek();
      if (!next || next.kind === 'or' || next.kind === 'close') throw new QuerySyntaxError('nothing after OR', t.at);
      nodes.push(and());
    }
    return nodes.length === 1 ? nodes[0]! : { type: 'or', nodes };
  };

  if (tokens.length === 0) throw new QuerySyntaxError('the query is empty: write at least one word or "phrase"', 1);
  const tree = or();
  const rest = peek();
  if (rest) throw new QuerySyntaxError(rest.kind === 'close' ? 'this ) has no ( before it' : `unexpected ${describe(rest)}`, rest.at);
  if (!matchesSomething(tree)) throw new QuerySyntaxError('the query only excludes; say what to look for too, e.g. G20 TANPA hoaks', 1);
  return tree;
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'and': return 'AND';
    case 'or': return 'OR';
    case 'not': return 'NOT';
    case 'open': return '(';
    case 'close': return ')';
    case 'near': return `NEAR/${t.distance}`;
    case 'field': return `${t.field}:`;
    default: return `"${t.text}"`;
  }
}

/** False for a tree that can only exclude ("TANPA hoaks"), which would match nearly everything. */
function matchesSomething(node: QueryNode): boolean {
  switch (node.type) {
    case 'not': return false;
    case 'and': return node.nodes.some(matchesSomething);
    case 'or': return node.nodes.every(matchesSomething);
    default: return true;
  }
}

/** The words and phrases a query looks for (not those it excludes): what search feeds and social searches are asked. */
export function positiveTerms(node: QueryNode): string[] {
  const out = new Set<string>();
  const walk = (n: QueryNode, negated: boolean) => {
    switch (n.type) {
      case 'term': if (!negated) out.add(n.word); break;
      case 'prefix': if (!negated) out.add(n.stem); break;
      case 'phrase': if (!negated) out.add(n.words.join(' ')); break;
      case 'near': walk(n.left, negated); walk(n.right, negated); break;
      case 'field': walk(n.node, negated); break;
      case 'not': walk(n.node, !negated); break;
      case 'and':
        // Words that must all occur are asked for together: "Presidensi G20" is one search, not two.
        if (!negated && n.nodes.every((c) => c.type === 'term' || c.type === 'phrase')) {
          out.add(n.nodes.map((c) => (c.type === 'term' ? c.word : (c as { words: string[] }).words.join(' '))).join(' '));
        } else for (const c of n.nodes) walk(c, negated);
        break;
      case 'or': for (const c of n.nodes) walk(c, negated); break;
      default: break;
    }
  };
  walk(node, false);
  return [...out];
}

/** What a topic matches: its own query, and for a key message its parent topic's query as well. */
export function topicQuery(query: string, parentQuery: string | null): QueryNode {
  const own = parseQuery(query);
  return parentQuery === null ? own : { type: 'and', nodes: [parseQuery(parentQuery), own] };
}
