/**
 * `npm run bench:analyze`: the whole per-mention analysis (tokens, sentiment, register, voices, places) over
 * BENCH_TEXTS (20,000) mixed texts made from the demo articles and the campaign set: social-length posts and
 * news-length articles, reported apart and together, with a warm-up first. Figures only; no asserts on time.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { analyzeText } from '../analysis/analyze.js';
import { readCampaignSet } from '../analysis/datasets.js';
import { loadFixtureArticles } from '../tests/fixtures/news-site/server.js';
import { seeded } from './random.js';

const count = Number(process.env.BENCH_TEXTS ?? 20_000);
if (!Number.isInteger(count) || count < 100) throw new Error(`BENCH_TEXTS must be a whole number of at least 100, not "${process.env.BENCH_TEXTS}"`);

const random = seeded(20_221_115);
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
const newsSentences = loadFixtureArticles().flatMap((a) => a.paragraphs.flatMap((p) => p.split(/(?<=[.!?”])\s+/))).filter((s) => s.length > 30);
const posts = readCampaignSet().filter((r) => r.register === 'social').map((r) => r.text);

type Sample = { text: string; kind: 'news' | 'social' };
// Seven in ten are social posts (one or two posts' worth of text), the rest articles of 8 to 20 sentences.
const samples: Sample[] = Array.from({ length: count }, () =>
  random() < 0.7
    ? { kind: 'social', text: random() < 0.6 ? pick(posts) : `${pick(posts)} ${pick(posts)}` }
    : { kind: 'news', text: Array.from({ length: 8 + Math.floor(random() * 13) }, () => pick(newsSentences)).join(' ') },
);

function run(list: Sample[]): { seconds: number; perSecond: number; chars: number } {
  const started = performance.now();
  let chars = 0;
  for (const s of list) {
    analyzeText({ text: s.text, kind: s.kind });
    chars += s.text.length;
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, perSecond: list.length / seconds, chars: chars / list.length };
}

run(samples.slice(0, 3000)); // warm-up: lexicons loaded, code compiled, word caches filled
const social = samples.filter((s) => s.kind === 'social');
const news = samples.filter((s) => s.kind === 'news');
const rows = [['social posts', run(social), social.length], ['news articles', run(news), news.length], ['mixed, in order', run(samples), samples.length]] as const;

console.log(`Gaung analysis benchmark: ${count} texts, one thread; ${os.cpus().length} CPUs, Node ${process.version}, ${new Date().toISOString()}`);
console.log('  texts            count   mean chars   seconds   texts/s');
for (const [name, r, n] of rows) {
  console.log(`  ${name.padEnd(15)} ${String(n).padStart(6)} ${r.chars.toFixed(0).padStart(12)} ${r.seconds.toFixed(2).padStart(9)} ${r.perSecond.toFixed(0).padStart(9)}`);
}
console.log(`  target: at least 5,000 social-length texts per second -> ${(rows[0][1].perSecond / 5000).toFixed(2)} x the target`);
console.log(`Load average (1 min) at end ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} CPUs.`);
