/**
 * The canonical JSON writer against the reference encoder (the `canonicalize` package) it stands
 * in for when records are hashed: byte for byte on random JSON, and the same digests and errors
 * through `recordDigest` where it hands a value back.
 */
import fc from 'fast-check';
import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonWriter } from '../../src/shared/canonical-json';
import { canonicalJson, recordDigest } from '../../src/municipal/api/signature';
import { recordHash } from '../../src/municipal/connector/record-hash';
import { toBase64Url } from '../../src/shared/base64url';
import { utf8 } from '../../src/shared/bytes';
import { runs } from './support/setup-vault';

/** The digest as it was made before the writer: the reference encoder's text, UTF-8, SHA-256. */
const referenceDigest = (value: unknown) => toBase64Url(sha256(utf8(canonicalJson(value))));
const reference = (value: unknown) => utf8(canonicalize(value)!);

/** Code units of every kind: ASCII, escapes, Latin-1, BMP, astral pairs (lone halves come in the next arbitrary). */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom('"', '\\', '\n', '\t', '\b', '\f', '\r', '\u0000', '\u001f', '\u007f', 'æ', 'ø', 'å', '€', '\u2028', '😀', '\ud834\udd1e'),
    maxLength: 8,
  }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const number = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e21, 1e-7, 5e-324, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 0.1 + 0.2, 123456789.125),
);
/** JSON as JSON.parse gives it, with keys in any order (objects built from shuffled entries). */
const json = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    number,
    text,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.array(fc.tuple(text, tie('value')), { maxLength: 6 }).map((entries) => Object.fromEntries(entries)),
  ),
})).value;

describe('CanonicalJsonWriter', () => {
  const writer = new CanonicalJsonWriter();

  it('writes the reference encoder’s bytes for any JSON value', () => {
    fc.assert(
      fc.property(json, (value) => {
        const written = writer.write(value);
        expect(written).not.toBeNull();
        expect(Buffer.from(written!).equals(Buffer.from(reference(value)))).toBe(true);
      }),
      runs(500),
    );
  });

  it('gives the same bytes whatever order the keys came in, nested too', () => {
    const a = { b: 1, a: { z: [3, { y: 'æ', x: null }], é: true, E: false, '10': 0, '9': 1 }, '': 'tom' };
    const b = { '': 'tom', a: { '9': 1, E: false, é: true, '10': 0, z: [3, { x: null, y: 'æ' }] }, b: 1 };
    const expected = '{"":"tom","a":{"10":0,"9":1,"E":false,"z":[3,{"x":null,"y":"æ"}],"é":true},"b":1}';
    expect(new TextDecoder().decode(writer.write(a)!)).toBe(expected);
    expect(new TextDecoder().decode(writer.write(b)!)).toBe(expected);
  });

  it('orders keys by UTF-16 code units, as RFC 8785 says (an astral character before U+FFFD)', () => {
    const value = { '\ufffd': 1, '😀': 2, z: 3 };
    expect(new TextDecoder().decode(writer.write(value)!)).toBe('{"z":3,"😀":2,"\ufffd":1}');
  });

  it('writes numbers as ECMAScript does: -0 as 0, exponents, shortest round trip', () => {
    expect(new TextDecoder().decode(writer.write([-0, 1e21, 1e-7, 0.1 + 0.2, 100, 5e-324])!)).toBe('[0,1e+21,1e-7,0.30000000000000004,100,5e-324]');
  });

  it('skips undefined members as the reference does', () => {
    expect(new TextDecoder().decode(writer.write({ a: undefined, b: 1 })!)).toBe('{"b":1}');
  });

  it('hands back what is not plain JSON, for the reference encoder', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    let deep: unknown = 1;
    for (let i = 0; i < 300; i++) deep = [deep];
    for (const value of [NaN, Infinity, 'lone \ud800', { k: '\udc00' }, { '\ud800': 1 }, new Date(0), [undefined], [1, , 2], { f: () => 1 }, 10n, cycle, deep])
      expect(writer.write(value)).toBeNull();
  });

  it('a buffer grown for a long value still writes the next one right', () => {
    const long = { text: 'ø'.repeat(50_000) };
    expect(Buffer.from(writer.write(long)!).equals(Buffer.from(reference(long)))).toBe(true);
    expect(new TextDecoder().decode(writer.write({ a: 1 })!)).toBe('{"a":1}');
  });
});

describe('recordDigest with the writer', () => {
  it('equals the digest of the reference encoder’s text, with noble’s SHA-256 and with the sync’s', async () => {
    const syncHash = await recordHash();
    const record = fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), json).map(([id, body]) => ({ type: 'case', id, version: 1, body }));
    fc.assert(
      fc.property(record, (value) => {
        const digest = referenceDigest(value);
        expect(recordDigest(value)).toBe(digest);
        expect(toBase64Url(syncHash(reference(value)))).toBe(digest);
      }),
      runs(300),
    );
  });

  it('takes the reference encoder’s way for values the writer hands back: same digest, same errors', () => {
    const dated = { type: 'case', id: 'c', version: 1, at: new Date(0) };
    expect(recordDigest(dated)).toBe(referenceDigest(dated));
    expect(() => recordDigest({ type: 'case', id: 'c', version: 1, bad: '\ud800' })).toThrow('Lone surrogate is not allowed');
    expect(() => recordDigest({ type: 'case', id: 'c', version: 1, n: NaN })).toThrow('NaN is not allowed');
  });
});
