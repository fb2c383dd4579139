import type { Sql } from '../../core/db.js';
import type { MentionInput, Source, Topic } from '../../core/types.js';
import { createSource } from '../../api/sources/sources.repo.js';
import { createSourceBody } from '../../api/sources/sources.schema.js';
import { createTopic } from '../../api/topics/topics.repo.js';
import { ingestMention } from '../../crawler/ingest.repo.js';

let n = 0;
const next = () => ++n;

/** Insert factories: each call makes a distinct row through the same code paths the product uses. */
export const factory = {
  async source(sql: Sql, over: Partial<Pick<Source, 'url' | 'name' | 'tier' | 'interval_minutes' | 'enabled' | 'kind' | 'config'>> = {}): Promise<Source> {
    const i = next();
    const source = await createSource(sql, createSourceBody.parse({
      kind: over.kind ?? 'rss',
      config: over.config ?? {},
      url: over.url ?? `http://127.0.0.1:9/feed-${i}.xml`,
      name: over.name ?? `Sumber ${i}`,
      tier: over.tier ?? 'national',
      interval_minutes: over.interval_minutes ?? 60,
      timezone: 'Asia/Jakarta',
      enabled: over.enabled ?? true,
    }));
    if (!source) throw new Error('factory.source: url already exists');
    return source;
  },

  async topic(sql: Sql, over: Partial<Pick<Topic, 'name' | 'query'>> = {}): Promise<Topic> {
    const topic = await createTopic(sql, { name: over.name ?? `Topik ${next()}`, query: over.query ?? 'Presidensi G20' });
    if (!topic) throw new Error('factory.topic: name already exists');
    return topic;
  },

  async mention(sql: Sql, over: Partial<MentionInput> = {}, fetchedAt?: Date): Promise<number> {
    const i = next();
    const result = await ingestMention(sql, {
      url: over.url ?? `https://contoh.example/berita/${i}`,
      sourceId: over.sourceId ?? null,
      kind: over.kind ?? 'news',
      title: over.title ?? `Berita nomor ${i}`,
      body: over.body ?? 'Isi berita tentang kegiatan warga di pasar.',
      author: over.author ?? null,
      publishedAt: over.publishedAt ?? new Date(),
      language: over.language ?? 'id',
      views: over.views ?? null,
    }, fetchedAt);
    if (!result.mentionId) throw new Error('factory.mention: url already exists');
    return result.mentionId;
  },
};
