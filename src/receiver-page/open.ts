/**
 * The page's one call into the bundle format: file bytes and what the person typed in → an
 * opened bundle, or a reason. Pure (no DOM): the form reads the files, this checks the input.
 */
import { openBundle, type BundleFile, type OpenFailureReason, type OpenResult } from '../bundle';

/** Bundles are small shares, not backups; a larger file is refused before it is read. */
export const MAX_BUNDLE_BYTES = 50 * 1024 * 1024;

const IDENTITY = /^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/;

export type KeyInput = { kind: 'identity'; text: string } | { kind: 'passphrase'; passphrase: string };

export type InputProblem = 'missingFile' | 'missingKey' | 'badKey' | 'missingPassphrase' | 'tooLarge';

/**
 * The first `AGE-SECRET-KEY-1…` line of a pasted text or a key file (age's key files carry
 * `# created:` and `# public key:` comment lines before it), or null when there is none.
 */
export function findIdentity(text: string): string | null {
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.startsWith('#') || trimmed === '') continue;
    if (trimmed.toUpperCase().startsWith('AGE-SECRET-KEY-1')) return trimmed.toUpperCase();
  }
  return null;
}

/** What is wrong with the input before anything is decrypted, or the identity to use. */
export function checkInput(
  file: { size: number } | null,
  key: KeyInput,
): { ok: true; identity: string | { passphrase: string } } | { ok: false; problem: InputProblem } {
  if (!file) return { ok: false, problem: 'missingFile' };
  if (file.size > MAX_BUNDLE_BYTES) return { ok: false, problem: 'tooLarge' };
  if (key.kind === 'passphrase') {
    return key.passphrase === '' ? { ok: false, problem: 'missingPassphrase' } : { ok: true, identity: { passphrase: key.passphrase } };
  }
  if (key.text.trim() === '') return { ok: false, problem: 'missingKey' };
  const identity = findIdentity(key.text);
  if (!identity || !IDENTITY.test(identity)) return { ok: false, problem: 'badKey' };
  return { ok: true, identity };
}

export type Opened = Extract<OpenResult, { ok: true }>;
export type OpenOutcome = Opened | { ok: false; reason: OpenFailureReason | 'internal'; detail: string; verifiedFiles?: BundleFile[] };

/** Opens the bundle at `now`; an unexpected throw is reported, never left unhandled. */
export async function openForReceiver(bytes: Uint8Array, identity: string | { passphrase: string }, now: Date): Promise<OpenOutcome> {
  try {
    return await openBundle(bytes, { identity, now, maxBundleBytes: MAX_BUNDLE_BYTES });
  } catch (error) {
    return { ok: false, reason: 'internal', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** valid / expired / not yet valid at `now`, from the signed manifest's times. */
export function validityAt(manifest: { notBefore: string; expiresAt: string }, now: Date): 'valid' | 'expired' | 'notYetValid' {
  if (now.getTime() < Date.parse(manifest.notBefore)) return 'notYetValid';
  if (now.getTime() >= Date.parse(manifest.expiresAt)) return 'expired';
  return 'valid';
}
