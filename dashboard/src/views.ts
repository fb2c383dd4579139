import { registerView, startRouter, currentView } from './router.js';
import { accountView } from './account.js';
import { sourcesView } from './sources-admin.js';
import { topicEditorView } from './topic-editor.js';

/**
 * The analysts' views beside the dashboard: `#/topik` (topic editor) and `#/sumber` (sources and queues).
 * Call after the language buttons are wired, so a switch has set the language before a view re-renders.
 */
export function startViews(): void {
  registerView('topik', topicEditorView);
  registerView('sumber', sourcesView);
  registerView('akun', accountView);
  const router = startRouter();
  document.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((b) => b.addEventListener('click', () => currentView() !== 'dasbor' && router.again()));
  // the session's role may arrive after the page: show what it allows as soon as it does
  new MutationObserver(() => router.again()).observe(document.body, { attributes: true, attributeFilter: ['data-role'] });
}
