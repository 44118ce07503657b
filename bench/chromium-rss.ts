/** Peak memory of Chromium's processes while a benchmark runs, read from /proc (Linux only). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** The PIDs of every process below this one (Chromium's browser, renderer, GPU and utility processes). */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) for (const child of children.get(stack.pop()!) ?? []) (out.push(child), stack.push(child));
  return out;
}

/** Sum of the resident set sizes of Chromium's processes (shared pages count once per process, so this overstates). */
function chromiumRss(): number | null {
  if (!existsSync('/proc/self/statm')) return null;
  let bytes = 0;
  for (const pid of descendants(process.pid)) {
    try {
      // Only Chromium's own processes (not Vite's esbuild service, also a child of this one).
      const program = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
      if (!/chrom/i.test(program)) continue;
      bytes += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
    } catch {
      // The process ended while we looked.
    }
  }
  return bytes;
}

/** Runs `work` while sampling Chromium's RSS every 100 ms; returns its result and the peak seen. */
export async function withRssPeak<T>(work: () => Promise<T>): Promise<{ result: T; peakRss: number | null; startRss: number | null }> {
  const startRss = chromiumRss();
  let peakRss = startRss;
  const timer = setInterval(() => {
    const rss = chromiumRss();
    if (rss !== null && (peakRss === null || rss > peakRss)) peakRss = rss;
  }, 100);
  try {
    return { result: await work(), peakRss, startRss };
  } finally {
    clearInterval(timer);
  }
}
