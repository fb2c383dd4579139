import { Hono } from 'hono';
import { z } from 'zod';
import { ROUTE_DOCS } from './openapi.docs.js';

/** The OpenAPI 3.1 document of the API, built from the routes the app serves and their zod schemas. */
export function openApiDocument(routes: { method: string; path: string }[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { method, path } of apiRoutes(routes)) {
    const doc = ROUTE_DOCS[`${method} ${path}`];
    if (!doc) continue;
    const openPath = path.replace(/:(\w+)/g, '{$1}');
    const pathParams = [...path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: m[1] === 'jobId' || m[1] === 'panel' ? 'string' : 'integer' } }));
    const queryParams = doc.query ? Object.entries(schemaOf(doc.query).properties ?? {}).map(([name, schema]) => ({ name, in: 'query', schema })) : [];
    (paths[openPath] ??= {})[method.toLowerCase()] = {
      tags: [doc.tag],
      summary: doc.summary,
      description: doc.role === 'public' ? 'Open to anyone.' : `Needs the ${doc.role} role (or higher), signed in or with an API token.`,
      'x-gaung-role': doc.role,
      security: doc.role === 'public' ? [] : [{ bearerToken: [] }, { sessionCookie: [] }],
      parameters: [...pathParams, ...queryParams],
      ...(doc.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(doc.body) } } } } : {}),
      responses: {
        '200': { description: doc.returns ?? '{ "data": … }' },
        '400': { description: 'Bad input: { "error": { "code", "message", "requestId" } } naming what was wrong' },
        '404': { description: 'Not found, in the same error shape' },
        ...(doc.role === 'public' ? {} : { '401': { description: 'Not signed in and no valid token' }, '403': { description: 'Role too low, or a session request without its X-CSRF-Token' }, '429': { description: 'Rate limit of the token or user reached; see Retry-After' } }),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Gaung API', version: 'v1', description: 'Media monitoring that measures whether a campaign message reaches ordinary people. Days are Asia/Jakarta days.' },
    components: {
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token (gaung_…) from POST /api/v1/auth/tokens' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'gaung_session', description: 'A browser session; state-changing requests also need the X-CSRF-Token header from GET /api/v1/auth/me' },
      },
    },
    paths,
  };
}

/** The app's API routes (not middleware), each once. */
export function apiRoutes(routes: { method: string; path: string }[]) {
  const seen = new Set<string>();
  return routes.filter((r) => {
    const key = `${r.method} ${r.path}`;
    if (r.method === 'ALL' || !r.path.startsWith('/api/v1/') || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function schemaOf(schema: z.ZodType): { properties?: Record<string, unknown> } & Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
}

const REFERENCE_PAGE = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gaung API — referensi</title><link rel="stylesheet" href="/assets/app.css"><script type="module" src="/api/reference.js"></script></head>
<body><main><h1>Gaung API v1</h1><p class="hint">Dokumen OpenAPI: <a href="/api/openapi.json">/api/openapi.json</a>. Coba permintaan GET langsung dari halaman ini.</p><div id="ops"></div></main></body></html>`;

// The reference page's script: lists every operation and lets GET ones run with their parameters. Text only.
const REFERENCE_SCRIPT = `const ops = document.getElementById('ops');
const doc = await (await fetch('/api/openapi.json')).json();
for (const [path, methods] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(methods)) {
    const section = document.createElement('section'); section.className = 'panel';
    const h = document.createElement('h2'); h.textContent = method.toUpperCase() + ' ' + path; section.append(h);
    const p = document.createElement('p'); p.className = 'hint'; p.textContent = op.summary; section.append(p);
    const form = document.createElement('form');
    for (const param of op.parameters) {
      const label = document.createElement('label'); label.textContent = param.name + ' (' + param.in + ') ';
      const input = document.createElement('input'); input.name = param.name; input.dataset.in = param.in; label.append(input); form.append(label, ' ');
    }
    if (op.requestBody) { const note = document.createElement('p'); note.className = 'hint'; note.textContent = 'JSON body: ' + JSON.stringify(op.requestBody.content['application/json'].schema.properties ? Object.keys(op.requestBody.content['application/json'].schema.properties) : []); form.append(note); }
    const out = document.createElement('pre');
    if (method === 'get') {
      const button = document.createElement('button'); button.type = 'submit'; button.textContent = 'Coba'; form.append(button);
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        let url = path; const q = new URLSearchParams();
        for (const input of form.querySelectorAll('input')) {
          if (!input.value) continue;
          if (input.dataset.in === 'path') url = url.replace('{' + input.name + '}', encodeURIComponent(input.value)); else q.set(input.name, input.value);
        }
        const res = await fetch(url + (q.size ? '?' + q : ''));
        const type = res.headers.get('content-type') || '';
        out.textContent = res.status + ' ' + (type.includes('json') ? JSON.stringify(await res.json(), null, 2).slice(0, 4000) : type);
      });
    }
    section.append(form, out); ops.append(section);
  }
}`;

/** /api/openapi.json and the interactive reference page at /api/reference. */
export function openApiRoutes(routes: () => { method: string; path: string }[]) {
  return new Hono()
    .get('/openapi.json', (c) => c.json(openApiDocument(routes())))
    .get('/reference', (c) => c.html(REFERENCE_PAGE))
    .get('/reference.js', (c) => c.body(REFERENCE_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
}
