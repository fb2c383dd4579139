import { readLexicon } from './lexicon-file.js';

/**
 * Voices: who speaks in a mention, and whether they are officials or ordinary people ("a regional article
 * quoting only the Dirjen is less grounded than one quoting the fisherman"). News is read for Indonesian
 * attribution: a quote then `kata/ujar/tutur/… Speaker`, `Menurut Speaker, …`, `Speaker mengatakan …`,
 * `…, jelas Speaker.`, `…," ujarnya.` A speaker named again later ("Usman", "ujarnya") is the same voice.
 * Speakers are typed from lexicons/official-titles.txt and lexicons/citizen-roles.txt; observers
 * (pengamat, peneliti, ekonom, dosen …) are neither, so they are 'unknown' with role 'pengamat', as are
 * speakers with no title or role. A social post's first voice is its author (cue 'author'), typed from
 * platform signals and lexicons/{official,media}-accounts.txt; quotes inside the post follow. `quote` holds
 * the words of a direct quote; reported speech has none.
 */
export type VoiceType = 'official' | 'non_official' | 'unknown';
export type AuthorKind = 'official' | 'media' | 'individual';
export interface Voice { speaker: string; role: string | null; type: VoiceType; quote: string | null; cue: string }
export interface SpeakerClass { type: VoiceType; role: string | null }
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

const MAX_WORDS = 12;
const squash = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternation = (terms: string[]) => [...terms].sort((a, b) => b.length - a.length).map((t) => escapeRe(t).replace(/ /g, '\\s+')).join('|');

const ROLES = new Map<string, { type: VoiceType; role: string }>();
for (const [file, type] of [['official-titles.txt', 'official'], ['citizen-roles.txt', 'non_official']] as const) {
  for (const [term = '', role] of readLexicon(file)) {
    const key = squash(term);
    if (ROLES.has(key)) throw new Error(`lexicons/${file}: "${key}" is listed twice (or also in the other role file)`);
    const r = squash(role ?? term);
    ROLES.set(key, { type: type === 'non_official' && r === 'pengamat' ? 'unknown' : type, role: r });
  }
}
const ROLE_RE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation([...ROLES.keys()])})(?![\\p{L}\\p{N}])`, 'giu');
/** "Kepala" is an office only before an office word or a capitalised institution ("Kepala BPS"). */
const KEPALA_OFFICE = /^\s+((?:dinas|badan|bagian|biro|kantor|pusat|bidang|seksi|subbagian|subdirektorat|desa|daerah|staf|lembaga|divisi|balai|unit|satuan|perwakilan|kepolisian|pelaksana)(?![\p{L}])|\p{Lu}[\p{L}\p{N}]*)/u;
/** A generic title at a company, campus or association is not a state official. */
const GENERIC_TITLES = new Set(['direktur', 'kepala', 'koordinator', 'sekretaris', 'humas', 'pejabat']);
const ACTING = new Set(['plt', 'pelaksana tugas', 'pj', 'penjabat']);
const NON_STATE = /(?<![\p{L}])(?:(?<swasta>PT|CV|Tbk|perusahaan|startup|koperasi)|(?<pengamat>universitas|institut|kampus|politeknik|fakultas|pusat studi)|(?<sipil>yayasan|komunitas|LSM|asosiasi|perkumpulan|forum))(?![\p{L}])/iu;
const NON_STATE_ROLE = { swasta: 'swasta', pengamat: 'pengamat', sipil: 'masyarakat sipil' } as const;
/** Informal address with a name and no title: "Bu Sri", "Pak Darto", "Bang Udin". */
const HONORIFIC = /(?<![\p{L}])(?:Bu|Pak|Mbak|Mas|Bang|Kak|Teh|Kang|Ceu|Mbok|Mak|Cak|Ning|Bli|Daeng|Mpok|Bude|Pakde|Om|Tante|Eyang|Opung)\s+\p{Lu}\p{Ll}/u;

function findRole(phrase: string): (SpeakerClass & { at: number }) | null {
  ROLE_RE.lastIndex = 0;
  for (let m = ROLE_RE.exec(phrase); m; m = ROLE_RE.exec(phrase)) {
    const key = squash(m[0]);
    const found = ROLES.get(key);
    if (!found) continue;
    let role = found.role;
    if (key === 'kepala') {
      const office = KEPALA_OFFICE.exec(phrase.slice(m.index + m[0].length));
      if (!office) continue;
      role = `kepala ${office[1]!.toLowerCase()}`;
    }
    if (ACTING.has(key)) {
      const office = findRole(phrase.slice(m.index + m[0].length)); // "Plt Kepala Diskominfo" is a kepala diskominfo
      if (office?.type === 'official') return { ...office, at: m.index };
    }
    if (found.type === 'official' && GENERIC_TITLES.has(key)) {
      const groups = NON_STATE.exec(phrase)?.groups;
      const kind = groups && (Object.keys(NON_STATE_ROLE) as (keyof typeof NON_STATE_ROLE)[]).find((k) => groups[k]);
      if (kind) return { type: 'unknown', role: NON_STATE_ROLE[kind], at: m.index };
    }
    return { type: found.type, role, at: m.index };
  }
  return null;
}

/** The type and role a speaker phrase names: the first title or role in it wins ("Sri, pedagang sayur"). */
export function classifySpeaker(phrase: string): SpeakerClass {
  const found = findRole(phrase);
  if (found) return { type: found.type, role: found.role };
  if (HONORIFIC.test(phrase)) return { type: 'non_official', role: 'warga' };
  return { type: 'unknown', role: null };
}

// --- Attribution cues ---
const AFTER = 'kata|ujar|tutur|ucap|ungkap|tegas|terang|papar|imbuh|tambah|sebut|lanjut|pungkas|jelas|tandas|cetus|kilah';
const PASSIVE = 'disampaikan|dikatakan|diungkapkan|dijelaskan|ditegaskan|dituturkan|diutarakan';
const BEFORE = 'mengatakan|menyatakan|menjelaskan|menuturkan|mengungkapkan|menegaskan|menyampaikan|menerangkan|memaparkan|menambahkan|mengutarakan|berkata|menilai|berpendapat|mengaku|mengakui|menyebutkan|mengingatkan|mengeluhkan|bercerita';
const CUE_RE = new RegExp(`(?<![\\p{L}])(?:(?<pron>(?:${AFTER}|menurut)nya)|(?<after>${AFTER}|menurut|${PASSIVE})|(?<before>${BEFORE}))(?![\\p{L}])`, 'giu');
/** A short cue ("jelas", "tambah") attributes only right after a comma or a closing quote. */
const AFTER_CLAUSE = /(?:[,"”]|[.!?]["”])\s*$/;
const SENTENCE_START = /(?:^|[.!?]["”]?\s+|\n\s*)$/;
const QUOTE_RE = /["“]([^"“”\n]{2,2000})["”]/g;
const STEP = /[^\S\n]*([^\s,;:!?"“”]+|[\n,;:!?"“”]|$)/y;
const STOP = new Set('saat ketika di kepada dalam pada usai seusai selepas sesudah setelah sebelum melalui lewat via dilansir seperti sebagaimana sembari sambil yang bahwa mengenai tentang terkait soal karena sebab kemarin tadi td pas waktu senin selasa rabu kamis jumat sabtu minggu'.split(' '));
const PRONOUNS = new Set(['dia', 'ia', 'beliau', 'mereka', 'pihaknya', 'dirinya']);
const NOT_PERSON = new Set('data survei laporan hasil penelitian riset studi dokumen surat keterangan pernyataan rilis siaran berita artikel peraturan undang-undang aturan kebijakan program video foto unggahan postingan tulisan buku catatan putusan keputusan pengumuman informasi angka hal ini itu rp'.split(' '));
const ABBREVIATION = /^(?:\p{Lu}|Dr|Drs|Dra|Ir|Prof|Hj|KH|St)\.$/u;
const APPOSITION_LEAD = /^(?:(?:seorang|salah (?:satu|seorang)|yang (?:juga|merupakan|adalah)|selaku|sebagai|sang|para)\s+)*/i;
const CLAUSE_START = /(?:[.!?]["”]?|["”])[^\S\n]+|\n|[^\S\n][—–-]+[^\S\n]/g;
const LEADING = /^(?:(?:sementara itu|selain itu|di sisi lain|di tempat terpisah|secara terpisah|terpisah|senada|sebelumnya|kemudian|lalu|namun|tetapi|adapun|sedangkan|bahkan|kini|sementara|dan|pada kesempatan (?:itu|tersebut|yang sama)|dalam kesempatan (?:itu|tersebut|yang sama))(?![\p{L}]),?\s*)+/iu;
const TRAILING = /(?:\s+(?:dan|serta|terus|juga|pun|pula|kembali|lebih lanjut|kemudian|lalu|lantas|sempat|telah|sudah|pernah|bahkan|dengan tegas))+$/i;
const PREPOSITION = /^(?:dalam|pada|di|saat|ketika|menanggapi|terkait|usai|seusai|setelah|sebelum|untuk|dengan|berdasarkan|sementara|selain|sejak|bagi|atas|melalui|dari|soal|mengenai|tentang)(?![\p{L}])/iu;

interface Phrase { words: string[]; end: number; stop: string; next: number }

/** Words from `from` up to a comma, period, quote, "saat", "di", "kepada" … (in an apposition "di" stays). */
function readWords(text: string, from: number, max: number, apposition: boolean): Phrase {
  const words: string[] = [];
  let end = from;
  STEP.lastIndex = from;
  for (let m = STEP.exec(text); m && m[1] && words.length < max; m = STEP.exec(text)) {
    const w = m[1];
    if (w.length === 1 && ',;:!?"“”\n'.includes(w)) return { words, end, stop: w, next: STEP.lastIndex };
    const lower = w.toLowerCase();
    if (/^\(\d/.test(w) || (STOP.has(lower) && !(apposition && lower === 'di'))) break;
    const period = w.endsWith('.') && !ABBREVIATION.test(w);
    words.push(period ? w.slice(0, -1) : w);
    end = STEP.lastIndex - (period ? 1 : 0);
    if (period || (words.length === 1 && PRONOUNS.has(lower))) break;
  }
  return { words, end, stop: '', next: end };
}

function acceptable(phrase: string): boolean {
  const first = phrase.split(' ', 1)[0] ?? '';
  const lower = first.toLowerCase().replace(/[^\p{L}-]/gu, '');
  if (!lower || NOT_PERSON.has(lower)) return false;
  return PRONOUNS.has(lower) || /^\p{Lu}/u.test(first) || findRole(phrase) !== null;
}

/** The speaker after a cue: "kata Darto, nelayan di Bontang" keeps the apposition when it names a role. */
function speakerAfter(text: string, from: number, cue: string): { phrase: string; end: number } | null {
  const head = readWords(text, from, MAX_WORDS, false);
  if (!head.words.length) return null;
  let phrase = head.words.join(' ');
  let end = head.end;
  if (head.stop === ',' && !PRONOUNS.has(phrase.toLowerCase())) {
    const app = readWords(text, head.next, MAX_WORDS - head.words.length, true);
    const appPhrase = app.words.join(' ');
    const role = app.words.length ? findRole(appPhrase) : null;
    const lead = APPOSITION_LEAD.exec(appPhrase)?.[0].length ?? 0;
    // "kata Plt Kepala Diskominfo, Aji Syarif": a title, then the name.
    const name = () => app.words.length > 0 && app.words.length <= 4 && app.words.every((w) => /^\p{Lu}/u.test(w)) && findRole(phrase) !== null;
    // After "Menurut X," the clause is what X said; an apposition there must close with its own comma.
    if (((role && role.at <= lead) || name()) && (cue !== 'menurut' || app.stop === ',')) {
      phrase = `${phrase}, ${appPhrase}`;
      end = app.end;
    }
  }
  return acceptable(phrase) ? { phrase, end } : null;
}

/** The speaker before "mengatakan": the clause back to the sentence start, less connectives. */
const WHEN = /^(?:(?:hari\s+)?(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)(?:\s*\(\d{1,2}\/\d{1,2}\))?|kemarin|\d{1,2}\s+\p{L}+(?:\s+\d{4})?|(?:pada\s+)?(?:pagi|siang|sore|malam)(?:\s+ini)?)$/iu;

function speakerBefore(text: string, cueAt: number): { phrase: string; start: number } | null {
  const from = Math.max(0, cueAt - 240);
  const window = text.slice(from, cueAt);
  let start = 0;
  for (const m of window.matchAll(CLAUSE_START)) {
    const word = /\S+$/.exec(window.slice(Math.max(0, m.index - 6), m.index + 1))?.[0] ?? '';
    if (!ABBREVIATION.test(word)) start = m.index + m[0].length;
  }
  let clause = window.slice(start).trim().replace(/,$/, '').replace(LEADING, '');
  // "Pemerintah daerah terus mendorong UMKM … dan menyatakan": the speaker is the subject before the first verb.
  if (/\s(?:dan|serta)$/i.test(clause)) clause = clause.replace(/\s(?:me|ber)\p{Ll}{3,}\s.*$/su, '');
  clause = clause.replace(TRAILING, '').trim();
  const parts = clause.split(/\s*,\s*/);
  while (parts.length > 1 && PREPOSITION.test(parts[0]!)) parts.shift();
  // "Deputi …, di Jakarta, Senin, menyampaikan": a weekday or date between the speaker and the verb is not the speaker.
  while (parts.length > 1 && (WHEN.test(parts.at(-1)!) || /^(?:di|pada|kepada|dalam|saat|ketika|usai|seusai)\s/i.test(parts.at(-1)!))) parts.pop();
  let phrase = parts.join(', ');
  if (phrase.split(/\s+/).length > MAX_WORDS) phrase = parts.at(-1) ?? '';
  if (!phrase || phrase.split(/\s+/).length > MAX_WORDS || !acceptable(phrase)) return null;
  return { phrase, start: from + start };
}

interface Span { open: number; close: number; text: string }

function findQuotes(text: string) {
  const spans: Span[] = [];
  for (const m of text.matchAll(QUOTE_RE)) {
    const quote = m[1]!.trim().replace(/[\s,]+$/, '');
    if (quote) spans.push({ open: m.index, close: m.index + m[0].length, text: quote });
  }
  const byOpen = new Map(spans.map((s) => [s.open, s]));
  const byClose = new Map(spans.map((s) => [s.close, s]));
  return {
    spans,
    /** The quote that closes just before `at` ("…," kata) or opens just after it (kata X: "…"). */
    before: (at: number) => byClose.get(at - (/[\s,]*$/.exec(text.slice(Math.max(0, at - 4), at))?.[0].length ?? 0))?.text ?? null,
    after: (at: number) => byOpen.get(at + (/^[\s,:]*/.exec(text.slice(at, at + 4))?.[0].length ?? 0))?.text ?? null,
  };
}

interface Attribution { speaker: string; cue: string; quote: string | null }

function findAttributions(text: string): Attribution[] {
  const quotes = findQuotes(text);
  const found: Attribution[] = [];
  let q = 0;
  for (const m of text.matchAll(CUE_RE)) {
    const at = m.index;
    while (q < quotes.spans.length && quotes.spans[q]!.close <= at) q++;
    if (q < quotes.spans.length && quotes.spans[q]!.open < at) continue; // a cue inside a quote is the speaker's own words
    const cue = m[0].toLowerCase();
    const preceding = text.slice(Math.max(0, at - 3), at);
    const g = m.groups!;
    if (g.pron) {
      if (cue === 'menurutnya' || AFTER_CLAUSE.test(preceding)) found.push({ speaker: 'dia', cue, quote: quotes.before(at) });
    } else if (g.after) {
      const free = cue === 'menurut' || cue.startsWith('di');
      if (!free && !AFTER_CLAUSE.test(preceding) && !(cue === 'kata' && SENTENCE_START.test(preceding))) continue;
      let from = at + m[0].length;
      if (cue.startsWith('di')) from += /^\s+oleh(?=\s)/i.exec(text.slice(from, from + 8))?.[0].length ?? 0;
      const speaker = speakerAfter(text, from, cue);
      if (speaker) found.push({ speaker: speaker.phrase, cue, quote: quotes.before(at) ?? quotes.after(speaker.end) });
    } else {
      const speaker = speakerBefore(text, at);
      if (speaker) found.push({ speaker: speaker.phrase, cue, quote: quotes.after(at + m[0].length) ?? quotes.before(speaker.start) });
    }
  }
  return found;
}

const wordSet = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
const within = (a: Set<string>, b: Set<string>) => [...a].every((w) => b.has(w));

/** One voice per speaker: a pronoun is the last speaker; "Usman" is "Dirjen IKP Usman Kansong". */
function mergeVoices(found: Attribution[]): Voice[] {
  const voices: Voice[] = [];
  const keys: Set<string>[] = [];
  let last = -1;
  for (const f of found) {
    const pronoun = PRONOUNS.has(f.speaker.toLowerCase());
    const words = wordSet(pronoun ? 'dia' : f.speaker);
    const i = pronoun && last >= 0 ? last : keys.findIndex((k) => within(words, k) || within(k, words));
    if (i < 0) {
      const c = classifySpeaker(f.speaker);
      voices.push({ speaker: pronoun ? 'dia' : f.speaker, role: c.role, type: c.type, quote: f.quote, cue: f.cue });
      keys.push(words);
      last = voices.length - 1;
      continue;
    }
    const v = voices[i]!;
    v.quote ??= f.quote;
    last = i;
    if (!pronoun && words.size > keys[i]!.size) {
      const c = classifySpeaker(f.speaker);
      if (c.type !== 'unknown' || c.role || v.type === 'unknown') Object.assign(v, { speaker: f.speaker, role: c.role, type: c.type });
      keys[i] = words;
    }
  }
  return voices;
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
  const voices = mergeVoices(findAttributions(input.text.normalize('NFC')));
  let author_kind: AuthorKind | null = null;
  if (input.kind === 'social') {
    author_kind = classifyAuthor(input.author);
    const [type, role] = AUTHOR_VOICE[author_kind];
    const speaker = input.author?.name || input.author?.handle || 'penulis';
    voices.unshift({ speaker, role, type, quote: null, cue: 'author' });
  }
  const count = (t: VoiceType) => voices.filter((v) => v.type === t).length;
  const [official, non_official] = [count('official'), count('non_official')];
  const share = official + non_official ? non_official / (official + non_official) : null;
  return { voices, official, non_official, unknown: count('unknown'), non_official_share: share, author_kind };
}
