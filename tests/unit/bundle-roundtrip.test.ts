/**
 * Property tests of the pairs of inverses the format rests on — create/open, writeZip/readZip,
 * the encodings, age encrypt/decrypt — and the strict parsers' refusals of non-canonical forms.
 * Few runs by default, many under SLOW=1.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBundle, generateIdentity, openBundle, BundleInputError } from '../../src/bundle/index';
import { AgeError, ageDecrypt, ageEncrypt, parseAgeIdentity, x25519PublicKey } from '../../src/bundle/age';
import { bech32Decode, bech32Encode } from '../../src/bundle/encoding';
import { readZip, writeZip, ZipError } from '../../src/bundle/zip';
import { KEYS, recipientOf, seededRandom, smallContent, TIMES } from '../../scripts/make-bundle-vectors';
import { fromBase64Unpadded, fromBase64Url, toBase64Unpadded, toBase64Url } from '../../src/shared/base64url';
import { utf8 } from '../../src/shared/bytes';

const runs = process.env.SLOW === '1' ? 200 : 15;
const bytes = fc.uint8Array({ maxLength: 300 });

describe('encodings', () => {
  it('base64 and base64url round-trip and refuse non-canonical text', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        expect(fromBase64Unpadded(toBase64Unpadded(b))).toEqual(b);
        expect(fromBase64Url(toBase64Url(b))).toEqual(b);
      }),
      { numRuns: runs * 10 },
    );
    expect(() => fromBase64Unpadded('AB')).toThrow(/non-canonical/); // "AB" has set padding bits; "AA" is 0x00
    expect(fromBase64Unpadded('AA')).toEqual(new Uint8Array([0]));
    expect(() => fromBase64Unpadded('AA==')).toThrow(TypeError);
    expect(() => fromBase64Url('A+')).toThrow(/alphabet/);
    expect(() => fromBase64Unpadded('A')).toThrow(/length/);
  });

  it('bech32 round-trips, refuses mixed case and a changed character', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (b) => {
        const text = bech32Encode('age', b);
        expect(bech32Decode(text).bytes).toEqual(b);
        expect(bech32Decode(text.toUpperCase()).bytes).toEqual(b);
      }),
      { numRuns: runs },
    );
    const text = bech32Encode('age', new Uint8Array(32).fill(1));
    expect(() => bech32Decode(text.slice(0, 10) + text.slice(10).toUpperCase())).toThrow(/mixed case/);
    expect(() => bech32Decode(text.slice(0, -1) + (text.endsWith('q') ? 'p' : 'q'))).toThrow(/checksum/);
  });
});

describe('ZIP', () => {
  const entries = fc.uniqueArray(fc.record({ name: fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8})?\.[a-z]{1,4}$/), bytes }), {
    selector: (e) => e.name,
    maxLength: 6,
  });

  it('readZip(writeZip(x)) is x, and one written form per content', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const zip = writeZip(list);
        expect(readZip(zip).map((e) => ({ name: e.name, bytes: e.bytes.slice() }))).toEqual(list);
        expect(writeZip(list)).toEqual(zip);
      }),
      { numRuns: runs * 5 },
    );
  }, 120_000);

  it('refuses a ZIP comment, a changed timestamp and a compressed method', () => {
    const zip = writeZip([{ name: 'a.txt', bytes: utf8('hello') }]);
    const withComment = new Uint8Array(zip.length + 3);
    withComment.set(zip);
    new DataView(withComment.buffer).setUint16(zip.length - 2, 3, true);
    expect(() => readZip(withComment)).toThrow(ZipError);
    for (const at of [8, 10, 12]) {
      const changed = zip.slice();
      changed[at] = changed[at]! ^ 1;
      expect(() => readZip(changed), `byte ${at}`).toThrow(/canonical/);
    }
    expect(() => readZip(utf8('not a zip at all, just some text'))).toThrow(expect.objectContaining({ code: 'not-zip' }));
  });
});

describe('age', () => {
  const secretKey = parseAgeIdentity(KEYS.recipient);
  it('decrypt(encrypt(x)) is x for any size, across chunk boundaries', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 65536 + 5 }), (size) => {
        const plain = new Uint8Array(size).fill(size % 251);
        const file = ageEncrypt(plain, { kind: 'x25519', publicKey: x25519PublicKey(secretKey) });
        // Buffer.compare: toEqual walks large typed arrays element by element, far too slowly.
        expect(Buffer.compare(ageDecrypt(file, { kind: 'x25519', secretKey }), plain)).toBe(0);
      }),
      { numRuns: runs },
    );
  }, 120_000);

  it('refuses bytes after the last chunk, a stanza body wrapped at the wrong width, and an scrypt work factor above the limit', () => {
    const plain = new Uint8Array(65536);
    const file = ageEncrypt(plain, { kind: 'x25519', publicKey: x25519PublicKey(secretKey) }, seededRandom('strict'));
    // Appending bytes breaks the last chunk's length; cutting a whole chunk loses the last flag.
    expect(() => ageDecrypt(new Uint8Array([...file, 0]), { kind: 'x25519', secretKey })).toThrow(AgeError);
    const text = new TextDecoder().decode(file.subarray(0, 200));
    const bodyAt = text.indexOf('\n', text.indexOf('-> X25519')) + 1;
    const rewrapped = new Uint8Array([...file.subarray(0, bodyAt + 10), 0x0a, ...file.subarray(bodyAt + 10)]);
    expect(() => ageDecrypt(rewrapped, { kind: 'x25519', secretKey })).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/malformed|no-match|bad-mac/) }),
    );
    const pass = ageEncrypt(plain, { kind: 'scrypt', passphrase: 'x', workFactor: 2 });
    expect(() => ageDecrypt(pass, { kind: 'scrypt', passphrase: 'x', maxWorkFactor: 1 })).toThrow(expect.objectContaining({ code: 'work-factor' }));
    expect(Buffer.compare(ageDecrypt(pass, { kind: 'scrypt', passphrase: 'x', maxWorkFactor: 2 }), plain)).toBe(0);
  });
});

describe('createBundle / openBundle', () => {
  it('open(create(content)) gives the content back', async () => {
    const { identity, recipient } = generateIdentity();
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 12 }).filter((k) => k !== '__proto__'),
          fc.jsonValue({ maxDepth: 3 }),
          { maxKeys: 5 },
        ),
        fc.array(fc.record({ name: fc.stringMatching(/^[a-z0-9]{1,10}\.(csv|txt|pdf)$/), bytes }), { maxLength: 3 }),
        fc.integer({ min: 60_000, max: 10 ** 10 }),
        async (data, extra, lifetime) => {
          const files = [...new Map(extra.map((f) => [f.name, f])).values()].map((f) => ({
            path: `files/${f.name}`,
            mediaType: 'application/octet-stream',
            bytes: f.bytes,
          }));
          const expiresAt = new Date(TIMES.issuedAt.getTime() + lifetime);
          const bundle = await createBundle({
            issuer: KEYS.issuer,
            recipient: { kind: 'x25519', ageRecipient: recipient },
            content: { ...smallContent(), data, files },
            issuedAt: TIMES.issuedAt,
            expiresAt,
          });
          const opened = await openBundle(bundle, { identity, now: new Date(TIMES.issuedAt.getTime() + lifetime - 1) });
          expect(opened.ok, opened.ok ? '' : opened.detail).toBe(true);
          if (!opened.ok) return;
          expect(opened.data).toEqual(JSON.parse(JSON.stringify(data)));
          expect(opened.files).toEqual(files);
          expect(opened.manifest.expiresAt).toBe(expiresAt.toISOString());
          const late = await openBundle(bundle, { identity, now: expiresAt });
          expect(late.ok ? 'ok' : late.reason).toBe('expired');
        },
      ),
      { numRuns: runs },
    );
  }, 300_000);

  it('same input and randomness give the same bytes; other randomness other bytes', async () => {
    const input = {
      issuer: KEYS.issuer,
      recipient: { kind: 'x25519' as const, ageRecipient: recipientOf(KEYS.recipient) },
      content: smallContent(),
      issuedAt: TIMES.issuedAt,
      expiresAt: TIMES.expiresAt,
    };
    const a = await createBundle({ ...input, random: seededRandom('same') });
    const b = await createBundle({ ...input, random: seededRandom('same') });
    const c = await createBundle({ ...input, random: seededRandom('other') });
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('bad input is refused with a message naming the field, before anything is made', async () => {
    const base = {
      issuer: KEYS.issuer,
      recipient: { kind: 'x25519' as const, ageRecipient: recipientOf(KEYS.recipient) },
      content: smallContent(),
      issuedAt: TIMES.issuedAt,
      expiresAt: TIMES.expiresAt,
    };
    const cases: [string, Partial<Parameters<typeof createBundle>[0]>, RegExp][] = [
      ['recipient', { recipient: { kind: 'x25519', ageRecipient: 'age1nope' } }, /recipient\.ageRecipient/],
      ['expiry', { expiresAt: TIMES.before }, /expiresAt/],
      ['invalid date', { issuedAt: new Date('nope') }, /issuedAt/],
      ['empty passphrase', { recipient: { kind: 'passphrase', passphrase: '' } }, /passphrase/],
      ['work factor', { recipient: { kind: 'passphrase', passphrase: 'x' }, scryptWorkFactor: 40 }, /scryptWorkFactor/],
      [
        'path outside files/',
        { content: { ...smallContent(), files: [{ path: 'data.json', mediaType: 'text/plain', bytes: utf8('x') }] } },
        /files\[0\]\.path/,
      ],
      ['path escaping', { content: { ...smallContent(), files: [{ path: 'files/../x', mediaType: 'text/plain', bytes: utf8('x') }] } }, /files\[0\]\.path/],
      [
        'duplicate path',
        { content: { ...smallContent(), files: [1, 2].map(() => ({ path: 'files/a.txt', mediaType: 'text/plain', bytes: utf8('x') })) } },
        /same path/,
      ],
      ['consent', { content: { ...smallContent(), consent: { ...smallContent().consent, purposes: [] } } }, /content\.consent/],
      ['provenance', { content: { ...smallContent(), provenance: [{ attestedBy: 'bank', source: 'x' }] as never } }, /content\.provenance/],
    ];
    for (const [name, change, message] of cases) {
      await expect(createBundle({ ...base, ...change }), name).rejects.toThrow(message);
    }
    await expect(createBundle({ ...base, recipient: { kind: 'x25519', ageRecipient: 'age1nope' } })).rejects.toBeInstanceOf(BundleInputError);
  });

  it('open never throws, whatever it is given', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (junk) => {
        const result = await openBundle(junk, { identity: KEYS.recipient, now: TIMES.during });
        expect(result.ok).toBe(false);
      }),
      { numRuns: runs * 5 },
    );
    expect(await openBundle(new Uint8Array(0), { identity: 'not a key', now: TIMES.during })).toMatchObject({ ok: false, reason: 'wrong-key' });
    expect(await openBundle('x' as never, { identity: KEYS.recipient, now: TIMES.during })).toMatchObject({ ok: false, reason: 'not-a-bundle' });
    expect(await openBundle(new Uint8Array(1), undefined as never)).toMatchObject({ ok: false, reason: 'wrong-key' });
    expect(await openBundle(new Uint8Array(1), { identity: { passphrase: 7 as never }, now: TIMES.during })).toMatchObject({ ok: false, reason: 'wrong-key' });
  });

  it('a __proto__ key in data stays data', async () => {
    const { identity, recipient } = generateIdentity();
    const data = JSON.parse('{"__proto__":{"polluted":true},"x":1}') as Record<string, unknown>;
    const bundle = await createBundle({
      issuer: KEYS.issuer,
      recipient: { kind: 'x25519', ageRecipient: recipient },
      content: { ...smallContent(), data },
      issuedAt: TIMES.issuedAt,
      expiresAt: TIMES.expiresAt,
    });
    const opened = await openBundle(bundle, { identity, now: TIMES.during });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(Object.getPrototypeOf(opened.data)).toBe(Object.prototype);
    expect(Object.keys(opened.data).sort()).toEqual(['__proto__', 'x']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
