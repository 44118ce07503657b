/**
 * The Citizen Data API's resources as zod schemas. They are the single source of the contract:
 * the OpenAPI document (`openapi.json`) is generated from them, the reference server's responses
 * are checked against that document, and the extension's connector parses with them.
 *
 * Digest before you parse: zod drops fields it does not know, so compute `recordDigest` on the
 * record exactly as received (see signature.ts) and keep that JSON for provenance.
 */
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, ResourceName, Text } from './primitives';
import { PowerOfAttorney, Representation } from './power-of-attorney';

export { IsoDate, IsoDateTime, RESOURCES, ResourceName } from './primitives';
export * from './power-of-attorney';

// ---------------------------------------------------------------------------------------------
// Building blocks

export const KleCode = z
  .string()
  .regex(/^\d{2}\.\d{2}\.\d{2}$/)
  .describe('KLE topic code at the third level (xx.yy.zz).');

export const KleRef = z.object({ code: KleCode, title: Text.describe('The official KLE title.') }).describe('A KLE classification: code and official title.');

export const Amount = z
  .object({
    ore: z.int().describe('Amount in øre (1/100 DKK); integers keep canonical JSON exact.'),
    currency: z.literal('DKK'),
  })
  .describe('A money amount.');

export const ContactChannel = z.object({
  kind: z.enum(['phone', 'email', 'digital-post', 'web', 'address']),
  value: Text.describe('Phone number, e-mail address, URL or postal address.'),
  label: Text.optional().describe('Human label, e.g. "Telefontid".'),
  hours: Text.optional().describe('When the channel is staffed, in Danish, e.g. "man–tor 9–12".'),
});

export const Contact = z
  .object({
    name: Text.describe('A person or a team (e.g. "Sanne Holm" or "Ydelsesteamet").'),
    role: Text.optional(),
    unit: Text.optional(),
    channels: z.array(ContactChannel),
  })
  .describe('Whom to contact, and how.');

export const Authority = z.object({
  name: Text.describe('The responsible authority, e.g. "Vesterå Kommune".'),
  municipalityCode: z
    .string()
    .regex(/^\d{3,4}$/)
    .optional(),
  cvr: z
    .string()
    .regex(/^\d{8}$/)
    .optional(),
});

export const Unit = z.object({
  name: Text.describe('The organisational unit, e.g. "Jobcenter Vesterå".'),
  department: Text.optional(),
});

const recordBase = {
  id: Id,
  version: z.int().min(1).describe('Grows by one each time the record changes.'),
  updatedAt: IsoDateTime,
};

// ---------------------------------------------------------------------------------------------
// Citizen

export const CitizenRef = z.object({ id: Id, name: Text, birthDate: IsoDate });

export const Citizen = z
  .object({
    type: z.literal('citizen'),
    ...recordBase,
    cpr: z
      .string()
      .regex(/^\d{6}-\d{4}$/)
      .describe('CPR-shaped person number (synthetic on the reference server).'),
    name: z.object({ given: Text, family: Text, full: Text }),
    birthDate: IsoDate,
    municipality: z.object({ code: z.string().regex(/^\d{3,4}$/), name: Text }),
    address: z.object({ street: Text, postalCode: z.string().regex(/^\d{4}$/), city: Text }).optional(),
    children: z.array(CitizenRef.extend({ relation: z.literal('custody') })).describe('Children in the citizen\u2019s custody (forældremyndighed).'),
  })
  .describe('The person the data is about.');

// ---------------------------------------------------------------------------------------------
// Cases

export const CaseStatus = z.enum(['received', 'in-progress', 'awaiting-citizen', 'decided', 'appealed', 'closed']);

export const CaseStatusEvent = z.object({
  status: CaseStatus,
  at: IsoDateTime,
  note: Text.optional().describe('A short Danish explanation of the step.'),
});

export const Representative = z.object({
  name: Text,
  role: z.enum(['lawyer', 'relative', 'support-person', 'union', 'other']),
  organisation: Text.optional(),
  basis: z.enum(['power-of-attorney', 'consent', 'custody']).describe('Why they may act (fuldmagt, samtykke, forældremyndighed).'),
  validUntil: IsoDate.optional(),
  channels: z.array(ContactChannel),
});

export const Case = z
  .object({
    type: z.literal('case'),
    ...recordBase,
    caseNumber: Text,
    title: Text.describe('What the case is about, in the municipality\u2019s words.'),
    kle: KleRef,
    status: CaseStatus,
    statusHistory: z.array(CaseStatusEvent).min(1).describe('Oldest first; the last entry is the current status.'),
    openedAt: IsoDate,
    closedAt: IsoDate.optional(),
    authority: Authority,
    unit: Unit,
    caseworker: Contact.optional().describe('Missing while the case has no caseworker.'),
    representatives: z.array(Representative).describe('People acting for the citizen in this case.'),
  })
  .describe('A case (sag) at the municipality.');

// ---------------------------------------------------------------------------------------------
// Decisions

export const DecisionBasis = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document'), documentId: Id, description: Text }),
  z.object({ kind: z.literal('payment'), paymentId: Id, description: Text }),
  z.object({ kind: z.literal('case'), caseId: Id, description: Text }),
  z.object({
    kind: z.literal('register'),
    register: Text.describe('A public register, e.g. "eIndkomst" or "CPR".'),
    description: Text,
  }),
]);

export const Appeal = z.object({
  deadline: IsoDate.describe('Last day to appeal (klagefrist).'),
  body: Text.describe('Who decides the appeal, e.g. "Ankestyrelsen".'),
  submitTo: Text.describe('Where to send the appeal (it goes through the municipality first).'),
  howTo: Text.describe('Plain Danish instructions (klagevejledning).'),
  url: z.url().optional(),
});

export const Decision = z
  .object({
    type: z.literal('decision'),
    ...recordBase,
    caseId: Id,
    decidedAt: IsoDate,
    title: Text,
    outcome: z.enum(['granted', 'partially-granted', 'refused', 'stopped', 'other']),
    outcomeText: Text.describe('The decision in the municipality\u2019s words.'),
    legalBasis: z.array(Text).describe('Statutes the decision applies, e.g. "Lov om aktiv socialpolitik § 11".'),
    basis: z.array(DecisionBasis).describe('The data the decision rests on.'),
    appeal: Appeal.optional().describe('Missing when the decision cannot be appealed.'),
    effectiveFrom: IsoDate.optional(),
    effectiveTo: IsoDate.optional(),
  })
  .describe('A decision (afgørelse) in a case.');

// ---------------------------------------------------------------------------------------------
// Payments

export const Payment = z
  .object({
    type: z.literal('payment'),
    ...recordBase,
    caseId: Id.optional(),
    benefit: z.object({ kind: Text.describe('Machine key, e.g. "cash-benefit".'), name: Text.describe('Danish name, e.g. "Kontanthjælp".') }),
    kle: KleRef.optional(),
    gross: Amount,
    taxWithheld: Amount.optional(),
    net: Amount,
    period: z.object({ from: IsoDate, to: IsoDate }),
    payoutDate: IsoDate,
    status: z.enum(['scheduled', 'paid', 'withheld', 'reclaimed']),
    payer: Authority,
    account: Text.optional().describe('Where it was paid, e.g. "NemKonto".'),
  })
  .describe('A payment of a benefit (ydelse).');

// ---------------------------------------------------------------------------------------------
// Activities: appointments (aftaler) and deadlines (frister)

export const SourceSystem = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .describe('Stable key of the originating system, used by the youth rules.'),
  name: Text.describe('e.g. "Jobnet", "Kommunal tandpleje", "Køreprøvebooking".'),
  category: z.enum([
    'job-centre',
    'health-visitor',
    'dentist',
    'driving-test',
    'citizen-service',
    'case-management',
    'health-care',
    'school',
    'day-care',
    'other',
  ]),
});

export const Location = z.object({
  name: Text,
  address: Text.optional(),
  room: Text.optional(),
  online: z.boolean().optional(),
});

const activityBase = {
  type: z.literal('activity'),
  ...recordBase,
  title: Text,
  description: Text.optional(),
  status: z.enum(['planned', 'changed', 'cancelled', 'completed', 'missed']),
  source: SourceSystem,
  changeUrl: z.url().optional().describe('Where the citizen can change or cancel it.'),
  kle: KleRef.optional().describe('Often missing: activity systems rarely classify by KLE.'),
  caseId: Id.optional(),
  contact: Contact.optional().describe('Often missing.'),
};

export const Appointment = z
  .object({
    ...activityBase,
    kind: z.literal('appointment'),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime.optional(),
    location: Location.optional(),
  })
  .describe('An appointment (aftale).');

export const Deadline = z
  .object({
    ...activityBase,
    kind: z.literal('deadline'),
    dueAt: IsoDateTime,
    action: Text.optional().describe('What the citizen has to do by then.'),
  })
  .describe('A deadline (frist).');

export const Activity = z.discriminatedUnion('kind', [Appointment, Deadline]);

// ---------------------------------------------------------------------------------------------
// Documents and journal notes

export const DocumentContent = z.discriminatedUnion('format', [
  z.object({ format: z.literal('text'), text: z.string() }),
  z.object({
    format: z.literal('pdf'),
    href: z
      .string()
      .regex(/^\/[^/]/)
      .describe('Path of the PDF on this server (needs the bearer token).'),
    sha256: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/)
      .describe('SHA-256 of the PDF bytes, base64url.'),
    bytes: z.int().min(1),
  }),
]);

export const Document = z
  .object({
    type: z.literal('document'),
    ...recordBase,
    kind: z.enum(['document', 'journal-note']),
    caseId: Id.optional(),
    title: Text,
    date: IsoDate,
    direction: z.enum(['incoming', 'outgoing', 'internal']),
    author: z.object({ name: Text, unit: Text.optional() }).optional(),
    content: DocumentContent,
  })
  .describe('A document or a journal note (journalnotat).');

// ---------------------------------------------------------------------------------------------
// Access log

export const AccessLogEntry = z
  .object({
    type: z.literal('access-log-entry'),
    ...recordBase,
    at: IsoDateTime,
    actor: z.object({ name: Text, role: Text }),
    unit: Unit,
    system: Text.describe('The system in which the data was used.'),
    action: z.enum(['viewed', 'changed', 'looked-up', 'disclosed', 'printed']),
    what: Text.describe('Which data was used.'),
    reason: Text.describe('Why (the purpose).'),
    caseId: Id.optional(),
    representation: Representation.optional().describe('Present when someone acting for the citizen used the data (actor is then that person).'),
  })
  .describe('One use of the citizen\u2019s data by the municipality, or by someone acting for the citizen.');

// ---------------------------------------------------------------------------------------------
// Sync envelopes

/** The `type` of the records each resource serves. */
export const RECORD_TYPE_OF: Record<ResourceName, string> = {
  cases: 'case',
  decisions: 'decision',
  payments: 'payment',
  activities: 'activity',
  documents: 'document',
  'access-log': 'access-log-entry',
};

export const Tombstone = z
  .object({
    type: z.literal('tombstone'),
    resource: ResourceName,
    id: Id,
    version: z.int().min(1).describe('The version the deletion created.'),
    deletedAt: IsoDateTime,
  })
  .describe('A record that no longer exists; drop your copy.');

const JwsCompact = z
  .string()
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
  .describe('Compact JWS (EdDSA) over the page manifest; its payload is the page manifest (docs/citizen-data-api.md, Signatures and provenance).');

function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(z.union([item, Tombstone])).describe('Changed records and tombstones, in change order.'),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null when caught up.'),
    syncToken: z.string().describe('Store it after persisting this page; pass as `cursor` for the next incremental sync.'),
    signature: JwsCompact,
  });
}

export const CasesPage = page(Case);
export const DecisionsPage = page(Decision);
export const PaymentsPage = page(Payment);
export const ActivitiesPage = page(Activity);
export const DocumentsPage = page(Document);
export const AccessLogPage = page(AccessLogEntry);

export const PAGE_SCHEMAS = {
  cases: CasesPage,
  decisions: DecisionsPage,
  payments: PaymentsPage,
  activities: ActivitiesPage,
  documents: DocumentsPage,
  'access-log': AccessLogPage,
} as const;

export const Session = z.object({
  actor: CitizenRef.extend({ relation: z.enum(['self', 'custody', 'power-of-attorney']) }).describe(
    'Who signed in; differs from the citizen when a parent acts for a child or a representative by a power of attorney.',
  ),
  scope: z.string(),
  youthRestricted: z.boolean().describe('True when the citizen is 15–17, signed in as themselves, and youth rules filter what is served.'),
  powerOfAttorney: PowerOfAttorney.optional().describe('Present when relation is power-of-attorney: the power the session rests on, as of now.'),
  heldBack: z
    .boolean()
    .optional()
    .describe('True when youth rules hold back at least one of the citizen\u2019s records now; never says which. Absent from older servers.'),
});

export const MeResponse = z.object({ citizen: Citizen, session: Session, signature: JwsCompact });

export const PowerOfAttorneyList = z
  .object({ items: z.array(PowerOfAttorney).describe('Oldest first; ended ones too.'), signature: JwsCompact })
  .describe('Powers of attorney given or received, signed like a page (resource powers-of-attorney).');
export const PowerOfAttorneyResponse = z.object({ powerOfAttorney: PowerOfAttorney, signature: JwsCompact });

// ---------------------------------------------------------------------------------------------
// Page manifest: what the municipality signs

export const ManifestEntry = z.object({
  type: z.string().describe('The record type (case, decision, …, tombstone).'),
  id: Id,
  version: z.int().min(1),
  sha256: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .describe('base64url SHA-256 of the record\u2019s RFC 8785 canonical JSON.'),
});

export const PageManifest = z
  .object({
    iss: Text.describe('The municipality (issuer URL).'),
    sub: Id.describe('The citizen id the records are about.'),
    resource: z.string().describe('The resource (cases, …, me, inbox).'),
    cursor: z.string().nullable().describe('The cursor the page was served for.'),
    iat: z.int().describe('Issued at, seconds since the epoch.'),
    items: z.array(ManifestEntry),
  })
  .describe('The JWS payload of a page signature.');

// ---------------------------------------------------------------------------------------------
// Keys, discovery, inbox, errors, OAuth

export const Jwk = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  kid: Text,
  alg: z.literal('EdDSA'),
  use: z.literal('sig'),
});
export const Jwks = z.object({ keys: z.array(Jwk) });

export const Discovery = z.object({
  issuer: z.url(),
  municipality: z.object({ code: z.string(), name: Text }),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  api_base: z.url(),
  resources: z.array(ResourceName),
  code_challenge_methods_supported: z.array(z.literal('S256')),
  grant_types_supported: z.array(z.string()),
  max_page_size: z.int(),
  max_inbox_bytes: z.int(),
  demo: z.boolean().describe('True for the reference server: synthetic people, demo signing key.'),
});

export const CorrectionRequest = z
  .object({
    kind: z.literal('correction'),
    target: z.object({ resource: ResourceName, id: Id, field: Text.optional() }),
    message: Text.max(10_000).describe('What is wrong or missing, in the citizen\u2019s words.'),
    proposedValue: z.string().max(10_000).optional(),
    evidence: z
      .array(
        z.object({
          title: Text,
          sha256: z
            .string()
            .regex(/^[A-Za-z0-9_-]{43}$/)
            .optional(),
        }),
      )
      .optional(),
  })
  .describe('A request to correct wrong or incomplete data.');

export const InboxReceipt = z
  .object({
    type: z.literal('inbox-receipt'),
    id: Id.describe('The receipt id (kvittering).'),
    version: z.literal(1),
    caseId: Id,
    kind: z.enum(['bundle', 'correction']),
    receivedAt: IsoDateTime,
    bytes: z.int().min(0),
    sha256: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/)
      .describe('SHA-256 of the received body, base64url.'),
    status: z.literal('received'),
    sentBy: Representation.optional().describe('Present when someone acting for the citizen sent it.'),
  })
  .describe('Proof that the municipality received a bundle or correction request.');

export const InboxReceiptResponse = z.object({ receipt: InboxReceipt, signature: JwsCompact });
export const InboxList = z.object({ items: z.array(InboxReceipt) });

export const Problem = z
  .object({
    type: z.string().describe('A URI naming the problem, e.g. urn:citizen-data:problem:invalid-cursor.'),
    title: Text,
    status: z.int().min(400).max(599),
    detail: z.string().optional(),
    code: z.string().describe('The last segment of `type`, for switch statements.'),
  })
  .describe('RFC 9457 problem details.');

export const TokenResponse = z.object({
  access_token: Text,
  token_type: z.literal('Bearer'),
  expires_in: z.int().min(1),
  refresh_token: Text,
  scope: z.string(),
});

export const OAuthError = z.object({
  error: z.enum(['invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope']),
  error_description: z.string().optional(),
});

// ---------------------------------------------------------------------------------------------
// Types

export type Citizen = z.infer<typeof Citizen>;
export type Case = z.infer<typeof Case>;
export type CaseStatus = z.infer<typeof CaseStatus>;
export type Decision = z.infer<typeof Decision>;
export type Payment = z.infer<typeof Payment>;
export type Activity = z.infer<typeof Activity>;
export type Appointment = z.infer<typeof Appointment>;
export type Deadline = z.infer<typeof Deadline>;
export type Document = z.infer<typeof Document>;
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;
export type Tombstone = z.infer<typeof Tombstone>;
export type Contact = z.infer<typeof Contact>;
export type KleRef = z.infer<typeof KleRef>;
export type Amount = z.infer<typeof Amount>;
export type SourceSystem = z.infer<typeof SourceSystem>;
export type PageManifest = z.infer<typeof PageManifest>;
export type ManifestEntry = z.infer<typeof ManifestEntry>;
export type Jwk = z.infer<typeof Jwk>;
export type Jwks = z.infer<typeof Jwks>;
export type CorrectionRequest = z.infer<typeof CorrectionRequest>;
export type InboxReceipt = z.infer<typeof InboxReceipt>;
export type Problem = z.infer<typeof Problem>;
export type TokenResponse = z.infer<typeof TokenResponse>;
export type Session = z.infer<typeof Session>;
export type OAuthError = z.infer<typeof OAuthError>;
export type Discovery = z.infer<typeof Discovery>;
export type MeResponse = z.infer<typeof MeResponse>;
export type PowerOfAttorneyList = z.infer<typeof PowerOfAttorneyList>;
export type PowerOfAttorneyResponse = z.infer<typeof PowerOfAttorneyResponse>;

/** Any record a resource page can carry. */
export type ApiRecord = Case | Decision | Payment | Activity | Document | AccessLogEntry;
/** The schema of the records each resource serves. */
export const RECORD_SCHEMA_OF: Record<ResourceName, z.ZodType> = {
  cases: Case,
  decisions: Decision,
  payments: Payment,
  activities: Activity,
  documents: Document,
  'access-log': AccessLogEntry,
};
export type RecordOf<R extends ResourceName> = {
  cases: Case;
  decisions: Decision;
  payments: Payment;
  activities: Activity;
  documents: Document;
  'access-log': AccessLogEntry;
}[R];
