/**
 * Unicode classes of single characters (letter, mark, number, emoji), from a table filled as characters are first
 * seen, so a text's words can be found by a loop over its characters rather than a regular expression match
 * (and a string) per word. The classes are what \p{L}, \p{M}, \p{N}, \p{Extended_Pictographic} and
 * \p{Emoji_Modifier} match, asked of the same engine.
 */
export const LETTER = 1;
export const MARK = 2;
export const NUMBER = 4;
export const PICTOGRAPHIC = 8;
export const EMOJI_MODIFIER = 16;
const KNOWN = 128;

/**
 * The string with only its own characters behind it. V8 makes a substring of 13 or more characters a view into
 * the whole text it was cut from; kept as a key of a cache that lives as long as the process, such a view keeps
 * that whole page in memory. Shorter substrings are copies already.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

const CLASSES: [RegExp, number][] = [
  [/^\p{L}$/u, LETTER],
  [/^\p{M}$/u, MARK],
  [/^\p{N}$/u, NUMBER],
  [/^\p{Extended_Pictographic}$/u, PICTOGRAPHIC],
  [/^\p{Emoji_Modifier}$/u, EMOJI_MODIFIER],
];

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let bits = KNOWN;
  for (const [re, bit] of CLASSES) if (re.test(ch)) bits |= bit;
  return bits;
}

/** Basic Multilingual Plane characters' classes, 0 until first seen: 64 KB, the whole of a text's alphabet. */
const BMP = new Uint8Array(0x10000);
for (let cp = 0; cp < 128; cp++) BMP[cp] = classify(cp);
/** The other planes' (emoji, historic scripts) as they are seen; bounded, though few texts use many. */
const ASTRAL = new Map<number, number>();
const ASTRAL_LIMIT = 10_000;

/** The class bits of a code point (a lone surrogate has none). */
export function charClass(cp: number): number {
  if (cp < 0x10000) {
    const known = BMP[cp]!;
    return known !== 0 ? known : (BMP[cp] = classify(cp));
  }
  let bits = ASTRAL.get(cp);
  if (bits === undefined) {
    bits = classify(cp);
    if (ASTRAL.size >= ASTRAL_LIMIT) ASTRAL.clear();
    ASTRAL.set(cp, bits);
  }
  return bits;
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

/** The UTF-16 length of a code point. */
export const widthOf = (cp: number): number => (cp >= 0x10000 ? 2 : 1);
