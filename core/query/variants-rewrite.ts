/**
 * Adds picked regional-language variants to a query as alternatives of the terms they vary, in the query
 * language itself: each term's text is replaced by a parenthesised OR of it and its variants, so
 * `"harga beras"` becomes `("harga beras" OR "rega beras")`, `harga NEAR/5 naik` becomes
 * `(harga NEAR/5 naik OR rega NEAR/5 naik)`, and words written next to each other keep meaning "all of
 * them": `harga beras` becomes `(harga beras OR rega beras)`. Plain string work (no parsing), so the
 * dashboard runs it in the browser; the spans come from GET /api/v1/topics/variants.
 */
export interface VariantPick {
  /** The term's place in the query, [start, end), and its text there (checked, so a stale pick fails loudly). */
  start: number;
  end: number;
  text: string;
  /** Query text of each variant to add ("rega beras" as '"rega beras"'). */
  variants: string[];
}

export class StalePickError extends Error {}

export function addVariantsToQuery(query: string, picks: readonly VariantPick[]): string {
  const byTerm = new Map<string, VariantPick>();
  for (const p of picks) {
    if (query.slice(p.start, p.end) !== p.text) throw new StalePickError(`the query changed: "${p.text}" is no longer at character ${p.start + 1}`);
    const key = `${p.start}:${p.end}`;
    const same = byTerm.get(key);
    byTerm.set(key, { ...p, variants: [...new Set([...(same?.variants ?? []), ...p.variants])] });
  }
  const ordered = [...byTerm.values()].sort((a, b) => b.start - a.start);
  ordered.forEach((p, i) => {
    const next = ordered[i + 1];
    if (next && next.end > p.start) throw new StalePickError(`"${next.text}" and "${p.text}" overlap`);
  });
  let out = query;
  for (const p of ordered) {
    const variants = p.variants.filter((v) => v !== p.text);
    if (variants.length > 0) out = `${out.slice(0, p.start)}(${[p.text, ...variants].join(' OR ')})${out.slice(p.end)}`;
  }
  return out;
}
