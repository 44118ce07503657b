/**
 * Passphrase → key-encryption key, with Argon2id (RFC 9106). The parameters are stored in the
 * vault header, so they can be raised later without breaking existing vaults. hash-wasm runs
 * Argon2 as WebAssembly, about four times faster than pure JS, which buys a stronger setting
 * for the same wait (see docs/security.md for the calibration).
 */
import { argon2id } from 'hash-wasm';
import { z } from 'zod';
import { fromBase64Url, isBase64Url, toBase64Url } from '../../shared/base64url';
import { randomBytes } from '../../shared/bytes';

export const KdfParamsSchema = z.object({
  algorithm: z.literal('argon2id'),
  /** Memory in KiB. */
  memoryKiB: z
    .number()
    .int()
    .min(8 * 1024)
    .max(4 * 1024 * 1024),
  iterations: z.number().int().min(1).max(64),
  parallelism: z.number().int().min(1).max(16),
  salt: z
    .string()
    .regex(/^[A-Za-z0-9_-]{22,}$/)
    .refine(isBase64Url, 'base64url'),
});
export type KdfParams = z.infer<typeof KdfParamsSchema>;

/** 64 MiB, 10 passes: about 0.7 s in Chromium on the reference 2-core machine (one pass ≈ 70 ms; `npm run bench` measures it). */
export const DEFAULT_KDF = { algorithm: 'argon2id', memoryKiB: 64 * 1024, iterations: 10, parallelism: 4 } as const;

export function newKdfParams(base: Omit<KdfParams, 'salt'> = DEFAULT_KDF): KdfParams {
  return { ...base, salt: toBase64Url(randomBytes(16)) };
}

/** Unicode-normalises, so that "æ" typed as one or as two code points gives the same key. */
export const normalisePassphrase = (passphrase: string): string => passphrase.normalize('NFC');

export async function deriveKeyFromPassphrase(passphrase: string, params: KdfParams): Promise<Uint8Array> {
  const checked = KdfParamsSchema.parse(params);
  return argon2id({
    password: normalisePassphrase(passphrase),
    salt: fromBase64Url(checked.salt),
    memorySize: checked.memoryKiB,
    iterations: checked.iterations,
    parallelism: checked.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
}
