import { getJson, send } from './api.js';
import { formatNumber } from './format.js';
import { getLang, t, tf } from './i18n.js';

/**
 * For analysts, under the corrections: what the deployment's adaptation learned from the sentiment corrections
 * (GET /api/v1/corrections/adaptation) — macro-F1 on the evaluation sets before and after, the words it moved
 * most — and "Analisis ulang dengan koreksi", the re-analysis job (POST /api/v1/analyze/reanalyze) that
 * re-scores the stored mentions with it, with its progress. Corrected labels stay what the team said.
 */
interface Summary {
  id: string | null; corrections: number; skipped: number; outdated_mentions: number; corrected_mentions: number;
  sets: { name: string; n: number; before: number; after: number }[]; terms: { term: string; pull: number }[];
}
interface JobStatus { state: string; done: number; total: number; failedReason: string | null }

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const POLL_MS = 1000;

/** The evaluation sets by the names analysis/adaptation.ts gives them; an unknown one keeps its own name. */
function setName(name: string): string {
  if (name.startsWith('campaign')) return t('adaptSetCampaign');
  if (name.startsWith('news')) return t('adaptSetNews');
  if (name.startsWith('the corrections')) return t('adaptSetCorrections');
  return name;
}

const decimal = (n: number) => n.toLocaleString(getLang() === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: 3, maximumFractionDigits: 3 });

function render(s: Summary): void {
  $('adapt-summary').textContent = s.id ? tf('adaptLearned', { n: s.corrections }) + (s.skipped ? ` ${tf('adaptSkipped', { n: s.skipped })}` : '') : t('adaptNone');
  const rows = s.sets.map((x) => {
    const tr = document.createElement('tr');
    const change = x.after - x.before;
    for (const text of [setName(x.name), formatNumber(x.n), decimal(x.before), decimal(x.after), `${change > 0 ? '+' : change < 0 ? '−' : '±'}${decimal(Math.abs(change))}`]) tr.insertCell().textContent = text;
    tr.cells[4]!.className = change > 0 ? 'up' : change < 0 ? 'down' : '';
    return tr;
  });
  $<HTMLTableElement>('adapt-sets').tBodies[0]!.replaceChildren(...rows);
  $('adapt-sets').hidden = !s.id;
  $('adapt-terms').replaceChildren(...s.terms.slice(0, 12).map((x) => {
    const li = document.createElement('li');
    li.className = x.pull >= 0 ? 'up' : 'down';
    li.textContent = `${x.term} ${x.pull >= 0 ? '+' : '−'}${Math.abs(x.pull).toFixed(2)}`;
    return li;
  }));
  $('adapt-terms-box').hidden = s.terms.length === 0;
  $('adapt-outdated').textContent = tf('adaptOutdated', { n: formatNumber(s.outdated_mentions), corrected: formatNumber(s.corrected_mentions) });
  $<HTMLButtonElement>('adapt-reanalyze').disabled = s.outdated_mentions === 0;
}

async function load(): Promise<void> {
  $('adapt-error').hidden = true;
  try {
    render((await getJson<{ data: Summary }>('/api/v1/corrections/adaptation')).data);
    $('adapt-body').hidden = false;
  } catch (err) {
    $('adapt-error').textContent = `${t('loadError')}: ${(err as Error).message}`;
    $('adapt-error').hidden = false;
  }
}

async function reanalyze(done: () => void): Promise<void> {
  const button = $<HTMLButtonElement>('adapt-reanalyze');
  const bar = $<HTMLProgressElement>('adapt-progress');
  const status = $('adapt-status');
  button.disabled = true;
  bar.hidden = false;
  try {
    const { data } = await send<{ data: { jobId: string; status: string } }>('POST', '/api/v1/analyze/reanalyze', { scope: 'outdated' });
    for (;;) {
      const s = (await getJson<{ data: JobStatus }>(data.status)).data;
      bar.max = Math.max(s.total, 1);
      bar.value = Math.min(s.done, bar.max);
      if (s.state === 'failed') throw new Error(s.failedReason ?? s.state);
      if (s.state === 'completed') {
        status.textContent = tf('adaptDone', { n: formatNumber(s.done) });
        break;
      }
      status.textContent = tf('adaptRunning', { done: formatNumber(s.done), total: formatNumber(s.total) });
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    done();
    await load();
  } catch (err) {
    status.textContent = `${t('adaptFailed')}: ${(err as Error).message}`;
    button.disabled = false;
  } finally {
    bar.hidden = true;
  }
}

/** Wires the section's buttons; `done` refreshes the dashboard after a re-analysis. */
export function wireAdaptation(done: () => void): void {
  $('adapt-show').addEventListener('click', () => (($('adapt-status').textContent = ''), void load()));
  $('adapt-reanalyze').addEventListener('click', () => void reanalyze(done));
}
