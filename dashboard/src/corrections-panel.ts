import { fetchCorrections, undoCorrection, type Correction } from './corrections-api.js';
import { crawledLink, formatTime } from './format.js';
import { getLang, t, tf, type TextKey } from './i18n.js';
import { hasRole } from './session.js';

/**
 * "Koreksi": the latest corrections for the chosen topic (or all), who made them, when, and whether they
 * still stand; staff and above can undo one here (the feed and charts then refresh through `changed`) and
 * download the whole history as CSV.
 */
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const label = (l: string | null) => (l ? t(`sentiment_${l}` as TextKey) : '—');

function what(c: Correction): string {
  if (c.kind === 'sentiment') return tf('corrSentimentChange', { model: label(c.model_label), label: label(c.label) });
  return tf('corrIrrelevantFor', { topic: c.topic_name ?? t('corrAllTopics') });
}

function state(c: Correction): string {
  if (c.standing) return t('corrStanding');
  if (c.replaced_by) return t('corrReplaced');
  return tf('corrUndoneBy', { by: c.undone_by_name ?? '—' });
}

function row(c: Correction, changed: () => void): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.dataset.correction = String(c.id);
  if (!c.standing) tr.className = 'undone';
  const time = tr.insertCell();
  time.className = 'time';
  time.textContent = formatTime(c.created_at);
  const title = tr.insertCell();
  const link = crawledLink(c.mention_title, c.mention_url);
  title.append(link);
  if (c.note) {
    const note = document.createElement('span');
    note.className = 'snippet';
    note.textContent = c.note;
    title.append(note);
  }
  tr.insertCell().textContent = what(c);
  tr.insertCell().textContent = c.created_by_name;
  const status = tr.insertCell();
  status.textContent = state(c);
  if (c.undone_at) status.title = formatTime(c.undone_at);
  if (c.standing && hasRole('staff')) {
    const undo = document.createElement('button');
    undo.type = 'button';
    undo.className = 'link';
    undo.textContent = t('corrUndo');
    undo.addEventListener('click', () => {
      undo.disabled = true;
      undoCorrection(c.id).then(changed, (err: Error) => {
        undo.disabled = false;
        status.textContent = `${t('corrFailed')}: ${err.message}`;
      });
    });
    status.append(' ', undo);
  }
  return tr;
}

export async function renderCorrections(topic: number | undefined, changed: () => void): Promise<void> {
  const { data } = await fetchCorrections({ limit: 20, topic });
  $<HTMLTableElement>('corrections').tBodies[0]!.replaceChildren(...data.map((c) => row(c, changed)));
  $('corrections').hidden = data.length === 0;
  $('corrections-empty').hidden = data.length > 0;
  $<HTMLAnchorElement>('corrections-csv').href = `/api/v1/corrections/export.csv?lang=${getLang()}${topic ? `&topic=${topic}` : ''}`;
}
