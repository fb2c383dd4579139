/**
 * Unicode classes of single characters (letter, mark, number), from a table filled as characters are first
 * seen, so a text's words can be found by a loop over its characters rather than a regular expression match
 * (and a string) per word. The classes are what \p{L}, \p{M} and \p{N} match, asked of the same engine.
 */
export const LETTER = 1;
export const MARK = 2;
export const NUMBER = 4;
const KNOWN = 8;

const IS_LETTER = /^\p{L}$/u;
const IS_MARK = /^\p{M}$/u;
const IS_NUMBER = /^\p{N}$/u;

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return (IS_LETTER.test(ch) ? LETTER : 0) | (IS_MARK.test(ch) ? MARK : 0) | (IS_NUMBER.test(ch) ? NUMBER : 0) | KNOWN;
}

/** Basic Multilingual Plane characters' classes, 0 until first seen: 64 KB, the whole of a text's alphabet. */
const BMP = new Uint8Array(0x10000);
for (let cp = 0; cp < 128; cp++) BMP[cp] = classify(cp);

/** LETTER | MARK | NUMBER bits of a code point (a lone surrogate is none of them). */
export function charClass(cp: number): number {
  if (cp >= 0x10000) return classify(cp);
  const known = BMP[cp]!;
  return known !== 0 ? known : (BMP[cp] = classify(cp));
}

/** The code point at `i` in `s` (a surrogate pair read as one; a lone surrogate as itself). */
export function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}
