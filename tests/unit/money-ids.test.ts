/** Record ids of bank rows and accounts: deterministic, 43 base64url characters, apart per account. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { accountRecordId, transactionRecordId, transactionRecordIds } from '../../src/ui/money/ids';
import { RecordIdSchema } from '../../src/vault/record-store';
import { runs } from './support/setup-vault';
import { toBase64Url, toBase64UrlEach } from '../../src/shared/base64url';
import { utf8 } from '../../src/shared/bytes';

describe('transactionRecordId', () => {
  it('is base64url(SHA-256(account ‖ NUL ‖ key)), 43 characters, a valid record id', () => {
    const id = transactionRecordId('acct', 'k1');
    expect(id).toBe(toBase64Url(sha256(utf8('acct\u0000k1'))));
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(RecordIdSchema.safeParse(id).success).toBe(true);
  });

  it('is the same for the same input and differs for another account or key', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (account, key, other) => {
        expect(transactionRecordId(account, key)).toBe(transactionRecordId(account, key));
        if (other !== key) expect(transactionRecordId(account, other)).not.toBe(transactionRecordId(account, key));
        if (other !== account) expect(transactionRecordId(other, key)).not.toBe(transactionRecordId(account, key));
      }),
      runs(50),
    );
    expect(transactionRecordId('ab', 'c')).not.toBe(transactionRecordId('a', 'bc'));
  });

  it('refuses empty parts, naming the argument', () => {
    expect(() => transactionRecordId('', 'k')).toThrow(/accountRecordId/);
    expect(() => transactionRecordId('a', '')).toThrow(/dedupeKey/);
  });
});

describe('transactionRecordIds', () => {
  it('gives each key the id transactionRecordId gives it, in order', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.array(fc.string({ minLength: 1, maxLength: 400 }), { maxLength: 20 }), (account, keys) => {
        expect(transactionRecordIds(account, keys)).toEqual(keys.map((key) => transactionRecordId(account, key)));
      }),
      runs(50),
    );
  });

  it('refuses an empty key like transactionRecordId', () => {
    expect(() => transactionRecordIds('a', ['k', ''])).toThrow(/dedupeKey/);
    expect(() => transactionRecordIds('', ['k'])).toThrow(/accountRecordId/);
  });

  it('gives long keys, which need a larger buffer, and short ones after them their ids', () => {
    const keys = ['k', 'ø'.repeat(2_000), 'x'.repeat(5_000), 'kort'];
    expect(transactionRecordIds('konto', keys)).toEqual(keys.map((key) => transactionRecordId('konto', key)));
  });
});

describe('toBase64UrlEach', () => {
  it('encodes each piece as toBase64Url does, whatever the width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 12 }), (width, count) => {
        const bytes = Uint8Array.from({ length: width * count }, (_, i) => (i * 151 + width) & 255);
        const pieces = Array.from({ length: count }, (_, i) => toBase64Url(bytes.subarray(i * width, (i + 1) * width)));
        expect(toBase64UrlEach(bytes, width)).toEqual(pieces);
      }),
      runs(50),
    );
  });

  it('refuses a width that does not divide the bytes, naming it', () => {
    expect(() => toBase64UrlEach(new Uint8Array(10), 3)).toThrow(/width 3/);
    expect(() => toBase64UrlEach(new Uint8Array(10), 0)).toThrow(RangeError);
  });
});

describe('accountRecordId', () => {
  it('gives one account for the number however it is spaced or dashed', () => {
    expect(accountRecordId('3409-1234567890')).toBe(accountRecordId('3409 1234567890'));
    expect(accountRecordId('dk50 0040 0440 1162 43')).toBe(accountRecordId('DK5000400440116243'));
    expect(accountRecordId('3409-1234567890')).not.toBe(accountRecordId('3409-1234567891'));
    expect(accountRecordId('1234')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(() => accountRecordId(' - ')).toThrow(TypeError);
  });
});
