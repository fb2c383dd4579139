import fs from 'node:fs';
import { SENTIMENTS, type Sentiment } from './sentiment.js';

/** Labelled texts for learning and evaluating sentiment, and the measure they are judged by. */
export interface Labelled {
  text: string;
  label: Sentiment;
}

/** SmSA's `text<TAB>label` rows; a bad row names its line. */
export function readSmsa(file: string): Labelled[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (!line.trim()) return [];
      const tab = line.lastIndexOf('\t');
      const label = line.slice(tab + 1).trim() as Sentiment;
      if (tab < 0 || !SENTIMENTS.includes(label)) throw new Error(`${file} line ${i + 1}: expected text<TAB>positive|neutral|negative`);
      return [{ text: line.slice(0, tab), label }];
    });
}

/** Mean of the per-class F1 scores (positive, neutral, negative). */
export function macroF1<T extends Labelled>(rows: T[], predict: (row: T) => Sentiment): number {
  const tp = [0, 0, 0];
  const fp = [0, 0, 0];
  const fn = [0, 0, 0];
  for (const row of rows) {
    const p = SENTIMENTS.indexOf(predict(row));
    const g = SENTIMENTS.indexOf(row.label);
    if (p === g) tp[p]!++;
    else {
      fp[p]!++;
      fn[g]!++;
    }
  }
  const f1 = [0, 1, 2].map((c) => (tp[c]! === 0 ? 0 : (2 * tp[c]!) / (2 * tp[c]! + fp[c]! + fn[c]!)));
  return (f1[0]! + f1[1]! + f1[2]!) / 3;
}
