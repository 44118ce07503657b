/** Building blocks shared by the sharing kinds. */
import { z } from 'zod';

export const B64Key32 = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a 32-byte value in base64url');
export const AgeRecipient = z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/, 'an age X25519 recipient (age1…)');
export const AgeIdentity = z.string().regex(/^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/, 'an age X25519 identity');
export const HttpUrl = z.url({ protocol: /^https?$/ }).max(2000);
export const IsoDateTime = z.iso.datetime({ offset: true });
export const VaultRef = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);
/** A key fingerprint as shown to people: uppercase letters and digits, grouped for reading aloud. */
export const Fingerprint = z.string().min(8).max(120);
