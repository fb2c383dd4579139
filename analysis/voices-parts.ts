import { tokenize, vocabAt } from './voices-lexicon.js';
import { VERB, type Phrase } from './voices-phrase.js';
import { classifyRole } from './voices-type.js';

/**
 * How the comma parts of a speaker phrase go together: a name and its appositions ("Darto, nelayan di Bontang"),
 * the parts of a title cut by commas, a titled "name" that was a village beside the bare name of the person, and
 * people named by initials in crime and court reports.
 */
/** An apposition that says who someone is: it starts with a role ("nelayan di Bontang", "salah satu warga",
 * "Kapolres Bogor") or "yang juga …", and has no verb of its own before a "yang" ("masyarakat perlu memahami …" is a clause). */
export function isApposition(text: string): boolean {
  const t = text.trim();
  if (/^yang\s+(?:juga|merupakan|adalah|menjabat|kini|saat\s+ini)\s/i.test(t)) return true;
  if (/^\(\d{1,3}\)$/.test(t)) return true;
  const toks = tokenize(t);
  const head = vocabAt(toks, 0);
  if (!head || !['term', 'group', 'person', 'former'].includes(head.kind)) return false;
  const relative = toks.findIndex((x) => x.lower === 'yang');
  return !toks.slice(0, relative < 0 ? toks.length : relative).some((x, k) => VERB.test(x.text) && !vocabAt(toks, k));
}

/** A person named by initials, as crime and court reports do ("berinisial RA (34)", "AS (27)"). */
export function initialsOf(text: string): Set<string> {
  const found = new Set<string>();
  if (text.includes('inisial')) for (const m of text.matchAll(/inisial\s+([A-Z]{1,4})\b/g)) found.add(m[1]!);
  for (const m of text.matchAll(/\b([A-Z]{2,4}) \(\d{1,3}\)/g)) found.add(m[1]!);
  return found;
}

/** A phrase naming someone by initials, with what else the phrase says about them. */
export function initialsPhrase(text: string, initials: Set<string>): Phrase | null {
  const m = /(?<![\p{L}])(\p{Lu}{1,4})(?![\p{L}])/u.exec(text);
  if (!m || !initials.has(m[1]!)) return null;
  const rest = text.replace(m[0], '').trim();
  return { kind: 'named', text, name: m[1]!, honorific: null, roles: rest && classifyRole(rest) ? [rest] : [], alias: null, age: /\(\d{1,3}\)/.test(text) };
}

/** A named part whose name may be a place or an institution after a title ("Kepala Desa Sukamaju"), read as a role. */
export function asRole(p: Phrase): Phrase {
  return { ...p, kind: 'none', name: null, honorific: null, roles: [p.text] };
}

/** A role part that may stand beside a name as its apposition ("nelayan di Bontang", "Kapolres Bogor"). */
export function isRolePart(p: Phrase): boolean {
  return p.kind !== 'named' && p.kind !== 'pronoun' && (p.roles.length > 0 || p.alias !== null || !!p.aliasOf || p.age);
}

/** Several parts of one speaker (name, appositions) read together: the first name wins, every role is kept. */
export function joinParts(parts: Phrase[]): Phrase {
  const named = parts.find((p) => p.kind === 'named');
  const head = named ?? parts.find((p) => p.kind !== 'none') ?? parts[0]!;
  const alias = parts.map((p) => p.alias).find((a) => a !== null) ?? null;
  const aliasOf = parts.find((p) => p.aliasOf)?.aliasOf;
  return { ...head, roles: parts.flatMap((p) => p.roles), alias, ...(aliasOf ? { aliasOf } : {}), age: parts.some((p) => p.age) };
}
