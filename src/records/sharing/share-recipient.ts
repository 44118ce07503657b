import { z } from 'zod';
import { defineKind } from '../kind';
import { AgeRecipient, B64Key32, Fingerprint, HttpUrl, IsoDateTime } from './common';

export const RECIPIENT_SOURCES = ['paste', 'file', 'qr', 'well-known'] as const;

/** Someone the citizen may share with: their public key, and where bundles and notices go. */
export const shareRecipientKind = defineKind({
  name: 'share-recipient',
  pageAccess: 'read-only',
  managedBy: 'the sharing service',
  scope: 'profile',
  version: 1,
  description: 'A contact the citizen can share with: name, age recipient key, fingerprint, endpoints and how it was added.',
  schema: z.object({
    name: z.string().trim().min(1).max(200),
    ageRecipient: AgeRecipient,
    /** Their Ed25519 key, when their identity file carried one (citizens); businesses may have none. */
    signingPublicKey: B64Key32.optional(),
    fingerprint: Fingerprint,
    endpoints: z.object({ bundle: HttpUrl.optional(), revocation: HttpUrl.optional() }),
    /** The domain whose well-known document named them, when added that way. */
    origin: z.string().max(300).optional(),
    description: z.string().max(2000).optional(),
    addedBy: z.enum(RECIPIENT_SOURCES),
    addedAt: IsoDateTime,
  }),
});
export type ShareRecipientData = z.infer<typeof shareRecipientKind.schema>;
