import type { z } from 'zod';
import { changePasswordBody, createTokenBody, createUserBody, loginBody, updateUserBody } from '../auth/auth.schema.js';
import { analyzeBody, reanalyzeBody } from '../analyze/analyze.schema.js';
import { alertsQuery } from '../alerts/alerts.schema.js';
import { createExportBody, digestQuery, exportQuery } from '../exports/exports.schema.js';
import { createCorrectionBody, exportCorrectionsQuery, listCorrectionsQuery } from '../corrections/corrections.schema.js';
import { membumiQuery } from '../membumi/membumi.schema.js';
import { panelQuery } from '../panels/panels.schema.js';
import { listMentionsQuery } from '../mentions/mentions.schema.js';
import { createPressReleaseBody } from '../press-releases/press-releases.schema.js';
import { createSourceBody, previewSourceBody, updateSourceBody } from '../sources/sources.schema.js';
import { createTopicBody, previewBody, seriesQuery, updateTopicBody } from '../topics/topics.schema.js';
import { variantsQuery } from '../topics/variants.schema.js';

/**
 * The route table: what each API route does, who may call it, and the zod schemas it validates. It is the
 * source of /api/openapi.json and of the role check on every request; a test fails when a route exists
 * without an entry here, and the auth middleware refuses one, so neither can fall behind the API.
 */
/** Who may call a route: anyone, or a signed-in user (or token) of at least this role. */
export type RouteRole = 'public' | 'viewer' | 'staff' | 'analyst' | 'admin';

export interface RouteDoc {
  tag: string;
  /** The least role allowed; the auth middleware enforces it and refuses any route without an entry. */
  role: RouteRole;
  summary: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** What the response is, in a few words (the JSON is always `{ data }` or `{ error }`). */
  returns?: string;
}

export const ROUTE_DOCS: Record<string, RouteDoc> = {
  'GET /api/v1/health': { tag: 'system', role: 'public', summary: 'Database, Redis and crawl-queue health; 503 when a part is down.' },
  'POST /api/v1/auth/login': { tag: 'accounts', role: 'public', summary: 'Sign in (JSON only); sets the session cookie and returns the CSRF token. Failed attempts are limited per username and address.', body: loginBody },
  'POST /api/v1/auth/logout': { tag: 'accounts', role: 'public', summary: 'Sign out: ends this session and clears its cookie.' },
  'GET /api/v1/auth/me': { tag: 'accounts', role: 'public', summary: 'Who is signed in (or null), their role and the session\'s CSRF token for state-changing requests.' },
  'POST /api/v1/auth/password': { tag: 'accounts', role: 'viewer', summary: 'Change your own password (from a browser session); every session of yours ends.', body: changePasswordBody },
  'GET /api/v1/auth/tokens': { tag: 'accounts', role: 'viewer', summary: 'Your API tokens (never the tokens themselves).' },
  'POST /api/v1/auth/tokens': { tag: 'accounts', role: 'viewer', summary: 'Create an API token for scripts, at most your role, from a signed-in session (not with a token); the token is shown once. A new password revokes every token.', body: createTokenBody },
  'DELETE /api/v1/auth/tokens/:id': { tag: 'accounts', role: 'viewer', summary: 'Revoke one of your API tokens.' },
  'GET /api/v1/users': { tag: 'accounts', role: 'admin', summary: 'Every user with role and last sign-in.' },
  'POST /api/v1/users': { tag: 'accounts', role: 'admin', summary: 'Create a user; without a password one is generated and shown once.', body: createUserBody },
  'PATCH /api/v1/users/:id': { tag: 'accounts', role: 'admin', summary: 'Change a user\'s name, role, password or disable them; their sessions end. The last admin stays.', body: updateUserBody },
  'DELETE /api/v1/users/:id': { tag: 'accounts', role: 'admin', summary: 'Delete a user with their sessions and tokens (not yourself, not the last admin).' },
  'GET /api/v1/meta': { tag: 'system', role: 'public', summary: 'Whether this is the demo, the time zone, and the attributions of the data the analysis uses.' },
  'GET /api/v1/topics': { tag: 'topics', role: 'viewer', summary: 'Topics and key messages with their mention counts.' },
  'POST /api/v1/topics': { tag: 'topics', role: 'analyst', summary: 'Create a topic, or a key message with parent_id; stored mentions are matched now or by a background backfill.', body: createTopicBody },
  'POST /api/v1/topics/preview': { tag: 'topics', role: 'analyst', summary: 'What an edited query would match per day, with samples, beside a topic\'s current version; saves nothing.', body: previewBody },
  'GET /api/v1/topics/variants': { tag: 'topics', role: 'analyst', summary: 'Regional-language variants of a query\'s terms (Javanese, Sundanese, Balinese, Minangkabau and six more, from NusaX\'s lexicon and parallel sentences), per term and language, each with its source and how many stored mentions it would add over the days; saves nothing.', query: variantsQuery },
  'GET /api/v1/topics/:id': { tag: 'topics', role: 'viewer', summary: 'One topic with its key messages.' },
  'PATCH /api/v1/topics/:id': { tag: 'topics', role: 'analyst', summary: 'Rename a topic or save a new query version (re-matched now or in the background).', body: updateTopicBody },
  'DELETE /api/v1/topics/:id': { tag: 'topics', role: 'analyst', summary: 'Delete a topic with its key messages and matches.' },
  'GET /api/v1/topics/:id/series': { tag: 'topics', role: 'viewer', summary: 'A chart-ready daily series from the rollups.', query: seriesQuery },
  'GET /api/v1/topics/:id/versions': { tag: 'topics', role: 'viewer', summary: 'Every saved query with author, time and what it added and removed.' },
  'GET /api/v1/topics/:id/backfill': { tag: 'topics', role: 'viewer', summary: 'The state and progress of re-matching stored mentions after a save.' },
  'GET /api/v1/mentions': { tag: 'mentions', role: 'viewer', summary: 'Mentions newest first, keyset-paginated, with their analysis and membumi index.', query: listMentionsQuery },
  'GET /api/v1/mentions/:id': { tag: 'mentions', role: 'viewer', summary: 'One mention with its full text, topics and the explanation of its analysis.' },
  'GET /api/v1/corrections': { tag: 'corrections', role: 'viewer', summary: 'Corrections people made (sentiment set by hand, mentions marked irrelevant), newest first, with who, when and whether each still stands; keyset-paginated (nextCursor).', query: listCorrectionsQuery },
  'GET /api/v1/corrections/export.csv': { tag: 'corrections', role: 'staff', summary: 'Every correction for the filters, oldest first, as CSV (formula-safe cells): the right label, the model\'s label then and now, who, when, undone by whom.', query: exportCorrectionsQuery, returns: 'text/csv' },
  'POST /api/v1/corrections': { tag: 'corrections', role: 'staff', summary: 'Set a mention\'s sentiment (kind sentiment, label) or mark it irrelevant for a topic and its key messages, or without topic_id for every topic (kind irrelevant); the rollups follow at once. 201, or 200 when the same correction already stands.', body: createCorrectionBody },
  'GET /api/v1/corrections/adaptation': { tag: 'corrections', role: 'analyst', summary: 'What the standing sentiment corrections teach the analysis (the adaptation re-analysis and ingest apply): macro-F1 before and after on the evaluation sets and accuracy on the corrections, the words it moved most, its class biases, and how many stored mentions are not yet scored with it (POST /api/v1/analyze/reanalyze re-scores them; corrected labels stay).' },
  'POST /api/v1/corrections/:id/undo': { tag: 'corrections', role: 'staff', summary: 'Undo a standing correction (kept in the history): the model\'s label shows again, or the mention is matched again against the topics\' current queries; 409 when already undone.' },
  'GET /api/v1/sources': { tag: 'sources', role: 'viewer', summary: 'Sources with their crawl health and activity.' },
  'POST /api/v1/sources': { tag: 'sources', role: 'analyst', summary: 'Add a source; it is scheduled at once (tier defaults by host).', body: createSourceBody },
  'POST /api/v1/sources/preview': { tag: 'sources', role: 'analyst', summary: 'What a URL would give as a source, through the real crawl path, stored nowhere.', body: previewSourceBody },
  'PATCH /api/v1/sources/:id': { tag: 'sources', role: 'analyst', summary: 'Change a source (tier, audience, zone, interval, pause) and its schedule.', body: updateSourceBody },
  'DELETE /api/v1/sources/:id': { tag: 'sources', role: 'analyst', summary: 'Remove a source and its schedule.' },
  'POST /api/v1/sources/:id/crawl': { tag: 'sources', role: 'analyst', summary: 'Crawl a source now (once per minute however often asked).' },
  'GET /api/v1/press-releases': { tag: 'press releases', role: 'viewer', summary: 'The campaign\'s press releases with their pickups.' },
  'POST /api/v1/press-releases': { tag: 'press releases', role: 'analyst', summary: 'Register a press release by URL or text; its pickups are linked and re-scored.', body: createPressReleaseBody },
  'GET /api/v1/press-releases/:id': { tag: 'press releases', role: 'viewer', summary: 'One press release with every outlet that picked it up.' },
  'DELETE /api/v1/press-releases/:id': { tag: 'press releases', role: 'analyst', summary: 'Remove a press release; its pickups are re-scored.' },
  'POST /api/v1/analyze': { tag: 'analysis', role: 'analyst', summary: 'Sentiment, register with jargon and alternatives, voices and places of a text.', body: analyzeBody },
  'POST /api/v1/analyze/reanalyze': { tag: 'analysis', role: 'analyst', summary: 'Re-score stored mentions with the current lexicons, in a background job.', body: reanalyzeBody },
  'GET /api/v1/analyze/reanalyze/:jobId': { tag: 'analysis', role: 'analyst', summary: 'A re-analysis job\'s state and progress.' },
  'GET /api/v1/membumi': { tag: 'membumi', role: 'viewer', summary: 'A topic\'s membumi index for the period with its parts, the period before and the change, and per day.', query: membumiQuery },
  'GET /api/v1/panels/:panel': { tag: 'panels', role: 'viewer', summary: 'One dashboard panel from the rollups (volume and share, reach organic/echo/official, sentiment, tiers, voices, stories, sources, speakers, terms, provinces, jargon); format=csv for the chart data as CSV.', query: panelQuery, returns: '{ data } or text/csv' },
  'GET /api/v1/exports/mentions.csv': { tag: 'exports', role: 'staff', summary: 'Every mention for the filters as CSV (formula-safe cells).', query: exportQuery, returns: 'text/csv' },
  'GET /api/v1/exports/mentions.xlsx': { tag: 'exports', role: 'staff', summary: 'Every mention for the filters as XLSX (formula-safe cells); 413 beyond EXPORT_INLINE_MAX mentions (use POST /api/v1/exports).', query: exportQuery, returns: 'XLSX' },
  'GET /api/v1/exports': { tag: 'exports', role: 'staff', summary: 'Your background exports of the last 24 hours, newest first, with their progress and download links.' },
  'POST /api/v1/exports': { tag: 'exports', role: 'staff', summary: 'Prepare a large mentions export (CSV or XLSX) for the filters as a background job; 202 with its id.', body: createExportBody },
  'GET /api/v1/exports/:id': { tag: 'exports', role: 'staff', summary: 'A background export\'s state, rows done of total and error (yours, or any for an admin).' },
  'GET /api/v1/exports/:id/download': { tag: 'exports', role: 'staff', summary: 'The finished background export\'s file (kept 24 hours).', returns: 'text/csv or XLSX' },
  'GET /api/v1/exports/digest.pdf': { tag: 'exports', role: 'staff', summary: 'The daily or weekly digest of a topic as a PDF in Bahasa Indonesia.', query: digestQuery, returns: 'application/pdf' },
  'GET /api/v1/alerts': { tag: 'alerts', role: 'viewer', summary: 'Spikes and silent sources, with the mentions that drove them.', query: alertsQuery },
  'GET /api/v1/queues': { tag: 'system', role: 'analyst', summary: 'The crawl, analysis and export queues: jobs waiting, running, delayed and failed, and how long the oldest has waited.' },
  'POST /api/v1/alerts/check': { tag: 'alerts', role: 'analyst', summary: 'Look for spikes and silent sources now and send new alerts to the webhook.' },
};
