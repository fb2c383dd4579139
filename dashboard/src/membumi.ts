import { drawChart } from './charts.js';
import { fetchMembumi, type Membumi, type MembumiParts, type Topic } from './api.js';
import { getLang, t, tf, type TextKey } from './i18n.js';

/**
 * The headline panel: "Apakah pesan sampai ke masyarakat?" in one number — the membumi index of the chosen
 * topic for the period, its change against the period before, its four parts, and the index per day.
 */
const PARTS: { key: keyof MembumiParts; label: TextKey; color: string }[] = [
  { key: 'audience', label: 'partAudience', color: '#1f6fb4' },
  { key: 'register', label: 'partRegister', color: '#2e8b57' },
  { key: 'voices', label: 'partVoices', color: '#8a3fb4' },
  { key: 'organic', label: 'partOrganic', color: '#b48a1f' },
];

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const pct = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 1000) / 10);

function renderSummary(m: Membumi, topic: Topic, days: number): void {
  const { index, parts, change, previous } = m.summary;
  $('membumi-topic').textContent = `${t('membumiTopic')}: ${topic.name}`;
  $('membumi-index').textContent = index === null ? '—' : index.toLocaleString(getLang() === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 });
  $('membumi-reading').textContent = index === null ? t('membumiNone') : tf('membumiReading', { index: Math.round(index) });
  const changeEl = $('membumi-change');
  changeEl.className = change === null ? 'change' : change >= 0 ? 'change up' : 'change down';
  changeEl.textContent =
    change === null || previous.index === null
      ? t('membumiNoPrevious')
      : tf('membumiChange', { sign: change >= 0 ? '▲ +' : '▼ ', change, days, prev: Math.round(previous.index) });
  $('membumi-parts').replaceChildren(
    ...PARTS.map((p) => {
      const li = document.createElement('li');
      const value = pct(parts[p.key]);
      const bar = document.createElement('span');
      bar.className = 'bar';
      bar.style.width = `${value ?? 0}%`;
      bar.style.background = p.color;
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = `${t(p.label)}: ${value === null ? '—' : Math.round(value)}`;
      li.append(label, bar);
      return li;
    }),
  );
}

function renderTrend(m: Membumi, formatDay: (day: string) => string): void {
  const labels = m.data.map((d) => formatDay(d.x));
  const datasets = [
    { label: t('membumiTitle'), data: m.data.map((d) => d.index), borderColor: '#b4491f', backgroundColor: '#b4491f', borderWidth: 3, pointRadius: 3 },
    ...PARTS.map((p) => ({
      label: t(p.label),
      data: m.data.map((d) => pct(d.parts?.[p.key])),
      borderColor: p.color,
      backgroundColor: p.color,
      borderDash: [4, 3],
      borderWidth: 1.5,
      pointRadius: 0,
    })),
  ];
  drawChart('membumi-chart', {
    type: 'line',
    data: { labels, datasets },
    options: {
      maintainAspectRatio: false,
      animation: false,
      spanGaps: true,
      interaction: { mode: 'index', intersect: false },
      scales: { y: { min: 0, max: 100 } },
    },
  });
}

export async function renderMembumi(topic: Topic | undefined, f: { from: string; to: string; kind?: string }, formatDay: (day: string) => string): Promise<void> {
  $('membumi-panel').hidden = !topic;
  if (!topic) return;
  const m = await fetchMembumi(topic.id, f);
  const days = m.data.length;
  renderSummary(m, topic, days);
  renderTrend(m, formatDay);
}
