/** RFC 9457 problem details: the service's one error shape. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { OpenFailureReason } from '../bundle';

export type ServiceProblem =
  OpenFailureReason | 'unsupported-media-type' | 'payload-too-large' | 'nothing-usable' | 'bad-notice' | 'unknown-bundle' | 'not-the-issuer';

const PROBLEMS: Record<ServiceProblem, { status: ContentfulStatusCode; title: string }> = {
  'not-a-bundle': { status: 400, title: 'This is not a Handlerum bundle' },
  'unsupported-version': { status: 400, title: 'This bundle version is not supported' },
  'wrong-key': { status: 403, title: 'The bundle is not encrypted to this service' },
  'not-for-you': { status: 403, title: 'The bundle is meant for someone else' },
  tampered: { status: 422, title: 'The bundle was changed after it was made' },
  'bad-signature': { status: 422, title: 'The signature does not match' },
  'not-yet-valid': { status: 422, title: 'The bundle is not valid yet' },
  expired: { status: 422, title: 'The bundle has expired' },
  revoked: { status: 410, title: 'The citizen has revoked this bundle' },
  'too-large': { status: 413, title: 'The bundle is too large or too deeply nested to open' },
  'unsupported-media-type': { status: 415, title: 'Send the bundle as application/octet-stream' },
  'payload-too-large': { status: 413, title: 'The bundle is too large' },
  'nothing-usable': { status: 422, title: 'The bundle holds no food budget or diet plan' },
  'bad-notice': { status: 400, title: 'Not a valid revocation notice' },
  'unknown-bundle': { status: 404, title: 'No bundle with that id was received' },
  'not-the-issuer': { status: 403, title: 'The notice is not signed by the bundle’s issuer' },
};

export function problem(c: Context, reason: ServiceProblem, detail?: string): Response {
  const { status, title } = PROBLEMS[reason];
  const body = { type: `urn:handlerum:budget-service:${reason}`, title, status, reason, ...(detail ? { detail } : {}) };
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json' });
}
