import { createApp, depsFromRuntime } from '../../api/app.js';
import type { Runtime } from '../../core/runtime.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { openTestRuntime } from './runtime.js';
import { authorizeAsAdmin } from './auth.js';

export interface TestApp {
  db: TestDatabase;
  rt: Runtime;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

/**
 * A database of the test file's own, a runtime on it (settings in `extra`), and the app over that runtime.
 * The app's in-process requests carry an admin's API token unless they name their own Authorization or
 * Cookie (tests/access.test.ts checks every route as every role).
 */
export async function openTestApp(extra: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const rt = await openTestRuntime(db.url, extra);
  const app = await authorizeAsAdmin(createApp(depsFromRuntime(rt)), db.sql);
  return {
    db,
    rt,
    app,
    close: async () => {
      await rt.close();
      await db.drop();
    },
  };
}
