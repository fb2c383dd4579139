/** Typed calls to Gaung's API; every failure becomes an Error carrying the API's message. */
export interface Topic { id: number; name: string; query: string; mention_count: number; last_day: string | null; parent_id: number | null }
export interface Point { x: string; y: number }
export type MembumiParts = { audience: number | null; register: number | null; voices: number | null; organic: number | null };
export interface Membumi {
  summary: { index: number | null; parts: MembumiParts; reach: number; mentions: number; previous: { from: string; to: string; index: number | null }; change: number | null };
  data: { x: string; index: number | null; parts: MembumiParts | null; reach: number; mentions: number }[];
}
export interface MentionItem {
  id: number; url: string; title: string; snippet: string; source_name: string | null; kind: 'news' | 'social'; occurred_at: string;
  sentiment: 'positive' | 'neutral' | 'negative' | null; register: 'elitist' | 'grounded' | null; grounding_score: number | null;
  membumi: number | null; reach: number | null; reach_method: string | null; tier: string | null;
  /** The language Gaung read the text in (id, en, jv, su, ban, min …). */
  language: string | null;
  /** `sentiment` is the label shown (a person's correction wins); the model's own label, and the standing corrections. */
  model_sentiment: 'positive' | 'neutral' | 'negative' | null;
  sentiment_correction: { id: number; label: 'positive' | 'neutral' | 'negative'; by: string; at: string; note: string | null } | null;
  irrelevant: { id: number; topic_id: number | null; by: string; at: string }[];
}

export interface SourceHealth {
  id: number; name: string; tier: string; enabled: boolean; last_fetched_at: string | null;
  last_status: 'ok' | 'error' | null; last_error: string | null; consecutive_failures: number; mention_count: number;
  items_per_day: number; silent: boolean; silent_for_hours: number | null;
}

/** The session's CSRF token (from GET /api/v1/auth/me); every state-changing request carries it. */
let csrfToken = '';
export const setCsrfToken = (token: string) => void (csrfToken = token);

/** An API error with its HTTP status and the API's code, so a view can tell "forbidden" from "invalid". */
export class ApiRequestError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (res.status === 204) return null as T; // a DELETE's empty answer
  const parsed = (await res.json().catch(() => null)) as (T & { error?: { code: string; message: string; details?: unknown } }) | null;
  if (!res.ok || !parsed) throw new ApiRequestError(res.status, parsed?.error?.code ?? 'http_error', parsed?.error?.message ?? `HTTP ${res.status}`, parsed?.error?.details);
  return parsed;
}

const get = <T>(path: string) => request<T>('GET', path);
/** POST, PUT, PATCH or DELETE with a JSON body, carrying the CSRF token. */
export const send = <T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) => request<T>(method, path, body);
export const getJson = get;

const qs = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '').map(([k, v]) => [k, String(v)])).toString();

export const fetchMeta = () => get<{ data: { demo: boolean; attributions: string[] } }>('/api/v1/meta').then((r) => r.data);
export const fetchTopics = () => get<{ data: Topic[] }>('/api/v1/topics').then((r) => r.data);

export const fetchSources = () => get<{ data: SourceHealth[] }>('/api/v1/sources').then((r) => r.data);

export const fetchSeries = (topicId: number, p: { from: string; to: string; kind?: string; tier?: string; province?: string }, metric = 'volume') =>
  get<{ data: Point[] }>(`/api/v1/topics/${topicId}/series?${qs({ from: p.from, to: p.to, kind: p.kind, tier: p.tier, province: p.province, metric })}`).then((r) => r.data);

export const fetchMentions = (p: { from: string; to: string; kind?: string; tier?: string; province?: string; language?: string; topic?: number; cursor?: string; limit?: number }) =>
  get<{ data: MentionItem[]; nextCursor: string | null }>(`/api/v1/mentions?${qs(p)}`);

export const fetchMembumi = (topicId: number, p: { from: string; to: string; kind?: string; tier?: string; province?: string }) =>
  get<Membumi>(`/api/v1/membumi?${qs({ from: p.from, to: p.to, kind: p.kind, tier: p.tier, province: p.province, topic: topicId })}`);

/** A dashboard panel's rows (GET /api/v1/panels/:panel), and the link to the same rows as CSV. */
export type PanelRow = Record<string, string | number | null>;
export type PanelFilters = { topic: number; from: string; to: string; kind?: string; tier?: string; province?: string; limit?: number };
export const panelQuery = (p: PanelFilters) => qs({ topic: p.topic, from: p.from, to: p.to, kind: p.kind, tier: p.tier, province: p.province, limit: p.limit });
export const fetchPanel = (panel: string, p: PanelFilters) => getJson<{ data: PanelRow[] }>(`/api/v1/panels/${panel}?${panelQuery(p)}`).then((r) => r.data);

export interface AlertItem {
  id: number; kind: 'volume_spike' | 'negative_spike' | 'silent_source'; topic_name: string | null; source_name: string | null; day: string;
  detail: { reason: string; mentions?: { id: number; title: string; url: string; source_name: string | null }[] };
}
export const fetchAlerts = (p: { from: string; to: string }) => get<{ data: AlertItem[] }>(`/api/v1/alerts?${qs(p)}`).then((r) => r.data);
