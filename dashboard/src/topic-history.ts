import { fetchTopicVersions, type TopicVersion } from './admin-api.js';
import { formatTime } from './format.js';
import { t, tf } from './i18n.js';

/** Terms a version added (+) or removed (−), as chips; plain text only. */
function termChips(terms: string[], tag: 'ins' | 'del'): HTMLElement[] {
  return terms.map((term) => {
    const chip = document.createElement(tag);
    chip.className = 'term';
    chip.textContent = `${tag === 'ins' ? '+' : '−'} ${term}`;
    return chip;
  });
}

function versionItem(v: TopicVersion, current: number): HTMLLIElement {
  const li = document.createElement('li');
  li.dataset.version = String(v.version);
  const head = document.createElement('strong');
  head.textContent = `v${v.version}${v.version === current ? ` (${t('teCurrent')})` : ''}`;
  const meta = document.createElement('span');
  meta.className = 'meta';
  meta.textContent = ` · ${formatTime(v.created_at)} WIB · ${v.author ? tf('teBy', { author: v.author }) : t('teNoAuthor')}`;
  const terms = document.createElement('div');
  terms.className = 'terms';
  terms.append(...termChips(v.added, 'ins'), ...termChips(v.removed, 'del'));
  const query = document.createElement('code');
  query.textContent = v.query;
  li.append(head, meta, terms, query);
  return li;
}

/** A topic's saved versions, newest first, each with author, time (WIB) and the terms it added and removed. */
export async function renderTopicHistory(topicId: number, currentVersion: number): Promise<void> {
  const versions = await fetchTopicVersions(topicId);
  document.getElementById('te-history')!.replaceChildren(...versions.map((v) => versionItem(v, currentVersion)));
  document.getElementById('te-history-panel')!.hidden = false;
}

export function hideTopicHistory(): void {
  document.getElementById('te-history-panel')!.hidden = true;
}
