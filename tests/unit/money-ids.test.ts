/** Record ids of bank rows and accounts: deterministic, 43 base64url characters, apart per account. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { accountRecordId, transactionRecordId } from '../../src/ui/money/ids';
import { RecordIdSchema } from '../../src/vault/record-store';
import { runs } from './support/setup-vault';
import { toBase64Url } from '../../src/shared/base64url';
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

describe('accountRecordId', () => {
  it('gives one account for the number however it is spaced or dashed', () => {
    expect(accountRecordId('3409-1234567890')).toBe(accountRecordId('3409 1234567890'));
    expect(accountRecordId('dk50 0040 0440 1162 43')).toBe(accountRecordId('DK5000400440116243'));
    expect(accountRecordId('3409-1234567890')).not.toBe(accountRecordId('3409-1234567891'));
    expect(accountRecordId('1234')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(() => accountRecordId(' - ')).toThrow(TypeError);
  });
});
