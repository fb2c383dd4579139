import { readLexicon } from './lexicon-file.js';
import { findVoices, type Voice } from './voices-people.js';
import { parsePart } from './voices-phrase.js';
import { classifyRole, type VoiceType } from './voices-type.js';

/**
 * Voices: who speaks in a mention, and whether they are officials or ordinary people ("a regional article
 * quoting only the Dirjen is less grounded than one quoting the fisherman"). News is read for Indonesian
 * attribution (voices-attribution.ts): direct quotes and reported speech, `"…," kata X`, `Menurut X, …`,
 * `X mengatakan/menilai/mengaku …`, `Hal itu disampaikan X`, `…," ujarnya`. The speaker is a person's name with
 * the role kept apart (voices-phrase.ts); one person is one voice however often and however named, and "ia",
 * "ujarnya" or "Pria berusia 44 tahun ini" is the last person named (voices-people.ts). Datelines, cited
 * outlets ("Dilansir dari Reuters"), outlet boilerplate (Baca juga, bylines), places, institutions speaking as
 * themselves, unnamed people and offices ("seorang pedagang", "Perdana Menteri Malaysia") and account labels
 * are not voices, as analysis/eval/ARTICLES.md annotates them. `type` is official (titles, ranks, state bodies and companies, foreign governments) or non_official
 * (occupations, companies, campuses and experts, lawyers, NGOs, artists, athletes and coaches), with the words
 * that decided it in `type_cue` (voices-type.ts and the voices lexicons); unknown when nothing says.
 * A social post's first voice is its author (cue 'author'), typed from platform signals and
 * lexicons/{official,media}-accounts.txt; quotes inside the post follow.
 */
export type { Voice, VoiceType };
export type AuthorKind = 'official' | 'media' | 'individual';
export interface SpeakerClass { type: VoiceType; role: string | null; type_cue: string | null }
export type PlatformKind = 'official' | 'organization' | 'verified' | 'media' | 'individual';
export interface Author { handle?: string | null; name?: string | null; platformKind?: PlatformKind | null }
export interface VoicesInput { text: string; kind: 'news' | 'social'; author?: Author }
/** `non_official_share` is non_official / (official + non_official), null when no voice is either; `author_kind` is for social posts. */
export interface VoicesResult {
  voices: Voice[];
  official: number; non_official: number; unknown: number;
  non_official_share: number | null;
  author_kind: AuthorKind | null;
}

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternation = (terms: string[]) => [...terms].sort((a, b) => b.length - a.length).map((t) => escapeRe(t).replace(/ /g, '\\s+')).join('|');

/** The type and role a speaker phrase names ("Sri, pedagang sayur", "Direktur PT Maju Jaya", "Pak Darto"). */
export function classifySpeaker(phrase: string): SpeakerClass {
  const parsed = parsePart(phrase);
  const roles = parsed.roles.length ? parsed.roles : [phrase];
  for (const r of roles) {
    const c = classifyRole(r);
    if (c) return { type: c.type, role: c.role, type_cue: c.type_cue };
  }
  if (parsed.honorific) return { type: 'non_official', role: null, type_cue: parsed.honorific };
  return { type: 'unknown', role: null, type_cue: null };
}

// --- Social authors ---
function readAccounts(file: string) {
  const rows = readLexicon(file).map((r) => squash(r[0] ?? '')).filter(Boolean);
  const handles = new Set(rows.filter((r) => r.startsWith('@')).map((r) => r.slice(1)));
  const fragments = rows.filter((r) => !r.startsWith('@'));
  const long = alternation(fragments.filter((f) => f.length > 3));
  const short = alternation(fragments.filter((f) => f.length <= 3));
  const parts = [long, short && `^(?:${short})|(?:${short})$|(?<![a-z])(?:${short})(?![a-z])`].filter(Boolean);
  return { handles, pattern: new RegExp(parts.join('|') || '(?!)') };
}
const OFFICIAL_ACCOUNTS = readAccounts('official-accounts.txt');
const MEDIA_ACCOUNTS = readAccounts('media-accounts.txt');

/** official/organization → official; media → media; then the account lists; a verified badge alone says nothing. */
export function classifyAuthor(author: Author | undefined): AuthorKind {
  if (author?.platformKind === 'official' || author?.platformKind === 'organization') return 'official';
  if (author?.platformKind === 'media') return 'media';
  const handle = (author?.handle ?? '').toLowerCase().replace(/^@/, '');
  const name = (author?.name ?? '').toLowerCase();
  if (OFFICIAL_ACCOUNTS.handles.has(handle)) return 'official';
  if (MEDIA_ACCOUNTS.handles.has(handle)) return 'media';
  for (const [list, kind] of [[OFFICIAL_ACCOUNTS, 'official'], [MEDIA_ACCOUNTS, 'media']] as const) {
    if ((handle && list.pattern.test(handle)) || (name && list.pattern.test(name))) return kind;
  }
  return 'individual';
}

const AUTHOR_VOICE = { official: ['official', 'akun resmi'], media: ['unknown', 'media'], individual: ['non_official', 'warganet'] } as const;

export function analyzeVoices(input: VoicesInput): VoicesResult {
  const voices = findVoices(input.text.normalize('NFC'));
  let author_kind: AuthorKind | null = null;
  if (input.kind === 'social') {
    author_kind = classifyAuthor(input.author);
    const [type, role] = AUTHOR_VOICE[author_kind];
    const speaker = input.author?.name || input.author?.handle || 'penulis';
    voices.unshift({ speaker, role, type, type_cue: role, quote: null, cue: 'author' });
  }
  const count = (t: VoiceType) => voices.filter((v) => v.type === t).length;
  const [official, non_official] = [count('official'), count('non_official')];
  const share = official + non_official ? non_official / (official + non_official) : null;
  return { voices, official, non_official, unknown: count('unknown'), non_official_share: share, author_kind };
}
