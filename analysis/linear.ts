/**
 * Multinomial logistic regression over sparse features, for the sentiment models and the per-deployment
 * adaptation learned from corrections. Full-batch Adam with L2 per feature (`l2(key)`), class-weighted rows
 * (each row's `weight`), and an optional starting point it is pulled toward instead of zero (`anchor`), so an
 * adaptation moves a shipped model only as far as its corrections justify.
 */
export type Weights = [number, number, number];
export type Vector = Map<string, number>;

export interface LinearModel {
  bias: Weights;
  weights: Map<string, Weights>;
}

export interface Example {
  x: Vector;
  /** Class index: 0 positive, 1 neutral, 2 negative. */
  y: number;
  weight: number;
}

export interface FitOptions {
  l2: (key: string) => number;
  epochs: number;
  rate?: number;
  anchor?: LinearModel;
  /** Features to learn; others keep the anchor's weights (or none). */
  learnable?: (key: string) => boolean;
  /** L2 on the class biases toward the anchor's (none by default). */
  biasL2?: number;
}

export function scores(model: LinearModel, x: Vector, extra?: LinearModel): Weights {
  const s: Weights = [model.bias[0], model.bias[1], model.bias[2]];
  if (extra) for (let c = 0; c < 3; c++) s[c]! += extra.bias[c]!;
  for (const [k, v] of x) {
    const w = model.weights.get(k);
    if (w) for (let c = 0; c < 3; c++) s[c]! += w[c]! * v;
    const e = extra?.weights.get(k);
    if (e) for (let c = 0; c < 3; c++) s[c]! += e[c]! * v;
  }
  return s;
}

export function softmax(s: readonly number[], temperature = 1): Weights {
  const max = Math.max(...s);
  const e = s.map((v) => Math.exp((v - max) / temperature));
  const t = e[0]! + e[1]! + e[2]!;
  return [e[0]! / t, e[1]! / t, e[2]! / t];
}

export function fitLinear(examples: readonly Example[], opts: FitOptions): LinearModel {
  const keys = new Map<string, number>();
  for (const ex of examples) for (const k of ex.x.keys()) if (!keys.has(k) && (opts.learnable?.(k) ?? true)) keys.set(k, keys.size);
  const n = keys.size;
  const w = new Float64Array(n * 3);
  const anchorW = new Float64Array(n * 3);
  for (const [k, i] of keys) {
    const a = opts.anchor?.weights.get(k);
    if (a) for (let c = 0; c < 3; c++) anchorW[i * 3 + c] = w[i * 3 + c] = a[c]!;
  }
  const lambda = new Float64Array(n);
  for (const [k, i] of keys) lambda[i] = opts.l2(k);
  const bias = new Float64Array(opts.anchor ? opts.anchor.bias : [0, 0, 0]);
  // Features the fit does not learn still score with the anchor's weights.
  const rows = examples.map((ex) => {
    const idx: number[] = [];
    const val: number[] = [];
    const fixed: Weights = [0, 0, 0];
    for (const [k, v] of ex.x) {
      const i = keys.get(k);
      if (i !== undefined) {
        idx.push(i);
        val.push(v);
      } else {
        const a = opts.anchor?.weights.get(k);
        if (a) for (let c = 0; c < 3; c++) fixed[c]! += a[c]! * v;
      }
    }
    return { idx, val, fixed, y: ex.y, weight: ex.weight };
  });
  const totalWeight = rows.reduce((t, r) => t + r.weight, 0) || 1;
  const rate = opts.rate ?? 0.05;
  const m = new Float64Array(n * 3 + 3);
  const v2 = new Float64Array(n * 3 + 3);
  const grad = new Float64Array(n * 3 + 3);
  const b1 = 0.9;
  const b2 = 0.999;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    grad.fill(0);
    for (const r of rows) {
      const s = [bias[0]! + r.fixed[0], bias[1]! + r.fixed[1], bias[2]! + r.fixed[2]];
      for (let j = 0; j < r.idx.length; j++) for (let c = 0; c < 3; c++) s[c]! += w[r.idx[j]! * 3 + c]! * r.val[j]!;
      const p = softmax(s);
      for (let c = 0; c < 3; c++) {
        const g = ((p[c]! - (c === r.y ? 1 : 0)) * r.weight) / totalWeight;
        grad[n * 3 + c]! += g;
        for (let j = 0; j < r.idx.length; j++) grad[r.idx[j]! * 3 + c]! += g * r.val[j]!;
      }
    }
    for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) grad[i * 3 + c]! += lambda[i]! * (w[i * 3 + c]! - anchorW[i * 3 + c]!);
    if (opts.biasL2) for (let c = 0; c < 3; c++) grad[n * 3 + c]! += opts.biasL2 * (bias[c]! - (opts.anchor?.bias[c] ?? 0));
    const corr1 = 1 - b1 ** epoch;
    const corr2 = 1 - b2 ** epoch;
    for (let i = 0; i < n * 3 + 3; i++) {
      m[i] = b1 * m[i]! + (1 - b1) * grad[i]!;
      v2[i] = b2 * v2[i]! + (1 - b2) * grad[i]! ** 2;
      const step = (rate * (m[i]! / corr1)) / (Math.sqrt(v2[i]! / corr2) + 1e-8);
      if (i < n * 3) w[i]! -= step;
      else bias[i - n * 3]! -= step;
    }
  }
  const weights = new Map<string, Weights>(opts.anchor?.weights);
  for (const [k, i] of keys) weights.set(k, [w[i * 3]!, w[i * 3 + 1]!, w[i * 3 + 2]!]);
  return { bias: [bias[0]!, bias[1]!, bias[2]!], weights };
}
