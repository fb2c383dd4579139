import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROUTE_DOCS } from '../api/openapi/openapi.docs.js';
import { apiRoutes } from '../api/openapi/openapi.js';
import { openTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let app: TestApp['app'];
beforeAll(async () => {
  t = await openTestApp();
  app = t.app;
});
afterAll(async () => t?.close());

describe('OpenAPI document', () => {
  test('every API route the app serves is documented, and nothing documented is missing from the app', () => {
    const served = apiRoutes(app.routes).map((r) => `${r.method} ${r.path}`).sort();
    expect(served.filter((k) => !ROUTE_DOCS[k])).toEqual([]);
    expect(Object.keys(ROUTE_DOCS).filter((k) => !served.includes(k))).toEqual([]);
  });

  test('/api/openapi.json describes each operation with its path, query and body parameters from the validation schemas', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters: { name: string; in: string }[]; requestBody?: { content: { 'application/json': { schema: { properties: Record<string, unknown> } } } } }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const mentions = doc.paths['/api/v1/mentions']!.get!;
    expect(mentions.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['topic', 'source', 'kind', 'from', 'to', 'limit', 'cursor']));
    expect(doc.paths['/api/v1/topics/{id}']!.patch!.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path' }));
    expect(Object.keys(doc.paths['/api/v1/topics']!.post!.requestBody!.content['application/json'].schema.properties)).toEqual(expect.arrayContaining(['name', 'query', 'parent_id']));
  });

  test('the reference page and its script are served from the app itself (no outside resources)', async () => {
    const page = await (await app.request('/api/reference')).text();
    expect(page).toContain('<script type="module" src="/api/reference.js"></script>');
    expect(page).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    const script = await app.request('/api/reference.js');
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain("fetch('/api/openapi.json')");
  });
});
