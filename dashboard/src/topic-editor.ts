import { createTopic, fetchBackfill, fetchTopicList, previewTopicQuery, updateTopic, deleteTopic, type Saved, type TopicDetail } from './admin-api.js';
import { errorText, querySyntaxError, showError } from './api-errors.js';
import { formatNumber } from './format.js';
import { t, tf } from './i18n.js';
import { applyRoles } from './router.js';
import { hasRole } from './session.js';
import { hideTopicHistory, renderTopicHistory } from './topic-history.js';
import { hideTopicPreview, renderTopicPreview } from './topic-preview.js';
import { refreshVariants, wireVariants } from './topic-variants.js';

/**
 * The "Topik & kata kunci" view: pick a topic or key message (or start a new one), edit its name and query,
 * preview the edit against stored mentions beside the saved version, save it as a new version and watch the
 * stored mentions being re-matched, and read the version history; analysts get regional-language variants
 * of the query's terms to add (topic-variants.ts).
 */
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const POLL_MS = 500;

type Target = { kind: 'topic'; topic: TopicDetail } | { kind: 'new'; parent: TopicDetail | null };
const state = { topics: [] as TopicDetail[], target: null as Target | null, watch: 0 };

const nameInput = () => $<HTMLInputElement>('te-name');
const queryInput = () => $<HTMLTextAreaElement>('te-query');
const status = (text: string | null) => showError($('te-status'), text);
const fail = (text: string | null) => showError($('te-error'), text);

function renderSelect(): void {
  const select = $<HTMLSelectElement>('te-topic');
  const options: HTMLOptionElement[] = [];
  for (const top of state.topics.filter((tp) => tp.parent_id === null)) {
    options.push(new Option(top.name, String(top.id)));
    for (const key of state.topics.filter((tp) => tp.parent_id === top.id)) options.push(new Option(`\u00a0\u00a0↳ ${key.name}`, String(key.id)));
  }
  if (state.target?.kind === 'new') options.push(new Option(t('teNewOption'), 'new'));
  select.replaceChildren(...options);
  select.value = state.target?.kind === 'topic' ? String(state.target.topic.id) : 'new';
}

/** The topic a new key message would belong to: the chosen topic, or the chosen key message's topic. */
function parentForNewKey(): TopicDetail | null {
  const target = state.target;
  if (target?.kind !== 'topic') return null;
  return target.topic.parent_id === null ? target.topic : (state.topics.find((tp) => tp.id === target.topic.parent_id) ?? null);
}

function renderTarget(): void {
  const target = state.target;
  const parent = target?.kind === 'new' ? target.parent : target ? (state.topics.find((tp) => tp.id === target.topic.parent_id) ?? null) : null;
  $('te-parent').hidden = !parent;
  $('te-parent').textContent = parent ? tf('teKeyOf', { topic: parent.name }) : '';
  nameInput().value = target?.kind === 'topic' ? target.topic.name : '';
  queryInput().value = target?.kind === 'topic' ? target.topic.query : '';
  const editable = hasRole('analyst');
  nameInput().readOnly = queryInput().readOnly = !editable;
  $<HTMLButtonElement>('te-delete').hidden = !editable || target?.kind !== 'topic';
  $<HTMLButtonElement>('te-new-key').disabled = !parentForNewKey();
  renderSelect();
  hideTopicPreview();
  fail(null);
  if (target?.kind === 'topic') void renderTopicHistory(target.topic.id, target.topic.version).catch((err) => fail(errorText(err)));
  else hideTopicHistory();
  refreshVariants(); // after a pause, so a draft put back by show() is what is looked up
}

function choose(target: Target | null): void {
  state.watch++; // a progress bar belongs to the topic it was started for
  $('te-progress').hidden = true;
  status(null);
  state.target = target;
  renderTarget();
}

async function loadTopics(): Promise<void> {
  state.topics = await fetchTopicList();
}

/** A failed preview or save; a query that does not parse has its place selected in the editor. */
function showFailure(err: unknown): void {
  const syntax = querySyntaxError(err);
  if (!syntax) return fail(errorText(err));
  fail(tf('teSyntaxError', syntax));
  const q = queryInput();
  q.focus();
  q.setSelectionRange(Math.max(0, syntax.position - 1), syntax.position);
}

async function busy(button: string, work: () => Promise<void>): Promise<void> {
  const el = $<HTMLButtonElement>(button);
  el.disabled = true;
  fail(null);
  try {
    await work();
  } catch (err) {
    showFailure(err);
  } finally {
    el.disabled = false;
  }
}

const preview = () =>
  busy('te-preview', async () => {
    const target = state.target;
    renderTopicPreview(await previewTopicQuery(queryInput().value, target?.kind === 'topic' ? target.topic.id : undefined));
  });

/** Follows the re-matching of stored mentions after a save until it is done (or fails, or another topic is chosen). */
async function watchBackfill(statusPath: string): Promise<void> {
  const watch = ++state.watch;
  const box = $('te-progress');
  const bar = $<HTMLProgressElement>('te-progress-bar');
  const text = $('te-progress-text');
  box.hidden = false;
  for (;;) {
    const s = await fetchBackfill(statusPath);
    if (watch !== state.watch) return;
    box.dataset.state = s.state;
    if (s.state === 'done') {
      bar.max = 1;
      bar.value = 1;
      text.textContent = tf('teBackfillDone', { version: s.version });
      return;
    }
    if (s.state === 'failed' || s.state === 'missing') {
      text.textContent = t(s.state === 'failed' ? 'teBackfillFailed' : 'teBackfillMissing');
      return;
    }
    if (s.state === 'active' && s.total) {
      bar.max = s.total;
      bar.value = s.done ?? 0;
      text.textContent = tf('teBackfillActive', { done: formatNumber(s.done ?? 0), total: formatNumber(s.total) });
    } else {
      bar.removeAttribute('value'); // indeterminate while it waits for a worker
      text.textContent = t('teBackfillQueued');
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

const save = () =>
  busy('te-save', async () => {
    const target = state.target;
    if (!target) return;
    const name = nameInput().value.trim();
    const query = queryInput().value.trim();
    let saved: Saved;
    if (target.kind === 'topic') {
      const change = { ...(name !== target.topic.name ? { name } : {}), ...(query !== target.topic.query ? { query } : {}) };
      if (Object.keys(change).length === 0) return status(t('teNothingChanged'));
      saved = await updateTopic(target.topic.id, change);
    } else saved = await createTopic({ name, query, parent_id: target.parent?.id ?? null });
    await loadTopics();
    choose({ kind: 'topic', topic: state.topics.find((tp) => tp.id === saved.data.id) ?? saved.data });
    status(tf('teSaved', { version: saved.data.version }));
    await watchBackfill(saved.backfill.status);
  });

const remove = () =>
  busy('te-delete', async () => {
    const target = state.target;
    if (target?.kind !== 'topic' || !confirm(tf('teConfirmDelete', { name: target.topic.name }))) return;
    await deleteTopic(target.topic.id);
    await loadTopics();
    choose(state.topics[0] ? { kind: 'topic', topic: state.topics[0] } : { kind: 'new', parent: null });
    status(t('teDeleted'));
  });

/** Shows the view with fresh topics, keeping the one being edited when it still exists. */
async function show(): Promise<void> {
  try {
    await loadTopics();
    const target = state.target;
    const kept = target?.kind === 'topic' ? state.topics.find((tp) => tp.id === target.topic.id) : undefined;
    if (kept || target?.kind === 'new') {
      // back on the view (or the language switched): the save being watched goes on, and the draft stays
      const draft = [nameInput().value, queryInput().value] as const;
      if (kept) state.target = { kind: 'topic', topic: kept };
      renderTarget();
      [nameInput().value, queryInput().value] = draft;
    } else if (state.topics[0]) choose({ kind: 'topic', topic: state.topics[0] });
    else choose(hasRole('analyst') ? { kind: 'new', parent: null } : null);
    applyRoles($('view-topik'));
    $('view-topik').dataset.ready = 'true';
  } catch (err) {
    fail(errorText(err));
  }
}

let wired = false;
function wire(): void {
  if (wired) return;
  wired = true;
  $('te-topic').addEventListener('change', (e) => {
    const topic = state.topics.find((tp) => String(tp.id) === (e.target as HTMLSelectElement).value);
    if (topic) choose({ kind: 'topic', topic });
  });
  $('te-new-topic').addEventListener('click', () => (choose({ kind: 'new', parent: null }), nameInput().focus()));
  $('te-new-key').addEventListener('click', () => (choose({ kind: 'new', parent: parentForNewKey() }), nameInput().focus()));
  $('te-preview').addEventListener('click', () => void preview());
  $('te-form').addEventListener('submit', (e) => (e.preventDefault(), void save()));
  $('te-delete').addEventListener('click', () => void remove());
  wireVariants({ query: queryInput, onAdded: () => void preview() });
}

export const topicEditorView = {
  show(): void {
    wire();
    void show();
  },
};
