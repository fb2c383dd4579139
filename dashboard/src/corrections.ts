import type { MentionItem } from './api.js';
import { markIrrelevant, setSentiment, undoCorrection, type SentimentLabel } from './corrections-api.js';
import { formatTime } from './format.js';
import { t, tf, type TextKey } from './i18n.js';
import { hasRole } from './session.js';

/**
 * The feed's sentiment cell: the label a person sees (a correction wins over the model), marked when a person
 * corrected it (who and when on hover); for staff and above, a control to set the right label, undo a
 * correction, and mark the mention irrelevant for the topic shown (every topic when none is chosen). The label
 * changes at once, the charts follow through `changed`; viewers see the labels only.
 */
export interface FeedContext {
  /** The topic or key message the feed lists; undefined: every mention. */
  topic: number | undefined;
  topicName(id: number): string;
  /** After a correction the row has changed in place; the charts and panels follow. */
  changed(): void;
}

const LABELS: SentimentLabel[] = ['positive', 'neutral', 'negative'];
const label = (l: string | null) => (l ? t(`sentiment_${l}` as TextKey) : '—');

function button(text: string, className: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

/** The irrelevant marks that take the mention out of what this feed shows. */
const marksHere = (m: MentionItem, ctx: FeedContext) => m.irrelevant.filter((x) => ctx.topic === undefined || x.topic_id === null || x.topic_id === ctx.topic);

export function sentimentCell(td: HTMLTableCellElement, m: MentionItem, ctx: FeedContext): void {
  const canCorrect = hasRole('staff');
  const tr = td.parentElement as HTMLTableRowElement;
  td.className = 'sentiment';
  let error = '';

  const act = async (work: () => Promise<void>, undoLocal?: () => void) => {
    error = '';
    try {
      await work();
      ctx.changed();
    } catch (err) {
      undoLocal?.();
      error = `${t('corrFailed')}: ${(err as Error).message}`;
    }
    render();
  };

  function render(): void {
    const marks = marksHere(m, ctx);
    tr.classList.toggle('irrelevant', marks.length > 0);
    const parts: HTMLElement[] = [];
    if (canCorrect && m.sentiment) {
      const select = document.createElement('select');
      select.className = `sentiment-select s-${m.sentiment}`;
      select.setAttribute('aria-label', t('corrSetSentiment'));
      select.title = t('corrSetSentiment');
      select.append(...LABELS.map((l) => new Option(label(l), l, false, l === m.sentiment)));
      select.addEventListener('change', () => {
        const before = { sentiment: m.sentiment, correction: m.sentiment_correction };
        m.sentiment = select.value as SentimentLabel; // shown at once; the API's answer confirms it
        render();
        void act(
          async () => {
            const c = await setSentiment(m.id, m.sentiment!);
            m.sentiment_correction = { id: c.id, label: c.label!, by: c.created_by_name, at: c.created_at, note: c.note };
          },
          () => ((m.sentiment = before.sentiment), (m.sentiment_correction = before.correction)),
        );
      });
      parts.push(select);
    } else {
      const chip = document.createElement('span');
      chip.className = `sentiment-chip s-${m.sentiment ?? 'none'}`;
      chip.textContent = label(m.sentiment);
      parts.push(chip);
    }
    const c = m.sentiment_correction;
    if (c) {
      const mark = document.createElement('span');
      mark.className = 'corrected';
      mark.textContent = `✎ ${t('corrCorrected')}`;
      mark.title = tf('corrCorrectedTitle', { by: c.by, when: formatTime(c.at), model: label(m.model_sentiment) });
      parts.push(mark);
      if (canCorrect) {
        parts.push(button(t('corrUndo'), 'link undo-sentiment', () => void act(async () => {
          await undoCorrection(c.id);
          m.sentiment = m.model_sentiment;
          m.sentiment_correction = null;
        })));
      }
    }
    for (const x of marks) {
      const note = document.createElement('span');
      note.className = 'irrelevant-note';
      note.textContent = tf('corrMarkedIrrelevant', { topic: x.topic_id === null ? t('corrAllTopics') : ctx.topicName(x.topic_id), by: x.by });
      note.title = formatTime(x.at);
      parts.push(note);
      if (canCorrect) {
        parts.push(button(t('corrUndo'), 'link undo-irrelevant', () => void act(async () => {
          await undoCorrection(x.id);
          m.irrelevant = m.irrelevant.filter((y) => y.id !== x.id);
        })));
      }
    }
    if (canCorrect && marks.length === 0) {
      const b = button(t('corrIrrelevant'), 'irrelevant-button', () => void act(async () => {
        const made = await markIrrelevant(m.id, ctx.topic);
        m.irrelevant = [...m.irrelevant, { id: made.id, topic_id: made.topic_id, by: made.created_by_name, at: made.created_at }];
      }));
      b.title = ctx.topic === undefined ? t('corrIrrelevantAll') : tf('corrIrrelevantTopic', { topic: ctx.topicName(ctx.topic) });
      parts.push(b);
    }
    if (error) {
      const p = document.createElement('span');
      p.className = 'error';
      p.setAttribute('role', 'alert');
      p.textContent = error;
      parts.push(p);
    }
    td.replaceChildren(...parts);
  }
  render();
}
