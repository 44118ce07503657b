/**
 * What the extension's service worker did while the citizen waited: a Chromium trace (CDP
 * Tracing, with V8's sampling profiler) taken while the citizen benchmark opens its views, and
 * for each timed step (from a mark before the click to a mark after the paint, both made with
 * `console.timeStamp` in the vault page, so both clocks are the trace's own) the worker's busy
 * time, its longest tasks and where each of them spent its time. A click that waits for the
 * worker shows here as a long task under way when it arrived.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      message?: string;
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number; columnNumber?: number };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'disabled-by-default-v8.cpu_profiler'];
/** Tasks of the worker shown per step: the longest, at least this long. */
const LONG_TASK_US = 8_000;
const TASKS_SHOWN = 6;

export interface SwTrace {
  /** Marks a moment in the vault page's thread, named `label`. */
  mark(page: Page, label: string): Promise<void>;
  /** Ends the trace and writes it to `file`; one block of lines per step marked `<name> begin` … `<name> end`. */
  stop(file: string): Promise<string[]>;
}

export async function startSwTrace(context: BrowserContext): Promise<SwTrace> {
  const cdp = await context.browser()!.newBrowserCDPSession();
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordContinuously' },
    transferMode: 'ReturnAsStream',
  });
  return {
    mark: (page, label) => page.evaluate((l) => console.timeStamp(l), label),
    stop: async (file) => {
      const events = await endTrace(cdp);
      writeFileSync(file, JSON.stringify(events));
      return summarise(events);
    },
  };
}

async function endTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const handle = await complete;
  const parts: string[] = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle, size: 1 << 22 });
    parts.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  const parsed = JSON.parse(parts.join('')) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

interface Sample {
  ts: number;
  /** The running frame first, then its callers. */
  stack: string[];
}

const frameName = ({ callFrame: f }: ProfileNode) =>
  `${f.functionName || '(anonymous)'} ${f.url?.split('/').pop() || '(native)'}:${(f.lineNumber ?? -1) + 1}:${(f.columnNumber ?? -1) + 1}`;

/** The samples of one thread: when, and the stack that was running. */
function samplesOf(events: TraceEvent[], pid: number, tid: number): Sample[] {
  const samples: Sample[] = [];
  const profiles = new Map<string, { ts: number; nodes: Map<number, ProfileNode> }>();
  for (const e of events) {
    if (e.pid !== pid || e.id === undefined) continue;
    if (e.name === 'Profile' && e.tid === tid) profiles.set(e.id, { ts: e.args?.data?.startTime ?? e.ts, nodes: new Map() });
    const profile = profiles.get(e.id);
    if (e.name !== 'ProfileChunk' || !profile) continue;
    const data = e.args?.data;
    for (const node of data?.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    (data?.cpuProfile?.samples ?? []).forEach((nodeId, i) => {
      profile.ts += data?.timeDeltas?.[i] ?? 0;
      const stack: string[] = [];
      for (let node = profile.nodes.get(nodeId); node; node = node.parent === undefined ? undefined : profile.nodes.get(node.parent)) {
        if (node.callFrame.functionName !== '(root)') stack.push(frameName(node));
      }
      if (stack.length && !/^\((idle|program)\)/.test(stack[0]!)) samples.push({ ts: profile.ts, stack });
    });
  }
  return samples.sort((a, b) => a.ts - b.ts);
}

export function summarise(events: TraceEvent[]): string[] {
  const threadName = (e: TraceEvent) => (e.ph === 'M' && e.name === 'thread_name' ? e.args?.name : undefined);
  const worker = events.find((e) => threadName(e) === 'ServiceWorker thread');
  if (!worker) return ['no service worker thread in the trace'];
  const tasks = events
    .filter((e) => e.pid === worker.pid && e.tid === worker.tid && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))
    .sort((a, b) => a.ts - b.ts);
  // Nested tasks are counted in the one that holds them.
  const topLevel: TraceEvent[] = [];
  for (const task of tasks) {
    const last = topLevel.at(-1);
    if (!last || task.ts >= last.ts + (last.dur ?? 0)) topLevel.push(task);
  }
  const samples = samplesOf(events, worker.pid, worker.tid);
  const marks = new Map<string, number>();
  for (const e of events) if (e.name === 'TimeStamp' && e.args?.data?.message) marks.set(e.args.data.message, e.ts);
  const lines: string[] = [];
  for (const [label, begin] of marks) {
    if (!label.endsWith(' begin')) continue;
    const step = label.slice(0, -' begin'.length);
    const end = marks.get(`${step} end`);
    if (end === undefined) continue;
    const overlapping = topLevel.filter((t) => t.ts < end && t.ts + (t.dur ?? 0) > begin);
    const busy = overlapping.reduce((sum, t) => sum + Math.min(end, t.ts + (t.dur ?? 0)) - Math.max(begin, t.ts), 0);
    lines.push(`${step}: ${((end - begin) / 1000).toFixed(0)} ms marked, worker busy ${(busy / 1000).toFixed(0)} ms in ${overlapping.length} tasks`);
    const long = overlapping.filter((t) => (t.dur ?? 0) >= LONG_TASK_US).sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
    for (const task of long.slice(0, TASKS_SHOWN)) {
      const inTask = samples.filter((s) => s.ts >= task.ts && s.ts <= task.ts + (task.dur ?? 0));
      const self = new Map<string, number>();
      const total = new Map<string, number>();
      for (const s of inTask) {
        self.set(s.stack[0]!, (self.get(s.stack[0]!) ?? 0) + 1);
        for (const frame of new Set(s.stack)) total.set(frame, (total.get(frame) ?? 0) + 1);
      }
      const top = (counts: Map<string, number>, n: number) =>
        [...counts]
          .sort((a, b) => b[1] - a[1])
          .slice(0, n)
          .map(([frame, k]) => `${Math.round((100 * k) / inTask.length)}% ${frame}`)
          .join('; ');
      lines.push(`  task at ${((task.ts - begin) / 1000).toFixed(0)} ms, ${((task.dur ?? 0) / 1000).toFixed(0)} ms long (${inTask.length} samples)`);
      lines.push(`    self: ${top(self, 5)}`);
      lines.push(`    total: ${top(total, 10)}`);
    }
  }
  return lines;
}

/** `node --import tsx bench/sw-trace.ts <trace.json>` summarises a trace written before. */
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  for (const line of summarise(JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as TraceEvent[])) console.log(line);
}
