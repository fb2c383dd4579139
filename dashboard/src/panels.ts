import type { ChartConfiguration } from 'chart.js';
import { fetchPanel, panelQuery, type PanelFilters, type PanelRow, type Topic } from './api.js';
import { drawChart } from './charts.js';
import { formatDay, formatNumber } from './format.js';
import { getLang, t, type TextKey } from './i18n.js';

/**
 * The communications lead's panels, each a chart with its numbers and a CSV link that follows the filters:
 * volume and share, reach split organic / echo / official, tier mix, official or citizen voices, stories or
 * pickups, top sources, voices and terms, provinces, and the jargon pulling coverage toward elitist. Every
 * figure comes from GET /api/v1/panels/:panel (rollups); crawled text goes in through textContent only.
 */
type Column = [label: TextKey, cell: (r: PanelRow) => string];
interface PanelView {
  panel: string;
  chart: (rows: PanelRow[]) => ChartConfiguration;
  /** The rows of the figures table: the panel's rows, or totals for a per-day panel. */
  figures?: (rows: PanelRow[]) => PanelRow[];
  columns: Column[];
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const num = (key: string) => (r: PanelRow) => formatNumber(Number(r[key] ?? 0));
const pct = (key: string) => (r: PanelRow) => (r[key] === null || r[key] === undefined ? '—' : `${formatNumber(Math.round(Number(r[key]) * 1000) / 10)} %`);
const text = (key: string) => (r: PanelRow) => String(r[key] ?? '');
const sum = (rows: PanelRow[], key: string) => rows.reduce((n, r) => n + Number(r[key] ?? 0), 0);
/** A language code's name in the interface language; a code Gaung has no name for as it is. */
export const languageName = (code: string) => (LANGUAGE_CODES.includes(code) ? t(`lang_${code}` as TextKey) : code);
const LANGUAGE_CODES = ['id', 'en', 'jv', 'su', 'ban', 'min', 'ace', 'bjn', 'bug', 'mad', 'nij', 'bbc'];
const TIER_COLORS: Record<string, string> = { official: '#7a1f1f', state: '#b4491f', national: '#1f6fb4', regional: '#2e8b57', social: '#8a3fb4' };

const base = { maintainAspectRatio: false, animation: false } as const;
const stacked = { ...base, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } };
const horizontal = { ...base, indexAxis: 'y' as const, plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true } } };

/** Per-day stacked bars of the given keys. */
function daily(rows: PanelRow[], series: [key: string, label: TextKey, color: string][]): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => formatDay(String(r.day))),
      datasets: series.map(([key, label, color]) => ({ label: t(label), data: rows.map((r) => Number(r[key] ?? 0)), backgroundColor: color, stack: 'day' })),
    },
    options: stacked,
  };
}

/** A horizontal bar of the top values. */
function top(rows: PanelRow[], label: string, key: string, value: string, color: string): ChartConfiguration {
  return { type: 'bar', data: { labels: rows.map((r) => String(r[key] ?? '')), datasets: [{ label, data: rows.map((r) => Number(r[value] ?? 0)), backgroundColor: color }] }, options: horizontal };
}

/** One totals row over a per-day panel. */
const totals = (keys: string[]) => (rows: PanelRow[]) => [Object.fromEntries(keys.map((k) => [k, sum(rows, k)]))];

const VIEWS: PanelView[] = [
  {
    panel: 'volume',
    chart: (rows) => ({
      type: 'bar',
      data: {
        labels: rows.map((r) => formatDay(String(r.day))),
        datasets: [
          { type: 'bar', label: t('pnMentions'), data: rows.map((r) => Number(r.mentions)), backgroundColor: '#b4491f', yAxisID: 'y' },
          { type: 'line', label: `${t('pnShare')} (%)`, data: rows.map((r) => (r.share === null ? null : Number(r.share) * 100)), borderColor: '#1f6fb4', backgroundColor: '#1f6fb4', yAxisID: 'share', pointRadius: 2 },
        ],
      },
      options: { ...base, scales: { y: { beginAtZero: true }, share: { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false } } } },
    }) as ChartConfiguration,
    figures: (rows) => {
      const [mentions, all] = [sum(rows, 'mentions'), sum(rows, 'all_mentions')];
      return [{ mentions, all_mentions: all, share: all > 0 ? mentions / all : null }];
    },
    columns: [['pnMentions', num('mentions')], ['pnAllItems', num('all_mentions')], ['pnShare', pct('share')]],
  },
  {
    panel: 'reach',
    chart: (rows) => daily(rows, [['organic_reach', 'pnOrganic', '#2e8b57'], ['echo_reach', 'pnEcho', '#b48a1f'], ['official_reach', 'pnOfficial', '#7a1f1f']]),
    figures: totals(['reach', 'organic_reach', 'echo_reach', 'official_reach']),
    columns: [['pnReach', num('reach')], ['pnOrganic', num('organic_reach')], ['pnEcho', num('echo_reach')], ['pnOfficial', num('official_reach')]],
  },
  {
    panel: 'tiers',
    chart: (rows) => ({
      type: 'doughnut',
      data: { labels: rows.map((r) => t(`tier_${r.tier}` as TextKey)), datasets: [{ data: rows.map((r) => Number(r.mentions)), backgroundColor: rows.map((r) => TIER_COLORS[String(r.tier)] ?? '#999') }] },
      options: { ...base, plugins: { legend: { position: 'right' } } },
    }),
    columns: [['colTier', (r) => t(`tier_${r.tier}` as TextKey)], ['pnMentions', num('mentions')], ['pnReach', num('reach')], ['pnShare', pct('share')]],
  },
  {
    panel: 'voices',
    chart: (rows) => daily(rows, [['official', 'pnOfficial', '#7a1f1f'], ['non_official', 'pnNonOfficial', '#2e8b57']]),
    figures: totals(['official', 'non_official']),
    columns: [['pnOfficial', num('official')], ['pnNonOfficial', num('non_official')]],
  },
  {
    panel: 'stories',
    chart: (rows) => daily(rows, [['originals', 'pnOriginals', '#1f6fb4'], ['pickups', 'pnPickups', '#b48a1f']]),
    figures: totals(['originals', 'pickups']),
    columns: [['pnOriginals', num('originals')], ['pnPickups', num('pickups')]],
  },
  {
    panel: 'sources',
    chart: (rows) => top(rows, t('pnMentions'), 'source', 'mentions', '#1f6fb4'),
    columns: [['pnSource', text('source')], ['pnMentions', num('mentions')], ['pnReach', num('reach')]],
  },
  {
    panel: 'speakers',
    chart: (rows) => top(rows, t('pnMentions'), 'voice', 'mentions', '#8a3fb4'),
    columns: [['pnVoice', text('voice')], ['pnClass', (r) => t(`voice_${r.class}` as TextKey)], ['pnMentions', num('mentions')], ['pnQuotes', num('quotes')]],
  },
  {
    panel: 'terms',
    chart: (rows) => top(rows, t('pnMentions'), 'term', 'mentions', '#2e8b57'),
    columns: [['pnTerm', text('term')], ['pnMentions', num('mentions')], ['pnPull', (r) => `${Number(r.pull) > 0 ? '+' : ''}${formatNumber(Number(r.pull))}`]],
  },
  {
    panel: 'provinces',
    chart: (rows) => top(rows, t('pnMentions'), 'name', 'mentions', '#b4491f'),
    columns: [['pnProvince', text('name')], ['pnMentions', num('mentions')], ['pnShare', pct('share')], ['pnShareOfProvince', pct('share_of_province')]],
  },
  {
    panel: 'languages',
    chart: (rows) => top(rows.map((r) => ({ ...r, name: languageName(String(r.language)) })), t('pnMentions'), 'name', 'mentions', '#2e8b57'),
    columns: [['pnLanguage', (r) => languageName(String(r.language))], ['pnMentions', num('mentions')], ['pnReach', num('reach')], ['pnShare', pct('share')]],
  },
  {
    panel: 'jargon',
    chart: (rows) => top(rows, t('pnElitist'), 'term', 'elitist_mentions', '#7a1f1f'),
    columns: [['pnTerm', text('term')], ['pnPlain', text('plain')], ['pnUses', num('uses')], ['pnElitist', num('elitist_mentions')]],
  },
];

function renderTable(id: string, columns: Column[], rows: PanelRow[]): void {
  const table = $<HTMLTableElement>(id);
  const head = document.createElement('tr');
  for (const [label] of columns) head.append(Object.assign(document.createElement('th'), { textContent: t(label) }));
  table.tHead!.replaceChildren(head);
  table.tBodies[0]!.replaceChildren(
    ...rows.map((r) => {
      const tr = document.createElement('tr');
      for (const [, cell] of columns) tr.insertCell().textContent = cell(r);
      return tr;
    }),
  );
}

/** Keeps the province choices: every province a panel has shown, named, in code order. */
const provincesSeen = new Map<string, string>();
function renderProvinceOptions(rows: PanelRow[]): void {
  for (const r of rows) provincesSeen.set(String(r.province), String(r.name));
  const select = $<HTMLSelectElement>('filter-province');
  const current = select.value;
  const options = [...provincesSeen].sort(([a], [b]) => a.localeCompare(b)).map(([code, name]) => new Option(name, code));
  select.replaceChildren(new Option(t('pnAllProvinces'), ''), ...options);
  select.value = current;
}

export async function renderPanels(topic: Topic | undefined, f: Omit<PanelFilters, 'topic'>): Promise<void> {
  $('panels').hidden = !topic;
  if (!topic) return;
  $('panel-topic').textContent = `${t('pnTopic')}: ${topic.name}`;
  const filters = { ...f, topic: topic.id };
  const results = await Promise.all(VIEWS.map((v) => fetchPanel(v.panel, filters)));
  VIEWS.forEach((v, i) => {
    const rows = results[i]!;
    const empty = v.figures ? sum(rows, Object.keys(rows[0] ?? {}).find((k) => k !== 'day') ?? '') === 0 : rows.every((r) => Number(r.mentions ?? 0) === 0);
    $(`panel-${v.panel}-empty`).hidden = !empty;
    drawChart(`panel-${v.panel}-chart`, v.chart(rows));
    renderTable(`panel-${v.panel}-table`, v.columns, v.figures ? v.figures(rows) : rows);
    $<HTMLAnchorElement>(`panel-${v.panel}-csv`).href = `/api/v1/panels/${v.panel}?${panelQuery(filters)}&format=csv&lang=${getLang()}`;
  });
  if (!f.province) renderProvinceOptions(results[VIEWS.findIndex((v) => v.panel === 'provinces')]!);
}
