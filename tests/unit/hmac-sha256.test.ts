/**
 * The vault's prepared HMAC-SHA256 (src/vault/crypto/hmac-sha256.ts: noble's states prepared once
 * per key, copied per message) against a plain `hmac(sha256, key, message)`: every id tag and
 * record MAC must stay the same byte for byte, or existing vaults stop opening.
 */
import fc from 'fast-check';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { framed } from '../../src/vault/crypto/bytes';
import { HmacSha256 } from '../../src/vault/crypto/hmac-sha256';
import { deriveVaultKeys, hmacSha256, hmacSha256Framed, keyedTag, keyedTagsUnder, wipeVaultKeys } from '../../src/vault/crypto/keys';
import { recordMac } from '../../src/vault/storage/page-codec';
import { hex, unhex } from './support/hex';
import { runs } from './support/setup-vault';
import { loadVectors } from './support/vectors';

const noble = (key: Uint8Array, message: Uint8Array, length = 32) => hex(hmac(sha256, key, message).subarray(0, length));
const part = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.uint8Array({ maxLength: 400 }));

describe('HmacSha256', () => {
  it.each(loadVectors<{ key: string; data: string; mac: string }>('hmac-sha256').cases)('RFC 4231: $name → $expect', (c) => {
    const mac = hex(new HmacSha256(unhex(c.key)).mac(unhex(c.data))).slice(0, c.mac.length);
    if (c.expect === 'success') expect(mac).toBe(c.mac);
    else expect(mac).not.toBe(c.mac);
  });

  it('equals noble on random keys of any length and messages across every padding boundary', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 150 }), fc.uint8Array({ maxLength: 700 }), fc.integer({ min: 1, max: 32 }), (key, message, length) => {
        expect(hex(new HmacSha256(key).mac(message, length))).toBe(noble(key, message, length));
      }),
      runs(300),
    );
  });

  it('equals noble for every message length from 0 to 200 bytes (one, two and three blocks with padding)', () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const mac = new HmacSha256(key);
    for (let n = 0; n <= 200; n++) {
      const message = crypto.getRandomValues(new Uint8Array(n));
      expect(hex(mac.mac(message))).toBe(noble(key, message));
    }
  });

  it('keeps keys apart when calls under several keys interleave (each key reuses one working state)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 2 }), fc.uint8Array({ maxLength: 200 })), { maxLength: 12 }), (calls) => {
        const keys = [0, 1, 2].map(() => crypto.getRandomValues(new Uint8Array(32)));
        const macs = keys.map((k) => new HmacSha256(k));
        for (const [which, message] of calls) expect(hex(macs[which]!.mac(message))).toBe(noble(keys[which]!, message));
      }),
      runs(100),
    );
  });

  it("macInto writes mac's bytes at the offset asked, and nothing else of the target", () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const mac = new HmacSha256(key);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 1, max: 32 }), fc.nat({ max: 40 }), (message, length, at) => {
        const target = new Uint8Array(at + length + 5).fill(0xa5);
        mac.macInto(target, at, message, length);
        expect(hex(target.subarray(at, at + length))).toBe(noble(key, message, length));
        expect([...target.subarray(0, at), ...target.subarray(at + length)].every((b) => b === 0xa5)).toBe(true);
      }),
      runs(100),
    );
    for (const at of [-1, 1.5, 17]) expect(() => mac.macInto(new Uint8Array(32), at, new Uint8Array(1), 16)).toThrow(RangeError);
  });

  it('refuses a key that is not bytes and a length outside 1–32', () => {
    const notBytes: unknown = 'key';
    expect(() => new HmacSha256(notBytes as Uint8Array)).toThrow(TypeError);
    const mac = new HmacSha256(new Uint8Array(32));
    for (const length of [0, 33, 1.5, -1]) expect(() => mac.mac(new Uint8Array(1), length)).toThrow(RangeError);
  });
});

describe('the vault keys on the prepared HMAC', () => {
  const keys = () => deriveVaultKeys(crypto.getRandomValues(new Uint8Array(32)));

  it('hmacSha256Framed equals noble over framed(...parts), for ASCII, non-ASCII and byte parts', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), fc.integer({ min: 1, max: 32 }), (parts, length) => {
        const key = crypto.getRandomValues(new Uint8Array(32));
        expect(hex(hmacSha256Framed(key, length, ...parts))).toBe(noble(key, framed(...parts), length));
      }),
      runs(200),
    );
  });

  it('id tags and record MACs are the ones the noble-based code stored', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.uint8Array({ maxLength: 2000 }),
        (profileId, id, idTag, bytes) => {
          const k = keys();
          expect(hex(keyedTag(k.tags, 'id', profileId, 'note', id))).toBe(noble(k.tags, framed('id', profileId, 'note', id), 16));
          const pageKey = `${hex(idTag)}.${idTag[0]! % 128}`;
          expect(hex(recordMac(k, pageKey, idTag, bytes))).toBe(noble(k.recordMac, framed('handlerum/record/v1', pageKey, idTag, bytes), 16));
        },
      ),
      runs(100),
    );
  });

  it('id tags under one prefix are keyedTag byte for byte, for ids short, long, ASCII or not, one after another', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.array(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 80 })), { maxLength: 12 }),
        (profileId, ids) => {
          const k = keys();
          const tagOf = keyedTagsUnder(k.tags, 'id', profileId, 'note');
          for (const id of ids) expect(hex(tagOf(id))).toBe(noble(k.tags, framed('id', profileId, 'note', id), 16));
        },
      ),
      runs(100),
    );
  });

  it('id tags under one prefix stay as they were while many more are made (they share buffers)', () => {
    const k = keys();
    const tagOf = keyedTagsUnder(k.tags, 'id', 'profile', 'note');
    const ids = Array.from({ length: 700 }, (_, i) => `record-${i}`);
    const tags = ids.map(tagOf);
    ids.forEach((id, i) => expect(hex(tags[i]!)).toBe(noble(k.tags, framed('id', 'profile', 'note', id), 16)));
    expect(new Set(tags.map(hex)).size).toBe(ids.length);
    for (const tag of tags) expect(tag.length).toBe(16);
  });

  it('messages of any size after one another are framed whole, in the reused buffer or one of their own', () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const short = new Uint8Array(10).fill(7);
    const long = crypto.getRandomValues(new Uint8Array(5000));
    expect(hex(hmacSha256Framed(key, 32, 'a', short))).toBe(noble(key, framed('a', short)));
    expect(hex(hmacSha256Framed(key, 32, 'a', long))).toBe(noble(key, framed('a', long)));
    expect(hex(hmacSha256Framed(key, 32, 'a', short))).toBe(noble(key, framed('a', short)));
    // Above 64 KiB (an attachment's content) the message is framed in a buffer of its own.
    const larger = new Uint8Array(200_000);
    crypto.getRandomValues(larger.subarray(0, 65536));
    expect(hex(hmacSha256Framed(key, 32, 'b', larger))).toBe(noble(key, framed('b', larger)));
    expect(hex(hmacSha256Framed(key, 32, 'a', short))).toBe(noble(key, framed('a', short)));
  });

  it('a wiped key forgets its prepared state: the next MAC is that of the zeroed key', () => {
    const k = keys();
    const message = new Uint8Array([1, 2, 3]);
    const before = hex(hmacSha256(k.tags, message));
    wipeVaultKeys(k);
    const after = hex(hmacSha256(k.tags, message));
    expect(after).not.toBe(before);
    expect(after).toBe(noble(new Uint8Array(32), message));
  });
});
