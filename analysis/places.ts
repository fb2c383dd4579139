import { judgeHit, PERSON } from './places-context.js';
import { readLayout, skippedAs, zoneOf, type Zone } from './places-layout.js';
import { PLACES, scanPlaceNames, splitWords, type NameHit, type Place } from './places-names.js';

/**
 * The provinces and regencies/cities (kabupaten/kota) a text is about, the primary one first. Names are found
 * by places-names.ts (idn-area-data 3, ODbL); places-context.ts sets aside the ones that are not about the place
 * (datelines, outlet boilerplate, where a press event was held, dishes, organisations, clubs, outlets, districts
 * of another province's city, names that need context and have none). What is left is weighed by where it
 * stands, as news is written: the headline (3), the lead (2), the rest (1); "asal Jakarta" half that.
 *
 * A news story is about a province it names in the headline, and one it names in the lead or comes back to
 * (named in two sentences or more) unless another province carries five times its weight. A province named
 * once, deep in the story, is a passing reference: a comparison, where a person comes from, a list. A story
 * that would be about no province is about the one it gives an address for. A short text (a social post) is
 * about every place it names. The primary province has the most weight (the earliest on a tie).
 */
export const PLACES_ATTRIBUTION =
  'Contains information from idn-area-data (https://github.com/fityannugroho/idn-area-data), which is made ' +
  'available here under the Open Database License (ODbL) (https://opendatacommons.org/licenses/odbl/1-0/).';

export type { Place, PlaceKind } from './places-names.js';

export interface PlaceMention extends Place {
  /** The text as written at the first counted mention, prefix included ("Pemkot Samarinda", "Kab. Bandung"). */
  matched: string;
  /** Counted mentions. */
  count: number;
  /** The first place, in the story's primary province. */
  primary: boolean;
  /** The weight of its counted mentions: headline 3, lead 2, elsewhere 1. */
  score: number;
  /** Where it was counted: "headline, lead, 3 sentences". */
  why: string;
}

export interface SetAsidePlace {
  code: string;
  name: string;
  provinceCode: string;
  matched: string;
  why: string;
}

export interface PlacesOptions {
  /** The headline, when it is not the text's first paragraph. */
  title?: string | null;
}

/** A province with less than this share of the leading province's weight is minor beside it. */
const MINOR_SHARE = 0.2;
const WEIGHT: Record<Zone, number> = { title: 3, lead: 2, body: 1 };

interface Province {
  score: number;
  title: boolean;
  lead: boolean;
  /** The weight of each sentence that names the province (its heaviest name). */
  sentences: Map<number, number>;
  /** How many of its names each sentence has: two make an address ("Kabupaten Demak, Jawa Tengah"). */
  names: Map<number, number>;
  first: number;
}

interface Counted {
  hit: NameHit;
  zone: Zone;
  weight: number;
  sentence: number;
  needsSupport: boolean;
}

/** The places a text is about, primary first, with the names set aside and why. */
export function explainPlaces(input: string, options: PlacesOptions = {}): { places: PlaceMention[]; setAside: SetAsidePlace[] } {
  const title = options.title?.trim();
  const text = title ? `${title}\n\n${input}` : input;
  const words = splitWords(text);
  const hits = scanPlaceNames(text, words);
  const setAside: SetAsidePlace[] = [];
  if (!hits.length) return { places: [], setAside };
  const aside = (hit: NameHit, why: string) => {
    const p = hit.place;
    if (!setAside.some((s) => s.code === p.code && s.why === why)) setAside.push({ code: p.code, name: p.name, provinceCode: p.provinceCode, matched: hit.matched, why });
  };

  const layout = readLayout(text, words, hits, title ? title.length : undefined);
  const sentences = sentenceStarts(text);
  let counted: Counted[] = [];
  const contexts = hits.map((hit, i) => judgeHit(text, words, hits, i, layout));
  // one sense per text: once "Minahasa" is a person's surname, every bare "Minahasa" is
  const persons = new Set(hits.filter((h, i) => contexts[i]!.drop === PERSON).map((h) => h.matched.toLowerCase()));
  hits.forEach((hit, i) => {
    const skipped = skippedAs(layout, hit);
    if (skipped) return aside(hit, skipped);
    const context = contexts[i]!;
    if (context.drop) return aside(hit, context.drop);
    if (hit.bare && persons.has(hit.matched.toLowerCase())) return aside(hit, PERSON);
    const zone = zoneOf(layout, hit);
    // where a person comes from, or the where-and-when of an event ("di Jakarta, Senin"), does not make a lead
    const weak = zone === 'lead' && (context.origin || context.when);
    const counts = weak ? 'body' : zone;
    const weight = WEIGHT[counts] * (context.origin ? 0.5 : 1);
    counted.push({ hit, zone: counts, weight, sentence: sentenceOf(sentences, hit.start), needsSupport: !!context.needsSupport });
  });
  const supported = new Set(counted.filter((c) => !c.needsSupport).map((c) => c.hit.place.provinceCode));
  counted = counted.filter((c) => supported.has(c.hit.place.provinceCode) || void aside(c.hit, 'needs context: its province is not named otherwise'));

  const ranked = weighProvinces(counted);
  const about = provincesAbout(ranked, layout.short);
  for (const [code, p] of ranked) {
    if (about.has(code)) continue;
    const why = p.sentences.size < 2 && !p.lead ? 'named once, in passing' : `minor beside ${PLACES.get(ranked[0]![0])!.name}`;
    for (const c of counted) if (c.hit.place.provinceCode === code) aside(c.hit, why);
  }

  const places: PlaceMention[] = [];
  for (const [code] of ranked) {
    if (!about.has(code)) continue;
    const byPlace = new Map<string, Counted[]>();
    for (const c of counted) if (c.hit.place.provinceCode === code) byPlace.set(c.hit.place.code, [...(byPlace.get(c.hit.place.code) ?? []), c]);
    const inProvince = [...byPlace.values()].map((list) => mentionOf(list, layout.short));
    inProvince.sort((a, b) => b.score - a.score);
    places.push(...inProvince);
  }
  if (places[0]) places[0].primary = true;
  return { places, setAside };
}

export function findPlaces(text: string, options: PlacesOptions = {}): PlaceMention[] {
  return explainPlaces(text, options).places;
}

/** Each province's weight, heaviest first (the earliest named first on a tie). */
function weighProvinces(counted: Counted[]): [string, Province][] {
  const provinces = new Map<string, Province>();
  for (const c of counted) {
    const code = c.hit.place.provinceCode;
    const p = provinces.get(code) ?? { score: 0, title: false, lead: false, sentences: new Map(), names: new Map(), first: c.hit.start };
    p.title ||= c.zone === 'title';
    p.lead ||= c.zone === 'lead';
    p.sentences.set(c.sentence, Math.max(p.sentences.get(c.sentence) ?? 0, c.weight));
    p.names.set(c.sentence, (p.names.get(c.sentence) ?? 0) + 1);
    provinces.set(code, p);
  }
  for (const p of provinces.values()) p.score = [...p.sentences.values()].reduce((a, b) => a + b, 0);
  return [...provinces.entries()].sort(([, a], [, b]) => b.score - a.score || a.first - b.first);
}

/** The provinces the text is about (see the comment at the top). */
function provincesAbout(ranked: [string, Province][], short: boolean): Set<string> {
  const top = ranked[0]?.[1].score ?? 0;
  const about = new Set<string>();
  for (const [code, p] of ranked) {
    const notMinor = p.score >= MINOR_SHARE * top;
    const repeated = p.sentences.size >= 2;
    if (short || p.title || (p.lead && (repeated || notMinor)) || (repeated && notMinor)) about.add(code);
  }
  // A story that names no province in its headline or lead and none twice is still about the place it gives an
  // address for ("di Kabupaten Luwu Utara, Sulawesi Selatan"), if it gives one.
  if (!about.size && ranked[0] && [...ranked[0][1].names.values()].some((n) => n >= 2)) about.add(ranked[0][0]);
  return about;
}

function mentionOf(list: Counted[], short: boolean): PlaceMention {
  const { place, matched } = list[0]!.hit;
  let score = 0;
  let title = false;
  let lead = false;
  const sentences = new Set<number>();
  for (const c of list) {
    score += c.weight;
    title ||= c.zone === 'title';
    lead ||= c.zone === 'lead';
    sentences.add(c.sentence);
  }
  const n = sentences.size;
  const why = short ? 'short text' : `${title ? 'headline, ' : ''}${lead ? 'lead, ' : ''}${n} sentence${n > 1 ? 's' : ''}`;
  return {
    code: place.code,
    name: place.name,
    kind: place.kind,
    provinceCode: place.provinceCode,
    provinceName: place.provinceName,
    matched,
    count: list.length,
    primary: false,
    score: Math.round(score * 10) / 10,
    why,
  };
}

/** Offsets where sentences begin (after . ! ? and a space, or a new line). */
function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/[.!?]+["”’')\]]*\s+|\n+/g)) starts.push(m.index + m[0].length);
  return starts;
}

function sentenceOf(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function getPlace(code: string): Place | undefined {
  return PLACES.get(code);
}

/** The province a place lies in (a province is its own). */
export function provinceOf(code: string): Place | undefined {
  const place = PLACES.get(code);
  return place && PLACES.get(place.provinceCode);
}
