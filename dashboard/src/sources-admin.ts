import type { Tier } from '../../core/types.js';
import { crawlSourceNow, deleteSource, fetchSourceRows, updateSource, type SourceChange, type SourceRow } from './admin-api.js';
import { errorText, showError } from './api-errors.js';
import { formatNumber, formatTime } from './format.js';
import { t, tf, type TextKey } from './i18n.js';
import { startQueueHealth, stopQueueHealth } from './queue-health.js';
import { hasRole } from './session.js';
import { labelSourceForm, wireSourceForm } from './source-form.js';
import { sourceStatusText, tierOptions } from './source-options.js';

/**
 * The "Sumber" view: every source with its crawl health; analysts edit tier, audience, time zone and interval
 * in the row, pause or resume it, crawl it now or delete it, and add new ones after a preview.
 */
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const note = (text: string | null) => showError($('sa-status'), text);
const fail = (text: string | null) => showError($('sa-error'), text);

function input(field: string, value: string, attrs: Record<string, string>): HTMLInputElement {
  const el = document.createElement('input');
  el.dataset.field = field;
  el.value = value;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/** What the row's fields now say that differs from the stored source. */
function changesOf(tr: HTMLTableRowElement, s: SourceRow): SourceChange {
  const field = (name: string) => tr.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-field="${name}"]`)!.value.trim();
  const audience = field('audience') === '' ? null : Number(field('audience'));
  return {
    ...(field('tier') !== s.tier ? { tier: field('tier') as Tier } : {}),
    ...(audience !== s.audience ? { audience } : {}),
    ...(field('timezone') !== s.timezone ? { timezone: field('timezone') } : {}),
    ...(Number(field('interval')) !== s.interval_minutes ? { interval_minutes: Number(field('interval')) } : {}),
  };
}

function button(key: TextKey, onClick: () => Promise<unknown>, className = ''): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = t(key);
  b.className = className;
  b.addEventListener('click', () => {
    b.disabled = true;
    fail(null);
    note(null);
    onClick()
      .catch((err) => fail(errorText(err)))
      .finally(() => (b.disabled = false));
  });
  return b;
}

function sourceRow(s: SourceRow, editable: boolean): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.dataset.sourceId = String(s.id);
  const name = tr.insertCell();
  const strong = document.createElement('strong');
  strong.textContent = s.name;
  const url = document.createElement('span');
  url.className = 'snippet';
  url.textContent = `${s.kind} · ${s.url}`;
  name.append(strong, url);
  if (editable) {
    const tier = document.createElement('select');
    tier.dataset.field = 'tier';
    tier.replaceChildren(...tierOptions());
    tier.value = s.tier;
    tr.insertCell().append(tier);
    tr.insertCell().append(input('audience', s.audience === null ? '' : String(s.audience), { type: 'number', min: '0', placeholder: t('saAudienceDefault'), 'aria-label': t('saAudience') }));
    tr.insertCell().append(input('timezone', s.timezone, { size: '14', 'aria-label': t('saZone') }));
    tr.insertCell().append(input('interval', String(s.interval_minutes), { type: 'number', min: '5', max: '10080', 'aria-label': t('saInterval') }));
  } else {
    tr.insertCell().textContent = t(`tier_${s.tier}` as TextKey);
    tr.insertCell().textContent = s.audience === null ? '—' : formatNumber(s.audience);
    tr.insertCell().textContent = s.timezone;
    tr.insertCell().textContent = String(s.interval_minutes);
  }
  const health = tr.insertCell();
  health.className = 'health';
  health.textContent = sourceStatusText(s);
  if (s.last_error) health.title = s.last_error;
  const last = document.createElement('span');
  last.className = 'snippet';
  last.textContent = s.last_fetched_at ? `${t('colLastCrawl')}: ${formatTime(s.last_fetched_at)} WIB` : '';
  health.append(last);
  tr.insertCell().textContent = formatNumber(s.mention_count);
  tr.insertCell().textContent = formatNumber(s.items_per_day);
  const actions = tr.insertCell();
  actions.className = 'actions';
  if (!editable) return tr;
  const save = button('saSave', async () => {
    const change = changesOf(tr, s);
    if (Object.keys(change).length === 0) return note(t('teNothingChanged'));
    await updateSource(s.id, change);
    await render();
    note(tf('saUpdated', { name: s.name }));
  });
  const pause = button(s.enabled ? 'saPause' : 'saResume', async () => {
    await updateSource(s.id, { enabled: !s.enabled });
    await render();
    note(tf(s.enabled ? 'saPaused' : 'saResumed', { name: s.name }));
  });
  const crawl = button('saCrawl', async () => {
    await crawlSourceNow(s.id);
    note(tf('saCrawlQueued', { name: s.name }));
  });
  const remove = button('saDelete', async () => {
    if (!confirm(tf('saConfirmDelete', { name: s.name }))) return;
    await deleteSource(s.id);
    await render();
    note(tf('saDeleted', { name: s.name }));
  }, 'danger');
  actions.append(save, pause, crawl, remove);
  return tr;
}

async function render(): Promise<void> {
  const sources = await fetchSourceRows();
  const editable = hasRole('analyst');
  $<HTMLTableElement>('sa-sources').tBodies[0]!.replaceChildren(...sources.map((s) => sourceRow(s, editable)));
  $('sa-empty').hidden = sources.length > 0;
}

let wired = false;
export const sourcesView = {
  show(): void {
    if (!wired) {
      wired = true;
      wireSourceForm(async (name) => (await render(), note(tf('saAdded', { name }))));
    }
    labelSourceForm();
    startQueueHealth();
    render()
      .then(() => ($('view-sumber').dataset.ready = 'true'))
      .catch((err) => fail(errorText(err)));
  },
  hide: stopQueueHealth,
};
