import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { fetchAlerts, fetchMentions, fetchMeta, fetchSeries, fetchSources, fetchTopics, type AlertItem, type MentionItem, type SourceHealth, type Topic } from './api.js';
import { applyStaticText, getLang, setLang, t, type Lang, type TextKey } from './i18n.js';
import { drawChart } from './charts.js';
import { renderMembumi } from './membumi.js';
import { languageName, renderPanels } from './panels.js';
import { queryChangeMarks } from './chart-marks.js';
import { crawledLink, formatDay, formatTime } from './format.js';
import { sourceStatusText } from './source-options.js';
import { currentView, registerView } from './router.js';
import { startViews } from './views.js';
import { ApiRequestError } from './api.js';
import { askToSignIn, renderAccountBox, wireSignIn } from './login.js';
import { loadSession } from './session.js';
import { wireBigExports } from './big-export.js';
import { sentimentCell, type FeedContext } from './corrections.js';
import { renderCorrections } from './corrections-panel.js';
import { wireAdaptation } from './adaptation-panel.js';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, LinearScale, CategoryScale, Tooltip, Legend, DoughnutController, ArcElement);

const TZ = 'Asia/Jakarta';
const REFRESH_MS = 30_000;
const COLORS = ['#b4491f', '#1f6fb4', '#2e8b57', '#8a3fb4', '#b48a1f', '#1fa7b4'];
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** `topics`: the chosen topic or every topic; a chosen key message stands in for its topic. */
const state = { all: [] as Topic[], topics: [] as Topic[], cursor: null as string | null, pagedMore: false };

const todayJakarta = () => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date());
const shiftDay = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function filters() {
  const topic = $<HTMLSelectElement>('key-message').value || $<HTMLSelectElement>('topic').value;
  return {
    from: $<HTMLInputElement>('from').value,
    to: $<HTMLInputElement>('to').value,
    kind: $<HTMLSelectElement>('kind').value || undefined,
    tier: $<HTMLSelectElement>('filter-tier').value || undefined,
    province: $<HTMLSelectElement>('filter-province').value || undefined,
    language: $<HTMLSelectElement>('filter-language').value || undefined,
    topic: topic ? Number(topic) : undefined,
  };
}

function applyRangePreset(): void {
  const preset = $<HTMLSelectElement>('range').value;
  if (preset === 'custom') return;
  const to = todayJakarta();
  $<HTMLInputElement>('to').value = to;
  $<HTMLInputElement>('from').value = shiftDay(to, -(Number(preset) - 1));
}

async function renderChart(): Promise<void> {
  const f = filters();
  const topics = f.topic ? state.topics.filter((tp) => tp.id === f.topic) : state.topics;
  const series = await Promise.all(topics.map((tp) => fetchSeries(tp.id, f)));
  // the days a topic's query changed are marked, so a jump can be told from a change in what is counted
  const { marks, notes } = await queryChangeMarks(topics, (series[0] ?? []).map((p) => p.x), COLORS);
  $('chart-marks').textContent = notes.length > 0 ? `${t('chartMarksNote')}: ${notes.join('; ')}` : '';
  $('chart-marks').hidden = notes.length === 0;
  const labels = (series[0] ?? []).map((p) => formatDay(p.x));
  const datasets = topics.map((tp, i) => ({
    label: tp.name,
    data: (series[i] ?? []).map((p) => p.y),
    borderColor: COLORS[i % COLORS.length],
    backgroundColor: COLORS[i % COLORS.length],
    cubicInterpolationMode: 'monotone' as const,
    pointRadius: 2,
  }));
  const total = datasets.reduce((sum, d) => sum + d.data.reduce((a, b) => a + b, 0), 0);
  $('chart-empty').hidden = total > 0;
  drawChart('volume-chart', {
    type: 'line',
    data: { labels, datasets },
    options: {
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { annotation: { annotations: marks } },
    },
  });
}

/** News against social posts per day, summed over the chosen topic or all topics. */
async function renderKindChart(): Promise<void> {
  const f = filters();
  const topics = f.topic ? state.topics.filter((tp) => tp.id === f.topic) : state.topics;
  const kinds = (['news', 'social'] as const).filter((k) => !f.kind || f.kind === k);
  const perKind = await Promise.all(kinds.map((kind) => Promise.all(topics.map((tp) => fetchSeries(tp.id, { ...f, kind })))));
  const first = perKind[0]?.[0] ?? [];
  const labels = first.map((p) => formatDay(p.x));
  const datasets = kinds.map((kind, i) => ({
    label: t(kind),
    data: first.map((_, day) => perKind[i]!.reduce((sum, series) => sum + (series[day]?.y ?? 0), 0)),
    backgroundColor: kind === 'news' ? '#1f6fb4' : '#2e8b57',
    stack: 'kind',
  }));
  drawChart('kind-chart', {
    type: 'bar',
    data: { labels, datasets },
    options: { maintainAspectRatio: false, animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
  });
}

/** Positive, neutral and negative mentions per day for the chosen topic (or all topics), from the rollups. */
async function renderSentimentChart(): Promise<void> {
  const f = filters();
  const classes = [['positive', '#2e8b57'], ['neutral', '#9aa4b2'], ['negative', '#a40000']] as const;
  const per = await Promise.all(classes.map(([metric]) => Promise.all(state.topics.map((tp) => fetchSeries(tp.id, f, metric)))));
  const first = per[0]?.[0] ?? [];
  const labels = first.map((p) => formatDay(p.x));
  const datasets = classes.map(([metric, color], i) => ({
    label: t(`sentiment_${metric}` as TextKey),
    data: first.map((_, day) => per[i]!.reduce((sum, series) => sum + (series[day]?.y ?? 0), 0)),
    backgroundColor: color,
    stack: 'sentiment',
  }));
  drawChart('sentiment-chart', {
    type: 'bar',
    data: { labels, datasets },
    options: { maintainAspectRatio: false, animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
  });
}

/** What a feed row's corrections need: the topic listed, topic names, and the figures to refresh after one. */
const feedContext = (): FeedContext => ({
  topic: filters().topic,
  topicName: (id) => state.all.find((tp) => tp.id === id)?.name ?? `#${id}`,
  changed: () => void refreshFigures(),
});

/** One table row; crawled text goes in through textContent only, and links only to http(s). */
function mentionRow(m: MentionItem, ctx = feedContext()): HTMLTableRowElement {
  const tr = document.createElement('tr');
  const time = tr.insertCell();
  time.className = 'time';
  time.textContent = formatTime(m.occurred_at);
  const titleCell = tr.insertCell();
  const link = crawledLink(m.title, m.url);
  const snippet = document.createElement('span');
  snippet.className = 'snippet';
  snippet.textContent = m.snippet.length >= 280 ? `${m.snippet}…` : m.snippet;
  titleCell.append(link, snippet);
  tr.insertCell().textContent = m.source_name ?? '—';
  tr.insertCell().textContent = t(m.kind);
  const why = tr.insertCell();
  why.className = 'membumi';
  if (m.membumi !== null) {
    const score = document.createElement('strong');
    score.textContent = String(Math.round(m.membumi));
    const detail = document.createElement('span');
    detail.className = 'snippet';
    const parts = [m.register && t(`register_${m.register}` as TextKey), m.tier && t(`tier_${m.tier}` as TextKey), m.language && languageName(m.language)];
    detail.textContent = parts.filter(Boolean).join(' · ');
    why.append(score, detail);
  } else why.textContent = '—';
  sentimentCell(tr.insertCell(), m, ctx);
  return tr;
}

/** The export links follow the filters (tier and province too): the mentions as CSV or XLSX, the chosen (or headline) topic's weekly digest. */
function renderDownloads(headline: Topic | undefined): void {
  const f = filters();
  const params = new URLSearchParams(Object.entries({ from: f.from, to: f.to, kind: f.kind, tier: f.tier, province: f.province, language: f.language, topic: f.topic, lang: getLang() }).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])));
  $<HTMLAnchorElement>('download-csv').href = `/api/v1/exports/mentions.csv?${params}`;
  $<HTMLAnchorElement>('download-xlsx').href = `/api/v1/exports/mentions.xlsx?${params}`;
  const pdf = $<HTMLAnchorElement>('download-pdf');
  pdf.hidden = !headline;
  if (headline) pdf.href = `/api/v1/exports/digest.pdf?topic=${headline.id}&period=weekly&day=${f.to}`;
  renderChartCsvLinks(headline);
}

/** Each chart's data as CSV, for the chosen (or headline) topic and the filters. */
function renderChartCsvLinks(headline: Topic | undefined): void {
  const f = filters();
  const ids = ['csv-membumi', 'csv-volume', 'csv-kind-news', 'csv-kind-social', 'csv-sentiment'];
  for (const id of ids) $(id).hidden = !headline;
  if (!headline) return;
  const q = (extra: Record<string, string | undefined>) =>
    new URLSearchParams(Object.entries({ from: f.from, to: f.to, kind: f.kind, tier: f.tier, province: f.province, lang: getLang(), format: 'csv', ...extra }).flatMap(([k, v]) => (v ? [[k, v]] : [])));
  $<HTMLAnchorElement>('csv-membumi').href = `/api/v1/membumi?${q({ topic: String(headline.id) })}`;
  $<HTMLAnchorElement>('csv-volume').href = `/api/v1/topics/${headline.id}/series?${q({ metric: 'volume' })}`;
  $<HTMLAnchorElement>('csv-kind-news').href = `/api/v1/topics/${headline.id}/series?${q({ metric: 'volume', kind: 'news' })}`;
  $<HTMLAnchorElement>('csv-kind-social').href = `/api/v1/topics/${headline.id}/series?${q({ metric: 'volume', kind: 'social' })}`;
  $<HTMLAnchorElement>('csv-sentiment').href = `/api/v1/panels/sentiment?${q({ topic: String(headline.id) })}`;
}

async function renderMentions(append = false): Promise<void> {
  const tbody = $<HTMLTableElement>('mentions').tBodies[0]!;
  const page = await fetchMentions({ ...filters(), limit: 25, cursor: append ? (state.cursor ?? undefined) : undefined });
  if (!append) tbody.replaceChildren();
  state.pagedMore = append;
  const ctx = feedContext();
  tbody.append(...page.data.map((m) => mentionRow(m, ctx)));
  state.cursor = page.nextCursor;
  $('more').hidden = !page.nextCursor;
  $('mentions-empty').hidden = tbody.rows.length > 0;
}

/** Alerts of the last seven days; crawled titles as text, links only to http(s). */
async function renderAlerts(): Promise<void> {
  const to = todayJakarta();
  const alerts = await fetchAlerts({ from: shiftDay(to, -6), to });
  const list = $('alerts');
  list.replaceChildren(
    ...alerts.map((a: AlertItem) => {
      const li = document.createElement('li');
      li.className = `alert ${a.kind}`;
      const head = document.createElement('strong');
      head.textContent = `${formatDay(a.day)} · ${t(`alert_${a.kind}` as TextKey)}: ${a.topic_name ?? a.source_name ?? ''}`;
      const reason = document.createElement('span');
      reason.textContent = ` — ${a.detail.reason}`;
      li.append(head, reason);
      if (a.detail.mentions?.length) {
        const ul = document.createElement('ul');
        for (const m of a.detail.mentions) {
          const item = document.createElement('li');
          const link = crawledLink(m.title, m.url);
          item.append(link);
          ul.append(item);
        }
        li.append(ul);
      }
      return li;
    }),
  );
  $('alerts-empty').hidden = alerts.length > 0;
}

function sourceRow(s: SourceHealth): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.insertCell().textContent = s.name;
  tr.insertCell().textContent = t(`tier_${s.tier}` as TextKey);
  tr.insertCell().textContent = s.last_fetched_at ? formatTime(s.last_fetched_at) : '—';
  const status = tr.insertCell();
  status.textContent = sourceStatusText(s);
  if (s.last_error) status.title = s.last_error;
  tr.insertCell().textContent = String(s.mention_count);
  tr.insertCell().textContent = s.items_per_day.toLocaleString(getLang() === 'id' ? 'id-ID' : 'en-GB');
  return tr;
}

async function renderSources(): Promise<void> {
  const sources = await fetchSources();
  $<HTMLTableElement>('sources').tBodies[0]!.replaceChildren(...sources.map(sourceRow));
}

function renderTopicOptions(): void {
  const select = $<HTMLSelectElement>('topic');
  const current = select.value;
  const topLevel = state.all.filter((tp) => tp.parent_id === null);
  select.replaceChildren(new Option(t('allTopics'), ''), ...topLevel.map((tp) => new Option(tp.name, String(tp.id))));
  select.value = current;
  // Key messages of the chosen topic, each tracked on its own.
  const keys = state.all.filter((tp) => select.value && tp.parent_id === Number(select.value));
  const keySelect = $<HTMLSelectElement>('key-message');
  const currentKey = keySelect.value;
  keySelect.replaceChildren(new Option(t('allKeyMessages'), ''), ...keys.map((tp) => new Option(tp.name, String(tp.id))));
  keySelect.value = keys.some((k) => String(k.id) === currentKey) ? currentKey : '';
  keySelect.disabled = keys.length === 0;
  state.topics = keySelect.value ? keys.filter((k) => String(k.id) === keySelect.value) : topLevel;
}

/** With no topic chosen, the headline follows the topic with the most mentions. */
function headlineTopic(): Topic | undefined {
  const f = filters();
  return state.topics.find((tp) => tp.id === f.topic) ?? [...state.topics].sort((a, b) => b.mention_count - a.mention_count)[0];
}

/** The figures without the feed: after a correction its row has changed in place, and the charts and panels follow. */
async function refreshFigures(): Promise<void> {
  const f = filters();
  try {
    const headline = headlineTopic();
    await Promise.all([renderMembumi(headline, f, formatDay), renderChart(), renderKindChart(), renderSentimentChart(), renderPanels(headline, f), renderCorrections(f.topic, () => void refresh())]);
  } catch (err) {
    $('error').textContent = `${t('loadError')}: ${(err as Error).message}`;
    $('error').hidden = false;
  }
}

async function refresh(): Promise<void> {
  $('error').hidden = true;
  try {
    state.all = await fetchTopics();
    renderTopicOptions();
    const f = filters();
    const headline = headlineTopic();
    renderDownloads(headline);
    await Promise.all([renderMembumi(headline, f, formatDay), renderAlerts(), renderChart(), renderKindChart(), renderSentimentChart(), renderMentions(), renderSources(), renderPanels(headline, f), renderCorrections(f.topic, () => void refresh())]);
    $('updated').textContent = `${t('updatedAt')}: ${formatTime(new Date().toISOString())} WIB`;
  } catch (err) {
    // A session that ended (signed out elsewhere, expired, role changed) asks to sign in again.
    if (err instanceof ApiRequestError && err.status === 401) return void askToSignIn('sessionEnded').then(() => refresh());
    $('error').textContent = `${t('loadError')}: ${(err as Error).message}`;
    $('error').hidden = false;
  }
}

async function start(): Promise<void> {
  applyStaticText();
  applyRangePreset();
  wireSignIn(() => void refresh());
  wireBigExports(filters);
  wireAdaptation(() => void refresh());
  // Nothing is drawn before someone has signed in (the demo lets a viewer in without).
  if (!(await loadSession()).role) await askToSignIn();
  renderAccountBox();
  const meta = await fetchMeta();
  $('demo-banner').hidden = !meta.demo;
  $('attributions').textContent = meta.attributions.join(' ');
  $('range').addEventListener('change', () => (applyRangePreset(), void refresh()));
  for (const id of ['from', 'to']) $(id).addEventListener('change', () => (($<HTMLSelectElement>('range').value = 'custom'), void refresh()));
  for (const id of ['kind', 'topic', 'key-message', 'filter-tier', 'filter-province', 'filter-language']) $(id).addEventListener('change', () => void refresh());
  $('more').addEventListener('click', () => void renderMentions(true));
  document.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((b) =>
    b.addEventListener('click', () => {
      setLang(b.dataset.lang as Lang);
      renderAccountBox();
      void refresh();
    }),
  );
  startViews();
  await refresh();
  registerView('dasbor', { show: () => void refresh() });
  document.body.dataset.ready = 'true';
  // New crawls land while the page is open; a lead watching it sees them without reloading.
  setInterval(() => {
    if (document.visibilityState === 'visible' && currentView() === 'dasbor' && !state.pagedMore) void refresh();
  }, REFRESH_MS);
}

void start().catch((err: Error) => {
  $('error').textContent = `${t('loadError')}: ${err.message}`;
  $('error').hidden = false;
});
