/**
 * The receiver's bounds: data.json's depth is measured without recursion and a bundle nested
 * deeper than 64 levels is refused as `too-large` (with its verified files, never a stack
 * overflow); a bundle over the size limit is refused before it is decrypted; scrypt work factors
 * are accepted up to 20 (1 GiB) and refused above, before any work, as the format says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BundleInputError, DEFAULT_MAX_BUNDLE_BYTES, jsonDepth, MAX_DATA_DEPTH, MAX_SCRYPT_WORK_FACTOR, openBundle, scryptMemory } from '../../src/bundle';
import { NODE_SCRYPT, NOBLE_SCRYPT } from '../../src/bundle/scrypt';
import { open, verify } from '../../src/receiver/sdk';
import { KEYS, makeBundle, smallContent, TIMES, withDataJson } from '../../scripts/make-bundle-vectors';
import { readFileSync } from 'node:fs';
import { fromBase64Unpadded } from '../../src/shared/base64url';
import { utf8 } from '../../src/shared/bytes';

const RUNS = process.env.SLOW === '1' ? 200 : 15;
const at = { identity: KEYS.recipient, now: TIMES.during };
const small = fromBase64Unpadded((JSON.parse(readFileSync('tests/vectors/bundle/small-x25519.json', 'utf8')) as { bundle: string }).bundle);
const passphraseBundle = fromBase64Unpadded((JSON.parse(readFileSync('tests/vectors/bundle/small-passphrase.json', 'utf8')) as { bundle: string }).bundle);

/** data.json `{"d":[[…]]}`: the object is one level, each array one more. */
const nested = (depth: number): Uint8Array => utf8(`{"d":${'['.repeat(depth - 1)}0${']'.repeat(depth - 1)}}`);

/** The depth JSON.parse's value has, counted recursively (for values small enough to recurse). */
function referenceDepth(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + children.reduce<number>((deepest, child) => Math.max(deepest, referenceDepth(child)), 0);
}

describe('data.json depth', () => {
  it('jsonDepth agrees with the parsed value for any JSON, brackets and escapes inside strings included', () => {
    const tricky = fc.constantFrom('[', ']', '{', '}', '"', '\\', '\\"', '\\\\', 'æ', '\u0000');
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: tricky }),
        fc.integer(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(fc.string({ unit: tricky, maxLength: 4 }), tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(jsonDepth(utf8(JSON.stringify(v)))).toBe(referenceDepth(v));
      }),
      { numRuns: RUNS * 20 },
    );
  });

  it('measures a text nested 100,000 levels deep without a stack', () => {
    expect(jsonDepth(nested(100_000))).toBe(100_000);
  });

  it('a genuine bundle opens up to 64 levels and is refused as too-large beyond, with its verified files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 * MAX_DATA_DEPTH }), async (depth) => {
        const bundle = withDataJson(small, `depth-${depth}`, nested(depth));
        const result = await open(bundle, at);
        if (depth <= MAX_DATA_DEPTH) {
          expect(result.ok, result.ok ? '' : result.detail).toBe(true);
          if (result.ok) expect(result.dataJson).toEqual(nested(depth));
          return;
        }
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.reason).toBe('too-large');
        expect(result.detail).toContain(`${depth} levels`);
        const data = result.verifiedFiles?.find((f) => f.path === 'data.json');
        expect(data?.bytes).toEqual(nested(depth));
        expect(result.verifiedFiles?.map((f) => f.path)).toEqual(['data.json', 'consent.json', 'provenance.json']);
      }),
      { numRuns: RUNS, examples: [[MAX_DATA_DEPTH], [MAX_DATA_DEPTH + 1]] },
    );
  }, 60_000);

  it('a data.json nested 100,000 levels deep is refused, not a crash; a summary carries no files', async () => {
    const bundle = withDataJson(small, 'very-deep', nested(100_000));
    const opened = await open(bundle, at);
    expect(opened).toMatchObject({ ok: false, reason: 'too-large' });
    const checked = await verify(bundle, at);
    expect(checked).toEqual({ ok: false, reason: 'too-large', detail: expect.stringContaining('100000 levels') });
  });

  it('a bundle whose signature or digest fails is tampered, however deep its data', async () => {
    const deep = nested(1000);
    const bundle = withDataJson(small, 'deep-then-changed', deep);
    const changed = await open(
      bundle.map((b, i) => (i === bundle.length - 30 ? b ^ 1 : b)),
      at,
    );
    expect(changed).toMatchObject({ ok: false, reason: 'tampered' });
    expect('verifiedFiles' in changed).toBe(false);
  });

  it('createBundle makes data up to 64 levels and refuses deeper', async () => {
    const content = (depth: number) => ({ ...smallContent(), data: JSON.parse(new TextDecoder().decode(nested(depth))) as Record<string, unknown> });
    await expect(makeBundle('depth-64', content(MAX_DATA_DEPTH))).resolves.toBeInstanceOf(Uint8Array);
    await expect(makeBundle('depth-65', content(MAX_DATA_DEPTH + 1))).rejects.toThrow(BundleInputError);
  });
});

describe('bundle size', () => {
  it('a bundle over the limit is refused before it is decrypted', async () => {
    expect(DEFAULT_MAX_BUNDLE_BYTES).toBe(128 * 1024 * 1024);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: small.length * 2 }), async (limit) => {
        const result = await openBundle(small, { ...at, maxBundleBytes: limit });
        expect(result.ok ? 'ok' : result.reason).toBe(small.length <= limit ? 'ok' : 'too-large');
      }),
      { numRuns: RUNS },
    );
    // Not even an age file is looked at: size is the first check.
    const huge = new Uint8Array(DEFAULT_MAX_BUNDLE_BYTES + 1);
    expect(await openBundle(huge, at)).toMatchObject({ ok: false, reason: 'too-large' });
  });
});

/** The passphrase vector with its scrypt stanza claiming another work factor (its MAC no longer checks). */
function claimingWorkFactor(logN: number): Uint8Array {
  const text = new TextDecoder('latin1').decode(passphraseBundle);
  const changed = text.replace(/^(-> scrypt \S+ )10\n/m, `$1${logN}\n`);
  expect(changed).not.toBe(text);
  return Uint8Array.from(changed, (c) => c.charCodeAt(0));
}

describe('scrypt work factors', () => {
  it('states 1 GiB at the highest accepted factor, 20', () => {
    expect(MAX_SCRYPT_WORK_FACTOR).toBe(20);
    expect(scryptMemory(20)).toBe(2 ** 30);
    expect(scryptMemory(18)).toBe(256 * 2 ** 20);
  });

  it('21 and 22 are refused as too-large before any scrypt work, whatever the caller allows', async () => {
    for (const logN of [21, 22, 30, 99]) {
      const result = await openBundle(claimingWorkFactor(logN), { identity: { passphrase: KEYS.passphrase }, now: TIMES.during, maxScryptWorkFactor: 22 });
      expect(result, String(logN)).toMatchObject({ ok: false, reason: 'too-large' });
    }
  });

  it('a receiver may accept less: a factor above its own limit is too-large', async () => {
    const lower = await openBundle(passphraseBundle, { identity: { passphrase: KEYS.passphrase }, now: TIMES.during, maxScryptWorkFactor: 9 });
    expect(lower).toMatchObject({ ok: false, reason: 'too-large' });
    expect(await openBundle(passphraseBundle, { identity: { passphrase: KEYS.passphrase }, now: TIMES.during, maxScryptWorkFactor: 10 })).toMatchObject({
      ok: true,
    });
  });

  it('createBundle makes factors 1 to 20 and refuses 0, 21 and 22', async () => {
    const withFactor = (scryptWorkFactor: number) =>
      makeBundle(`wf-${scryptWorkFactor}`, smallContent(), { recipient: { kind: 'passphrase', passphrase: KEYS.passphrase }, scryptWorkFactor });
    for (const bad of [0, 21, 22]) await expect(withFactor(bad), String(bad)).rejects.toThrow(BundleInputError);
    const lowest = await withFactor(1);
    expect(await openBundle(lowest, { identity: { passphrase: KEYS.passphrase }, now: TIMES.during })).toMatchObject({ ok: true });
  });

  it('Node’s scrypt gives the same key as @noble/hashes', () => {
    expect(NODE_SCRYPT).toBeDefined();
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 40 }),
        fc.uint8Array({ minLength: 16, maxLength: 44 }),
        fc.integer({ min: 1, max: 12 }),
        (password, salt, logN) => {
          expect(NODE_SCRYPT!(password, salt, logN)).toEqual(NOBLE_SCRYPT(password, salt, logN));
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  // The documented edge: 1 GiB and several seconds each way, so it runs once, not per property.
  it('a bundle at factor 20 is made and opened', async () => {
    const bundle = await makeBundle('wf-20', smallContent(), { recipient: { kind: 'passphrase', passphrase: KEYS.passphrase }, scryptWorkFactor: 20 });
    expect(await openBundle(bundle, { identity: { passphrase: KEYS.passphrase }, now: TIMES.during })).toMatchObject({ ok: true });
  }, 180_000);
});
