/** New record ids, drawn for a whole write at once (src/vault/record-ids.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newRecordIds, recordIdFromBytes } from '../../src/vault/record-ids';
import { RecordIdSchema } from '../../src/vault/record-store';
import { runs } from './support/setup-vault';
import { fromBase64Url, toBase64Url } from '../../src/shared/base64url';

describe('record ids', () => {
  it('recordIdFromBytes spells the 16 bytes at any offset exactly as toBase64Url does', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 200 }).chain((bytes) => fc.tuple(fc.constant(bytes), fc.nat({ max: bytes.length - 16 }))),
        ([bytes, at]) => {
          expect(recordIdFromBytes(bytes, at)).toBe(toBase64Url(bytes.subarray(at, at + 16)));
        },
      ),
      runs(300),
    );
  });

  it('refuses an offset without 16 bytes behind it', () => {
    expect(() => recordIdFromBytes(new Uint8Array(15))).toThrow(RangeError);
    expect(() => recordIdFromBytes(new Uint8Array(32), 17)).toThrow(RangeError);
    expect(() => recordIdFromBytes(new Uint8Array(32), -1)).toThrow(RangeError);
  });

  it('a batch of 20,000 ids: all distinct, all valid record ids, each 16 bytes', () => {
    const ids = newRecordIds(20_000);
    expect(ids).toHaveLength(20_000);
    expect(new Set(ids).size).toBe(20_000);
    for (const id of ids) {
      expect(RecordIdSchema.safeParse(id).success).toBe(true);
      expect(fromBase64Url(id)).toHaveLength(16);
    }
  });

  it('two batches share no id, and an empty batch is empty', () => {
    const first = new Set(newRecordIds(1000));
    expect(newRecordIds(1000).filter((id) => first.has(id))).toEqual([]);
    expect(newRecordIds(0)).toEqual([]);
  });

  it('ids are spread evenly over the alphabet (the randomness reaches every character)', () => {
    const counts = new Map<string, number>();
    for (const id of newRecordIds(4096)) for (const c of id.slice(0, 21)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(64);
    // 4096 × 21 characters over 64 letters: 1344 each on average; a stuck bit would halve some.
    for (const n of counts.values()) expect(n).toBeGreaterThan(1000);
  });
});
