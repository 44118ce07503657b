/**
 * A correction request: the citizen says a municipal record is wrong or incomplete, why, what
 * it should say, and with which evidence; kept with its status, and once sent, with the
 * municipality's signed receipt.
 *
 * Status: `draft` (not sent) → `sent` (written just before the request leaves, so a send that
 * breaks off half-way is never mistaken for an unsent draft) → `received` (a verified receipt)
 * or `failed` (with the error code). A failed or unconfirmed request can be sent again.
 */
import { z } from 'zod';
import { CorrectionRequest, InboxReceipt, ResourceName } from '../../municipal/api/schemas';
import { defineKind } from '../kind';
import { asReceived, MunicipalOrigin } from '../municipal/received';

const VaultId = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);
const Sha256 = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const IsoTime = z.iso.datetime({ offset: true });

/** One piece of evidence: any vault record (an attachment, a municipal document, a bank row…). */
export const EvidenceRef = z.object({
  kind: z.string().min(1).max(60),
  id: VaultId,
  /** What the municipality reads as the evidence's name. */
  title: z.string().trim().min(1).max(300),
  /** SHA-256 of the file, for attachments and documents that have one. */
  sha256: Sha256.optional(),
});

export const CorrectionStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('draft') }),
  z.object({ state: z.literal('sent'), sentAt: IsoTime }),
  z.object({
    state: z.literal('received'),
    sentAt: IsoTime,
    /** The receipt exactly as received (its signature below covers its canonical JSON). */
    receipt: asReceived(InboxReceipt),
    /** The compact JWS of the receipt, verified against the municipality's keys when it came. */
    signature: z.string().min(1).max(20_000),
  }),
  z.object({
    state: z.literal('failed'),
    failedAt: IsoTime,
    sentAt: IsoTime.optional(),
    /** A vault error code (municipality-unreachable, sign-in-required, signature-invalid…). */
    reason: z.string().min(1).max(60),
  }),
]);

export const correctionRequestKind = defineKind({
  name: 'correction-request',
  scope: 'profile',
  version: 1,
  description: 'A request to the municipality to correct a record: what is wrong, why, the proposed value, evidence, and its status with the signed receipt.',
  schema: z.object({
    target: z.object({
      /** The record in the vault (municipal-payment, municipal-case…). */
      kind: z.string().min(1).max(60),
      id: VaultId,
      /** The same record at the municipality. */
      origin: MunicipalOrigin,
      resource: ResourceName,
      municipalId: CorrectionRequest.shape.target.shape.id,
      field: z.string().trim().min(1).max(200).optional(),
      /** The municipality's id of the case the record belongs to, when it has one. */
      caseId: CorrectionRequest.shape.target.shape.id.optional(),
      /** How the citizen recognises the record in lists (e.g. "Kontanthjælp, 1. marts"). */
      title: z.string().trim().min(1).max(300),
    }),
    /** The case whose inbox gets the request (vault id of its municipal-case); none when the record has no case. */
    caseVaultId: VaultId.optional(),
    whatIsWrong: z.string().trim().min(1).max(5000),
    why: z.string().max(4000),
    proposedValue: z.string().max(10_000).optional(),
    evidence: z.array(EvidenceRef).max(50),
    status: CorrectionStatus,
  }),
});

export type EvidenceRef = z.infer<typeof EvidenceRef>;
export type CorrectionStatus = z.infer<typeof CorrectionStatus>;
export type CorrectionRequestData = z.infer<typeof correctionRequestKind.schema>;

/** The Citizen Data API's correction request for a stored one (evidence as titles and digests). */
export function toApiCorrection(data: CorrectionRequestData): CorrectionRequest {
  // The API has one free-text field; the reason follows the description under a plain label.
  const message = data.why.trim() ? `${data.whatIsWrong.trim()}\n\nBegrundelse: ${data.why.trim()}` : data.whatIsWrong.trim();
  return CorrectionRequest.parse({
    kind: 'correction',
    target: { resource: data.target.resource, id: data.target.municipalId, ...(data.target.field ? { field: data.target.field } : {}) },
    message,
    ...(data.proposedValue?.trim() ? { proposedValue: data.proposedValue.trim() } : {}),
    ...(data.evidence.length ? { evidence: data.evidence.map((e) => ({ title: e.title, ...(e.sha256 ? { sha256: e.sha256 } : {}) })) } : {}),
  });
}

/** Whether the request may be edited or sent again (not while it is out, not once received). */
export const isEditable = (status: CorrectionStatus): boolean => status.state === 'draft' || status.state === 'failed';
/** Whether it may be sent (again): anything but a request the municipality confirmed. */
export const canSend = (status: CorrectionStatus): boolean => status.state !== 'received';
