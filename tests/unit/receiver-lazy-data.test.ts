/**
 * The receiver kit's `open` checks everything before it returns but parses data.json only when
 * `data` is first read: the value is the one parsing at open gives, a signed data.json that is
 * not a JSON object is refused at open by `openBundle` and throws a coded error when read after
 * the kit's `open`, and every must-fail vector is refused at open either way. SHA-256 gives the same
 * digest on every path it can take (the host's native code, JavaScript).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../src/bundle';
import { sha256Digest } from '../../src/bundle/digest';
import { BundleDataError, open, revocationList } from '../../src/receiver/sdk';
import { KEYS, TIMES, VECTORS_DIR, withDataJson, type BundleVector } from '../../scripts/make-bundle-vectors';
import { fromBase64Unpadded } from '../../src/shared/base64url';
import { utf8 } from '../../src/shared/bytes';

const RUNS = process.env.SLOW === '1' ? 200 : 20;
const at = { identity: KEYS.recipient, now: TIMES.during };
const vector = (name: string) => fromBase64Unpadded((JSON.parse(readFileSync(`tests/vectors/bundle/${name}.json`, 'utf8')) as { bundle: string }).bundle);

describe('data parsed on first read', () => {
  it('gives the value parsing at open gives, parsed once and then kept', async () => {
    const bundle = vector('full-x25519');
    const eager = await openBundle(bundle, at);
    const lazy = await open(bundle, at);
    if (!eager.ok || !lazy.ok) throw new Error('the vector does not open');
    // Nothing parsed yet: `data` is still the accessor that parses.
    expect(typeof Object.getOwnPropertyDescriptor(lazy, 'data')?.get).toBe('function');
    expect(lazy.data).toEqual(eager.data);
    expect(Object.getOwnPropertyDescriptor(lazy, 'data')?.get).toBeUndefined();
    expect(lazy.data).toBe(lazy.data);
    expect(lazy.dataJson).toEqual(eager.dataJson);
    expect(lazy.files).toEqual(eager.files);
    expect(lazy.consent).toEqual(eager.consent);
  });

  it('parses data.json at open when asked to', async () => {
    const result = await open(vector('small-x25519'), { ...at, parseData: 'at-open' });
    expect(result.ok && Object.getOwnPropertyDescriptor(result, 'data')?.get).toBeUndefined();
  });

  it.each([
    ['not JSON', utf8('{"transactions": [1, 2,')],
    ['not UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])],
    ['not an object', utf8('[1, 2, 3]')],
  ])('a signed data.json that is %s: tampered at open, a coded error on first read', async (_what, bytes) => {
    const bundle = withDataJson(vector('small-x25519'), 'broken-data', bytes);
    expect(await openBundle(bundle, at)).toMatchObject({ ok: false, reason: 'tampered', detail: expect.stringContaining('data.json') });
    const lazy = await open(bundle, at);
    if (!lazy.ok) throw new Error(`${lazy.reason}: ${lazy.detail}`);
    expect(lazy.dataJson).toEqual(bytes);
    expect(() => lazy.data).toThrow(BundleDataError);
    expect(() => lazy.data).toThrow(expect.objectContaining({ code: 'tampered', detail: expect.stringContaining('data.json') }));
  });

  it('refuses every must-fail vector at open, with the reason parsing at open gives', async () => {
    const failures = readdirSync(VECTORS_DIR)
      .map((f) => JSON.parse(readFileSync(join(VECTORS_DIR, f), 'utf8')) as BundleVector)
      .filter((v) => v.expect === 'failure');
    expect(failures.length).toBeGreaterThan(10);
    for (const v of failures) {
      const options = {
        identity: v.passphrase !== undefined ? { passphrase: v.passphrase } : v.identity!,
        now: new Date(v.now),
        revoked: revocationList(v.revocations ?? []),
      };
      const bundle = fromBase64Unpadded(v.bundle);
      const eager = await openBundle(bundle, options);
      const lazy = await open(bundle, options);
      expect(lazy).toMatchObject({ ok: false, reason: v.reason });
      expect(lazy).toEqual(eager);
    }
  });
});

describe('sha256Digest', () => {
  it('is SHA-256 on every path: small inputs in JavaScript, large ones natively', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 20_000 }), async (bytes) => {
        expect(await sha256Digest(bytes)).toEqual(sha256(bytes));
      }),
      { numRuns: RUNS, examples: [[new Uint8Array(4095)], [new Uint8Array(4096)]] },
    );
  });
});
