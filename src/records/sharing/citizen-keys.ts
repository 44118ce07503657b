import { z } from 'zod';
import { defineKind } from '../kind';
import { AgeIdentity, AgeRecipient, B64Key32, Fingerprint, IsoDateTime } from './common';

/**
 * A profile's own keys: Ed25519 signs bundles and revocation notices, X25519 (as an age
 * identity) opens what others send. Secret: only the background's sharing service reads it;
 * the generic record methods refuse it (see guardSharingAccess).
 */
export const citizenKeysKind = defineKind({
  name: 'citizen-keys',
  pageAccess: 'none',
  managedBy: 'the sharing service',
  scope: 'profile',
  version: 1,
  description: "A profile's Ed25519 signing key and X25519 age identity, readable only by the background.",
  schema: z.object({
    signing: z.object({ secretKey: B64Key32, publicKey: B64Key32 }),
    encryption: z.object({ identity: AgeIdentity, recipient: AgeRecipient }),
    fingerprint: Fingerprint,
    createdAt: IsoDateTime,
  }),
});
export type CitizenKeysData = z.infer<typeof citizenKeysKind.schema>;
