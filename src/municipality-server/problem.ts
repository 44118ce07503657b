/** RFC 9457 problem details, the API's one error shape. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { PowerOfAttorneyProblemCode, Problem } from '../municipal/api/schemas';

export type ProblemCode =
  | 'unauthorized'
  | 'not-found'
  | 'invalid-request'
  | 'invalid-cursor'
  | 'sync-reset-required'
  | 'payload-too-large'
  | 'inbox-full'
  | 'unsupported-media-type'
  | 'server-error'
  | PowerOfAttorneyProblemCode;

const TITLES: Record<ProblemCode, string> = {
  unauthorized: 'Missing or invalid access token',
  'not-found': 'Not found',
  'invalid-request': 'Invalid request',
  'invalid-cursor': 'Invalid cursor',
  'sync-reset-required': 'Start a full sync',
  'payload-too-large': 'Payload too large',
  'inbox-full': 'Your inbox at the municipality is full',
  'unsupported-media-type': 'Unsupported media type',
  'server-error': 'Server error',
  'power-of-attorney-withdrawn': 'The power of attorney was withdrawn',
  'power-of-attorney-expired': 'The power of attorney has expired',
  'power-of-attorney-not-yet-valid': 'The power of attorney is not in force yet',
  'power-of-attorney-invalid': 'No such power of attorney',
  'power-of-attorney-conflict': 'Overlapping powers of attorney with different scopes',
  'outside-power-of-attorney': 'The power of attorney does not cover this',
  'self-only': 'Only the citizen themselves may do this',
};

export function problemBody(code: ProblemCode, status: number, detail?: string): Problem {
  return { type: `urn:citizen-data:problem:${code}`, title: TITLES[code], status, code, ...(detail ? { detail } : {}) };
}

export function problem(c: Context, code: ProblemCode, status: ContentfulStatusCode, detail?: string): Response {
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  if (status === 401) headers['WWW-Authenticate'] = 'Bearer realm="citizen-data", error="invalid_token"';
  return c.body(JSON.stringify(problemBody(code, status, detail)), status, headers);
}
