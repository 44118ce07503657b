/**
 * What a share will be, as the citizen approves it: the chosen records built into the
 * bundle's content, its size checked against the limit, when it ends (a date, or the closing
 * of a case), and how it can be sent. The bundle made after approval is built the same way.
 */
import type { SharePreview, ShareRequest } from '../../messaging/sharing-api';
import { municipalCaseKind } from '../../records/municipal/index';
import type { ShareGrantData } from '../../records/sharing/index';
import { buildShare } from '../../sharing/content';
import { endOfDanishDay } from '../../shared/danish-time';
import { SharingError } from '../../sharing/errors';
import type { Clock, Records } from './deps';
import { requireProfile } from './keys';
import type { Recipients } from './recipients';
import type { ShareSourceReader } from './share-sources';
import { requireCovered, shareBasisOf } from './basis';

/** A case-bound share's cap when the citizen chose none: a year. */
const CASE_BOUND_DEFAULT_DAYS = 365;

export interface PreviewDeps {
  records: () => Records;
  clock: Clock;
  recipients: Recipients;
  sources: ShareSourceReader;
  maxBundleBytes: number;
  /** Whether the municipal connector's inbox is there to deliver to. */
  hasMunicipalInbox: boolean;
}

export type Preview = Awaited<ReturnType<typeof previewShare>>;

export async function previewShare(deps: PreviewDeps, request: ShareRequest) {
  const { profileId } = request;
  const records = deps.records();
  const profile = await requireProfile(records, profileId);
  const basis = await shareBasisOf(records, profileId);
  requireCovered(basis, request.selection.items);
  const recipient = await deps.recipients.get(profileId, request.recipientId);
  const sources = await deps.sources.read(profileId, request);
  const now = deps.clock.now();
  const built = buildShare(request.selection.items, sources, deps.clock.iso(now).slice(0, 10), new Date(now));
  const max = deps.maxBundleBytes;
  const size = built.files.reduce((n, f) => n + f.bytes.length, 0) + JSON.stringify(built.data).length;
  if (size > max) throw new SharingError('share-too-large', `bundle: about ${size} bytes, limit ${max}`);
  const { expiresAt, untilCase } = await shareEnd(records, profileId, request.expiry, now);
  const preview: SharePreview = {
    recipient: { id: recipient.id, name: recipient.data.name, fingerprint: recipient.data.fingerprint },
    purpose: request.purpose,
    items: built.items,
    notBefore: deps.clock.iso(now),
    expiresAt: deps.clock.iso(expiresAt),
    untilCase,
    files: built.files.map((f) => ({ path: f.path, mediaType: f.mediaType, size: f.bytes.length })),
    channels: {
      endpoint: recipient.data.endpoints.bundle ?? null,
      // Only the municipality itself can open what lands in its inbox.
      municipalInbox:
        deps.hasMunicipalInbox &&
        recipient.data.origin !== undefined &&
        [...sources.cases.values()].some((c) => c.case.provenance.origin === recipient.data.origin),
    },
  };
  return { preview, built, recipient, profile, now, expiresAt, basis };
}

/**
 * When the share ends: the end of the chosen Danish day, or, tied to a case, when the case
 * closes and at the latest the citizen's cap (a year when none is given) from now.
 * @throws {VaultError} `expiry-in-past`, `selection-unavailable`, `case-already-closed`
 */
async function shareEnd(
  records: Records,
  profileId: string,
  expiry: ShareRequest['expiry'],
  now: number,
): Promise<{ expiresAt: number; untilCase: ShareGrantData['untilCase'] }> {
  if (expiry.kind === 'date') {
    const expiresAt = endOfDanishDay(expiry.date);
    if (!(expiresAt > now)) throw new SharingError('expiry-in-past', expiry.date);
    return { expiresAt, untilCase: null };
  }
  const caseId = expiry.caseId;
  const theCase = await records.get(profileId, municipalCaseKind, caseId);
  if (!theCase) throw new SharingError('selection-unavailable', 'the case the share should end with is not in the vault');
  if (theCase.data.record.status === 'closed') throw new SharingError('case-already-closed', 'the case the share should end with');
  const { caseNumber, title } = theCase.data.record;
  return {
    // The signed bundle's expiresAt: the hard end a file-only recipient's copy cannot outlive.
    expiresAt: now + (expiry.maxDays ?? CASE_BOUND_DEFAULT_DAYS) * 86_400_000,
    untilCase: { caseId, caseNumber, title },
  };
}
