/**
 * Every request body is bounded before anything parses it: one table says how many bytes each
 * endpoint takes, and one middleware in front of all routes enforces it. A declared
 * Content-Length over the limit is refused without reading a byte; a body without one (chunked)
 * is counted as it streams and refused the moment it passes the limit, so an endpoint never
 * sees more than its limit, whatever the client sends.
 */
import type { MiddlewareHandler } from 'hono';
import { problem } from './problem';

/** The sign-in form and the token request are a few hundred bytes. */
export const MAX_OAUTH_FORM_BYTES = 8 * 1024;
/** A revocation notice is a short JWS; anything much larger is not one. */
export const MAX_NOTICE_BYTES = 16 * 1024;
/** Test-mode requests (a fault, a record change). */
export const MAX_TEST_MODE_BYTES = 256 * 1024;

/** How many body bytes a request to `method path` may carry; 0 for endpoints that take none. */
export function maxBodyBytes(method: string, path: string, maxInboxBytes: number): number {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return 0;
  if (method !== 'POST') return path.startsWith('/__test/') ? MAX_TEST_MODE_BYTES : 0;
  if (path === '/oauth/token' || path === '/oauth/authorize') return MAX_OAUTH_FORM_BYTES;
  if (path === '/revocations') return MAX_NOTICE_BYTES;
  if (/^\/citizen\/v1\/cases\/[^/]+\/inbox$/.test(path)) return maxInboxBytes;
  if (path.startsWith('/__test/')) return MAX_TEST_MODE_BYTES;
  return 0;
}

export function limitBodies(maxInboxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    const limit = maxBodyBytes(c.req.method, c.req.path, maxInboxBytes);
    const tooLarge = () => problem(c, 'payload-too-large', 413, `this endpoint takes at most ${limit} bytes`);
    const declared = c.req.header('Content-Length');
    if (declared !== undefined) {
      if (!/^\d{1,16}$/.test(declared)) return problem(c, 'invalid-request', 400, 'Content-Length is not a number');
      if (Number(declared) > limit) return tooLarge();
    }
    const stream = c.req.raw.body;
    if (!stream) return next();
    const body = await readAtMost(stream, limit);
    if (!body) return tooLarge();
    // Handlers read the counted copy, never the client's stream.
    c.req.raw = new Request(c.req.raw, { body });
    return next();
  };
}

/** The stream's bytes, or null as soon as it passes `limit` (the rest is never read). */
async function readAtMost(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}
