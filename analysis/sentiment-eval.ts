/**
 * `npm run eval:sentiment`: macro-F1 of Gaung's sentiment on SmSA valid (never trained on) and on the
 * campaign set in analysis/eval/ (written for Gaung), its tune and held-out parts apart, by register.
 * SmSA is read from ../shared/datasets/smsa (or SMSA_DIR).
 */
import fs from 'node:fs';
import path from 'node:path';
import { macroF1, readSmsa, type Labelled } from './sentiment-data.js';
import { analyzeSentiment, SENTIMENTS, type Sentiment } from './sentiment.js';
import { tokenize } from './tokenize.js';

interface CampaignRow extends Labelled {
  id: string;
  split: 'tune' | 'heldout';
  register: 'news' | 'social';
}

export function readCampaignSet(file = new URL('./eval/campaign-sentiment.tsv', import.meta.url)): CampaignRow[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  if (header !== 'id\tsplit\tregister\tlabel\ttext') throw new Error('eval/campaign-sentiment.tsv: unexpected header');
  return lines.map((line, i) => {
    const [id, split, register, label, text] = line.split('\t');
    if (!text || !SENTIMENTS.includes(label as Sentiment)) throw new Error(`eval/campaign-sentiment.tsv line ${i + 2}: bad row`);
    return { id: id!, split: split as CampaignRow['split'], register: register as CampaignRow['register'], label: label as Sentiment, text };
  });
}

const predict = (r: Labelled & { register?: 'news' | 'social' }) => analyzeSentiment(tokenize(r.text)).sentiment;

function confusion(rows: Labelled[]): string {
  const m = SENTIMENTS.map(() => SENTIMENTS.map(() => 0));
  for (const r of rows) m[SENTIMENTS.indexOf(r.label)]![SENTIMENTS.indexOf(predict(r))]!++;
  return SENTIMENTS.map((s, i) => `${s.padEnd(9)} ${m[i]!.map((n) => String(n).padStart(5)).join('')}`).join('\n    ');
}

function main(): void {
  const dir = process.env.SMSA_DIR ?? path.resolve(import.meta.dirname, '../../shared/datasets/smsa');
  const valid = readSmsa(path.join(dir, 'valid.tsv'));
  const campaign = readCampaignSet();
  const line = (name: string, rows: Labelled[]) => console.log(`${name.padEnd(34)} ${String(rows.length).padStart(5)}   ${macroF1(rows, predict).toFixed(3)}`);
  console.log('Sentiment macro-F1 (positive / neutral / negative)          rows   macro-F1');
  line('SmSA valid', valid);
  for (const split of ['tune', 'heldout'] as const) {
    line(`campaign ${split}`, campaign.filter((r) => r.split === split));
    for (const register of ['news', 'social'] as const) line(`  ${register}`, campaign.filter((r) => r.split === split && r.register === register));
  }
  console.log(`\n  SmSA valid, rows = gold, columns = predicted (${SENTIMENTS.join(', ')}):\n    ${confusion(valid)}`);
  console.log(`  campaign held-out:\n    ${confusion(campaign.filter((r) => r.split === 'heldout'))}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
