/**
 * The bundle test vectors (tests/vectors/bundle): each positive one opens with the stated
 * result, each negative one is refused with the stated reason, and regenerating them from the
 * fixed keys, time and randomness gives the very same bytes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { openBundle, type OpenFailureReason } from '../../src/bundle/index';
import { canonicalJson } from '../../src/bundle/jws';
import { revocationList } from '../../src/receiver/sdk';
import { buildVectors, vectorText, VECTORS_DIR, type BundleVector } from '../../scripts/make-bundle-vectors';
import { fromBase64Unpadded, toBase64Url } from '../../src/shared/base64url';
import { utf8 } from '../../src/shared/bytes';

const files = readdirSync(VECTORS_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const vectors = files.map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(VECTORS_DIR, f), 'utf8')) as BundleVector] as const);

const openVector = (v: BundleVector) =>
  openBundle(fromBase64Unpadded(v.bundle), {
    identity: v.passphrase !== undefined ? { passphrase: v.passphrase } : v.identity!,
    now: new Date(v.now),
    revoked: revocationList(v.revocations ?? []),
  });

describe('bundle vectors', () => {
  it('are there: positives, and a negative for every reason', () => {
    const positives = vectors.filter(([, v]) => v.expect === 'success');
    expect(positives.length).toBeGreaterThanOrEqual(4);
    const reasons = new Set(vectors.filter(([, v]) => v.expect === 'failure').map(([, v]) => v.reason));
    const all: OpenFailureReason[] = [
      'not-a-bundle',
      'wrong-key',
      'tampered',
      'unsupported-version',
      'bad-signature',
      'not-for-you',
      'not-yet-valid',
      'expired',
      'revoked',
      'too-large',
    ];
    expect([...reasons].sort()).toEqual([...all].sort());
  });

  it.each(vectors.filter(([, v]) => v.expect === 'success'))('%s opens', async (_name, v) => {
    const result = await openVector(v);
    expect(result.ok, result.ok ? '' : `${result.reason}: ${result.detail}`).toBe(true);
    if (!result.ok) return;
    expect(result.manifest.id).toBe(v.result!.id);
    expect(toBase64Url(sha256(utf8(canonicalJson(result.data))))).toBe(v.result!.dataSha256);
    expect(result.files.map((f) => f.path)).toEqual(v.result!.files);
  });

  it.each(vectors.filter(([, v]) => v.expect === 'failure'))('%s is refused', async (_name, v) => {
    const result = await openVector(v);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason, result.detail).toBe(v.reason);
    expect(result.detail.length).toBeGreaterThan(5);
  });

  it('regenerate to the same bytes', async () => {
    const built = await buildVectors();
    expect(Object.keys(built).sort()).toEqual(vectors.map(([name]) => name));
    for (const [name, vector] of Object.entries(built)) {
      expect(vectorText(vector), name).toBe(readFileSync(join(VECTORS_DIR, `${name}.json`), 'utf8'));
    }
  }, 60_000);
});
