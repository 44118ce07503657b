/**
 * The vault header: everything needed to unlock, and nothing personal. Stored in the `meta`
 * table and copied into every backup.
 */
import { z } from 'zod';
import type { Sealed } from './crypto/aead';
import { KdfParamsSchema } from './crypto/kdf';
import { VaultError } from './errors';
import { fromBase64Url, isBase64Url, toBase64Url } from '../shared/base64url';

export const VAULT_FORMAT = 1;

const Base64Url = z.string().refine(isBase64Url, 'base64url');
const SealedJsonSchema = z.object({ nonce: Base64Url, ciphertext: Base64Url });
type SealedJson = z.infer<typeof SealedJsonSchema>;

export const VaultHeaderSchema = z.object({
  format: z.number().int().positive(),
  vaultId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  createdAt: z.string(),
  /** A keyed hash of the vault id: tells whether a data key belongs to this vault. */
  keyId: Base64Url,
  kdf: KdfParamsSchema,
  wraps: z.object({ passphrase: SealedJsonSchema, recovery: SealedJsonSchema }),
});
export type VaultHeader = z.infer<typeof VaultHeaderSchema>;

export function parseHeader(value: unknown): VaultHeader {
  const format = (value as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > VAULT_FORMAT) throw new VaultError('vault-from-newer-version', `format ${format}`);
  const parsed = VaultHeaderSchema.safeParse(value);
  if (!parsed.success) throw new VaultError('storage-failed', 'vault header is malformed');
  return parsed.data;
}

export const sealedToJson = (s: Sealed): SealedJson => ({ nonce: toBase64Url(s.nonce), ciphertext: toBase64Url(s.ciphertext) });
export const sealedFromJson = (s: SealedJson): Sealed => ({ nonce: fromBase64Url(s.nonce), ciphertext: fromBase64Url(s.ciphertext) });
