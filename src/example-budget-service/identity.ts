/**
 * The budget service's own age identity: generated at first start and kept in a file (mode 0600),
 * or given by the caller. Bundles are encrypted to its recipient (`age1…`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateIdentity, identityToRecipient } from '../bundle';
import { z } from 'zod';

const AgeSecretKey = z.string().regex(/^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/, 'an age X25519 identity (AGE-SECRET-KEY-1…)');

export interface ServiceIdentity {
  readonly identity: string;
  readonly recipient: string;
}

/** Checks an identity string and derives its recipient. */
export function useIdentity(identity: string): ServiceIdentity {
  const parsed = AgeSecretKey.safeParse(identity.trim());
  if (!parsed.success) throw new TypeError(`identity: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return { identity: parsed.data, recipient: identityToRecipient(parsed.data) };
}

/**
 * Reads the identity from `file` (age's key-file format: comment lines, then the key), or
 * creates the file with a new identity when there is none.
 */
export function loadOrCreateIdentity(file: string): ServiceIdentity {
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line.startsWith('AGE-SECRET-KEY-'));
    if (!key) throw new Error(`${file} holds no AGE-SECRET-KEY-1… line`);
    return useIdentity(key);
  }
  const { identity, recipient } = generateIdentity();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `# created: ${new Date().toISOString()}\n# public key: ${recipient}\n${identity}\n`, { mode: 0o600 });
  return { identity, recipient };
}
