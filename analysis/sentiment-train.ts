/**
 * `npm run lexicon:sentiment`: learns lexicons/sentiment-learned.tsv from the SmSA training data
 * (../shared/datasets/smsa/train.tsv, or SMSA_DIR): per-word class weights by binarised naive Bayes over the
 * same features the classifier reads (negated words as "!word", stems as "~stem"). The smoothing, the
 * minimum document frequency and the class biases are chosen on a fixed 15 % of the training rows; SmSA
 * valid and the held-out campaign set are never read here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { macroF1, readSmsa, type Labelled } from './sentiment-data.js';
import { analyzeSentiment, loadSentimentModel, SENTIMENTS, type Sentiment } from './sentiment.js';
import { sentimentFeatures } from './sentiment-features.js';
import { readCampaignSet } from './sentiment-eval.js';
import { readLexicon } from './lexicon-file.js';
import { tokenize } from './tokenize.js';

type Counts = { docs: number[]; keys: Map<string, number[]> };

/** How many times an in-domain row (the campaign set's tune part) counts against a SmSA row: chosen by cross-validation on the tune part. */
const CAMPAIGN_WEIGHTS = [1, 2, 3, 5, 8];
const FOLDS = 5;

function count(rows: { tokens: ReturnType<typeof tokenize>; label: Sentiment; weight?: number }[]): Counts {
  const docs = [0, 0, 0];
  const keys = new Map<string, number[]>();
  for (const row of rows) {
    const c = SENTIMENTS.indexOf(row.label);
    const weight = row.weight ?? 1;
    docs[c]! += weight;
    const seen = new Set<string>();
    for (const f of sentimentFeatures(row.tokens)) {
      const prefix = f.negated ? '!' : '';
      seen.add(prefix + f.key);
      if (f.stemKey !== f.key) seen.add(prefix + f.stemKey);
    }
    for (const k of seen) {
      let v = keys.get(k);
      if (!v) keys.set(k, (v = [0, 0, 0]));
      v[c]! += weight;
    }
  }
  return { docs, keys };
}

function lexiconRows(counts: Counts, alpha: number, minDf: number): string[] {
  const kept = [...counts.keys].filter(([, v]) => v[0]! + v[1]! + v[2]! >= minDf);
  const totals = [0, 1, 2].map((c) => kept.reduce((n, [, v]) => n + v[c]!, 0));
  const vocab = kept.length;
  const rows = kept.map(([key, v]) => {
    const logp = v.map((n, c) => Math.log((n + alpha) / (totals[c]! + alpha * vocab)));
    const mean = (logp[0]! + logp[1]! + logp[2]!) / 3;
    return [key, ...logp.map((l) => (l - mean).toFixed(4))].join('\t');
  });
  const n = counts.docs.reduce((a, b) => a + b, 0);
  const prior = counts.docs.map((d) => Math.log(d / n));
  const mean = (prior[0]! + prior[1]! + prior[2]!) / 3;
  return [`__prior__\t${prior.map((p) => (p - mean).toFixed(4)).join('\t')}`, ...rows.sort()];
}

const HEADER = [
  '# Learned by `npm run lexicon:sentiment` (analysis/sentiment-train.ts); do not edit by hand.',
  '# Per-key class weights (positive, neutral, negative; centred log-probabilities) from the SmSA training data',
  '# of IndoNLU (Wilie et al., AACL 2020; MIT licence, see ../shared/datasets/smsa/LICENSE): "!word" is the word',
  '# under negation, "~stem" a stem used when the word itself is not listed. __prior__ and __bias__ are class offsets.',
];

function writeLexicon(file: string, rows: string[], bias: number[], kindBias: Record<string, number[]> = {}): void {
  const biasRows = Object.entries({ '': bias, ...kindBias }).map(([k, b]) => `__bias${k ? `_${k}` : ''}__\t${b.map((x) => x.toFixed(2)).join('\t')}`);
  fs.writeFileSync(file, [...HEADER, ...biasRows, ...rows, ''].join('\n'));
}

/** Class offsets for one register that give the best macro-F1 on its rows. */
function tuneKindBias(rows: { tokens: ReturnType<typeof tokenize>; label: Sentiment }[], kind: 'news' | 'social', model: ReturnType<typeof loadSentimentModel>): number[] {
  let best = { f1: -1, bias: [0, 0, 0, 1] };
  for (const neutralScale of [0.2, 0.35, 0.5, 0.75, 1]) {
    for (const neutral of [-3, -2, -1.5, -1, -0.5, 0, 0.5, 1]) {
      for (const negative of [-1, -0.5, 0, 0.5, 1]) {
        const m = { ...model, kindBias: { [kind]: { bias: [0, neutral, negative] as [number, number, number], neutralScale } } };
        const f1 = macroF1(rows as unknown as Labelled[], (r) => analyzeSentiment((r as unknown as (typeof rows)[number]).tokens, { kind, model: m }).sentiment);
        if (f1 > best.f1 + 1e-9) best = { f1, bias: [0, neutral, negative, neutralScale] };
      }
    }
  }
  return best.bias;
}

type Row = { tokens: ReturnType<typeof tokenize>; label: Sentiment; weight?: number };
type CampaignRow = Row & { register: 'news' | 'social' };

/** A model from these rows with the SmSA-chosen settings, and register offsets tuned on `tuneOn`. */
function buildModel(rows: Row[], settings: { alpha: number; minDf: number; bias: number[] }, tuneOn: CampaignRow[], tmp: string) {
  const lexicon = lexiconRows(count(rows), settings.alpha, settings.minDf);
  writeLexicon(tmp, lexicon, settings.bias);
  const base = loadSentimentModel(path.basename(tmp));
  const kindBias = {
    news: tuneKindBias(tuneOn.filter((r) => r.register === 'news'), 'news', base),
    social: tuneKindBias(tuneOn.filter((r) => r.register === 'social'), 'social', base),
  };
  return { lexicon, kindBias };
}

function main(): void {
  const dir = process.env.SMSA_DIR ?? path.resolve(import.meta.dirname, '../../shared/datasets/smsa');
  const all = readSmsa(path.join(dir, 'train.tsv')).map((r) => ({ ...r, tokens: tokenize(r.text) }));
  // The campaign set's tune part joins the training data; its held-out part is never read here.
  const campaign: CampaignRow[] = readCampaignSet()
    .filter((r) => r.split === 'tune')
    .map((r) => ({ ...r, tokens: tokenize(r.text) }));
  // Campaign-domain sentences written for training (lexicons/sentiment-campaign-train.tsv): always learned from.
  const written: CampaignRow[] = readLexicon('sentiment-campaign-train.tsv')
    .slice(1)
    .map(([register, label, text], i) => {
      if (!text || !SENTIMENTS.includes(label as Sentiment) || (register !== 'news' && register !== 'social')) {
        throw new Error(`lexicons/sentiment-campaign-train.tsv row ${i + 2}: expected register<TAB>label<TAB>text`);
      }
      return { register, label: label as Sentiment, tokens: tokenize(text) };
    });
  // A fixed, label-stratified 15 % of SmSA train for choosing the smoothing, document frequency and biases.
  const dev = all.filter((_, i) => i % 7 === 3);
  const fit = all.filter((_, i) => i % 7 !== 3);
  const out = path.resolve(import.meta.dirname, 'lexicons/sentiment-learned.tsv');
  const tmp = `${out}.tmp`;
  const fitCounts = count([...fit, ...[...written, ...campaign].map((r) => ({ ...r, weight: 2 }))]);
  let best = { f1: -1, alpha: 1, minDf: 2, bias: [0, 0, 0] };
  for (const alpha of [0.3, 0.6, 1]) {
    for (const minDf of [2, 3, 5]) {
      writeLexicon(tmp, lexiconRows(fitCounts, alpha, minDf), [0, 0, 0]);
      const base = loadSentimentModel(path.basename(tmp));
      for (const neutral of [-0.5, 0, 0.5, 1, 1.5, 2]) {
        for (const negative of [-0.5, 0, 0.5, 1]) {
          const model = { ...base, bias: [0, neutral, negative] as [number, number, number] };
          const f1 = macroF1(dev as Labelled[], (r) => analyzeSentiment((r as (typeof dev)[number]).tokens, { model }).sentiment);
          if (f1 > best.f1) best = { f1, alpha, minDf, bias: [0, neutral, negative] };
        }
      }
    }
  }
  console.log(`chosen on ${dev.length} SmSA train rows: alpha ${best.alpha}, min df ${best.minDf}, bias ${best.bias.join(' / ')} (dev macro-F1 ${best.f1.toFixed(3)})`);

  // The in-domain weight by 5-fold cross-validation inside the tune part: train on four folds, score the fifth.
  let chosen = { weight: CAMPAIGN_WEIGHTS[0]!, f1: -1 };
  for (const weight of CAMPAIGN_WEIGHTS) {
    const predicted: { row: CampaignRow; sentiment: Sentiment }[] = [];
    for (let fold = 0; fold < FOLDS; fold++) {
      const train = [...written, ...campaign.filter((_, i) => i % FOLDS !== fold)];
      const test = campaign.filter((_, i) => i % FOLDS === fold);
      const { lexicon, kindBias } = buildModel([...all, ...train.map((r) => ({ ...r, weight }))], best, train, tmp);
      writeLexicon(tmp, lexicon, best.bias, kindBias);
      const model = loadSentimentModel(path.basename(tmp));
      for (const row of test) predicted.push({ row, sentiment: analyzeSentiment(row.tokens, { kind: row.register, model }).sentiment });
    }
    const f1 = macroF1(predicted.map((p) => ({ text: '', label: p.row.label, p: p.sentiment })), (r) => (r as { p: Sentiment }).p);
    console.log(`  campaign weight ${weight}: cross-validated macro-F1 ${f1.toFixed(3)}`);
    if (f1 > chosen.f1) chosen = { weight, f1 };
  }
  const inDomain = [...written, ...campaign];
  const { lexicon, kindBias } = buildModel([...all, ...inDomain.map((r) => ({ ...r, weight: chosen.weight }))], best, inDomain, tmp);
  fs.rmSync(tmp, { force: true });
  writeLexicon(out, lexicon, best.bias, kindBias);
  console.log(`campaign weight ${chosen.weight}; register offsets from the tune rows: news ${kindBias.news.join(' / ')}, social ${kindBias.social.join(' / ')}`);
  console.log(`wrote ${path.relative(process.cwd(), out)} from ${all.length} SmSA rows, ${written.length} written campaign rows and ${campaign.length} campaign tune rows`);
}

main();
