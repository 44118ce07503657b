/**
 * The one strength rule we ask of a passphrase: at least 12 characters, or at least 4 words.
 * Simple enough to explain in one sentence; Argon2id does the rest of the work.
 */
export const MIN_PASSPHRASE_CHARS = 12;
export const MIN_PASSPHRASE_WORDS = 4;

export type PassphraseVerdict = 'ok' | 'too-weak' | 'mismatch';

const wordCount = (text: string): number => text.trim().split(/\s+/u).filter(Boolean).length;

export function isStrongEnough(passphrase: string): boolean {
  // Counted in code points, so "æøå" counts as three characters.
  return [...passphrase.trim()].length >= MIN_PASSPHRASE_CHARS || wordCount(passphrase) >= MIN_PASSPHRASE_WORDS;
}

export function checkNewPassphrase(passphrase: string, repeated: string): PassphraseVerdict {
  if (!isStrongEnough(passphrase)) return 'too-weak';
  if (passphrase !== repeated) return 'mismatch';
  return 'ok';
}
