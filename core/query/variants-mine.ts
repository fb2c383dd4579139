/**
 * Word translations mined from parallel sentences (Indonesian ↔ one regional language) by co-occurrence:
 * a pair counts the sentence pairs that hold both words, scored by the Dice coefficient
 * 2·both / (Indonesian word's sentences + variant's sentences). A pair is kept only when it is confident
 * and consistent: seen together in at least `minTogether` sentence pairs, Dice at least `minDice`, and each
 * word the other's single best partner (no tie) in both directions, so a word that merely travels with
 * another ("air asia", a name) or an untranslated Indonesian word left in the sentence does not become a
 * variant. Identical words are not emitted (a variant equal to the Indonesian word adds nothing), nor
 * Indonesian words under three letters. Function words are kept: "naik" → "munggah" matters to a query, and
 * stopword lists hold such words.
 */
export interface MinedPair {
  indonesian: string;
  variant: string;
  /** Sentence pairs with both words. */
  together: number;
  indonesianCount: number;
  variantCount: number;
  dice: number;
}

export interface MineOptions {
  minTogether: number;
  minDice: number;
}

const words = (text: string): Set<string> => new Set(text.normalize('NFKC').toLowerCase().match(/\p{L}{2,}/gu) ?? []);

export function mineParallelPairs(pairs: readonly (readonly [string, string])[], opts: MineOptions = { minTogether: 3, minDice: 0.5 }): MinedPair[] {
  const left = new Map<string, number>();
  const right = new Map<string, number>();
  const both = new Map<string, Map<string, number>>();
  for (const [id, other] of pairs) {
    const a = words(id);
    const b = words(other);
    for (const w of a) left.set(w, (left.get(w) ?? 0) + 1);
    for (const w of b) right.set(w, (right.get(w) ?? 0) + 1);
    for (const w of a) {
      const row = both.get(w) ?? new Map<string, number>();
      for (const v of b) row.set(v, (row.get(v) ?? 0) + 1);
      both.set(w, row);
    }
  }
  const dice = (w: string, v: string, n: number) => (2 * n) / (left.get(w)! + right.get(v)!);

  // Each word's best partner on the other side, with whether that best is shared (a tie).
  const bestOfLeft = new Map<string, { word: string; score: number; tie: boolean }>();
  const bestOfRight = new Map<string, { word: string; score: number; tie: boolean }>();
  const offer = (best: Map<string, { word: string; score: number; tie: boolean }>, key: string, word: string, score: number) => {
    const now = best.get(key);
    if (!now || score > now.score + 1e-9) best.set(key, { word, score, tie: false });
    else if (Math.abs(score - now.score) <= 1e-9) now.tie = true;
  };
  for (const [w, row] of both) {
    for (const [v, n] of row) {
      const s = dice(w, v, n);
      offer(bestOfLeft, w, v, s);
      offer(bestOfRight, v, w, s);
    }
  }

  const out: MinedPair[] = [];
  for (const [w, best] of bestOfLeft) {
    const v = best.word;
    const back = bestOfRight.get(v)!;
    const together = both.get(w)!.get(v)!;
    if (best.tie || back.tie || back.word !== w || v === w) continue;
    if (together < opts.minTogether || best.score < opts.minDice || w.length < 3) continue;
    out.push({ indonesian: w, variant: v, together, indonesianCount: left.get(w)!, variantCount: right.get(v)!, dice: best.score });
  }
  return out.sort((a, b) => b.dice - a.dice || a.indonesian.localeCompare(b.indonesian));
}
