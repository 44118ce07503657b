/** Applies armed test-mode faults to API requests (see faults.ts). */
import type { MiddlewareHandler } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { problem } from '../problem';
import type { MunicipalityState } from '../state';
import type { CitizenEnv } from './session';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Changes one character in the middle of the signature: still base64url, no longer valid. */
function breakSignature(jws: string): string {
  const i = jws.length - 20;
  return jws.slice(0, i) + (jws[i] === 'A' ? 'B' : 'A') + jws.slice(i + 1);
}

async function rewriteJson(res: Response, change: (body: Record<string, unknown>) => void): Promise<Response> {
  if (!(res.headers.get('Content-Type') ?? '').includes('application/json')) return res;
  const body = (await res.json()) as Record<string, unknown>;
  change(body);
  const headers = new Headers(res.headers);
  headers.delete('Content-Length');
  return new Response(JSON.stringify(body), { status: res.status, headers });
}

export function injectFaults(state: MunicipalityState): MiddlewareHandler<CitizenEnv & { Bindings: Partial<HttpBindings> }> {
  return async (c, next) => {
    const fault = state.faults.take(c.req.path);
    if (!fault) return next();
    switch (fault.kind) {
      case 'delay':
        await sleep(fault.delayMs);
        return next();
      case 'server-error':
        return problem(c, 'server-error', 500, 'injected fault');
      case 'not-found':
        return problem(c, 'not-found', 404, 'injected fault: no such endpoint');
      case 'malformed-json':
        return c.body('{"items":[{"type":"case","id":"', 200, { 'Content-Type': 'application/json' });
      case 'unauthorized':
        state.tokens.expireAccessToken(c.get('accessToken'));
        return problem(c, 'unauthorized', 401, 'the access token has expired');
      case 'drop-connection':
        // Needs a real socket (the Node server); in-process requests get a 500 instead.
        c.env?.incoming?.socket.destroy();
        return problem(c, 'server-error', 500, 'connection dropped');
      case 'bad-signature':
        await next();
        c.res = await rewriteJson(c.res, (body) => {
          if (typeof body.signature === 'string') body.signature = breakSignature(body.signature);
        });
        return;
      case 'tampered-record':
        await next();
        c.res = await rewriteJson(c.res, (body) => {
          const first = (Array.isArray(body.items) ? body.items[0] : (body.citizen ?? body.receipt)) as Record<string, unknown> | undefined;
          if (first) first.updatedAt = '2000-01-01T00:00:00+01:00';
        });
        return;
    }
  };
}
