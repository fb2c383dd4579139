/**
 * `npm run model:sentiment`: learns models/sentiment-<lang>.json (analysis/sentiment.ts).
 *
 * Indonesian: a logistic regression over a vocabulary of sentiment-bearing words only (see vocabularyId),
 * trained on three domains of equal total weight, classes balanced within each — SmSA reviews and comments,
 * NusaX-id (its rows also in SmSA dropped), and Gaung's campaign sentences (the written training rows and the
 * tune part of eval/campaign-sentiment.tsv). The
 * regularisation and the neutral offset are chosen by leave-one-domain-out: train on two domains, score the
 * third, and keep the setting whose WORST domain is best. The confidence temperature is fitted on those
 * left-out predictions. SmSA valid, NusaX valid, the campaign held-out rows and the real news sentences of
 * eval/news-seed-sentences.tsv are never read here.
 *
 * A word's learned weights correct its prior polarity (the `@pos`/`@neg` features carry the prior), so a
 * positive word may show a negative weight of its own: read a word's pull, which `analyzeSentiment` explains.
 *
 * English and regional languages: see trainNusaxLanguages.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { macroF1, NUSAX_LANGUAGES, readCampaignSet, readNusax, readNusaxLexicon, readSmsa, type Labelled, type NusaxLanguage } from './datasets.js';
import { fitLinear, scores, softmax, type Example, type LinearModel } from './linear.js';
import { readLexicon } from './lexicon-file.js';
import { RULES } from './sentiment-features.js';
import { SENTIMENTS, sentimentVector, withTranslations, type SentimentModel, type SentimentModelFile, type VectorVocabulary } from './sentiment.js';
import { findPlaces } from './places.js';
import { stemWord } from './stem.js';
import { isStopword } from './stopwords.js';
import { tokenize } from './tokenize.js';

const require = createRequire(import.meta.url);
const EPOCHS = 150;
const L2_WORDS = [3e-4, 1e-3, 3e-3];
const L2_DENSE = 1e-5;
const L2_NUSAX = 1e-3;
const OTHER_WORDS_L2 = 3;
/**
 * Offsets to the neutral class's score that the leave-one-domain-out report shows. The model keeps 0: it is
 * trained with balanced classes, so 0 assumes no class mix, and the domains here (reviews, mostly positive)
 * would otherwise pull it toward their own mix.
 */
const NEUTRAL_OFFSETS = [-0.5, 0, 0.5, 1];
const TEMPERATURES = [0.6, 0.8, 1, 1.2, 1.5, 2, 2.5, 3];

/** Regional negators (NusaX's languages); Indonesian ones come from lexicons/sentiment-rules.json. */
const NEGATORS: Record<string, string[]> = {
  jv: ['ora', 'ra', 'dudu', 'durung', 'orak', 'gak', 'ndak', 'mboten', 'boten', 'sanes', 'dereng'],
  su: ['teu', 'henteu', 'lain', 'acan', 'can', 'embung', 'moal', 'tara'],
  ban: ['tusing', 'sing', 'ten', 'nenten', 'tonden', 'tuara', 'boya', 'sampunang'],
  min: ['indak', 'ndak', 'alun', 'bukan', 'ndak', 'jan'],
  ace: ['hana', 'kon', 'bukon', 'bek', 'goh'],
  bjn: ['kada', 'kadada', 'bukan', 'jangan', 'balum'],
  bug: ["de'", 'deq', 'tania', 'aja', 'dena'],
  mad: ["ta'", 'tak', 'bunten', "enja'", 'banne', 'jha'],
  nij: ['dia', 'jaton', 'beh', 'ela'],
  bbc: ['ndang', 'ndada', 'dang', 'unang', 'so'],
};

const LICENCES: Record<string, string> = {
  id: 'Learned from IndoNLU SmSA train (Wilie et al., AACL 2020; MIT) and NusaX-id train (Winata et al., EACL 2023; CC-BY-SA 4.0), with Gaung\'s campaign sentences; vocabulary and prior polarity also from the AFINN-id list of @nlpjs/lang-id (MIT). This file is distributed under CC-BY-SA 4.0.',
  en: 'Learned from NusaX-en train (Winata et al., EACL 2023; CC-BY-SA 4.0); vocabulary and prior polarity from AFINN-165 (Finn Årup Nielsen) as shipped by the `sentiment` package (MIT). This file is distributed under CC-BY-SA 4.0.',
};
const REGIONAL_LICENCE = 'Learned from NusaX train of this language and its sentiment lexicon (Winata et al., EACL 2023; CC-BY-SA 4.0). This file is distributed under CC-BY-SA 4.0.';

interface Row extends Labelled { domain: string }

const readSet = (name: string) => new Set(readLexicon(name).map((r) => r[0]!.toLowerCase()));

/** Indonesian prior polarity (-3..3): Gaung's curated terms, then the AFINN-id list (−5..5 scaled). */
function polarityId(): Map<string, number> {
  const afinn = require('@nlpjs/lang-id/src/sentiment/afinn_id.json') as Record<string, number>;
  const topic = readSet('sentiment-topic-words.txt');
  const out = new Map<string, number>();
  for (const [w, v] of Object.entries(afinn)) {
    const word = w.toLowerCase();
    if (/^[\p{L}-]+$/u.test(word) && (isStopword(word) || topic.has(word))) continue;
    out.set(word, Math.round(v * 0.6 * 100) / 100);
  }
  for (const [term, p] of readLexicon('sentiment-curated.tsv')) out.set(term!.toLowerCase(), Number(p));
  return out;
}

/**
 * The Indonesian words a weight may sit on: the polarity lexicons' words (Gaung's curated list, AFINN-id), less
 * stopwords, pronouns, particles, places, campaign topic words and lexicons/sentiment-not-evidence.txt; a
 * word's stem too when the stem is itself such a word. (NusaX's lexicon headwords are not used here: many are
 * plain verbs and nouns.)
 */
function vocabularyId(polarity: Map<string, number>): Set<string> {
  const topic = readSet('sentiment-topic-words.txt');
  const words = new Set(polarity.keys());
  const notEvidence = readSet('sentiment-not-evidence.txt');
  const isPlace = (w: string) => findPlaces(w.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase())).length > 0;
  for (const w of words) if (isStopword(w) || topic.has(w) || notEvidence.has(w) || RULES.negators.includes(w) || isPlace(w)) words.delete(w);
  const out = new Set<string>();
  for (const w of words) {
    out.add(w);
    // A stem stands for its word's family only when the stem is itself a polarity word ("sesal" for "menyesal").
    const root = stemWord(w);
    if (!w.includes(' ') && root !== w && words.has(root)) out.add(`~${root}`);
  }
  return out;
}

function vocabularyOf(words: Set<string>): VectorVocabulary {
  return { has: (k) => words.has(k) };
}

type Setup = Pick<SentimentModel, 'polarity' | 'negators' | 'phrases' | 'stems'>;

function examples(rows: readonly Labelled[], setup: Setup, vocabulary: VectorVocabulary): Example[] {
  const counts = [0, 0, 0];
  for (const r of rows) counts[SENTIMENTS.indexOf(r.label)]!++;
  // Classes weigh the same in total: macro-F1 is the measure and real streams' class mix is not the reviews'.
  return rows.map((r) => {
    const y = SENTIMENTS.indexOf(r.label);
    return { x: sentimentVector(tokenize(r.text), setup, vocabulary), y, weight: rows.length / (3 * counts[y]!) };
  });
}

function fit(train: Example[], l2Words: number): LinearModel {
  return fitLinear(train, { l2: (k) => (k.startsWith('@') ? L2_DENSE : l2Words), epochs: EPOCHS });
}

function predict(model: LinearModel, ex: Example, offset: number): number {
  const s = scores(model, ex.x);
  s[1] += offset;
  return s.indexOf(Math.max(...s));
}

function macroF1Index(exs: Example[], p: (e: Example) => number): number {
  return macroF1(exs.map((e) => ({ text: '', label: SENTIMENTS[e.y]!, e })), (r) => SENTIMENTS[p(r.e)]!);
}

/** Leave-one-domain-out choice of L2 and neutral offset, then the temperature on the left-out predictions. */
function chooseByDomains(domains: Map<string, Example[]>, log: (s: string) => void) {
  const runs: { l2: number; offset: number; worst: number; perDomain: Record<string, number> }[] = [];
  const heldOut = new Map<number, { model: LinearModel; test: Example[] }[]>();
  for (const l2 of L2_WORDS) {
    const folds = [...domains.keys()].map((left) => {
      const train = [...domains].filter(([d]) => d !== left).flatMap(([, e]) => e);
      return { left, model: fit(train, l2), test: domains.get(left)! };
    });
    heldOut.set(l2, folds);
    for (const offset of NEUTRAL_OFFSETS) {
      const perDomain = Object.fromEntries(folds.map((f) => [f.left, macroF1Index(f.test, (e) => predict(f.model, e, offset))]));
      const worst = Math.min(...Object.values(perDomain));
      runs.push({ l2, offset, worst, perDomain });
      log(`  l2 ${l2} neutral ${offset >= 0 ? '+' : ''}${offset}: ${Object.entries(perDomain).map(([d, f]) => `${d} ${f.toFixed(3)}`).join(', ')}; worst ${worst.toFixed(3)}`);
    }
  }
  const best = runs.filter((r) => r.offset === 0).reduce((a, b) => (b.worst > a.worst ? b : a));
  let temperature = 1;
  let bestNll = Infinity;
  for (const t of TEMPERATURES) {
    let nll = 0;
    for (const f of heldOut.get(best.l2)!) {
      for (const e of f.test) {
        const s = scores(f.model, e.x);
        s[1] += best.offset;
        nll -= Math.log(softmax(s, t)[e.y]! + 1e-12);
      }
    }
    if (nll < bestNll) [bestNll, temperature] = [nll, t];
  }
  return { ...best, temperature };
}

function writeModel(language: string, setup: Setup, model: LinearModel, offset: number, temperature: number, doc: string, translations?: Map<string, string>): void {
  const weights: Record<string, number[]> = {};
  for (const [k, w] of [...model.weights].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (Math.max(...w.map(Math.abs)) < 0.005) continue;
    weights[k] = w.map((v) => Math.round(v * 1000) / 1000);
  }
  const usedPolarity = Object.fromEntries([...setup.polarity].sort(([a], [b]) => (a < b ? -1 : 1)));
  const file: SentimentModelFile = {
    _doc: doc,
    language,
    bias: [model.bias[0], model.bias[1] + offset, model.bias[2]].map((v) => Math.round(v * 1000) / 1000) as SentimentModelFile['bias'],
    temperature,
    stems: setup.stems,
    negators: [...setup.negators],
    phrases: [...setup.phrases],
    polarity: usedPolarity,
    ...(translations ? { translations: Object.fromEntries(translations) } : {}),
    weights: weights as SentimentModelFile['weights'],
  };
  fs.mkdirSync(new URL('./models/', import.meta.url), { recursive: true });
  fs.writeFileSync(new URL(`./models/sentiment-${language}.json`, import.meta.url), `${JSON.stringify(file, null, 0)}\n`);
}

function trainIndonesian(): void {
  const polarity = polarityId();
  const words = vocabularyId(polarity);
  // "salah satu" (one of) is no mistake: read as a phrase, it is no vocabulary word.
  const setup: Setup = { polarity, negators: new Set(RULES.negators), phrases: new Set([...polarity.keys(), 'salah satu'].filter((k) => k.includes(' '))), stems: true };
  const vocabulary = vocabularyOf(words);
  const smsa = readSmsa('train');
  const seen = new Set(smsa.map((r) => norm(r.text)));
  const nusax = readNusax('indonesian', 'train').filter((r) => !seen.has(norm(r.text)));
  const campaign = [
    ...readLexicon('sentiment-campaign-train.tsv').slice(1).map(([, label, text]) => ({ text: text!, label: label as Row['label'] })),
    ...readCampaignSet().filter((r) => r.split === 'tune'),
  ];
  const domains = new Map<string, Example[]>([
    ['smsa', examples(smsa, setup, vocabulary)],
    ['nusax-id', examples(nusax, setup, vocabulary)],
    ['campaign', examples(campaign, setup, vocabulary)],
  ]);
  // Each domain weighs the same in total, so the model is not mostly the reviews' idiom (SmSA has 20 times the rows).
  for (const exs of domains.values()) {
    const total = exs.reduce((n, e) => n + e.weight, 0);
    for (const e of exs) e.weight *= 1000 / total;
  }
  console.log(`Indonesian: vocabulary ${words.size} keys; smsa ${smsa.length}, nusax-id ${nusax.length} (not in SmSA), campaign ${campaign.length}`);
  const best = chooseByDomains(domains, console.log);
  console.log(`  chosen: l2 ${best.l2}, neutral ${best.offset}, temperature ${best.temperature}; worst left-out domain ${best.worst.toFixed(3)}`);
  const all = [...domains.values()].flat();
  const model = fit(all, best.l2);
  writeModel('id', setup, model, best.offset, best.temperature, LICENCES.id!);
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * English and the regional languages: NusaX (reviews and opinions, translated) is the only labelled text, so
 * their models read every word NusaX and SmSA show at least twice (less Indonesian stopwords), and regional
 * words also as their Indonesian headwords (NusaX lexicon). Each language's model is the sum of one model
 * shared by all NusaX languages and SmSA (related languages share words) and one of its own train rows; L2 by
 * 5-fold cross-validation on the language's train rows.
 */
function trainNusaxLanguages(only: string | undefined): void {
  const idPolarity = polarityId();
  const afinn = require('sentiment/languages/en/labels.json') as Record<string, number>;
  const enNegators = Object.keys(require('sentiment/languages/en/negators.json') as Record<string, number>);
  const names = (Object.keys(NUSAX_LANGUAGES) as NusaxLanguage[]).filter((n) => n !== 'indonesian');
  const translations = new Map<string, Map<string, string>>();
  for (const name of names) {
    if (name === 'english') continue;
    const m = new Map<string, string>();
    for (const [id, regional] of readNusaxLexicon(name)) if (!regional.includes(' ') && regional !== id && !m.has(regional)) m.set(regional, id);
    translations.set(name, m);
  }
  const setups = new Map<string, Setup & { translations?: Map<string, string> }>();
  setups.set('indonesian', { polarity: idPolarity, negators: new Set(RULES.negators), phrases: new Set(), stems: false });
  for (const name of names) {
    const english = name === 'english';
    const polarity = english ? new Map(Object.entries(afinn).map(([w, v]) => [w.toLowerCase(), Math.round(v * 0.6 * 100) / 100])) : idPolarity;
    // A regional language's negators: its own list and whatever NusaX's lexicon gives for the Indonesian ones (tidak → sing, tusing; kurang → kuang).
    const translated = english ? [] : readNusaxLexicon(name).filter(([id, regional]) => RULES.negators.includes(id) && !regional.includes(' ')).map(([, regional]) => regional);
    const negators = new Set([...RULES.negators, ...translated, ...(english ? [...enNegators, 'no', 'never', 'nothing', 'without', 'hardly'] : (NEGATORS[NUSAX_LANGUAGES[name]] ?? []))]);
    setups.set(name, { polarity, negators, phrases: new Set(), stems: false, translations: translations.get(name) });
  }
  const train = [
    ...readSmsa('train').map((r) => ({ ...r, lang: 'indonesian' as const, own: false })),
    ...(Object.keys(NUSAX_LANGUAGES) as NusaxLanguage[]).flatMap((n) => readNusax(n, 'train').map((r) => ({ ...r, lang: n, own: true }))),
  ];
  const tokensOf = (r: (typeof train)[number]) => withTranslations(tokenize(r.text), setups.get(r.lang)!.translations);
  const df = new Map<string, number>();
  // Names and brands (Indosat, Gojek, Starbucks): words NusaX writes capitalised inside a sentence at least half the time.
  const cased = new Map<string, [capital: number, all: number]>();
  for (const r of train) {
    for (const t of tokensOf(r)) {
      if (t.kind !== 'word') continue;
      df.set(t.norm, df.get(t.norm) ?? 0);
      if (t.sentenceStart) continue;
      const c = cased.get(t.norm) ?? [0, 0];
      cased.set(t.norm, [c[0] + (t.capitalized || t.acronym ? 1 : 0), c[1] + 1]);
    }
    for (const w of new Set(tokensOf(r).filter((t) => t.kind === 'word' || t.kind === 'emoji').map((t) => t.norm))) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const isName = (w: string) => {
    const c = cased.get(w);
    return c !== undefined && c[1] >= 1 && c[0] / c[1] >= 0.5;
  };
  // No weight on function words (Indonesian, English, Malay stopwords), pronouns, topic words, places, nor on
  // a regional word whose Indonesian headword is such a word ("rega" is "harga").
  const iso = require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;
  const foreignStop = new Set([...(iso.en ?? []), ...(iso.ms ?? [])]);
  const notEvidence = new Set([...readSet('sentiment-not-evidence.txt'), ...readSet('sentiment-topic-words.txt')]);
  const headword = (w: string) => { for (const m of translations.values()) { const id = m.get(w); if (id) return id; } return undefined; };
  const blocked = (w: string) => {
    const id = headword(w);
    return isName(w) || isStopword(w) || foreignStop.has(w) || notEvidence.has(w) || (id !== undefined && (isStopword(id) || notEvidence.has(id))) || findPlaces(w.replace(/^\p{L}/u, (c) => c.toUpperCase())).length > 0;
  };
  const vocabulary = vocabularyOf(new Set([...df].filter(([w, n]) => n >= 2 && !blocked(w)).map(([w]) => w)));
  const example = (r: (typeof train)[number]): Example => ({ x: sentimentVector(tokensOf(r), setups.get(r.lang)!, vocabulary), y: SENTIMENTS.indexOf(r.label), weight: 1 });
  const all = train.map((r) => ({ r, e: example(r) }));
  // Words a sentiment lexicon lists (NusaX's regional headword translations, the Indonesian and English polarity
  // lists) learn freely; any other word needs much more evidence (L2 × OTHER_WORDS_L2), so a brand or a dish that
  // happened to sit in reviews of one class weighs little.
  const lexiconWords = new Set<string>([...idPolarity.keys(), ...Object.keys(afinn)]);
  for (const m of translations.values()) for (const [regional, id] of m) lexiconWords.add(regional).add(id);
  const l2Of = (k: string) => (k.startsWith('@') ? L2_DENSE : lexiconWords.has(k.replace(/^!/, '')) ? L2_NUSAX : L2_NUSAX * OTHER_WORDS_L2);
  type Row = (typeof all)[number];
  const sum = (x: LinearModel, y: LinearModel): LinearModel => {
    const merged: LinearModel = { bias: [0, 1, 2].map((c) => x.bias[c]! + y.bias[c]!) as LinearModel['bias'], weights: new Map() };
    for (const [k, w] of x.weights) merged.weights.set(k, [...w]);
    for (const [k, w] of y.weights) {
      const m = merged.weights.get(k) ?? [0, 0, 0];
      merged.weights.set(k, [m[0] + w[0], m[1] + w[1], m[2] + w[2]]);
    }
    return merged;
  };
  const fitOn = (rows: Row[]) => fitLinear(rows.map((a) => a.e), { l2: l2Of, epochs: EPOCHS });
  const ownRows = (rows: Row[], name: NusaxLanguage) => rows.filter((a) => a.r.lang === name && a.r.own);
  // The confidence's temperature: every fifth NusaX row of each language is held out of both models once, and
  // the temperature that gives those rows the best likelihood is kept (one for all these languages).
  const calibration = (a: Row, i: number) => a.r.own && i % 5 === 0;
  const fitPart = all.filter((a, i) => !calibration(a, i));
  const sharedPart = fitOn(fitPart);
  let temperature = 1;
  let bestNll = Infinity;
  const held = names.map((name) => ({ model: sum(sharedPart, fitOn(ownRows(fitPart, name))), rows: all.filter((a, i) => a.r.lang === name && calibration(a, i)) }));
  for (const t of TEMPERATURES) {
    let nll = 0;
    for (const h of held) for (const a of h.rows) nll -= Math.log(softmax(scores(h.model, a.e.x), t)[a.e.y]! + 1e-12);
    if (nll < bestNll) [bestNll, temperature] = [nll, t];
  }
  console.log(`English and regional languages: temperature ${temperature}, fitted on ${held.reduce((n, h) => n + h.rows.length, 0)} held-out rows`);
  const shared = fitOn(all);
  for (const name of names) {
    const code = NUSAX_LANGUAGES[name];
    if (only && only !== code) continue;
    const merged = sum(shared, fitOn(ownRows(all, name)));
    // Only what a text of this language can hold: the words its own rows or Indonesian use, its headwords.
    const words = new Set<string>();
    for (const a of all) if (a.r.lang === name || a.r.lang === 'indonesian') for (const k of a.e.x.keys()) words.add(k);
    for (const k of [...merged.weights.keys()]) if (!k.startsWith('@') && !words.has(k)) merged.weights.delete(k);
    const setup = setups.get(name)!;
    writeModel(code, setup, merged, 0, temperature, name === 'english' ? LICENCES.en! : REGIONAL_LICENCE, setup.translations);
    console.log(`${name}: ${merged.weights.size} weighted keys`);
  }
}

function main(): void {
  const only = process.argv[2] === 'all' ? undefined : process.argv[2];
  if (!only || only === 'id') trainIndonesian();
  if (only !== 'id') trainNusaxLanguages(only);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
