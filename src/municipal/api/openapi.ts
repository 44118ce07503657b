/**
 * Builds the OpenAPI 3.1 document of the Citizen Data API from the zod schemas, so the contract
 * and the validators cannot drift apart. `openapi.json` beside this file is its committed output
 * (a test keeps the two equal; regenerate with `npm run municipality -- --write-openapi`).
 */
import { z } from 'zod';
import { RecipientDocument } from '../../bundle/recipient-document';
import * as s from './schemas';

/** What POST /revocations answers for a notice it accepts (src/municipality-server/routes/public.ts). */
const RevocationReceipt = z.strictObject({
  bundleId: z.string().describe('The bundle the notice withdraws.'),
  revoked: z.literal(true),
  revokedAt: z.string().describe('When consent was withdrawn, as the first accepted notice says; a repeated notice keeps it.'),
});

/** What GET /revocations/{bundleId} answers (src/bundle/status.ts reads it). */
const BundleStatus = z.union([
  z.strictObject({ bundleId: z.string(), status: z.literal('active').describe('Held here; no end notice has arrived.') }),
  z.strictObject({
    bundleId: z.string(),
    status: z.literal('ended'),
    notice: z.string().describe('The citizen\u2019s signed end notice (compact JWS), for the asker to verify with the bundle\u2019s issuer key.'),
  }),
]);

const COMPONENTS: Record<string, z.ZodType> = {
  Citizen: s.Citizen,
  Session: s.Session,
  MeResponse: s.MeResponse,
  PartyRef: s.PartyRef,
  KleMainGroupRef: s.KleMainGroupRef,
  PowerOfAttorneyStatus: s.PowerOfAttorneyStatus,
  PowerOfAttorney: s.PowerOfAttorney,
  PowerOfAttorneyList: s.PowerOfAttorneyList,
  PowerOfAttorneyResponse: s.PowerOfAttorneyResponse,
  Representation: s.Representation,
  KleRef: s.KleRef,
  Amount: s.Amount,
  Contact: s.Contact,
  ContactChannel: s.ContactChannel,
  Authority: s.Authority,
  Unit: s.Unit,
  Representative: s.Representative,
  CaseStatusEvent: s.CaseStatusEvent,
  Case: s.Case,
  DecisionBasis: s.DecisionBasis,
  Appeal: s.Appeal,
  Decision: s.Decision,
  Payment: s.Payment,
  SourceSystem: s.SourceSystem,
  Location: s.Location,
  Appointment: s.Appointment,
  Deadline: s.Deadline,
  Activity: s.Activity,
  DocumentContent: s.DocumentContent,
  Document: s.Document,
  AccessLogEntry: s.AccessLogEntry,
  Tombstone: s.Tombstone,
  CasesPage: s.CasesPage,
  DecisionsPage: s.DecisionsPage,
  PaymentsPage: s.PaymentsPage,
  ActivitiesPage: s.ActivitiesPage,
  DocumentsPage: s.DocumentsPage,
  AccessLogPage: s.AccessLogPage,
  Jwk: s.Jwk,
  Jwks: s.Jwks,
  Discovery: s.Discovery,
  CorrectionRequest: s.CorrectionRequest,
  InboxReceipt: s.InboxReceipt,
  InboxReceiptResponse: s.InboxReceiptResponse,
  InboxList: s.InboxList,
  Problem: s.Problem,
  TokenResponse: s.TokenResponse,
  OAuthError: s.OAuthError,
  RecipientDocument,
  RevocationReceipt,
  BundleStatus,
};

const PAGE_COMPONENT: Record<s.ResourceName, string> = {
  cases: 'CasesPage',
  decisions: 'DecisionsPage',
  payments: 'PaymentsPage',
  activities: 'ActivitiesPage',
  documents: 'DocumentsPage',
  'access-log': 'AccessLogPage',
};

const RESOURCE_SUMMARY: Record<s.ResourceName, string> = {
  cases: 'Cases (sager) with KLE, status history, authority, unit and caseworker contact',
  decisions: 'Decisions (afgørelser) with outcome, basis and how and by when to appeal',
  payments: 'Payments of benefits (ydelser): amount, period, payout date, payer',
  activities: 'Appointments (aftaler) and deadlines (frister) from every source system',
  documents: 'Documents and journal notes: text inline, PDFs by reference and digest',
  'access-log': 'The municipality\u2019s log of who used the citizen\u2019s data, when and why',
};

const SAFE = Number.MAX_SAFE_INTEGER;

/** Drops generator noise that says nothing to a reader: $schema/$id, safe-integer bounds, date regexes. */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  const obj = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(obj)) {
    if (key === '$schema' || key === '$id') continue;
    if (key === 'maximum' && value === SAFE) continue;
    if (key === 'minimum' && value === -SAFE) continue;
    if (key === 'pattern' && (obj.format === 'date' || obj.format === 'date-time')) continue;
    out[key] = tidy(value);
  }
  return out;
}

function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    io: 'output',
    unrepresentable: 'throw',
  });
  return tidy(schemas) as Record<string, unknown>;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});
const json = (name: string, description: string) => ({
  description,
  content: { 'application/json': { schema: ref(name) } },
});
const SECURED = [{ citizenOAuth: ['citizen-data'] }];
/** An operation anyone may call: said explicitly, so no reader takes it for one that forgot its security. */
const PUBLIC: never[] = [];
const COMMON_ERRORS = {
  '401': problem('Missing, expired or revoked access token (WWW-Authenticate: Bearer).'),
  '403': problem(
    'A representative\u2019s power of attorney was withdrawn, has expired, is not yet valid or not valid for these two people, ' +
      'or does not cover this (power-of-attorney-withdrawn, -expired, -not-yet-valid, -invalid, outside-power-of-attorney); ' +
      'or only the citizen themselves may do this (self-only).',
  ),
  '409': problem('Another power of attorney between the same two people is in force with a different scope (power-of-attorney-conflict).'),
  '500': problem('Server error; retry later.'),
};

function listPath(resource: s.ResourceName) {
  return {
    get: {
      operationId: `list-${resource}`,
      summary: RESOURCE_SUMMARY[resource],
      tags: ['sync'],
      security: SECURED,
      parameters: [
        {
          name: 'cursor',
          in: 'query',
          required: false,
          description: 'Opaque. Omit for a full sync; pass nextCursor for the next page, or a stored syncToken for an incremental sync.',
          schema: { type: 'string' },
        },
        {
          name: 'limit',
          in: 'query',
          required: false,
          description: 'Page size, 1–1000 (default 200).',
          schema: { type: 'integer', minimum: 1, maximum: 1000, default: 200 },
        },
        {
          name: 'If-None-Match',
          in: 'header',
          required: false,
          description: 'ETag of an earlier identical request; 304 when nothing changed.',
          schema: { type: 'string' },
        },
      ],
      responses: {
        '200': {
          ...json(PAGE_COMPONENT[resource], 'A signed page of changes, oldest change first.'),
          headers: { ETag: { schema: { type: 'string' }, description: 'Validator for If-None-Match.' } },
        },
        '304': { description: 'Nothing changed since the ETag was issued.' },
        '400': problem('Bad cursor or limit (invalid-cursor, invalid-request).'),
        ...COMMON_ERRORS,
        '410': problem('The cursor belongs to an older data generation or visibility; start a full sync (sync-reset-required).'),
      },
    },
  };
}

/** The OpenAPI 3.1 document of the Citizen Data API. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, unknown> = {
    '/.well-known/citizen-data-api': {
      get: {
        operationId: 'discovery',
        summary: 'Where everything is: issuer, OAuth endpoints, JWKS, API base, limits',
        tags: ['discovery'],
        security: PUBLIC,
        responses: { '200': json('Discovery', 'Service description.') },
      },
    },
    '/.well-known/jwks.json': {
      get: {
        operationId: 'jwks',
        summary: 'The municipality\u2019s public signing keys (current and earlier kids)',
        tags: ['discovery'],
        security: PUBLIC,
        responses: { '200': json('Jwks', 'JSON Web Key Set of Ed25519 keys.') },
      },
    },
    '/.well-known/handlerum-recipient.json': {
      get: {
        operationId: 'recipient-document',
        summary: 'Whom citizens encrypt a bundle for a case\u2019s inbox to (age recipient) and where to withdraw it',
        tags: ['discovery'],
        security: PUBLIC,
        responses: { '200': json('RecipientDocument', 'The municipality as a recipient of Handlerum bundles.') },
      },
    },
    '/revocations': {
      post: {
        operationId: 'revocation',
        summary: 'Withdraw consent for a bundle sent to an inbox: a notice signed by the key that signed the bundle',
        tags: ['inbox'],
        security: PUBLIC,
        requestBody: {
          required: true,
          description: 'The revocation notice: a compact JWS (EdDSA) naming the bundle id, at most 16 KiB.',
          content: { 'application/jose': { schema: { type: 'string' } } },
        },
        responses: {
          '200': json('RevocationReceipt', 'The bundle is marked withdrawn.'),
          '400': problem('Not a compact JWS naming a bundle id, or not signed by the bundle\u2019s key (invalid-request).'),
          '404': problem('No bundle with that id arrived here (not-found).'),
          '413': problem('The body is larger than 16 KiB (payload-too-large).'),
        },
      },
    },
    '/revocations/{bundleId}': {
      get: {
        operationId: 'bundle-status',
        summary: 'Whether a bundle sent to an inbox still stands: the place a bundle\u2019s manifest names (revocationEndpoint) to check it',
        tags: ['inbox'],
        security: PUBLIC,
        parameters: [{ name: 'bundleId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': json('BundleStatus', 'Active, or ended with the citizen\u2019s signed notice.'),
          '404': problem('No bundle with that id arrived here (not-found).'),
        },
      },
    },
    '/oauth/authorize': {
      get: {
        operationId: 'authorize',
        summary: 'Sign-in page (authorization code flow with PKCE S256)',
        tags: ['oauth'],
        security: PUBLIC,
        parameters: ['response_type', 'client_id', 'redirect_uri', 'code_challenge', 'code_challenge_method', 'state', 'scope'].map((name) => ({
          name,
          in: 'query',
          required: name !== 'scope' && name !== 'state',
          schema: { type: 'string' },
        })),
        responses: {
          '200': { description: 'The sign-in page (HTML).', content: { 'text/html': { schema: { type: 'string' } } } },
          '302': { description: 'Back to redirect_uri with error and state, for errors found after the redirect_uri was accepted.' },
          '400': { description: 'Bad client_id or redirect_uri: an error page, never a redirect.', content: { 'text/html': { schema: { type: 'string' } } } },
        },
      },
      post: {
        operationId: 'authorize-submit',
        summary: 'The sign-in form\u2019s submission; redirects to redirect_uri with code and state',
        tags: ['oauth'],
        security: PUBLIC,
        requestBody: {
          required: true,
          content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', additionalProperties: { type: 'string' } } } },
        },
        responses: {
          '302': { description: 'Redirect to redirect_uri?code=…&state=…' },
          '400': { description: 'Error page (HTML).', content: { 'text/html': { schema: { type: 'string' } } } },
          '413': problem('Body larger than 8 KiB; never read further.'),
        },
      },
    },
    '/oauth/token': {
      post: {
        operationId: 'token',
        summary: 'Exchange a code (with code_verifier) or a refresh token for tokens',
        tags: ['oauth'],
        security: PUBLIC,
        requestBody: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': {
              schema: {
                type: 'object',
                required: ['grant_type', 'client_id'],
                properties: {
                  grant_type: { enum: ['authorization_code', 'refresh_token'] },
                  client_id: { type: 'string' },
                  code: { type: 'string' },
                  redirect_uri: { type: 'string' },
                  code_verifier: { type: 'string', minLength: 43, maxLength: 128 },
                  refresh_token: { type: 'string' },
                },
              },
            },
          },
        },
        responses: {
          '200': json('TokenResponse', 'Tokens. Refresh tokens rotate: each use returns a new one.'),
          '400': json('OAuthError', 'RFC 6749 error (this endpoint speaks OAuth errors, not problem+json).'),
          '413': problem('Body larger than 8 KiB; never read further.'),
        },
      },
    },
    '/citizen/v1/me': {
      get: {
        operationId: 'me',
        summary: 'The signed-in citizen (or the child a parent acts for, or the grantor a representative acts for), signed',
        tags: ['citizen'],
        security: SECURED,
        responses: { '200': json('MeResponse', 'The citizen record and session.'), ...COMMON_ERRORS },
      },
    },
  };
  for (const resource of s.RESOURCES) paths[`/citizen/v1/${resource}`] = listPath(resource);
  paths['/citizen/v1/documents/{documentId}/content'] = {
    get: {
      operationId: 'document-content',
      summary: 'The PDF of a document; its SHA-256 is in the (signed) document record',
      tags: ['citizen'],
      security: SECURED,
      parameters: [{ name: 'documentId', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': { description: 'PDF bytes.', content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } } },
        '404': problem('No such document for this citizen, or it has no PDF.'),
        ...COMMON_ERRORS,
      },
    },
  };
  const caseIdParam = { name: 'caseId', in: 'path', required: true, schema: { type: 'string' } };
  paths['/citizen/v1/cases/{caseId}/inbox'] = {
    post: {
      operationId: 'inbox-submit',
      summary: 'Send a bundle or a correction request to the municipality, for a case',
      tags: ['inbox'],
      security: SECURED,
      parameters: [caseIdParam],
      requestBody: {
        required: true,
        content: {
          'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } },
          'application/json': { schema: ref('CorrectionRequest') },
        },
      },
      responses: {
        '201': json('InboxReceiptResponse', 'Received; the signed receipt.'),
        '400': problem('Invalid correction request.'),
        '404': problem('No such case for this citizen.'),
        '413': problem('Body larger than max_inbox_bytes.'),
        '415': problem('Neither application/octet-stream nor application/json.'),
        '429': problem('inbox-full: the citizen\u2019s inboxes hold the most items allowed; nothing was stored.'),
        '507': problem('inbox-full: the item would take the citizen\u2019s inboxes past their byte quota; nothing was stored.'),
        ...COMMON_ERRORS,
      },
    },
    get: {
      operationId: 'inbox-list-case',
      summary: 'Receipts of what was sent for this case',
      tags: ['inbox'],
      security: SECURED,
      parameters: [caseIdParam],
      responses: { '200': json('InboxList', 'Receipts, oldest first.'), '404': problem('No such case.'), ...COMMON_ERRORS },
    },
  };
  paths['/citizen/v1/powers-of-attorney/given'] = {
    get: {
      operationId: 'powers-of-attorney-given',
      summary: 'The powers of attorney the signed-in citizen has given, ended ones too (only when signed in as themselves)',
      tags: ['powers-of-attorney'],
      security: SECURED,
      responses: { '200': json('PowerOfAttorneyList', 'Powers given, oldest first, signed.'), ...COMMON_ERRORS },
    },
  };
  paths['/citizen/v1/powers-of-attorney/received'] = {
    get: {
      operationId: 'powers-of-attorney-received',
      summary: 'The powers of attorney given to the signed-in person, ended ones too (only when signed in as themselves)',
      tags: ['powers-of-attorney'],
      security: SECURED,
      responses: { '200': json('PowerOfAttorneyList', 'Powers received, oldest first, signed.'), ...COMMON_ERRORS },
    },
  };
  paths['/citizen/v1/powers-of-attorney/{powerOfAttorneyId}/withdraw'] = {
    post: {
      operationId: 'power-of-attorney-withdraw',
      summary: 'The grantor withdraws a power of attorney; it ends at once, for the representative\u2019s next request',
      tags: ['powers-of-attorney'],
      security: SECURED,
      parameters: [{ name: 'powerOfAttorneyId', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': json('PowerOfAttorneyResponse', 'The withdrawn power, signed. Withdrawing again keeps the first time.'),
        '404': problem('The signed-in citizen gave no power with that id (not-found).'),
        ...COMMON_ERRORS,
      },
    },
  };
  paths['/citizen/v1/inbox'] = {
    get: {
      operationId: 'inbox-list',
      summary: 'Receipts of everything the citizen sent',
      tags: ['inbox'],
      security: SECURED,
      responses: { '200': json('InboxList', 'Receipts, oldest first.'), ...COMMON_ERRORS },
    },
  };

  return {
    openapi: '3.1.0',
    info: {
      title: 'Citizen Data API',
      version: '1.0.0',
      summary: 'A citizen\u2019s own data from their municipality: cases, decisions, payments, activities, documents, access log.',
      description:
        'Read-only sync of the signed-in citizen\u2019s data with incremental cursors and tombstones; every page is signed ' +
        '(compact JWS, EdDSA) over a manifest of record digests (RFC 8785 + SHA-256); errors are RFC 9457 problem+json. ' +
        'See docs/citizen-data-api.md.',
      license: { name: 'MPL-2.0', identifier: 'MPL-2.0' },
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: 'The reference municipality (npm run municipality)' }],
    tags: [
      { name: 'discovery', description: 'Public documents: the service description, signing keys and the inbox\u2019s recipient key.' },
      { name: 'oauth', description: 'Sign-in: authorization code with PKCE, and tokens.' },
      { name: 'citizen', description: 'The signed-in citizen and their documents\u2019 PDFs.' },
      { name: 'sync', description: 'Incremental, signed pages of each kind of record.' },
      { name: 'inbox', description: 'What the citizen sends to a case, and withdrawing it.' },
      { name: 'powers-of-attorney', description: 'Who may act for whom (fuldmagter): listing and withdrawing them.' },
    ],
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        citizenOAuth: {
          type: 'oauth2',
          description: 'Authorization code with PKCE (S256) for public clients such as a browser extension.',
          flows: {
            authorizationCode: {
              authorizationUrl: 'http://127.0.0.1:8787/oauth/authorize',
              tokenUrl: 'http://127.0.0.1:8787/oauth/token',
              refreshUrl: 'http://127.0.0.1:8787/oauth/token',
              scopes: { 'citizen-data': 'Read the citizen\u2019s own data and send to their cases\u2019 inboxes.' },
            },
          },
        },
      },
    },
  };
}
