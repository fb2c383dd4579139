/**
 * `npm run --silent analyze`: JSON lines `{"id": "...", "text": "...", "kind": "news"|"social"}` on standard
 * input, one JSON line of analysis per input on standard output, in order. A line that is not such an object
 * gets `{"line": N, "error": "..."}` and the rest still go through; the exit code is 1 when any line failed.
 */
import readline from 'node:readline';
import { z } from 'zod';
import { analyzeText } from './analyze.js';

const lineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string().min(1, 'text is empty').max(1_000_000, 'text is longer than 1,000,000 characters'),
  title: z.string().max(2000).nullish(),
  kind: z.enum(['news', 'social']).optional(),
});

async function main(): Promise<number> {
  let failed = 0;
  let n = 0;
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const raw of rl) {
    n++;
    if (!raw.trim()) continue;
    let out: Record<string, unknown>;
    try {
      const parsed = lineSchema.safeParse(JSON.parse(raw));
      if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; '));
      const { id, text, title, kind } = parsed.data;
      out = { id, ...analyzeText({ text, title, kind }) };
    } catch (err) {
      failed++;
      const message = err instanceof SyntaxError ? `not valid JSON (${err.message})` : (err as Error).message;
      out = { line: n, error: message };
    }
    if (!process.stdout.write(`${JSON.stringify(out)}\n`)) await new Promise((r) => process.stdout.once('drain', r));
  }
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err: Error) => {
    console.error(`analyze: ${err.message}`);
    process.exitCode = 2;
  },
);
