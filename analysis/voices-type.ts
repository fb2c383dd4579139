import { TERMS, WORDS, tokenize, vocabAt, type Term, type Tok } from './voices-lexicon.js';

/**
 * Official or not, from a role phrase ("Kapolres Bogor", "nelayan di Bontang", "Direktur Utama PT Pertamina",
 * "Ketua Umum Apindo"), with the words that decided it (`type_cue`). The head of the phrase decides: the first
 * title or role in it. A title of its own (Menteri, Bupati, Kapolres, AKBP, Hakim) is official; an ordinary
 * person's role (pedagang, pengacara, pelatih, aktor, warga) is not. A title held in companies and associations
 * alike (Direktur, Ketua, Juru Bicara, Manager) takes the type of the institution that follows it, a state body
 * or state company before a "PT" ("Direktur Utama PT Bank Mandiri (Persero) Tbk" is official). An expert's role
 * (ekonom, peneliti, pengamat) gives way to a state institution named with it ("peneliti BRIN"). "mantan",
 * "calon", "purnawirawan" before an official title make the speaker non-official.
 */
export type VoiceType = 'official' | 'non_official' | 'unknown';
/** `by_title`: a title or an office decided it ("Bupati", "Kepala Dinas"), not an institution named alone or a role. */
export interface RoleClass { type: Exclude<VoiceType, 'unknown'>; role: string; type_cue: string; by_title?: boolean }

interface TermHit { i: number; len: number; term: Term; text: string }

function termHits(toks: Tok[]): TermHit[] {
  const hits: TermHit[] = [];
  for (let i = 0; i < toks.length; ) {
    const v = vocabAt(toks, i);
    if (v?.kind === 'term') {
      hits.push({ i, len: v.len, term: v.term, text: toks.slice(i, i + v.len).map((t) => t.text).join(' ') });
      i += v.len;
    } else i += v?.len ?? 1;
  }
  return hits;
}

const isFormer = (toks: Tok[], hit: TermHit) => {
  for (let n = 1; n <= 2 && hit.i - n >= 0; n++) {
    const w = WORDS.at(toks, hit.i - n);
    if (w?.value === 'former' && w.len === n) return toks.slice(hit.i - n, hit.i).map((t) => t.text).join(' ');
  }
  return null;
};

/** The institution region after a generic title: up to a lower-case word other than a joining one. */
function institutionAfter(toks: Tok[], hits: TermHit[], from: number, namedOnly = false): TermHit | null {
  const end = toks.findIndex((t, k) => k >= from && !t.cap && !t.paren && !t.numeric && !/^(?:dan|&|dari|di|untuk|pada|se|bagian)$/.test(t.lower) && !TERMS.at(toks, k));
  // A capitalised occupation inside an office's name ("Pengawas Perilaku Pelaku Usaha … OJK") is not the speaker's.
  // "Manajer Kemitraan Pemerintah … Meta Indonesia": "Pemerintah" inside a unit's name is a government-relations desk.
  const region = hits.filter(
    (h) => h.i >= from && (end < 0 || h.i < end) && !['generic', 'default', 'nondefault'].includes(h.term.kind) &&
      !(namedOnly && h.term.capital && h.term.kind === 'inst-non') && !(h.term.role === 'pemerintah' && h.i > from),
  );
  // A capitalised occupation in the region names a body of such people ("Kelompok Nelayan", "Pelaku Usaha"): a state
  // body named with it still wins ("… Pelaku Usaha Jasa Keuangan … OJK").
  return region.find((h) => h.term.kind === 'inst-official' || h.term.kind === 'official') ?? region[0] ?? null;
}

function decide(toks: Tok[], hits: TermHit[], k: number): RoleClass | null {
  const h = hits[k]!;
  const former = isFormer(toks, h);
  const byTitle = !h.term.kind.startsWith('inst');
  const off = (cue: string): RoleClass =>
    former ? { type: 'non_official', role: `${former.toLowerCase()} ${h.term.role}`, type_cue: `${former} ${h.text}` } : { type: 'official', role: h.term.role, type_cue: cue, by_title: byTitle };
  switch (h.term.kind) {
    case 'official':
    case 'inst-official':
      return off(h.text);
    case 'citizen':
    case 'inst-non':
      return { type: 'non_official', role: h.term.role, type_cue: h.text };
    case 'soft': {
      const state = hits.slice(k + 1).find((x) => x.term.kind === 'inst-official');
      return state ? { type: 'official', role: h.term.role, type_cue: state.text } : { type: 'non_official', role: h.term.role, type_cue: h.text };
    }
    case 'generic':
    case 'default':
    case 'nondefault': {
      // "Deputi Bidang Komunikasi dan Jaringan BPIP": under a state title a generic word ("Jaringan", "Forum") names a unit.
      const inst = institutionAfter(toks, hits, h.i + h.len, h.term.kind === 'default');
      if (inst?.term.kind === 'inst-official' || inst?.term.kind === 'official') return off(inst.text);
      if (inst) return { type: 'non_official', role: h.term.role, type_cue: inst.text };
      // "Kepala" heads a state office unless something says otherwise, when it heads anything written in capitals.
      if (h.term.kind === 'default' && h.term.role === 'kepala' && !toks[h.i + h.len]?.cap) return null;
      if (h.term.kind === 'default') return off(h.text);
      return h.term.kind === 'nondefault' ? { type: 'non_official', role: h.term.role, type_cue: h.text } : null;
    }
  }
}

const classified = new Map<string, RoleClass | null>();

/** The type a role phrase gives, or null when it names no title, role or institution (remembered by phrase). */
export function classifyRole(phrase: string | Tok[]): RoleClass | null {
  if (typeof phrase !== 'string') return classifyTokens(phrase);
  const known = classified.get(phrase);
  if (known !== undefined) return known;
  if (classified.size > 20_000) classified.clear();
  const found = classifyTokens(tokenize(phrase));
  classified.set(phrase, found);
  return found;
}

function classifyTokens(toks: Tok[]): RoleClass | null {
  const hits = termHits(toks);
  for (let k = 0; k < hits.length; k++) {
    // "Pelindungan Konsumen", "Asosiasi Pedagang": a capitalised role inside a proper name is not the speaker's.
    const h = hits[k]!;
    if ((h.term.kind === 'citizen' || h.term.kind === 'soft') && h.i > 0 && toks[h.i]!.cap && toks[h.i - 1]!.cap) continue;
    const found = decide(toks, hits, k);
    if (found) return found;
  }
  return null;
}
