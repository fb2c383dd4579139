/** Frequent function words; a text's share of each list tells the languages apart. */
const STOPWORDS: Record<string, ReadonlySet<string>> = {
  id: new Set(
    ('yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena adalah bahwa oleh sebagai ada atau ' +
      'sudah telah bisa dapat kami kita mereka saya dia ia agar serta para tersebut lebih masih hanya jika namun ' +
      'seperti setelah menjadi kata ujar antara hingga kepada secara bagi belum sangat yakni tetapi tapi saat')
      .split(' '),
  ),
  en: new Set(
    ('the and of to in is that for it with as was on be by are this from at or an have has not but ' +
      'which were their they will been would its can more also who about said after than into these other')
      .split(' '),
  ),
};
/** Languages an html lang attribute may claim for text that reads as the detected one (Malay, Javanese, Sundanese share the stopwords). */
const CLOSE: Record<string, readonly string[]> = { id: ['id', 'ms', 'jv', 'su'], en: ['en'] };
/** Fewer stopword hits than this and the text is too short to call. */
const MIN_HITS = 5;

/** Each stopword with a bit for every language whose list holds it. */
const LANGS = Object.keys(STOPWORDS);
const STOPWORD_LANGS = new Map<string, number>();
for (const [i, lang] of LANGS.entries()) for (const w of STOPWORDS[lang]!) STOPWORD_LANGS.set(w, (STOPWORD_LANGS.get(w) ?? 0) | (1 << i));
const LONGEST_STOPWORD = Math.max(...[...STOPWORD_LANGS.keys()].map((w) => w.length));

/** 'id' for Indonesian, 'en' for English, by stopword frequency; null when the text is too short or neither. */
export function detectLanguage(text: string): string | null {
  const words = letterWords(text.toLowerCase());
  // One pass over the words counts every language's hits.
  const counts = LANGS.map(() => 0);
  for (const w of words) {
    const langs = w.length <= LONGEST_STOPWORD ? STOPWORD_LANGS.get(w) : undefined;
    if (langs) for (let i = 0; i < counts.length; i++) if (langs & (1 << i)) counts[i]!++;
  }
  let best: string | null = null;
  let bestHits = 0;
  let second = 0;
  for (const [i, lang] of LANGS.entries()) {
    const hits = counts[i]!;
    if (hits > bestHits) [best, bestHits, second] = [lang, hits, bestHits];
    else if (hits > second) second = hits;
  }
  if (!best || bestHits < MIN_HITS || bestHits / words.length < 0.08) return null;
  return bestHits >= second * 2 ? best : null;
}

/**
 * The runs of letters of a lower-cased text: `text.match(/\p{L}+/gu)`. Letters of a lower-cased text are a-z or
 * not ASCII, so runs of those hold every word whole; only a run with a character past ASCII (a curly quote, an
 * accent) needs the slower Unicode pattern to find the words inside it.
 */
function letterWords(lower: string): string[] {
  const words: string[] = [];
  for (const run of lower.match(LETTERS_OR_NON_ASCII) ?? []) {
    if (!NON_ASCII.test(run)) words.push(run);
    else for (const w of run.match(/\p{L}+/gu) ?? []) words.push(w);
  }
  return words;
}
const LETTERS_OR_NON_ASCII = /[a-z\u0080-\uffff]+/g;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The page's language: the declared one (html lang, og:locale, Content-Language) when the text does not
 * contradict it, else the detected one. Many Indonesian sites keep a theme's default lang="en-US".
 */
export function pickLanguage(declared: string | null | undefined, text: string): string | null {
  const code = normalizeCode(declared);
  const detected = detectLanguage(text);
  if (!detected) return code;
  if (code && CLOSE[detected]?.includes(code)) return code;
  return detected;
}

/** "id-ID", "id_ID", "in" (the old code for Indonesian) → "id". */
function normalizeCode(raw: string | null | undefined): string | null {
  const code = raw?.trim().toLowerCase().split(/[-_]/)[0];
  if (!code || !/^[a-z]{2,3}$/.test(code)) return null;
  return code === 'in' || code === 'ind' ? 'id' : code;
}
