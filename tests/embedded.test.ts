import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { listMentions } from '../api/mentions/mentions.repo.js';
import { getTopicSeries } from '../api/topics/topics.repo.js';
import { openDatabase } from '../core/db.js';
import { createLogger } from '../core/logger.js';
import { migrate, MIGRATIONS_DIR } from '../core/migrate.js';
import { factory } from './helpers/factory.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaung-embedded-'));
const logger = createLogger('silent');
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('embedded PostgreSQL (PGlite)', () => {
  test('with no DATABASE_URL the same migrations and queries run on PGlite, and the data survives a restart', async () => {
    const db = await openDatabase({ dataDir, logger });
    expect(db.mode).toBe('embedded');
    try {
      expect(await migrate(db.sql)).toEqual(fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort());
      expect(await migrate(db.sql)).toEqual([]);
      const topic = await factory.topic(db.sql, { name: 'G20', query: 'Presidensi G20' });
      await factory.mention(db.sql, { title: 'Presidensi G20 di Nusa Dua', publishedAt: new Date('2022-11-14T03:00:00Z') });
      await factory.mention(db.sql, { title: 'Presidensi G20 di Bali', publishedAt: new Date('2022-11-15T03:00:00Z') });
      const series = await getTopicSeries(db.sql, { topicId: topic.id, metric: 'volume', from: '2022-11-14', to: '2022-11-15' });
      expect(series).toEqual([
        { x: '2022-11-14', y: 1 },
        { x: '2022-11-15', y: 1 },
      ]);
      await expect(openDatabase({ dataDir, logger })).rejects.toThrow(/in use by process/);
    } finally {
      await db.close();
    }

    const again = await openDatabase({ dataDir, logger });
    try {
      const page = await listMentions(again.sql, { from: '2022-11-01', to: '2022-11-30', limit: 10 });
      expect(page.map((m) => m.title)).toEqual(['Presidensi G20 di Bali', 'Presidensi G20 di Nusa Dua']);
    } finally {
      await again.close();
    }
  });
});
