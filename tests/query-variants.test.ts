import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseQuery, querySpan, type QueryNode } from '../core/query/parse.js';
import { cleanLexiconCell, parseCsv } from '../core/query/variants-build.js';
import { parseVariantTable, REGIONAL_LANGUAGE_CODES, VARIANTS_FILE, variantTable } from '../core/query/variants-data.js';
import { mineParallelPairs } from '../core/query/variants-mine.js';
import { addVariantsToQuery, StalePickError } from '../core/query/variants-rewrite.js';
import { suggestVariants } from '../core/query/variants.js';

/** A small table in the shipped format: what the lookup tests read, so they do not move when the data is rebuilt. */
const table = parseVariantTable(
  [
    '# test table',
    'indonesian\tlanguage\tvariant\tsource\tevidence',
    'harga\tjv\trega\tlexicon\t',
    'harga\tjv\trega\tparallel\t41/56/43 dice=0.83',
    'harga\tjv\trego\tlexicon\t',
    'harga\tsu\tpangaos\tlexicon\t',
    'harga\tbug\tangke\'\tlexicon\t',
    'beras\tsu\tbeas\tparallel\t3/3/3 dice=1.00',
    'naik\tjv\tmunggah\tparallel\t5/6/5 dice=0.91',
    'korban jiwa\tjv\ttewas\tlexicon\t',
    'makanan\tban\tajengan\tparallel\t',
    'hoaks\tjv\tapusan\tlexicon\t',
  ].join('\n'),
);

const variantsOf = (query: string, term: string, language: string) =>
  suggestVariants(query, table)
    .terms.find((t) => t.text === term)
    ?.languages.find((l) => l.language === language)
    ?.variants.map((v) => v.query) ?? [];

describe('the shipped variant table (built from NusaX)', () => {
  test('says where it comes from and under which licence, and has the four main regional languages and six more', () => {
    const head = fs.readFileSync(VARIANTS_FILE, 'utf8').split('\n').slice(0, 8).join('\n');
    expect(head).toContain('NusaX');
    expect(head).toContain('Winata et al.');
    expect(head).toContain('EACL 2023');
    expect(head).toMatch(/Attribution-ShareAlike 4\.0/);
    const languages = new Set([...variantTable().values()].flat().map((v) => v.language));
    expect([...languages].sort()).toEqual([...REGIONAL_LANGUAGE_CODES].sort());
  });

  test('harga has rega in Javanese (lexicon and parallel sentences) and pangaos in Sundanese; no variant repeats its Indonesian word', () => {
    const shipped = variantTable();
    expect(shipped.get('harga')).toEqual(
      expect.arrayContaining([
        { language: 'jv', variant: 'rega', sources: ['lexicon', 'parallel'] },
        { language: 'su', variant: 'pangaos', sources: ['lexicon', 'parallel'] },
        { language: 'min', variant: 'harago', sources: ['lexicon', 'parallel'] },
        { language: 'ban', variant: 'ajin', sources: ['lexicon'] },
      ]),
    );
    for (const [word, variants] of shipped) expect(variants.filter((v) => v.variant === word)).toEqual([]);
  });
});

describe('building the table', () => {
  test('CSV cells may be quoted, hold commas, doubled quotes and line breaks', () => {
    expect(parseCsv(',indonesian,banjarese\n11,aku,"unda (semacam ""gue"")"\r\n12,"a, b",c\n')).toEqual([
      ['', 'indonesian', 'banjarese'],
      ['11', 'aku', 'unda (semacam "gue")'],
      ['12', 'a, b', 'c'],
    ]);
  });

  test('lexicon cells lose their notes and split into variants; explanations give nothing', () => {
    expect(cleanLexiconCell('gedok (raih, sampai)')).toEqual(['gedok']);
    expect(cleanLexiconCell('sabana, sangaik')).toEqual(['sabana', 'sangaik']);
    expect(cleanLexiconCell(' bareng-bareng ')).toEqual(['bareng-bareng']);
    expect(cleanLexiconCell("de' lai jampangi")).toEqual(["de' lai jampangi"]);
    expect(cleanLexiconCell('"nyaman juga berarti enak"')).toEqual([]);
    expect(cleanLexiconCell('(misal ras india "orang india")')).toEqual([]);
  });

  test('parallel sentences give a pair only when both words are each other\'s single best partner, often enough', () => {
    const pairs: [string, string][] = [
      ['Harga beras naik lagi', 'Rega beras munggah maneh'],
      ['Harga cabai naik', 'Rega lombok munggah'],
      ['Harga gula turun', 'Rega gula mudhun'],
      ['Naik kereta ke kota', 'Munggah sepur menyang kutha'],
      ['Tiket air asia murah', 'Tiket air asia murah'],
      ['Tiket air asia mahal', 'Tiket air asia larang'],
      ['Tiket air asia habis', 'Tiket air asia entek'],
    ];
    const mined = mineParallelPairs(pairs, { minTogether: 3, minDice: 0.5 });
    expect(mined.map((p) => `${p.indonesian}→${p.variant}`).sort()).toEqual(['harga→rega', 'naik→munggah']);
    const harga = mined.find((p) => p.indonesian === 'harga')!;
    expect(harga).toMatchObject({ together: 3, indonesianCount: 3, variantCount: 3, dice: 1 });
    // "tiket", "air", "asia" are left as written (identical); "lombok", "sepur" are seen once or twice only
  });
});

describe('suggesting variants for a query', () => {
  test('a phrase gets per-word variants combined within one language, as phrases: "harga beras" → "rega beras", "pangaos beas"', () => {
    expect(variantsOf('"harga beras"', '"harga beras"', 'jv')).toEqual(['"rega beras"', '"rego beras"']);
    expect(variantsOf('"harga beras"', '"harga beras"', 'su')).toEqual(['"pangaos beas"', '"harga beas"', '"pangaos beras"']);
    const term = suggestVariants('"harga beras"', table).terms[0]!;
    expect(term).toMatchObject({ text: '"harga beras"', start: 0, end: 13, words: ['harga', 'beras'] });
    const rega = term.languages.find((l) => l.language === 'jv')!.variants[0]!;
    expect(rega).toMatchObject({ text: 'rega beras', sources: ['lexicon', 'parallel'] });
  });

  test('words written next to each other stay one term and keep meaning all of them; a NEAR pair and a title: search keep their form', () => {
    expect(variantsOf('harga beras', 'harga beras', 'jv')).toEqual(['rega beras', 'rego beras']);
    expect(variantsOf('harga NEAR/5 naik', 'harga NEAR/5 naik', 'jv')[0]).toBe('rega NEAR/5 munggah');
    expect(variantsOf('cabai, title:harga', 'title:harga', 'jv')).toEqual(['title:rega', 'title:rego']);
    expect(variantsOf('"korban jiwa"', '"korban jiwa"', 'jv')).toEqual(['tewas']);
    // a variant with an apostrophe is written as a phrase, so the query stays valid
    expect(variantsOf('harga', 'harga', 'bug')).toEqual(['"angke\'"']);
  });

  test('excluded words, prefixes, sources and tiers get no variants; every suggestion parses', () => {
    const { terms } = suggestVariants('harga* (makanan OR beras) TANPA hoaks source:"Kabar Pesisir" tier:daerah', table);
    expect(terms.map((t) => t.text)).toEqual(['makanan', 'beras']);
    for (const t of terms) for (const l of t.languages) for (const v of l.variants) expect(() => parseQuery(v.query)).not.toThrow();
  });

  test('an alternative already in the query is not offered again, nor treated as a term of its own', () => {
    const { terms } = suggestVariants('("harga beras" OR "rega beras")', table);
    expect(terms.map((t) => t.text)).toEqual(['"harga beras"']);
    expect(variantsOf('("harga beras" OR "rega beras")', '"harga beras"', 'jv')).toEqual(['"rego beras"']);
  });

  test('a word the table does not know is listed with no languages', () => {
    expect(suggestVariants('Presidensi', table).terms).toEqual([expect.objectContaining({ text: 'Presidensi', languages: [] })]);
  });
});

describe('adding picked variants to the query', () => {
  const pickAll = (query: string, language: string) =>
    suggestVariants(query, table).terms.map((t) => ({ start: t.start, end: t.end, text: t.text, variants: t.languages.find((l) => l.language === language)?.variants.map((v) => v.query) ?? [] }));

  test('"harga beras" becomes ("harga beras" OR "rega beras" OR "rego beras"), which parses to the phrase or its variants', () => {
    const next = addVariantsToQuery('"harga beras"', pickAll('"harga beras"', 'jv'));
    expect(next).toBe('("harga beras" OR "rega beras" OR "rego beras")');
    expect(parseQuery(next)).toEqual({ type: 'or', nodes: [{ type: 'phrase', words: ['harga', 'beras'] }, { type: 'phrase', words: ['rega', 'beras'] }, { type: 'phrase', words: ['rego', 'beras'] }] });
  });

  test('terms inside a larger query are rewritten in place, right to left, and the rest stays as written', () => {
    const query = 'harga NEAR/5 naik, title:harga TANPA hoaks';
    const picks = pickAll(query, 'jv').map((p) => ({ ...p, variants: p.variants.slice(0, 1) }));
    const next = addVariantsToQuery(query, picks);
    expect(next).toBe('(harga NEAR/5 naik OR rega NEAR/5 munggah), (title:harga OR title:rega) TANPA hoaks');
    const tree = parseQuery(next) as Extract<QueryNode, { type: 'or' }>;
    expect(tree.nodes[0]).toMatchObject({ type: 'or', nodes: [{ type: 'near' }, { type: 'near', left: { word: 'rega' }, right: { word: 'munggah' } }] });
  });

  test('words next to each other become an OR of groups, so the query still asks for all of them: harga beras → (harga beras OR rega beras)', () => {
    const next = addVariantsToQuery('harga beras', [{ start: 0, end: 11, text: 'harga beras', variants: ['rega beras'] }]);
    expect(next).toBe('(harga beras OR rega beras)');
    expect(parseQuery(next)).toEqual({
      type: 'or',
      nodes: [
        { type: 'and', nodes: [{ type: 'term', word: 'harga' }, { type: 'term', word: 'beras' }] },
        { type: 'and', nodes: [{ type: 'term', word: 'rega' }, { type: 'term', word: 'beras' }] },
      ],
    });
  });

  test('a pick made on a query that has since changed is refused rather than spliced into the wrong place', () => {
    expect(() => addVariantsToQuery('cabai "harga beras"', [{ start: 0, end: 13, text: '"harga beras"', variants: ['"rega beras"'] }])).toThrow(StalePickError);
  });

  test('the parser records where each term was written', () => {
    const tree = parseQuery('  cabai OR "harga beras" NEAR/3 naik') as Extract<QueryNode, { type: 'or' }>;
    expect(querySpan(tree.nodes[0]!)).toEqual({ start: 2, end: 7 });
    expect(querySpan(tree.nodes[1]!)).toEqual({ start: 11, end: 36 });
  });
});
