/**
 * Text as whole lower-cased words joined by single spaces, padded with one space at each end: the words
 * near-duplicate shingles are made of. Topic queries live in core/query/.
 */
export function normalizeSearchText(text: string): string {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return ` ${words.join(' ')} `;
}
