import { createApp, depsFromRuntime } from '../../api/app.js';
import type { Runtime } from '../../core/runtime.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { openTestRuntime } from './runtime.js';

export interface TestApp {
  db: TestDatabase;
  rt: Runtime;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

/** A database of the test file's own, a runtime on it (settings in `extra`), and the app over that runtime. */
export async function openTestApp(extra: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const rt = await openTestRuntime(db.url, extra);
  return {
    db,
    rt,
    app: createApp(depsFromRuntime(rt)),
    close: async () => {
      await rt.close();
      await db.drop();
    },
  };
}
