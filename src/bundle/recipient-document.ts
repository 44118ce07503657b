/**
 * The document a recipient publishes at `https://<domain>/.well-known/handlerum-recipient.json`
 * so a citizen can add them by domain: who they are, the age key bundles are encrypted to, and
 * where bundles and revocation notices are delivered. Pure (no platform types).
 */
import { z } from 'zod';

export const RECIPIENT_DOCUMENT_PATH = '/.well-known/handlerum-recipient.json';

const HttpUrl = z.url({ protocol: /^https?$/ });

export const RecipientDocument = z.strictObject({
  version: z.literal(1),
  /** The recipient as the citizen should see it, e.g. "Føtex Madbudget". */
  name: z.string().trim().min(1).max(200),
  /** The X25519 key bundles are encrypted to, in age's `age1…` form. */
  ageRecipient: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/, 'an age X25519 recipient (age1…)'),
  /** Where bundles are POSTed (application/octet-stream). */
  bundleEndpoint: HttpUrl.optional(),
  /** Where signed revocation notices are POSTed. */
  revocationEndpoint: HttpUrl.optional(),
  /** What the recipient says it uses data for, in plain words. */
  description: z.string().max(2000).optional(),
});
export type RecipientDocument = z.infer<typeof RecipientDocument>;
