import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BODY_LIMIT, createApp, depsFromRuntime, TEXT_BODY_LIMIT } from '../api/app.js';
import { openTestApp, type TestApp } from './helpers/app.js';
import { tokenForRole } from './helpers/auth.js';
import { serveOnLoopback } from './helpers/browser.js';

// Issue 12, item 3: a request body is limited before it is read, before sign-in too, and answered 413.
let t: TestApp;
let served: Awaited<ReturnType<typeof serveOnLoopback>>;
let analyst: string;

beforeAll(async () => {
  t = await openTestApp();
  served = await serveOnLoopback(createApp(depsFromRuntime(t.rt)));
  analyst = await tokenForRole(t.db.sql, 'analyst');
});
afterAll(async () => {
  await served?.close();
  await t?.close();
});

const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${served.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, duplex: 'half' } as RequestInit);

/** A body sent in chunks with no Content-Length, as a client streaming an upload would. */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.length;
    },
  });
}

describe('request bodies', () => {
  test('a 20 MB sign-in is refused with 413 from its Content-Length, and the next sign-in is answered as usual', async () => {
    const huge = JSON.stringify({ username: 'siapa', password: 'x'.repeat(20 * 1024 * 1024) });
    const res = await post('/api/v1/auth/login', huge);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'payload_too_large',
      message: `the request body is larger than this route takes (${BODY_LIMIT / 1024} KB)`,
    });
    const next = await post('/api/v1/auth/login', JSON.stringify({ username: 'siapa', password: 'salah-sekali' }));
    expect(next.status).toBe(401);
  });

  test('a body streamed without a Content-Length is cut off at the limit too', async () => {
    const res = await post('/api/v1/topics', streamed(4 * BODY_LIMIT), { authorization: `Bearer ${analyst}` });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  test('a long text to analyse fits its larger limit; one past that limit does not', async () => {
    const text = 'Pemerintah daerah membuka pasar murah bagi warga di kecamatan. '.repeat(2500); // about 160 KB
    expect(text.length).toBeGreaterThan(BODY_LIMIT);
    const ok = await post('/api/v1/analyze', JSON.stringify({ text }), { authorization: `Bearer ${analyst}` });
    expect(ok.status).toBe(200);
    const tooLong = await post('/api/v1/analyze', JSON.stringify({ text: 'a'.repeat(TEXT_BODY_LIMIT + 1) }), { authorization: `Bearer ${analyst}` });
    expect(tooLong.status).toBe(413);
  });
});
