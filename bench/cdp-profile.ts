/**
 * CPU profiles of an extension's threads over CDP, for the benches: the service worker and the
 * page's dedicated workers, which Playwright gives no session for. A target is driven through
 * the browser's own session (`Target.sendMessageToTarget`), one request at a time.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Sends one CDP request to a target attached through `root` (not flattened). */
export type Send = (method: string, params?: object) => Promise<unknown>;

function targetSender(root: CDPSession, sessionId: string): Send {
  let nextId = 1;
  const waiting = new Map<number, (value: unknown) => void>();
  root.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id === undefined) return;
    waiting.get(message.id)?.(message.result);
    waiting.delete(message.id);
  });
  return async (method, params = {}) => {
    const id = nextId++;
    const answer = new Promise((resolve) => waiting.set(id, resolve));
    await root.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    return answer;
  };
}

/** The extension's service worker over CDP. */
export async function workerSession(context: BrowserContext, extensionId: string): Promise<Send> {
  const root = await context.browser()!.newBrowserCDPSession();
  const { targetInfos } = await root.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!worker) throw new Error('the extension has no service worker running');
  const { sessionId } = await root.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  return targetSender(root, sessionId);
}

/**
 * Profiles each dedicated worker the page starts from now on, from its first line: a new worker
 * waits for the debugger until its profiler runs. `stop()` answers every worker's profile.
 */
export async function profileNewWorkers(pageSession: CDPSession, intervalUs: number): Promise<{ stop: () => Promise<CpuProfile[]> }> {
  const workers: Send[] = [];
  const started: Promise<unknown>[] = [];
  pageSession.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type !== 'worker') return;
    const send = targetSender(pageSession, event.sessionId);
    workers.push(send);
    started.push(
      (async () => {
        await send('Profiler.enable');
        await send('Profiler.setSamplingInterval', { interval: intervalUs });
        await send('Profiler.start');
        await send('Runtime.runIfWaitingForDebugger');
      })(),
    );
  });
  await pageSession.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  return {
    stop: async () => {
      await Promise.all(started);
      const profiles: CpuProfile[] = [];
      // A worker the page has ended no longer answers: its profile is lost, not waited for.
      for (const send of workers) {
        const answer = await Promise.race([send('Profiler.stop'), new Promise((resolve) => setTimeout(() => resolve(null), 2000))]);
        if (answer) profiles.push((answer as { profile: CpuProfile }).profile);
      }
      return profiles;
    },
  };
}

export async function startProfile(send: Send, intervalUs: number): Promise<void> {
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: intervalUs });
  await send('Profiler.start');
}

export async function stopProfile(send: Send): Promise<CpuProfile> {
  return ((await send('Profiler.stop')) as { profile: CpuProfile }).profile;
}

/** Self time per function (name, file and line), heaviest first. */
export function heaviest(profile: CpuProfile, count: number): string[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byNode.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
    self.set(key, (self.get(key) ?? 0) + ms);
    total += ms;
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key}`);
}
