/** A text's whole lower-cased words (NFKC): what near-duplicate shingles are made of. Topic queries live in core/query/. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
