import { fileURLToPath } from 'node:url';
import { analyzeVoices, type Voice, type VoiceType } from '../voices.js';
import { readArticles, type ArticleRow } from './articles.js';

/**
 * How well voices finds the people quoted in news articles, against hand-annotated speakers:
 * `{"id", "title", "text" | "file", "speakers": [{"name", "type", "aliases": []}]}` a line.
 * A found voice matches a gold speaker when its name equals the gold name or one of its aliases (case ignored),
 * when both end in the same surname token, or when its words come in order in the gold name; each is matched at most once. Precision and recall are over all
 * voices and speakers of the set (micro); type accuracy is over matched speakers, and 'unknown' counts wrong.
 * The text is read as analyzeText reads it: the title, then the body.
 *
 * `npx tsx analysis/eval/voices-eval.ts [file…]` prints the figures per file (default: the dev set).
 */
export { readArticles };

export interface GoldSpeaker { name: string; type: VoiceType; aliases?: string[] }
export interface VoicesScore { n_articles: number; n_speakers: number; n_found: number; matched: number; precision: number; recall: number; f1: number; type_accuracy: number }
export interface VoicesMiss { id: string; missed: string[]; spurious: string[]; mistyped: string[] }

const norm = (s: string) => s.toLowerCase().normalize('NFC').replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
const lastToken = (s: string) => norm(s).split(' ').at(-1) ?? '';

function goldOf(row: ArticleRow): GoldSpeaker[] {
  const speakers = row.speakers;
  if (!Array.isArray(speakers)) throw new Error(`${row.id}: "speakers" must be a list`);
  return speakers.map((s: { name?: unknown; type?: unknown; aliases?: unknown }) => {
    if (typeof s.name !== 'string') throw new Error(`${row.id}: a speaker needs a "name"`);
    const aliases = Array.isArray(s.aliases) ? s.aliases.filter((a): a is string => typeof a === 'string') : [];
    return { name: s.name, type: (s.type ?? 'unknown') as VoiceType, aliases };
  });
}

/** Equal to the name or an alias, or the same surname, or a token subsequence of the name ("Latuconsina" for "Abdullah Latuconsina"). */
function matches(voice: Voice, gold: GoldSpeaker): boolean {
  const found = norm(voice.speaker);
  if (!found) return false;
  if ([gold.name, ...(gold.aliases ?? [])].some((n) => norm(n) === found)) return true;
  if (lastToken(voice.speaker) === lastToken(gold.name)) return true;
  const name = norm(gold.name).split(' ');
  let k = 0;
  for (const w of found.split(' ')) {
    k = name.indexOf(w, k) + 1;
    if (k === 0) return false;
  }
  return true;
}

/** The news voices of one article (a social author is not a quoted speaker). */
export function voicesOf(row: ArticleRow): Voice[] {
  const text = row.title ? `${row.title}.\n\n${row.text}` : row.text;
  return analyzeVoices({ text, kind: 'news' }).voices;
}

export function scoreArticle(row: ArticleRow, voices = voicesOf(row)) {
  const gold = goldOf(row);
  const used = new Set<number>();
  const pairs: [Voice, GoldSpeaker][] = [];
  const spurious: Voice[] = [];
  // Exact names and aliases first, then surnames, so "Dimas" is not taken by the wrong Dimas.
  const pending = [...voices];
  for (const exactOnly of [true, false]) {
    for (const v of [...pending]) {
      const i = gold.findIndex((g, k) => !used.has(k) && (exactOnly ? [g.name, ...(g.aliases ?? [])].some((n) => norm(n) === norm(v.speaker)) : matches(v, g)));
      if (i < 0) continue;
      used.add(i);
      pairs.push([v, gold[i]!]);
      pending.splice(pending.indexOf(v), 1);
    }
  }
  spurious.push(...pending);
  const miss: VoicesMiss = {
    id: row.id,
    missed: gold.filter((_, k) => !used.has(k)).map((g) => g.name),
    spurious: spurious.map((v) => `${v.speaker} [${v.type}]`),
    mistyped: pairs.filter(([v, g]) => v.type !== g.type).map(([v, g]) => `${v.speaker}: ${v.type} (${(v as { type_cue?: string | null }).type_cue ?? '-'}), gold ${g.type}`),
  };
  return { gold: gold.length, found: voices.length, matched: pairs.length, typed: pairs.filter(([v, g]) => v.type === g.type).length, miss };
}

export function evaluateVoices(rows: ArticleRow[]): VoicesScore & { misses: VoicesMiss[] } {
  let gold = 0, found = 0, matched = 0, typed = 0;
  const misses: VoicesMiss[] = [];
  for (const row of rows) {
    const s = scoreArticle(row);
    gold += s.gold; found += s.found; matched += s.matched; typed += s.typed;
    misses.push(s.miss);
  }
  const precision = found ? matched / found : 0;
  const recall = gold ? matched / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { n_articles: rows.length, n_speakers: gold, n_found: found, matched, precision, recall, f1, type_accuracy: matched ? typed / matched : 0, misses };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const verbose = process.argv.includes('--errors');
  for (const file of files.length ? files : [fileURLToPath(new URL('./voices-dev.jsonl', import.meta.url))]) {
    const r = evaluateVoices(readArticles(file));
    const f = (x: number) => x.toFixed(2);
    console.log(`${file}: ${r.n_articles} articles, ${r.n_speakers} speakers, ${r.n_found} voices found, ${r.matched} matched`);
    console.log(`  voices F1 ${f(r.f1)} (P ${f(r.precision)}, R ${f(r.recall)}); official/non-official right on matched ${f(r.type_accuracy)}`);
    if (verbose) {
      for (const m of r.misses.filter((x) => x.missed.length || x.spurious.length || x.mistyped.length)) {
        console.log(`  ${m.id}`);
        if (m.missed.length) console.log(`    missed:   ${m.missed.join('; ')}`);
        if (m.spurious.length) console.log(`    spurious: ${m.spurious.join('; ')}`);
        if (m.mistyped.length) console.log(`    mistyped: ${m.mistyped.join('; ')}`);
      }
    }
  }
}
