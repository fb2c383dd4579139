import { ownString } from './chars.js';
import { createRequire } from 'node:module';
import { blankDatelines, findAttributions, findQuotes, findSubjects, type Attribution, type Subject } from './voices-attribution.js';
import { PLACES, WORDS, tokenize, vocabAt } from './voices-lexicon.js';
import { isApposition, isRolePart } from './voices-parts.js';
import { VERB, parsePart } from './voices-phrase.js';
import { classifyRole, type RoleClass, type VoiceType } from './voices-type.js';

/**
 * Who speaks in a news text: attributions and sentence subjects resolved to people, in text order. A name
 * again ("Usman", "Pak Darto", a nickname given with "sapaan akrabnya") is the same person; a pronoun ("ia",
 * "ujarnya") or a descriptor ("Pria berusia 44 tahun ini") is the last person named before it, and with nobody
 * before it is no one. Unnamed people ("seorang pedagang") are not voices, but a pronoun after them is theirs.
 * An office with no name ("Kepala Dinas Kominfo Kaltim", "Perdana Menteri Malaysia") is no voice: someone unnamed, as
 * the annotation guidelines (eval/ARTICLES.md) count it; later words of the person named with that title join them.
 * A person's type comes from every role written with any of their mentions, the first that names a title,
 * role or institution deciding; then from the words around their name elsewhere in the text ("sutradara Livia
 * Ananta"); then from a form of address ("Bu Sri" is an ordinary person).
 */
export interface Voice {
  speaker: string;
  role: string | null;
  type: VoiceType;
  /** The words that decided the type ("Menteri", "Kapolres", "pedagang", "PT", "Universitas"); null when unknown. */
  type_cue: string | null;
  quote: string | null;
  /** The attribution cue ("kata", "mengatakan", "menurut", "ujarnya"). */
  cue: string;
}

interface Person {
  name: string | null;
  words: ReadonlySet<string>;
  aliases: Set<string>;
  roles: string[];
  honorific: string | null;
  kind: 'named' | 'anonymous' | 'office';
  voice: { cue: string; quote: string | null; order: number } | null;
  seen: number;
  age?: boolean;
  /** One-word names the text uses for them ("Usman", "James"). */
  short: Set<string>;
}

const require = createRequire(import.meta.url);
const FUNCTION_WORDS = new Set((require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>).id ?? []);
/** The words of a name, lower case, without particles ("bin", "van"): remembered per name, as a person's name is compared with every name after it. */
function wordsOf(name: string): ReadonlySet<string> {
  let words = nameWords.get(name);
  if (!words) {
    name = ownString(name);
    words = new Set(name.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu)?.filter((w) => !/^(?:bin|binti|van|de|der|von|al|el)$/.test(w)) ?? []);
    if (nameWords.size >= NAME_WORDS_LIMIT) nameWords.clear();
    nameWords.set(name, words);
  }
  return words;
}
const nameWords = new Map<string, ReadonlySet<string>>();
const NAME_WORDS_LIMIT = 20_000;
const within = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size > 0 && [...a].every((w) => b.has(w));

function findPerson(people: Person[], name: string): Person | undefined {
  const words = wordsOf(name);
  const lower = name.toLowerCase();
  let best: Person | undefined;
  for (const p of people) {
    if (p.kind !== 'named') continue;
    if (within(words, p.words) || within(p.words, words) || p.aliases.has(lower)) if (!best || p.seen > best.seen) best = p;
  }
  return best;
}

/** Roles written around other occurrences of a name: "garapan sutradara Livia Ananta", "Ketua X, Budi, …", "Budi, pedagang …". */
function rolesAround(text: string, name: string): string[] {
  const found: string[] = [];
  for (let at = text.indexOf(name); at >= 0 && found.length < 4; at = text.indexOf(name, at + name.length)) {
    if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[at + name.length] ?? '')) continue;
    // "Pemilik kedai kopi …, Teuku Fadli": a first name before the occurrence is part of it, a title is not.
    let lead = /(?:\p{Lu}[\p{Ll}'’-]+\s+){1,3}$/u.exec(text.slice(Math.max(0, at - 60), at))?.[0] ?? '';
    const leadToks = tokenize(lead);
    const firstName = leadToks.findLastIndex((t, k) => vocabAt(leadToks, k)) + 1;
    lead = leadToks.slice(firstName).map((t) => t.text + ' ').join('');
    const before = text.slice(Math.max(0, at - lead.length - 160), at - lead.length);
    // "Penyanyi Raisa Andriana dan Isyana Sarasvati": the second of two people named together shares the role.
    let clause = before.split(/[.!?;:"“”\n]/).at(-1)!;
    const together = /(?:^|\s)((?:\p{Lu}[\p{Ll}'’-]+\s+){1,4})(?:dan|serta)\s+$/u.exec(clause);
    if (together) {
      const other = tokenize(together[1]!);
      const firstName = other.findLastIndex((t, k) => vocabAt(other, k)) + 1;
      clause = clause.slice(0, together.index) + ' ' + other.slice(0, firstName).map((t) => t.text).join(' ');
    }
    if (/,\s*$/.test(clause)) {
      const words = clause.replace(/,\s*$/, '').split(',').at(-1)!.trim().split(/\s+/);
      const verb = words.findLastIndex((w) => VERB.test(w) && !vocabAt(tokenize(w), 0));
      const part = words.slice(verb + 1).join(' ');
      const p = parsePart(part);
      if (p.kind !== 'named' && isRolePart(p)) found.push(part.trim());
    } else {
      const toks = tokenize(clause);
      let k = toks.length;
      while (k > 0) {
        const t = toks[k - 1]!;
        const known = vocabAt(toks, k - 1);
        const verb = /^(?:me|ber|di|ter)\p{Ll}{3,}$/u.test(t.text) && !/^ber(?:inisial|usia|nama|asal|profesi|status)$/.test(t.text);
        if (!known && (FUNCTION_WORDS.has(t.lower) || verb)) break;
        k--;
      }
      while (k < toks.length && !vocabAt(toks, k)) k++; // "film garapan sutradara" → "sutradara"
      if (k < toks.length) found.push(toks.slice(k).map((t) => t.text).join(' '));
    }
    // "Rudi Hartono, pengemudi ojek online di Cirebon": an apposition that starts with a role.
    const after = /^(?:\s+\p{Lu}[\p{L}'-]*){0,3}\s*(?:\(\d{1,3}\))?\s*,\s*([^,.;:"“”\n]+)/u.exec(text.slice(at + name.length, at + name.length + 200));
    const app = after?.[1]?.trim();
    if (app) {
      const p = parsePart(app);
      if (isApposition(app) && p.kind !== 'named' && isRolePart(p)) found.push(app);
    }
  }
  return found;
}

/**
 * The speaker as a name, without a form of address ("Bu Sri" is Sri). A first word the text never uses alone in a name
 * of three words or more, when another word of it is used alone, was an institution's ("Kapten Chelsea Reece James",
 * later "James", is Reece James).
 */
function trimName(p: Person): string {
  const words = p.name!.split(' ');
  if (words.length >= 3 && p.short.size && !/^(?:I|Ni)$/.test(words[0]!) && !p.short.has(words[0]!.toLowerCase()) && words.slice(1).some((w) => p.short.has(w.toLowerCase()))) return words.slice(1).join(' ');
  return p.name!;
}

/** The first line in title case ("Yohanes Tumbang di Perempat Final") is a headline: its capitals are not names. */
function inHeadline(text: string, at: number): boolean {
  const end = text.indexOf('\n');
  if (end < 0 || at > end) return false;
  const words = text.slice(0, end).split(/\s+/).filter((w) => /^[\p{L}]/u.test(w));
  return words.length <= 25 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length > 0.6;
}

/** "Rudi" quoted, "Rudi Hartono" or "Anders Nielsen" written elsewhere: the full name is the speaker's. */
function extendName(text: string, person: Person) {
  const name = person.name!;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    if (/[\p{L}]/u.test(text[at - 1] ?? '') || /[\p{L}]/u.test(text[at + name.length] ?? '') || inHeadline(text, at)) continue;
    const window = text.slice(Math.max(0, at - 40), at);
    const lead = /(?:^|[^\p{L}])((?:\p{Lu}[\p{Ll}'’-]+[^\S\n]+){1,2})$/u.exec(window)?.[1];
    // "Bank Permata Josua": capitals after an institution's word are its name, not the speaker's first name.
    const rawBefore = window.slice(0, window.length - (lead?.length ?? 0)).split(/\s+/).filter(Boolean).at(-1) ?? '';
    const wordBefore = /[,;:.!?"“”)]$/.test(rawBefore) ? [] : tokenize(rawBefore);
    if (lead && !(wordBefore.length && wordBefore[0]!.cap && vocabAt(wordBefore, 0))) {
      const toks = tokenize(lead);
      let n = toks.length;
      while (n > 0 && !vocabAt(toks, n - 1) && !FUNCTION_WORDS.has(toks[n - 1]!.lower) && !PLACES.at(toks, n - 1)) n--;
      if (n < toks.length) {
        person.name = [...toks.slice(n).map((t) => t.text), name].join(' ');
        person.words = wordsOf(person.name);
        return;
      }
    }
    const rest = /^((?:[^\S\n]+\p{Lu}[\p{Ll}'’-]+){1,3})/u.exec(text.slice(at + name.length, at + name.length + 80));
    if (!rest) continue;
    const toks = tokenize(rest[1]!);
    let n = 0;
    while (n < toks.length && !vocabAt(toks, n) && !FUNCTION_WORDS.has(toks[n]!.lower)) n++;
    if (n === 0) continue;
    person.name = [name, ...toks.slice(0, n).map((t) => t.text)].join(' ');
    person.words = wordsOf(person.name);
    return;
  }
}

function typeOf(text: string, person: Person): { type: VoiceType; role: string | null; type_cue: string | null } {
  const first = (roles: string[]): (RoleClass & { text: string }) | null => {
    for (const r of roles) {
      const c = classifyRole(r);
      if (c) return { ...c, text: r };
    }
    return null;
  };
  // Someone who holds a state office is an official whatever else they are ("Wakil Ketua Umum PKB …, yang juga
  // anggota Komisi III DPR"); otherwise the first role written decides.
  const classes = person.roles.map((r) => ({ r, c: classifyRole(r) })).filter((x) => x.c);
  const office = classes.find((x) => x.c!.type === 'official' && x.c!.by_title); // "Kecamatan Cugenang" is an address
  let found = office ? { ...office.c!, text: office.r } : first(person.roles);
  if (!found && person.name) found = first([person.name, ...person.aliases].flatMap((n) => rolesAround(text, n)));
  if (found) return { type: found.type, role: found.text, type_cue: found.type_cue };
  const honorific = person.honorific && WORDS.at(tokenize(person.honorific), 0)?.value === 'honorific' && !/^(?:dr|drg|prof|ir|drs|dra|h|hj)\.?(?:\s|$)/i.test(person.honorific);
  if (honorific) return { type: 'non_official', role: null, type_cue: person.honorific };
  // "Salah satu pembatik …, Warsini": one of a group of people, not an office.
  const member = person.roles.map((r) => /^(?:salah\s+(?:satu|seorang)|seorang)(?=\s)/i.exec(r)).find(Boolean);
  if (member) return { type: 'non_official', role: member.input, type_cue: member[0] };
  return { type: 'unknown', role: person.roles[0] ?? null, type_cue: null };
}

export function findVoices(input: string): Voice[] {
  const text = blankDatelines(input);
  const quotes = findQuotes(text);
  const attributions = findAttributions(text, quotes);
  const attributed = new Set(attributions.flatMap((a) => (a.phrase.name ? [...wordsOf(a.phrase.name)] : [])));
  // A sentence subject counts as a person when a role, a form of address, an age or a nickname says so, when it is a
  // full name (two words or more, no place, no institution), or when it is quoted elsewhere.
  // Subjects matter where a pronoun or a descriptor looks back for its person: the stretch before each.
  const windows = attributions.filter((a) => a.phrase.kind === 'pronoun' || a.phrase.kind === 'descriptor').map((a): [number, number] => [a.at - 700, a.at]);
  const subjects = findSubjects(text, quotes, windows).filter(
    (s) =>
      s.phrase.roles.some((r) => classifyRole(r)) || s.phrase.honorific || s.phrase.age || s.phrase.alias !== null ||
      s.phrase.name!.split(' ').length >= 2 || [...wordsOf(s.phrase.name!)].some((w) => attributed.has(w)),
  );
  const events: (Attribution | Subject)[] = [...attributions, ...subjects].sort((a, b) => a.at - b.at || ('cue' in a ? 1 : -1));
  const people: Person[] = [];
  let last: Person | null = null;
  let order = 0;
  for (const e of events) {
    const p = e.phrase;
    let person: Person | null = null;
    if (p.kind === 'named') {
      const name = p.name!;
      person = findPerson(people, name) ?? (p.aliasOf ? findPerson(people, p.aliasOf) : undefined) ?? null;
      if (!person && p.alias === true && last?.kind === 'named') person = last; // "kata Edi, sapaan akrabnya"
      if (!person) {
        person = { name, words: wordsOf(name), aliases: new Set(), roles: [], honorific: null, kind: 'named', voice: null, seen: 0, short: new Set() };
        people.push(person);
      } else if (person.words.size < wordsOf(name).size && within(person.words, wordsOf(name))) {
        person.name = name;
        person.words = wordsOf(name);
      } else if (!within(wordsOf(name), person.words)) person.aliases.add(name.toLowerCase());
      if (!name.includes(' ')) person.short.add(name.toLowerCase());
    } else if (p.kind === 'pronoun' || p.kind === 'descriptor') {
      person = last;
    } else if (p.kind === 'office') {
      // "Kapolres Bogor mengatakan" after "Kapolres Bogor AKBP Rio …": the office is the person already named.
      const title = (p.roles[0] ?? '').toLowerCase();
      person = people.find((x) => x.roles.some((r) => r.toLowerCase() === title || r.toLowerCase().startsWith(`${title} `))) ?? null;
      if (!person) people.push((person = { name: null, words: new Set(), aliases: new Set(), roles: [], honorific: null, kind: 'office', voice: null, seen: 0, short: new Set() }));
    } else if (p.kind === 'anonymous') {
      people.push((person = { name: null, words: new Set(), aliases: new Set(), roles: [], honorific: null, kind: 'anonymous', voice: null, seen: 0, short: new Set() }));
    }
    if (!person) continue;
    person.roles.push(...p.roles.filter((r) => !person!.roles.includes(r)));
    person.honorific ??= p.honorific;
    person.age ||= p.age;
    if (typeof p.alias === 'string') person.aliases.add(p.alias.toLowerCase());
    person.seen = e.at;
    if ('cue' in e) {
      if (!person.voice) person.voice = { cue: e.cue, quote: e.quote, order: order++ };
      else person.voice.quote ??= e.quote;
    }
    last = person;
  }
  for (const p of people) if (p.voice && p.kind === 'named' && p.words.size === 1) extendName(text, p);
  return people
    .filter((p) => p.voice && p.kind === 'named')
    // A lone capitalised word nothing else introduces ("Panitia menyatakan", "Lo bilang") is not a name.
    .filter((p) => p.kind !== 'named' || p.words.size > 1 || p.roles.length || p.honorific || p.aliases.size || p.age || text.includes(`${p.name} (`) || rolesAround(text, p.name!).length)
    .sort((a, b) => a.voice!.order - b.voice!.order)
    .map((p) => {
      const t = typeOf(text, p);
      return { speaker: trimName(p), role: t.role, type: t.type, type_cue: t.type_cue, quote: p.voice!.quote, cue: p.voice!.cue };
    });
}
