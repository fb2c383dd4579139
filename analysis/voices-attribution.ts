import { PLACES, TERMS, tokenize } from './voices-lexicon.js';
import { classifyRole } from './voices-type.js';
import { asRole, initialsOf, initialsPhrase, isApposition, isRolePart, joinParts } from './voices-parts.js';
import { VERB as VERB_WORD, onlyRoleWords, parsePart as readPart, type Phrase } from './voices-phrase.js';

/**
 * Where a news text attributes speech, and the phrase that names who: a quote then `kata/ujar/tutur/… X`,
 * `Menurut X, …`, `X mengatakan/menilai/mengaku …`, `Hal itu disampaikan X`, `…," ujarnya`. The phrase is read
 * in comma parts: "kata Darto, nelayan di Bontang" is a name and its apposition; "Meski sering tersenyum,
 * Brotoseno mengaku" is Brotoseno (a leading clause is not the speaker); "Dilansir dari Reuters, Jumat (19/6),
 * Presiden AS X menyebut" is X (the citation and the date are not). A dateline ("JAKARTA, KOMPAS.com -",
 * "Jakarta (ANTARA) -") is blanked first. Sentence subjects that name a person ("Siti Rohmah, buruh pabrik di
 * Cikarang, datang …") are read too: a later "ia" or "Ibu dua anak itu" may point back to them.
 */
export interface Attribution { at: number; cue: string; quote: string | null; phrase: Phrase }
export interface Subject { at: number; phrase: Phrase }

const AFTER = 'kata|ujar|tutur|ucap|ungkap|tegas|terang|papar|imbuh|tambah|sebut|lanjut|pungkas|jelas|tandas|cetus|kilah|keluh|aku|seru|sambung|timpal|tulis|kenang|jawab|beber|tukas|seloroh|kelakar|canda|pinta|harap|imbau|cuit|kicau';
const PASSIVE = 'disampaikan|dikatakan|diungkapkan|dijelaskan|ditegaskan|dituturkan|diutarakan|dipaparkan|disebutkan';
const BEFORE =
  'mengatakan|menyatakan|menjelaskan|menuturkan|mengungkapkan|mengungkap|menegaskan|menyampaikan|menerangkan|memaparkan|menambahkan|' +
  'mengutarakan|berkata|berujar|bertutur|menilai|berpendapat|mengaku|mengakui|menyebutkan|menyebut|mengingatkan|mengeluhkan|mengeluh|' +
  'bercerita|menceritakan|mengimbau|meminta|mendesak|berharap|memastikan|membantah|membenarkan|menampik|mengklaim|mengeklaim|menduga|' +
  'menyarankan|mengusulkan|menekankan|menjawab|mengkritik|menyoroti|menyayangkan|mengenang|memperkirakan|mengemukakan|membeberkan|' +
  'mengajak|berjanji|mengungkapkan|menanggapi|bilang|mencuit|berkicau|menulis|mengunggah|menandaskan|menukas|menimpali|menyahut|berseloroh|' +
  'bergurau|mengisahkan|menyerukan|menganggap|memprediksi|mengharapkan|menginstruksikan|mengapresiasi|menyinggung';
// Cues are plain ASCII words, so ASCII word boundaries find them (and a regular expression without the u flag runs faster).
const CUE_RE = new RegExp(`\\b(?:(?<pron>(?:${AFTER}|menurut)nya)|(?<after>${AFTER}|menurut|${PASSIVE})|(?<before>${[...new Set(BEFORE.split('|'))].join('|')}))\\b`, 'gi');
/** A short cue ("jelas", "tambah", "tulis") attributes only right after a comma or a closing quote, or after
 * "demikian", "begitu" ("Demikian kata Budi.", "begitu ujar Budi"). */
const AFTER_CLAUSE = /(?:[,"”]|[.!?]["”]|(?:^|[\s,])(?:demikian|begitu)(?:\s+(?:yang|seperti))?)\s*$/i;
const SENTENCE_START = /(?:^|[.!?]["”]?\s+|\n\s*)$/;
const QUOTE_RE = /["“]([^"“”\n]{2,2000})["”]/g;
const STEP = /[^\S\n]*([^\s,;:!?"“”]+|[\n,;:!?"“”]|$)/y;
const STOP = new Set(
  ('saat ketika di kepada dalam pada usai seusai selepas sesudah setelah sebelum melalui lewat via dilansir seperti sebagaimana ' +
    'sembari sambil yang bahwa mengenai tentang terkait soal karena sebab kemarin tadi td pas waktu senin selasa rabu kamis jumat ' +
    'sabtu minggu dengan menjelang jelang untuk bagi atas terhadap hingga sampai sejak').split(' '),
);
const ABBREVIATION = /^(?:\p{Lu}|Dr|Drs|Dra|dr|drg|Ir|Prof|Hj|KH|St|H|Kab|Pol|Sp\.\p{L}+|M\.\p{L}+|S\.\p{L}+)\.$/u;
const PRONOUN_WORD = /^(?:dia|ia|beliau)$/i;
const VERB = /^(?:me|ber|ter|di)\p{Ll}{3,}(?:\s|$)/u;
/** A leading part that is not the speaker: a clause, a citation, a time or a place. */
const ADVERBIAL =
  /^(?:meski|meskipun|walau|walaupun|sambil|sembari|saat|ketika|setelah|sesudah|sebelum|usai|seusai|selepas|dalam|di|dari|pada|sejak|hingga|untuk|bagi|dengan|tanpa|berdasarkan|menurut|menurutnya|katanya|menanggapi|terkait|soal|mengenai|tentang|atas|karena|sebab|jika|kalau|apabila|agar|supaya|namun|tetapi|sementara|selain|adapun|bahkan|kini|lalu|kemudian|sebelumnya|selanjutnya|dilansir|melansir|dikutip|mengutip|seperti|sebagaimana|mengacu|merujuk|sebagai|oleh|kepada|bersama|hal|secara|terpisah|senada|sebaliknya|akibatnya|padahal|sedangkan|itu|ini|setiap|tiap|selama|sepanjang|(?:hari\s+)?(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)|kemarin|\d)(?![\p{L}])/iu;
const LEADING = /^(?:(?:sementara itu|selain itu|di sisi lain|di tempat terpisah|secara terpisah|terpisah|senada|sebelumnya|kemudian|lalu|namun|tetapi|adapun|sedangkan|bahkan|kini|sementara|dan|juga|pada kesempatan (?:itu|tersebut|yang sama)|dalam kesempatan (?:itu|tersebut|yang sama))(?![\p{L}]),?\s*)+/iu;
/** A date or a place name on its own between commas: "Senin (3/6/2024)", "Jumat", "19 Juni 2020". */
const WHEN = /^(?:(?:hari\s+)?(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)(?:\s*\([\d/]+\))?|\d{1,2}\s+\p{L}+(?:\s+\d{4})?|\([\d/]+\))$/iu;
const TRAILING = /(?:\s+(?:dan|serta|juga|pun|pula|kembali|lebih lanjut|kemudian|lalu|lantas|sempat|telah|sudah|pernah|bahkan|tetap|masih|langsung|hanya|sendiri|turut|ikut|secara terpisah|dengan tegas))+$/i;
const CLAUSE_START = /(?:[.!?]["”]?|["”])[^\S\n]+|\n|[^\S\n][—–-]+[^\S\n]|;\s*/g;
/** "JAKARTA, KOMPAS.com -", "Jakarta (ANTARA) -", "Liputan6.com, Jakarta -", "SAMARINDA —". */
const DATELINE = /(^|\n)[^\S\n]*((?:\p{Lu}[\p{L}.]*(?:[^\S\n]+\p{Lu}[\p{L}.]*){0,3})(?:[^\S\n]*\([\p{L}\s.]{2,30}\))?(?:,[^\S\n]*[\p{L}\d.]+(?:[^\S\n]+[\p{L}\d.]+){0,2})?[^\S\n]*(?:--?|–|—)[^\S\n]+)/gu;
const DATELINE_SIGN = /\p{Lu}{3,}|\(\s*\p{Lu}[\p{L}\s.]+\)|\.(?:com|co|id)\b|detik|CNN|Liputan6|Tribun|Okezone|Kumparan/u;

/** Outlet furniture that names people who do not speak: "Baca juga: …" headlines, bylines, editors, video widgets. */
const BOILERPLATE =
  /^[^\S\n]*(?:(?:baca juga|lihat juga|simak juga|tonton juga|simak video|saksikan video|advertisement|scroll to continue|laporan wartawan|copyright|ikuti berita|dapatkan update|google news)\b|(?:penulis|editor|pewarta|reporter|redaktur|fotografer|sumber|foto)\s*:|\(c\)|©)[^\n]*/gimu;

export function blankDatelines(text: string): string {
  return text.replace(BOILERPLATE, (line) => ' '.repeat(line.length)).replace(DATELINE, (all, lead: string, line: string) => {
    // "Jakarta - " alone counts when it is a place ("Tangerang - Banjir merendam …").
    const place = /^\s*([\p{L} ]+?)\s*(?:--?|–|—)\s+$/u.exec(line)?.[1];
    const isPlace = !!place && PLACES.at(tokenize(place), 0)?.len === tokenize(place).length;
    return DATELINE_SIGN.test(line) || isPlace ? lead + ' '.repeat(line.length) : all;
  });
}

/** People this text names by initials only ("berinisial RA (34)"): set per text by findAttributions. */
let initials = new Set<string>();
const parsePart = (part: string): Phrase => {
  const p = readPart(part);
  return p.kind === 'named' || !initials.size ? p : (initialsPhrase(part, initials) ?? p);
};

interface Span { open: number; close: number; text: string }

export function findQuotes(text: string) {
  const spans: Span[] = [];
  for (const m of text.matchAll(QUOTE_RE)) {
    const quote = m[1]!.trim().replace(/[\s,]+$/, '');
    if (quote) spans.push({ open: m.index, close: m.index + m[0].length, text: quote });
  }
  const byOpen = new Map(spans.map((s) => [s.open, s]));
  const byClose = new Map(spans.map((s) => [s.close, s]));
  return {
    spans,
    inside: (at: number) => {
      for (const s of spans) if (s.open < at && at < s.close) return true;
      return false;
    },
    /** The quote that closes just before `at` ("…," kata) or opens just after it (kata X: "…"). */
    before: (at: number) => byClose.get(at - (/[\s,]*$/.exec(text.slice(Math.max(0, at - 4), at))?.[0].length ?? 0)) ?? null,
    after: (at: number) => byOpen.get(at + (/^[\s,:]*/.exec(text.slice(at, at + 4))?.[0].length ?? 0)) ?? null,
  };
}
type Quotes = ReturnType<typeof findQuotes>;

/** Words from `from` up to a comma, a period, a quote, or a word such as "saat", "di", "kepada" (kept in an apposition). */
function readWords(text: string, from: number, max: number, apposition: boolean) {
  const words: string[] = [];
  let end = from;
  STEP.lastIndex = from;
  for (let m = STEP.exec(text); m && m[1] && words.length < max; m = STEP.exec(text)) {
    const w = m[1];
    if (w.length === 1 && ',;:!?"“”\n'.includes(w)) return { words, end, stop: w, next: STEP.lastIndex };
    const lower = w.toLowerCase();
    if (/^\(\d{1,2}\/\d/.test(w) || (STOP.has(lower) && !(apposition && /^(?:di|yang|dari|dengan|untuk)$/.test(lower)))) break;
    const period = w.endsWith('.') && !ABBREVIATION.test(w);
    words.push(period ? w.slice(0, -1) : w);
    end = STEP.lastIndex - (period ? 1 : 0);
    if (period || (words.length === 1 && PRONOUN_WORD.test(lower))) break;
  }
  return { words, end, stop: '', next: end };
}

/** The speaker after a cue: "kata Darto, nelayan di Bontang", "kata Kepala Dinas X, Aji Syarif". */
function speakerAfter(text: string, from: number, cue: string): { phrase: Phrase; end: number } | null {
  const head = readWords(text, from, 14, false);
  if (!head.words.length) return null;
  let phrase = parsePart(head.words.join(' '));
  let end = head.end;
  // "kata Kepala Pusat Data, Informasi, dan Komunikasi Kebencanaan BNPB Abdul Muhari": a title cut by commas.
  let stop = head.stop;
  let next = head.next;
  for (let n = 0; n < 3 && stop === ',' && (phrase.kind === 'office' || (phrase.kind === 'none' && isRolePart(phrase))); n++) {
    const more = readWords(text, next, 16, true);
    const part = parsePart(more.words.join(' ').replace(/^(?:dan|serta)\s+/i, ''));
    if (!more.words.length || (part.kind !== 'named' && !(isRolePart(part) && onlyRoleWords(tokenize(part.text))))) break;
    phrase = part.kind === 'named' ? joinParts([phrase, part]) : { ...phrase, roles: [...phrase.roles, ...part.roles], text: `${phrase.text}, ${part.text}` };
    ({ stop, next } = more);
    end = more.end;
  }
  if (stop === ',' && phrase.kind !== 'pronoun') {
    const app = readWords(text, next, 16, true);
    const part = parsePart(app.words.join(' '));
    // "kata Kepala Desa Sukamaju, Ujang Sutisna": a titled "name" before a bare name was a place or an institution.
    if (phrase.kind === 'named' && phrase.roles.length && part.kind === 'named' && !part.roles.length) phrase = asRole(phrase);
    const appositive = phrase.kind === 'named' && part.kind === 'named' && part.roles.length > 0 && !phrase.roles.length ? asRole(part) : part; // "Sumarni, warga Tambaklorok"
    const fits = phrase.kind === 'named' ? isRolePart(appositive) && (isApposition(app.words.join(' ')) || part.alias !== null || !!part.aliasOf) : part.kind === 'named' && phrase.kind !== 'descriptor' && (phrase.kind !== 'none' || isRolePart(phrase));
    // After "Menurut X," the clause is what X said; an apposition there must close with its own comma.
    if (app.words.length && fits && (cue !== 'menurut' || app.stop === ',')) {
      phrase = joinParts([phrase, appositive]);
      end = app.end;
    }
  }
  return phrase.kind === 'none' ? null : { phrase, end };
}

/** The speaker before "mengatakan": comma parts back from the verb while they read as the subject. */
function speakerBefore(text: string, cueAt: number): { phrase: Phrase; start: number } | null {
  const from = Math.max(0, cueAt - 280);
  const window = text.slice(from, cueAt);
  let start = 0;
  for (const m of window.matchAll(CLAUSE_START)) {
    const word = /\S+$/.exec(window.slice(Math.max(0, m.index - 6), m.index + 1))?.[0] ?? '';
    if (!ABBREVIATION.test(word)) start = m.index + m[0].length;
  }
  const clause = window.slice(start).replace(LEADING, '');
  const raw = clause.split(',').map((p) => p.trim());
  if (raw.at(-1) === '') raw.pop();
  const parts: Phrase[] = [];
  let skipped = 0;
  for (let k = raw.length - 1; k >= 0 && parts.length < 4; k--) {
    const adjacent = k === raw.length - 1 - skipped;
    let part = raw[k]!.replace(LEADING, '');
    if (adjacent) part = part.replace(TRAILING, ''); // "Pelatih asal Belanda itu juga menyoroti"
    // "Kapolres Bogor melalui Kasi Humas Iptu Desi mengatakan": the one it goes through speaks.
    if (adjacent) part = part.replace(/^(?:.*\s)?(?:[Mm]elalui|[Ll]ewat)\s+(?=\p{Lu})/u, '');
    // "Sulastri, (52)," an age, "Bupati X, Yuli, yang turut hadir," a relative clause, "dr. Anggi, Sp.A," a degree.
    if (/^\(?\d{1,3}\)$/.test(part) || /^(?:\p{Lu}\p{L}{0,2}\.)+\p{L}{0,4}\.?$/u.test(part)) continue;
    if (/^yang\s/i.test(part)) {
      if (classifyRole(part)) parts.unshift({ ...readPart(part), kind: 'none', roles: [part] }); // "Rina, yang berjualan kue, …"
      continue;
    }
    // "Budi, saat dihubungi, mengatakan", "Budi, seperti dikutip Antara, menyebut": a clause between the subject
    // and its verb is passed over; one before the subject ends it.
    if (part && !parts.length && skipped < 3 && (ADVERBIAL.test(part) || WHEN.test(part))) {
      skipped++;
      continue;
    }
    if (!part || ADVERBIAL.test(part) || (adjacent && VERB.test(part) && !TERMS.at(tokenize(part), 0))) break;
    const p = parsePart(part);
    if (p.kind === 'pronoun' || p.kind === 'descriptor') {
      if (adjacent) parts.unshift(p);
      break;
    }
    const named = parts.findIndex((x) => x.kind === 'named');
    if (p.kind === 'named' && named >= 0) {
      // Two "names": the one with a title before it was a village or an institution ("Kepala Desa Sukamaju,
      // Ujang Sutisna"; "I Wayan Sukadana, ketua Subak Jatiluwih"), the bare one is the person.
      if (p.roles.length) parts.unshift(asRole(p));
      else if (parts[named]!.roles.length) {
        parts[named] = asRole(parts[named]!);
        parts.unshift(p);
      } else break;
    } else if (p.kind === 'named' || isRolePart(p)) parts.unshift(p);
    else break;
  }
  if (!parts.length) return null;
  // "Usman menegaskan bahwa Presiden … berpesan": a name after a verb of its own clause is inside what someone said.
  if (parts.at(-1)!.object) return null;
  const phrase = joinParts(parts);
  return phrase.kind === 'none' ? null : { phrase, start: from + start };
}

export function findAttributions(text: string, quotes: Quotes): Attribution[] {
  const found: Attribution[] = [];
  initials = initialsOf(text);
  for (const m of text.matchAll(CUE_RE)) {
    const at = m.index;
    if (quotes.inside(at)) continue; // a cue inside a quote is the speaker's own words
    const cue = m[0].toLowerCase();
    const preceding = text.slice(Math.max(0, at - 16), at);
    const g = m.groups!;
    if (g.pron) {
      if (cue === 'menurutnya' || AFTER_CLAUSE.test(preceding)) found.push({ at, cue, quote: quotes.before(at)?.text ?? null, phrase: parsePart('dia') });
    } else if (g.after) {
      const free = cue === 'menurut' || cue.startsWith('di');
      if (!free && !AFTER_CLAUSE.test(preceding) && !(cue === 'kata' && SENTENCE_START.test(preceding))) continue;
      if (cue === 'tulis' && !/["”]\s*$/.test(text.slice(Math.max(0, at - 4), at))) continue;
      let from = at + m[0].length;
      if (cue.startsWith('di')) from += /^\s+oleh(?=\s)/i.exec(text.slice(from, from + 8))?.[0].length ?? 0;
      const speaker = speakerAfter(text, from, cue);
      if (speaker) found.push({ at, cue, quote: (quotes.before(at) ?? quotes.after(speaker.end))?.text ?? null, phrase: speaker.phrase });
    } else {
      const speaker = speakerBefore(text, at);
      if (speaker) found.push({ at: speaker.start, cue, quote: (quotes.after(at + m[0].length) ?? quotes.before(speaker.start))?.text ?? null, phrase: speaker.phrase });
    }
  }
  // Antara's closing "…, demikian Benny." names who said the paragraph.
  for (const m of text.matchAll(/,\s*demikian\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})\s*\./gu)) {
    const phrase = parsePart(m[1]!);
    if (phrase.kind === 'named' && !quotes.inside(m.index)) found.push({ at: m.index, cue: 'demikian', quote: null, phrase });
  }
  return found.sort((a, b) => a.at - b.at);
}

/** Sentence subjects that name a person, with the roles around them, in the windows [from, to) given. */
export function findSubjects(text: string, quotes: Quotes, windows: [number, number][]): Subject[] {
  const subjects: Subject[] = [];
  if (!windows.length) return subjects; // most texts: no pronoun or descriptor looks back for its person
  for (const m of text.matchAll(/(?:^|[.!?]["”]?[^\S\n]+|\n+)(?=\p{Lu})/gu)) {
    const at = m.index + m[0].length;
    if (!windows.some(([from, to]) => at >= from && at < to) || quotes.inside(at)) continue;
    const sentence = /^[^.!?\n]*/.exec(text.slice(at, at + 240))![0];
    const words = sentence.split(/\s+/);
    if (words.length >= 4 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length > 0.7) continue; // a headline
    const raw = sentence.replace(LEADING, '').split(',').slice(0, 5).map((p) => p.trim());
    let k = 0;
    // "Di Desa Oelnasi, Kabupaten Kupang, Maria … menjadi kader": a leading place or time is not the subject.
    while (k < raw.length - 1 && k < 3 && (ADVERBIAL.test(raw[k]!) || (k > 0 && ADVERBIAL.test(raw[0]!) && readPart(raw[k]!).kind === 'none'))) k++;
    let first = parsePart(raw[k] ?? '');
    // "Ketua Umum Asosiasi X, Budi, hadir …", "Kepala Desa Sukamaju, Ujang, …": the role, then the name.
    const second = raw[k + 1] ? parsePart(raw[k + 1]!) : null;
    const verbless = !raw[k]!.split(/\s+/).some((w) => VERB_WORD.test(w) && !TERMS.at(tokenize(w), 0));
    if (first.object) continue; // "Pelatih itu menyoroti penampilan Jones": Jones is the object, not the subject
    if (second?.kind === 'named' && !second.roles.length && verbless && (isRolePart(first) || (first.kind === 'named' && first.roles.length))) {
      first = joinParts([first.kind === 'named' ? asRole(first) : first, second]);
      k++;
    }
    if (first.kind !== 'named') continue;
    const parts = [first];
    for (let j = k + 1; j < raw.length; j++) {
      const p = parsePart(raw[j]!);
      if (!isRolePart(p) || !(isApposition(raw[j]!) || p.alias !== null)) break;
      parts.push(p);
    }
    subjects.push({ at, phrase: joinParts(parts) });
  }
  return subjects;
}
