import { addVariantsToQuery, StalePickError, type VariantPick } from '../../core/query/variants-rewrite.js';
import { getJson } from './api.js';
import { errorText, querySyntaxError } from './api-errors.js';
import { formatNumber } from './format.js';
import { t, tf, type TextKey } from './i18n.js';
import { hasRole } from './session.js';

/**
 * The topic editor's "Varian bahasa daerah" panel: the current query's terms with their regional-language
 * variants (GET /api/v1/topics/variants), each with its source and how many stored mentions of the last
 * 30 days it would add; the analyst ticks some, and they are written into the query as OR alternatives
 * (core/query/variants-rewrite.ts) and previewed.
 */
interface Variant { text: string; query: string; sources: ('lexicon' | 'parallel')[]; adds: number | null }
interface Term { text: string; start: number; end: number; languages: { language: string; variants: Variant[] }[] }
interface Suggestions { query: string; terms: Term[] }

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const DEBOUNCE_MS = 350;
/** Shown first; the other NusaX languages fold under "n more languages". */
const MAIN_LANGUAGES = ['jv', 'su', 'ban', 'min'];

const state = { seq: 0, timer: 0, shown: null as Suggestions | null, picks: new Map<string, VariantPick>(), note: null as { key: TextKey; n: number } | null };
let opts: { query: () => HTMLTextAreaElement; onAdded: () => void } | null = null;

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string) => {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
};

const say = (text: string) => $('te-variants-list').replaceChildren(el('p', 'empty', text));
/** The line beside the button (what was added, or that the query changed), kept as a text key so a language switch redraws it. */
function note(next?: { key: TextKey; n: number } | null): void {
  if (next !== undefined) state.note = next;
  $('te-variants-status').textContent = state.note ? tf(state.note.key, { n: state.note.n }) : '';
}

function updateButton(): void {
  const n = [...state.picks.values()].reduce((k, p) => k + p.variants.length, 0);
  const button = $<HTMLButtonElement>('te-variants-add');
  button.disabled = n === 0;
  button.textContent = n === 0 ? t('teVariantsAdd') : tf('teVariantsAddN', { n });
}

/** Ticks and unticks a variant of a term; the same variant listed under two languages is one pick. */
function toggle(term: Term, variant: Variant, on: boolean): void {
  const key = `${term.start}:${term.end}`;
  const pick = state.picks.get(key) ?? { start: term.start, end: term.end, text: term.text, variants: [] };
  pick.variants = on ? [...new Set([...pick.variants, variant.query])] : pick.variants.filter((q) => q !== variant.query);
  if (pick.variants.length) state.picks.set(key, pick);
  else state.picks.delete(key);
  document.querySelectorAll<HTMLInputElement>(`#te-variants-list input[data-term="${key}"]`).forEach((box) => {
    if (box.value === variant.query) box.checked = on;
  });
  updateButton();
}

function variantLabel(term: Term, v: Variant): HTMLLabelElement {
  const label = el('label', 'variant');
  const box = el('input');
  box.type = 'checkbox';
  box.value = v.query;
  box.dataset.term = `${term.start}:${term.end}`;
  box.checked = state.picks.get(box.dataset.term)?.variants.includes(v.query) ?? false;
  box.addEventListener('change', () => toggle(term, v, box.checked));
  const sources = v.sources.map((s) => t(s === 'lexicon' ? 'teVariantsLexicon' : 'teVariantsParallel')).join(' + ');
  label.title = sources;
  label.append(box, el('span', 'word', v.text));
  if (v.adds !== null) {
    const adds = el('span', v.adds > 0 ? 'adds' : 'adds none', `+${formatNumber(v.adds)}`);
    adds.title = tf('teVariantsAddsTitle', { n: formatNumber(v.adds) });
    label.append(adds);
  }
  label.append(el('span', 'src', sources));
  return label;
}

function languageRow(term: Term, lang: Term['languages'][number]): HTMLDivElement {
  const row = el('div', 'variant-lang');
  row.dataset.language = lang.language;
  const chips = el('div', 'chips');
  chips.append(...lang.variants.map((v) => variantLabel(term, v)));
  row.append(el('span', 'lang-name', t(`variantLang_${lang.language}` as TextKey)), chips);
  return row;
}

function render(s: Suggestions): void {
  state.shown = s;
  note();
  for (const key of [...state.picks.keys()]) if (!s.terms.some((term) => `${term.start}:${term.end}` === key)) state.picks.delete(key);
  updateButton();
  if (s.terms.length === 0) return say(t('teVariantsNoTerms'));
  const blocks = s.terms.map((term) => {
    const block = el('div', 'variant-term');
    block.append(el('h4', undefined, term.text));
    if (term.languages.length === 0) block.append(el('p', 'empty', t('teVariantsNone')));
    const main = term.languages.filter((l) => MAIN_LANGUAGES.includes(l.language));
    const more = term.languages.filter((l) => !MAIN_LANGUAGES.includes(l.language));
    block.append(...main.map((l) => languageRow(term, l)));
    if (more.length) {
      const details = el('details');
      details.append(el('summary', undefined, tf('teVariantsMore', { n: more.length })), ...more.map((l) => languageRow(term, l)));
      block.append(details);
    }
    return block;
  });
  $('te-variants-list').replaceChildren(...blocks);
}

async function load(query: string, seq: number): Promise<void> {
  try {
    const r = await getJson<{ data: Suggestions }>(`/api/v1/topics/variants?${new URLSearchParams({ query })}`);
    if (seq === state.seq) render(r.data);
  } catch (err) {
    if (seq !== state.seq) return;
    state.shown = null;
    say(querySyntaxError(err) ? t('teVariantsUnreadable') : errorText(err));
  }
}

/** Looks the current query up again once typing pauses (only for analysts: the route is theirs). */
export function refreshVariants(): void {
  if (!opts || !hasRole('analyst')) return;
  clearTimeout(state.timer);
  const seq = ++state.seq;
  state.timer = window.setTimeout(() => {
    const query = opts!.query().value.trim();
    if (seq !== state.seq) return;
    $('te-variants').dataset.state = 'loading';
    if (!query) {
      state.shown = null;
      state.picks.clear();
      updateButton();
      return say(t('teVariantsEmptyQuery'));
    }
    void load(query, seq).finally(() => seq === state.seq && ($('te-variants').dataset.state = 'ready'));
  }, DEBOUNCE_MS);
}

/** Writes the ticked variants into the query as OR alternatives, then previews it. */
function addPicked(): void {
  if (!opts || !state.shown) return;
  const input = opts.query();
  const n = [...state.picks.values()].reduce((k, p) => k + p.variants.length, 0);
  try {
    if (input.value.trim() !== state.shown.query) throw new StalePickError('query changed');
    input.value = addVariantsToQuery(state.shown.query, [...state.picks.values()]);
  } catch (err) {
    if (!(err instanceof StalePickError)) throw err;
    note({ key: 'teVariantsStale', n: 0 });
    state.picks.clear();
    return refreshVariants();
  }
  state.picks.clear();
  note({ key: 'teVariantsAdded', n });
  opts.onAdded();
  refreshVariants();
}

let wired = false;
export function wireVariants(o: { query: () => HTMLTextAreaElement; onAdded: () => void }): void {
  opts = o;
  if (wired) return;
  wired = true;
  o.query().addEventListener('input', () => (note(null), refreshVariants()));
  $('te-variants-add').addEventListener('click', addPicked);
}
