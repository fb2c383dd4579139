import { getJson, send } from './api.js';

/** Corrections through the API (api/corrections): made and undone by staff and above, listed for everyone. */
export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export interface Correction {
  id: number; mention_id: number; kind: 'sentiment' | 'irrelevant'; label: SentimentLabel | null; model_label: SentimentLabel | null;
  topic_id: number | null; topic_name: string | null; note: string | null; created_by_name: string; created_at: string;
  undone_at: string | null; undone_by_name: string | null; replaced_by: number | null; standing: boolean; mention_title: string; mention_url: string;
}

export const setSentiment = (mentionId: number, label: SentimentLabel) =>
  send<{ data: Correction }>('POST', '/api/v1/corrections', { mention_id: mentionId, kind: 'sentiment', label }).then((r) => r.data);

/** Irrelevant for a topic (and its key messages), or with none for every topic. */
export const markIrrelevant = (mentionId: number, topicId: number | undefined) =>
  send<{ data: Correction }>('POST', '/api/v1/corrections', { mention_id: mentionId, kind: 'irrelevant', ...(topicId ? { topic_id: topicId } : {}) }).then((r) => r.data);

export const undoCorrection = (id: number) => send<{ data: Correction }>('POST', `/api/v1/corrections/${id}/undo`).then((r) => r.data);

export const fetchCorrections = (p: { limit?: number; topic?: number } = {}) =>
  getJson<{ data: Correction[]; nextCursor: number | null }>(`/api/v1/corrections?limit=${p.limit ?? 20}${p.topic ? `&topic=${p.topic}` : ''}`);
