/**
 * The recovery key: 160 random bits that a person can print, write down and type back.
 * Written in Crockford's base32 (no I, L, O or U; case and dashes ignored when typed) as nine
 * groups of four, the last group a checksum, so a typo is caught before any unlock attempt.
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { VaultError } from '../errors';
import { randomBytes, utf8 } from '../../shared/bytes';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SECRET_BYTES = 20;
const SECRET_CHARS = 32; // 160 bits / 5 bits per character
const CHECK_CHARS = 4;

function toBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Uint8Array {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    value = (value << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

const checksum = (secret: Uint8Array): string => toBase32(sha256(secret).subarray(0, 3)).slice(0, CHECK_CHARS);

const group = (text: string): string => text.match(/.{1,4}/g)!.join('-');

export interface RecoveryKey {
  /** The 20 secret bytes. */
  secret: Uint8Array;
  /** What the person sees: nine dash-separated groups of four characters. */
  text: string;
}

export function newRecoveryKey(): RecoveryKey {
  const secret = randomBytes(SECRET_BYTES);
  return { secret, text: formatRecoveryKey(secret) };
}

/** The printed form of a recovery secret: `parseRecoveryKey` reads it back. */
export function formatRecoveryKey(secret: Uint8Array): string {
  if (secret.length !== SECRET_BYTES) throw new RangeError(`formatRecoveryKey: secret must be ${SECRET_BYTES} bytes`);
  return group(toBase32(secret) + checksum(secret));
}

/** Reads a typed recovery key; forgiving about case, spaces, dashes and look-alike letters. */
export function parseRecoveryKey(typed: string): Uint8Array {
  const canonical = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (canonical.length !== SECRET_CHARS + CHECK_CHARS || [...canonical].some((c) => !ALPHABET.includes(c))) {
    throw new VaultError('recovery-key-typo', 'wrong length or characters');
  }
  const secret = fromBase32(canonical.slice(0, SECRET_CHARS));
  if (checksum(secret) !== canonical.slice(SECRET_CHARS)) throw new VaultError('recovery-key-typo', 'checksum');
  return secret;
}

/** The recovery secret has full entropy, so HKDF is enough: no slow KDF is needed. */
export function deriveKeyFromRecoverySecret(secret: Uint8Array, vaultId: string): Uint8Array {
  return hkdf(sha256, secret, utf8(vaultId), utf8('handlerum recovery-key v1'), 32);
}
