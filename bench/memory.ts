import fs from 'node:fs';

/**
 * Memory of this process and everything it started (Chromium and its helpers), read from /proc.
 * RSS is what the brief asks for; summed over Chromium's processes it counts shared pages (libraries,
 * shared memory) once per process, so PSS, which splits shared pages between their users, is kept beside it.
 */
export interface MemorySample {
  /** ms since the sampler started */
  at: number;
  processed: number;
  nodeRss: number;
  childRss: number;
  childPss: number;
  children: number;
}

const MB = 1024 * 1024;
export const toMb = (bytes: number) => Math.round(bytes / MB);

/** pid → parent pid for every process visible in /proc. */
function parentsByPid(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), ppid);
    } catch {
      // the process ended between readdir and read
    }
  }
  return parents;
}

/** Every process below `root`, leaving out the subtrees of `exclude` (tsx's esbuild service, started before the browser). */
export function descendantsOf(root: number, exclude: ReadonlySet<number> = new Set()): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parentsByPid()) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const found: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    if (exclude.has(pid)) continue;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** A "Name:   1234 kB" field of a /proc file, in bytes; 0 when absent (zombies, ended processes). */
function kbField(path: string, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(path, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function processTreeMemory(exclude: ReadonlySet<number>, root = process.pid): Omit<MemorySample, 'at' | 'processed'> {
  const pids = descendantsOf(root, exclude);
  let childRss = 0;
  let childPss = 0;
  for (const pid of pids) {
    childRss += kbField(`/proc/${pid}/status`, 'VmRSS');
    childPss += kbField(`/proc/${pid}/smaps_rollup`, 'Pss');
  }
  return { nodeRss: process.memoryUsage.rss(), childRss, childPss, children: pids.length };
}

export const totalRss = (s: MemorySample) => s.nodeRss + s.childRss;

/**
 * Samples every `intervalMs`, and on demand (`sampleNow`) at the moments that matter, e.g. 10% of pages done.
 * Child processes already running at the start are not counted, so what it reports is the browser's.
 */
export function startMemorySampler(intervalMs: number, processed: () => number) {
  const exclude = new Set(descendantsOf(process.pid));
  const started = Date.now();
  const samples: MemorySample[] = [];
  const sampleNow = (): MemorySample => {
    const s = { at: Date.now() - started, processed: processed(), ...processTreeMemory(exclude) };
    samples.push(s);
    return s;
  };
  const timer = setInterval(sampleNow, intervalMs);
  return {
    samples,
    sampleNow,
    exclude,
    stop: () => clearInterval(timer),
  };
}

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on

/**
 * CPU time used so far (ms) by the local PostgreSQL and Redis processes, from /proc: what the database and
 * the queue cost the machine next to the crawler's own Node process. Processes that end between two
 * readings take their time with them, so a difference is a close lower bound, not exact.
 */
export function serviceCpuMs(): { postgres: number; redis: number } {
  const out = { postgres: 0, redis: 0 };
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const service = comm === 'postgres' ? 'postgres' : comm === 'redis-server' ? 'redis' : null;
      if (!service) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out[service] += ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND; // utime, stime
    } catch {
      // ended meanwhile
    }
  }
  return out;
}

/**
 * CPU milliseconds of this process's main thread (its task id is the process id), from /proc; null where there
 * is no /proc. The rest of the process's CPU is its other threads: extraction threads, V8's collector, libuv.
 */
export function mainThreadCpuMs(): number | null {
  return threadCpuMs(process.pid);
}

function threadCpuMs(tid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** The task ids of this process's threads now, from /proc (empty where there is none). */
export function threadIds(): Set<number> {
  try {
    return new Set(fs.readdirSync('/proc/self/task').map(Number));
  } catch {
    return new Set();
  }
}

/**
 * CPU milliseconds used so far by each thread of this process, split by kind: `threads` started after
 * `existing` was read (the page pool's extraction threads, when it is read just before the pool starts) and
 * the rest other than the main thread (V8's collector and compiler helpers, libuv). Null where there is no /proc.
 */
export function threadCpuSplit(existing: ReadonlySet<number>): { newThreads: number; helpers: number } | null {
  const ids = threadIds();
  if (ids.size === 0) return null;
  const split = { newThreads: 0, helpers: 0 };
  for (const tid of ids) {
    if (tid === process.pid) continue;
    const ms = threadCpuMs(tid) ?? 0;
    if (existing.has(tid)) split.helpers += ms;
    else split.newThreads += ms;
  }
  return split;
}
