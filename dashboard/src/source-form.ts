import type { SourceKind, Tier } from '../../core/types.js';
import { createSource, previewSource, type NewSource, type SourcePreview, type SourcePreviewItem } from './admin-api.js';
import { errorText, showError } from './api-errors.js';
import { crawledLink, formatTime } from './format.js';
import { t, tf } from './i18n.js';
import { kindOptions, tierOptions } from './source-options.js';

/**
 * The "add a source" form: Pratinjau runs the URL through the real crawl path (nothing stored) and lists what
 * would be collected; Tambah is offered only for the settings just previewed.
 */
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const value = (id: string) => $<HTMLInputElement>(id).value.trim();
let previewedKey: string | null = null;

/** The form as the API's body; the kind settings must be a JSON object. */
function readForm(): NewSource {
  const raw = value('sa-config');
  let config: unknown = {};
  if (raw) {
    try {
      config = JSON.parse(raw);
    } catch {
      config = null;
    }
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new Error(t('saConfigInvalid'));
  const audience = value('sa-audience');
  return {
    kind: value('sa-kind') as SourceKind,
    url: value('sa-url'),
    name: value('sa-name'),
    ...(value('sa-tier') ? { tier: value('sa-tier') as Tier } : {}),
    interval_minutes: Number(value('sa-interval')),
    timezone: value('sa-timezone'),
    audience: audience === '' ? null : Number(audience),
    config: config as Record<string, unknown>,
  };
}

/** What the preview depends on: a change to any of these asks for a new preview before adding. */
const previewKey = (f: NewSource) => JSON.stringify([f.kind, f.url, f.config, f.timezone]);

function previewItem(item: SourcePreviewItem): HTMLLIElement {
  const li = document.createElement('li');
  const link = crawledLink(item.title || item.url, item.url);
  const meta = document.createElement('span');
  meta.className = 'meta';
  meta.textContent = [item.published_at ? `${formatTime(item.published_at)} WIB` : t('saNoDate'), item.author].filter(Boolean).join(' · ');
  const body = document.createElement('span');
  body.className = 'snippet';
  body.textContent = item.body.length > 240 ? `${item.body.slice(0, 240)}…` : item.body;
  li.append(link, meta, body);
  return li;
}

function renderPreview(p: SourcePreview): void {
  $('sa-preview-result').hidden = false;
  const failed = p.failed.length > 0 ? ` ${tf('saPreviewFailed', { n: p.failed.length })}` : '';
  $('sa-preview-summary').textContent = tf('saPreviewCount', { n: p.items.length, kind: p.kind }) + failed;
  $('sa-preview-items').replaceChildren(...p.items.map(previewItem));
}

/** Tambah is on only while the form still says what was previewed. */
function syncAddButton(): void {
  let key: string | null = null;
  try {
    key = previewKey(readForm());
  } catch {
    key = null;
  }
  $<HTMLButtonElement>('sa-add').disabled = key === null || key !== previewedKey;
}

async function run(button: string, work: () => Promise<void>): Promise<void> {
  const el = $<HTMLButtonElement>(button);
  el.disabled = true;
  showError($('sa-form-error'), null);
  try {
    await work();
  } catch (err) {
    showError($('sa-form-error'), errorText(err));
  } finally {
    el.disabled = false;
    syncAddButton();
  }
}

/** Fills the kind and tier choices in the current language, keeping what is chosen. */
export function labelSourceForm(): void {
  for (const [id, options] of [['sa-kind', kindOptions()], ['sa-tier', [new Option(t('saTierAuto'), ''), ...tierOptions()]]] as const) {
    const select = $<HTMLSelectElement>(id);
    const chosen = select.value;
    select.replaceChildren(...options);
    if (chosen) select.value = chosen;
  }
}

/** Wires the form once; `onAdded` reloads the table. */
export function wireSourceForm(onAdded: (name: string) => Promise<void>): void {
  labelSourceForm();
  const form = $<HTMLFormElement>('sa-form');
  form.addEventListener('input', syncAddButton);
  $('sa-preview').addEventListener('click', () =>
    void run('sa-preview', async () => {
      const f = readForm();
      previewedKey = null;
      renderPreview(await previewSource({ url: f.url, kind: f.kind, config: f.config, timezone: f.timezone }));
      previewedKey = previewKey(f);
    }),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run('sa-add', async () => {
      const f = readForm();
      if (previewKey(f) !== previewedKey) throw new Error(t('saPreviewFirst'));
      const source = await createSource(f);
      form.reset();
      previewedKey = null;
      $('sa-preview-result').hidden = true;
      await onAdded(source.name);
    });
  });
  syncAddButton();
}
