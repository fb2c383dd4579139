/**
 * Provinces a story is about, scored against hand annotation. Each row is an article with "provinces": the
 * BPS two-digit codes of the provinces the story is about, its primary province first ([] for a story about
 * no province in particular). What Gaung finds is read the way it ships: analyzeText({ title, text }) and the
 * provinces of its places in order, the first being the mention's primary province (province_codes[1] in SQL).
 *
 * Figures: micro precision, recall and F1 over the (article, province) pairs, and primary accuracy over the
 * articles whose annotation names a province (the first province found equals the first annotated).
 *
 * places-dev.jsonl: 25 news articles written for Gaung (varied outlets, regions and topics; 250–320 words), the
 * development set, written before places.ts changed and tuned on since. Annotation: a story is about a province
 * where what it reports happens or which it reports on; not the dateline, the outlet's boilerplate ("Baca
 * juga" headlines, footers), where a statement or press conference was given, dishes, organisations, clubs and
 * outlets named after a place, where a person comes from, or a province named once in passing (a comparison,
 * one item of a list). A story about national policy with no place of its own is about no province.
 *
 * `npx tsx analysis/eval/places-eval.ts [file…]` prints them for each file (default: places-dev.jsonl), with
 * `--errors` each article that is not exactly right.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../analyze.js';
import { readArticles, type ArticleRow } from './articles.js';

export { readArticles };

export interface PlacesScore {
  n_articles: number;
  precision: number;
  recall: number;
  f1: number;
  primary_accuracy: number | null;
}

export interface PlacesJudgement {
  id: string;
  gold: string[];
  found: string[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function goldOf(row: ArticleRow): string[] {
  const provinces = row.provinces;
  if (!Array.isArray(provinces) || !provinces.every((p) => typeof p === 'string' && /^\d\d$/.test(p))) {
    throw new Error(`article ${row.id}: "provinces" must be a list of two-digit province codes`);
  }
  return provinces as string[];
}

/** The provinces Gaung finds in each article, in its order, next to the annotation. */
export function judgePlaces(rows: ArticleRow[]): PlacesJudgement[] {
  return rows.map((row) => {
    const places = analyzeText({ text: row.text, title: row.title, kind: 'news' }).places;
    return { id: row.id, gold: goldOf(row), found: [...new Set(places.map((p) => p.province_code))] };
  });
}

export function scorePlaces(judged: PlacesJudgement[]): PlacesScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let primaryRight = 0;
  let located = 0;
  for (const { gold, found } of judged) {
    const want = new Set(gold);
    const got = new Set(found);
    for (const p of got) (want.has(p) ? tp++ : fp++);
    for (const p of want) if (!got.has(p)) fn++;
    if (gold.length) {
      located++;
      if (found[0] === gold[0]) primaryRight++;
    }
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    n_articles: judged.length,
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    primary_accuracy: located ? round(primaryRight / located) : null,
  };
}

export function evaluatePlaces(rows: ArticleRow[]): PlacesScore {
  return scorePlaces(judgePlaces(rows));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const showErrors = args.includes('--errors');
  const files = args.filter((a) => a !== '--errors');
  if (!files.length) files.push(fileURLToPath(new URL('./places-dev.jsonl', import.meta.url)));
  for (const file of files) {
    const judged = judgePlaces(readArticles(file));
    const s = scorePlaces(judged);
    const primary = s.primary_accuracy === null ? 'n/a' : s.primary_accuracy.toFixed(3);
    console.log(`${path.relative(process.cwd(), file)}: ${s.n_articles} articles, places P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}, primary ${primary}`);
    if (!showErrors) continue;
    for (const j of judged) {
      const exact = j.gold.length === j.found.length && j.gold.every((p, i) => p === j.found[i]);
      if (!exact) console.log(`  ${j.id}: annotated [${j.gold.join(', ')}] found [${j.found.join(', ')}]`);
    }
  }
}
