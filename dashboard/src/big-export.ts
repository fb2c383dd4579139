import { ApiRequestError, getJson, send } from './api.js';
import { getLang, t, tf } from './i18n.js';

/** A background export as GET /api/v1/exports/:id reports it. */
interface ExportStatus {
  id: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: { done: number; total: number | null };
  error: string | null;
  download: string | null;
}
export type ExportFilters = { from: string; to: string; kind?: string | undefined; tier?: string | undefined; province?: string | undefined; language?: string | undefined; topic?: number | undefined };

const POLL_MS = 1000;
const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function show(s: ExportStatus): void {
  const bar = el<HTMLProgressElement>('big-export-progress');
  const total = s.progress.total ?? 0;
  bar.max = Math.max(total, 1);
  bar.value = s.status === 'done' ? bar.max : Math.min(s.progress.done, bar.max);
  const text = el('big-export-status');
  if (s.status === 'failed') text.textContent = `${t('bigExportFailed')}: ${s.error ?? ''}`;
  else if (s.status === 'done') text.textContent = tf('bigExportDone', { n: s.progress.done });
  else if (s.status === 'running') text.textContent = tf('bigExportRunning', { done: s.progress.done, total });
  else text.textContent = t('bigExportQueued');
  const link = el<HTMLAnchorElement>('big-export-download');
  link.hidden = !s.download;
  if (s.download) link.href = s.download;
}

async function prepare(format: 'csv' | 'xlsx', filters: ExportFilters): Promise<void> {
  const buttons = document.querySelectorAll<HTMLButtonElement>('[data-big-export]');
  buttons.forEach((b) => (b.disabled = true));
  el('big-export').hidden = false;
  show({ id: 0, status: 'queued', progress: { done: 0, total: null }, error: null, download: null });
  try {
    const { data } = await send<{ data: ExportStatus }>('POST', '/api/v1/exports', { format, filters: { ...filters, lang: getLang() } });
    for (let s = data; ; ) {
      show(s);
      if (s.status === 'done' || s.status === 'failed') break;
      await new Promise((r) => setTimeout(r, POLL_MS));
      s = (await getJson<{ data: ExportStatus }>(`/api/v1/exports/${data.id}`)).data;
    }
  } catch (err) {
    el('big-export-status').textContent = `${t('bigExportFailed')}: ${err instanceof ApiRequestError || err instanceof Error ? err.message : String(err)}`;
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

/**
 * "Siapkan ekspor besar": the mentions for the current filters as CSV or XLSX, prepared by a background job
 * (POST /api/v1/exports), with a progress bar while it runs and the download link once it is ready.
 */
export function wireBigExports(currentFilters: () => ExportFilters): void {
  document.querySelectorAll<HTMLButtonElement>('[data-big-export]').forEach((b) => {
    b.addEventListener('click', () => void prepare(b.dataset.bigExport === 'xlsx' ? 'xlsx' : 'csv', currentFilters()));
  });
}
