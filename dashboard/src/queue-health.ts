import { fetchQueueHealth, type QueueHealth } from './admin-api.js';
import { errorText, showError } from './api-errors.js';
import { formatNumber, formatTime } from './format.js';
import { t, tf, type TextKey } from './i18n.js';
import { hasRole } from './session.js';

/** The job queues at a glance (GET /api/v1/queues), refreshed while the sources view is open. */
const REFRESH_MS = 5_000;
let timer: ReturnType<typeof setInterval> | null = null;

/** How long the oldest job has waited, in the largest whole unit. */
function age(seconds: number): string {
  if (seconds < 60) return tf('ageSeconds', { n: seconds });
  if (seconds < 3600) return tf('ageMinutes', { n: Math.floor(seconds / 60) });
  if (seconds < 86_400) return tf('ageHours', { n: Math.floor(seconds / 3600) });
  return tf('ageDays', { n: Math.floor(seconds / 86_400) });
}

function queueRow(q: QueueHealth): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.dataset.queue = q.name;
  const label = ['crawl', 'analysis', 'export'].includes(q.name) ? t(`queue_${q.name}` as TextKey) : q.name;
  tr.insertCell().textContent = q.paused ? `${label} (${t('qhPaused')})` : label;
  for (const n of [q.waiting, q.active, q.delayed, q.failed]) tr.insertCell().textContent = formatNumber(n);
  if (q.failed > 0) tr.cells[4]!.className = 'error';
  const oldest = tr.insertCell();
  oldest.textContent = q.oldest_waiting_s === null ? '—' : age(q.oldest_waiting_s);
  if (q.oldest_waiting_at) oldest.title = `${formatTime(q.oldest_waiting_at)} WIB`;
  return tr;
}

async function render(): Promise<void> {
  const error = document.getElementById('qh-error')!;
  try {
    const queues = await fetchQueueHealth();
    document.querySelector<HTMLTableElement>('#qh-table')!.tBodies[0]!.replaceChildren(...queues.map(queueRow));
    showError(error, null);
  } catch (err) {
    showError(error, errorText(err));
  }
}

export function startQueueHealth(): void {
  if (!hasRole('analyst') || timer) return; // the panel is marked data-min-role="analyst"
  void render();
  timer = setInterval(() => void render(), REFRESH_MS);
}

export function stopQueueHealth(): void {
  if (timer) clearInterval(timer);
  timer = null;
}
