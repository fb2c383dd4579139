import type { SourceKind, Tier } from '../../core/types.js';
import { getJson, send, type Point, type SourceHealth } from './api.js';

/** Typed calls behind the analysts' views (topic editor, sources, queues); `send` carries the CSRF token. */

export interface TopicDetail { id: number; name: string; query: string; version: number; matched_version: number | null; parent_id: number | null }
/** `new`: in a preview beside a topic's current version, whether the current version does not match it. */
export interface Sample { id: number; url: string; title: string; source_name: string | null; occurred_at: string; snippet: string; new?: boolean }
export interface QueryPreview { total: number; days: Point[]; samples: Sample[] }
export interface TopicPreview extends QueryPreview { from: string; to: string; terms: string[]; current: (QueryPreview & { version: number; query: string; added: number; removed: number }) | null }
export interface TopicVersion { version: number; query: string; author: string | null; created_at: string; added: string[]; removed: string[] }
export interface BackfillStatus { version: number; state: string; done: number | null; total: number | null }
export interface Saved { data: TopicDetail; backfill: { state: string; status: string } }

export const fetchTopicList = () => getJson<{ data: TopicDetail[] }>('/api/v1/topics').then((r) => r.data);
export const previewTopicQuery = (query: string, topicId?: number) =>
  send<{ data: TopicPreview }>('POST', '/api/v1/topics/preview', { query, topic_id: topicId }).then((r) => r.data);
export const createTopic = (body: { name: string; query: string; parent_id: number | null }) => send<Saved>('POST', '/api/v1/topics', body);
export const updateTopic = (id: number, body: { name?: string; query?: string }) => send<Saved>('PATCH', `/api/v1/topics/${id}`, body);
export const deleteTopic = (id: number) => send<null>('DELETE', `/api/v1/topics/${id}`);
export const fetchTopicVersions = (id: number) => getJson<{ data: TopicVersion[] }>(`/api/v1/topics/${id}/versions`).then((r) => r.data);
export const fetchBackfill = (statusPath: string) => getJson<{ data: BackfillStatus }>(statusPath).then((r) => r.data);

export interface SourceRow extends SourceHealth { kind: SourceKind; url: string; tier: Tier; audience: number | null; timezone: string; interval_minutes: number }
export interface SourcePreviewItem { url: string; title: string; published_at: string | null; author: string | null; body: string }
export interface SourcePreview { kind: SourceKind; items: SourcePreviewItem[]; failed: { url: string; reason: string }[] }
export interface NewSource { kind: SourceKind; url: string; name: string; tier?: Tier; interval_minutes: number; timezone: string; audience: number | null; config: Record<string, unknown> }
export type SourceChange = Partial<Pick<SourceRow, 'tier' | 'audience' | 'timezone' | 'interval_minutes' | 'enabled'>>;

export const fetchSourceRows = () => getJson<{ data: SourceRow[] }>('/api/v1/sources').then((r) => r.data);
export const previewSource = (body: { url: string; kind: SourceKind; config: Record<string, unknown>; timezone: string }) =>
  send<{ data: SourcePreview }>('POST', '/api/v1/sources/preview', body).then((r) => r.data);
export const createSource = (body: NewSource) => send<{ data: SourceRow }>('POST', '/api/v1/sources', body).then((r) => r.data);
export const updateSource = (id: number, body: SourceChange) => send<{ data: SourceRow }>('PATCH', `/api/v1/sources/${id}`, body).then((r) => r.data);
export const deleteSource = (id: number) => send<null>('DELETE', `/api/v1/sources/${id}`);
export const crawlSourceNow = (id: number) => send<{ data: { jobId: string } }>('POST', `/api/v1/sources/${id}/crawl`);

export interface QueueHealth { name: string; paused: boolean; waiting: number; active: number; delayed: number; failed: number; oldest_waiting_at: string | null; oldest_waiting_s: number | null }
export const fetchQueueHealth = () => getJson<{ data: QueueHealth[] }>('/api/v1/queues').then((r) => r.data);
