/**
 * `npm run eval`: every figure Gaung can measure about what it reads, on data its models were not fitted on,
 * with n, the split and the commit. Sentiment: macro-F1 with confusion matrices on SmSA valid, NusaX valid of
 * each language, the campaign set's held-out rows (written for Gaung, weak evidence) and the sentences of the
 * five real seed documents (real news, labelled once, never tuned on), and a reliability table of the
 * confidence. Language: accuracy per language on NusaX valid and SmSA valid. Voices and places: precision,
 * recall and F1 on the annotated articles of analysis/eval/ (the held-out set is read only here, for the
 * figure). SmSA and NusaX are read from ../shared/datasets (or GAUNG_DATASETS_DIR).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { analyzeText } from './analyze.js';
import { NUSAX_LANGUAGES, readCampaignSet, readNusax, readSmsa, type Labelled, type NusaxLanguage } from './datasets.js';
import { readArticles } from './eval/articles.js';
import { evaluatePlaces } from './eval/places-eval.js';
import { evaluateVoices } from './eval/voices-eval.js';
import { detectLanguage } from './language.js';
import { SENTIMENTS } from './sentiment.js';

interface Scored { label: string; predicted: string; confidence: number }

const EVAL_DIR = new URL('./eval/', import.meta.url);
const f3 = (n: number | null) => (n === null ? '—' : n.toFixed(3));

function score(rows: (Labelled & { kind?: 'news' | 'social' })[]): Scored[] {
  return rows.map((r) => {
    const a = analyzeText({ text: r.text, kind: r.kind ?? 'social' });
    return { label: r.label, predicted: a.sentiment, confidence: a.sentiment_confidence };
  });
}

function macroF1(s: Scored[]): number {
  const f1 = SENTIMENTS.map((c) => {
    const tp = s.filter((x) => x.predicted === c && x.label === c).length;
    const fp = s.filter((x) => x.predicted === c && x.label !== c).length;
    const fn = s.filter((x) => x.predicted !== c && x.label === c).length;
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return f1.reduce((a, b) => a + b, 0) / 3;
}

function confusion(s: Scored[]): string {
  return SENTIMENTS.map((g) => SENTIMENTS.map((p) => s.filter((x) => x.label === g && x.predicted === p).length).join('/')).join('  ');
}

function sentimentSection(): Scored[] {
  const sets: [string, Scored[]][] = [];
  sets.push(['SmSA valid (reviews, comments)', score(readSmsa('valid'))]);
  for (const name of Object.keys(NUSAX_LANGUAGES) as NusaxLanguage[]) sets.push([`NusaX valid, ${name}`, score(readNusax(name, 'valid'))]);
  const campaign = readCampaignSet();
  sets.push(['campaign tune (ours; trained on)', score(campaign.filter((r) => r.split === 'tune').map((r) => ({ ...r, kind: r.register })))]);
  sets.push(['campaign held-out (ours)', score(campaign.filter((r) => r.split === 'heldout').map((r) => ({ ...r, kind: r.register })))]);
  const seeds = fs
    .readFileSync(new URL('news-seed-sentences.tsv', EVAL_DIR), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split('\t'))
    .map((c) => ({ text: c[3]!, label: c[2] as Labelled['label'], kind: 'news' as const }));
  sets.push(['real news sentences (5 seed documents)', score(seeds)]);
  console.log('\n## Sentiment (macro-F1; confusion rows = gold positive/neutral/negative, each "pos/neu/neg" predicted)\n');
  console.log('| set | n | macro-F1 | confusion |\n| --- | --- | --- | --- |');
  for (const [name, s] of sets) console.log(`| ${name} | ${s.length} | ${f3(macroF1(s))} | ${confusion(s)} |`);
  return sets.filter(([n]) => !n.includes('trained on')).flatMap(([, s]) => s);
}

function reliability(all: Scored[]): void {
  console.log('\n## Sentiment confidence: reliability over every set above but the trained-on one\n');
  console.log('| confidence | n | right |\n| --- | --- | --- |');
  for (const [lo, hi] of [[0, 0.5], [0.5, 0.6], [0.6, 0.7], [0.7, 0.8], [0.8, 0.9], [0.9, 1.01]] as const) {
    const bin = all.filter((s) => s.confidence >= lo && s.confidence < hi);
    if (bin.length) console.log(`| ${lo.toFixed(1)}–${Math.min(hi, 1).toFixed(1)} | ${bin.length} | ${f3(bin.filter((s) => s.label === s.predicted).length / bin.length)} |`);
  }
}

function languageSection(): void {
  console.log('\n## Language of each text (accuracy)\n');
  console.log('| set | n | right |\n| --- | --- | --- |');
  const line = (name: string, texts: string[], code: string) => {
    const right = texts.filter((t) => detectLanguage(t).language === code).length;
    console.log(`| ${name} (${code}) | ${texts.length} | ${f3(right / texts.length)} |`);
  };
  line('SmSA valid', readSmsa('valid').map((r) => r.text), 'id');
  for (const [name, code] of Object.entries(NUSAX_LANGUAGES)) line(`NusaX valid, ${name}`, readNusax(name as NusaxLanguage, 'valid').map((r) => r.text), code);
}

function articlesSection(): void {
  console.log('\n## Voices and places on annotated articles\n');
  console.log('| set | articles | voices P / R / F1 | official or not right | places P / R / F1 | primary province right |\n| --- | --- | --- | --- | --- | --- |');
  const sets = [
    ['voices-dev.jsonl', 'voices dev (written for Gaung; tuned on)'],
    ['places-dev.jsonl', 'places dev (written for Gaung; tuned on)'],
    ['articles-heldout.jsonl', 'held-out articles (written for Gaung by someone else; never tuned on)'],
    ['articles-real.jsonl', 'real seed documents'],
  ] as const;
  for (const [file, name] of sets) {
    const path = new URL(file, EVAL_DIR);
    if (!fs.existsSync(path)) continue;
    try {
      const rows = readArticles(path);
      const hasSpeakers = rows.some((r) => Array.isArray(r.speakers));
      const hasProvinces = rows.some((r) => Array.isArray(r.provinces));
      const v = hasSpeakers ? evaluateVoices(rows) : null;
      const p = hasProvinces ? evaluatePlaces(rows) : null;
      console.log(
        `| ${name} | ${rows.length} | ${v ? `${f3(v.precision)} / ${f3(v.recall)} / ${f3(v.f1)}` : '—'} | ${v ? f3(v.type_accuracy) : '—'} | ${p ? `${f3(p.precision)} / ${f3(p.recall)} / ${f3(p.f1)}` : '—'} | ${p ? f3(p.primary_accuracy) : '—'} |`,
      );
    } catch (err) {
      console.log(`| ${name} | not read: ${(err as Error).message} | | | | |`);
    }
  }
}

function main(): void {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  console.log(`# Gaung evaluation (commit ${commit}, ${new Date().toISOString().slice(0, 10)})`);
  const pooled = sentimentSection();
  reliability(pooled);
  languageSection();
  articlesSection();
}

main();
