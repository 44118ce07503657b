/** The recovery key: what is printed is read back, typos are caught, and forgivable slips are forgiven. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, newRecoveryKey, parseRecoveryKey } from '../../src/vault/crypto/recovery-key';
import { isVaultError } from '../../src/vault/errors';
import { runs, SLOW } from './support/setup-vault';
import { equalBytes } from '../../src/shared/bytes';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const secret = fc.uint8Array({ minLength: 20, maxLength: 20 });

function typoCode(typed: string): string | null {
  try {
    parseRecoveryKey(typed);
    return null;
  } catch (error) {
    return isVaultError(error) ? error.code : 'not a VaultError';
  }
}

describe('recovery key', () => {
  it('is nine dash-separated groups of four characters of the alphabet', () => {
    const { text, secret: s } = newRecoveryKey();
    expect(text).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){8}$/);
    expect(s.length).toBe(20);
  });

  it('format → parse round-trips every secret', () => {
    fc.assert(
      fc.property(secret, (s) => {
        expect(equalBytes(parseRecoveryKey(formatRecoveryKey(s)), s)).toBe(true);
      }),
      runs(200),
    );
  });

  it('newRecoveryKey prints its own secret', () => {
    const { secret: s, text } = newRecoveryKey();
    expect(equalBytes(parseRecoveryKey(text), s)).toBe(true);
  });

  it('forgives case, dashes, spaces and the look-alikes I, L (for 1) and O (for 0)', () => {
    const slip = fc.constantFrom<(text: string) => string>(
      (t) => t.toLowerCase(),
      (t) => t.replace(/-/g, ''),
      (t) => t.replace(/-/g, ' '),
      (t) => `  ${t.replace(/-/g, ' - ')}\n`,
      (t) => t.replace(/1/g, 'I'),
      (t) => t.replace(/1/g, 'l'),
      (t) => t.replace(/1/g, 'L'),
      (t) => t.replace(/0/g, 'O'),
      (t) => t.replace(/0/g, 'o'),
      (t) => t.replace(/(.{2})/g, '$1-'),
    );
    fc.assert(
      fc.property(secret, fc.array(slip, { minLength: 1, maxLength: 4 }), (s, slips) => {
        const typed = slips.reduce((t, f) => f(t), formatRecoveryKey(s));
        expect(equalBytes(parseRecoveryKey(typed), s)).toBe(true);
      }),
      runs(200),
    );
  });

  /**
   * The check group is 20 bits of SHA-256 of the secret: a change of the check group is always
   * caught, and a change of the secret part is missed only when the 20 bits collide (2^-20).
   * The default run uses a fixed seed, so it never fails on such a collision by chance; SLOW=1
   * explores freshly seeded cases.
   */
  it('any single-character substitution → recovery-key-typo', () => {
    const typo = fc.tuple(secret, fc.nat({ max: 35 }), fc.nat({ max: 30 }));
    fc.assert(
      fc.property(typo, ([s, position, shift]) => {
        const plain = formatRecoveryKey(s).replace(/-/g, '');
        const original = ALPHABET.indexOf(plain[position]!);
        const replacement = ALPHABET[(original + 1 + shift) % 32]!;
        const typed = plain.slice(0, position) + replacement + plain.slice(position + 1);
        expect(typoCode(typed)).toBe('recovery-key-typo');
      }),
      SLOW ? runs(0, 20_000) : { numRuns: 500, seed: 20240601 },
    );
  });

  it('every single substitution in one key is caught (exhaustive, 36 × 31 cases)', () => {
    const plain = formatRecoveryKey(Uint8Array.from({ length: 20 }, (_, i) => i * 13)).replace(/-/g, '');
    let checked = 0;
    for (let position = 0; position < plain.length; position++) {
      for (const char of ALPHABET) {
        if (char === plain[position]) continue;
        expect(typoCode(plain.slice(0, position) + char + plain.slice(position + 1))).toBe('recovery-key-typo');
        checked++;
      }
    }
    expect(checked).toBe(36 * 31);
  });

  it.each([
    ['a character dropped', (t: string) => t.slice(1)],
    ['a character added', (t: string) => `${t}0`],
    ['U, which the alphabet leaves out', (t: string) => `U${t.slice(1)}`],
    ['a letter outside the alphabet', (t: string) => `#${t.slice(1)}`],
    ['an empty string', () => ''],
  ])('%s → recovery-key-typo', (_, change) => {
    expect(typoCode(change(newRecoveryKey().text))).toBe('recovery-key-typo');
  });

  it('refuses a secret of the wrong size when formatting', () => {
    expect(() => formatRecoveryKey(new Uint8Array(19))).toThrow(RangeError);
  });
});
