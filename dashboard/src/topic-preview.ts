import type { QueryPreview, Sample, TopicPreview } from './admin-api.js';
import { drawChart } from './charts.js';
import { crawledLink, formatDay, formatNumber, formatTime } from './format.js';
import { t, tf } from './i18n.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** One stored mention a query matched; crawled text goes in through textContent only, links only to http(s). */
function sampleItem(s: Sample): HTMLLIElement {
  const li = document.createElement('li');
  const link = crawledLink(s.title, s.url);
  const meta = document.createElement('span');
  meta.className = 'meta';
  meta.textContent = `${s.source_name ?? '—'} · ${formatTime(s.occurred_at)} WIB`;
  const snippet = document.createElement('span');
  snippet.className = 'snippet';
  snippet.textContent = s.snippet;
  if (s.new) {
    // matched by the edited query and not by the current version: what the edit (e.g. a regional variant) adds
    const tag = document.createElement('ins');
    tag.className = 'term';
    tag.textContent = t('teNewMatch');
    li.append(tag, ' ');
    li.dataset.new = 'true';
  }
  li.append(link, meta, snippet);
  return li;
}

function renderSamples(listId: string, preview: QueryPreview): void {
  const list = $(listId);
  if (preview.samples.length === 0) {
    const li = document.createElement('li');
    li.className = 'empty';
    li.textContent = t('teNoMatches');
    list.replaceChildren(li);
  } else list.replaceChildren(...preview.samples.map(sampleItem));
}

/** The edited query against the saved version: mentions per Asia/Jakarta day in one chart, newest matches side by side. */
export function renderTopicPreview(p: TopicPreview): void {
  $('te-preview-panel').hidden = false;
  const edited = tf('teEditedCount', { n: formatNumber(p.total) });
  const current = p.current ? tf('teCurrentCount', { version: p.current.version, n: formatNumber(p.current.total) }) : null;
  $('te-preview-summary').textContent = `${formatDay(p.from)} – ${formatDay(p.to)}: ${current ? `${edited} · ${current}` : edited}`;
  $('te-preview-edited-title').textContent = edited;
  renderSamples('te-samples-edited', p);
  $('te-samples-current-box').hidden = !p.current;
  $('te-preview-diff').hidden = !p.current;
  if (p.current) $('te-preview-diff').textContent = tf('teDiff', { version: p.current.version, added: formatNumber(p.current.added), removed: formatNumber(p.current.removed) });
  if (p.current) {
    $('te-preview-current-title').textContent = current!;
    renderSamples('te-samples-current', p.current);
  }
  const datasets = [{ label: edited, data: p.days.map((d) => d.y), borderColor: '#b4491f', backgroundColor: '#b4491f', pointRadius: 2 }];
  if (p.current) datasets.push({ label: current!, data: p.current.days.map((d) => d.y), borderColor: '#1f6fb4', backgroundColor: '#1f6fb4', pointRadius: 2 });
  drawChart('te-preview-chart', {
    type: 'line',
    data: { labels: p.days.map((d) => formatDay(d.x)), datasets },
    options: { maintainAspectRatio: false, animation: false, interaction: { mode: 'index', intersect: false }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
}

export function hideTopicPreview(): void {
  $('te-preview-panel').hidden = true;
}
