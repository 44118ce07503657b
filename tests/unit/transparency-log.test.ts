/**
 * The transparency log on its own: the hash chain, and the signed head every exported file
 * carries. A log cut at its newest entries, a head rewritten to match, a changed signature or
 * a stranger's key must each fail, and say why.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jwkFingerprint } from '../../src/bundle/keys';
import { GENESIS_HASH, type LogEntry, type SignedLogHead } from '../../src/records/sharing/transparency-entry';
import { logFile, nextEntry, signLogHead, verifyChain, verifyLogFile, type LogFile } from '../../src/sharing/transparency-log';
import { runs } from './support/setup-vault';

const chain = (n: number): LogEntry[] => {
  const out: LogEntry[] = [];
  for (let i = 0; i < n; i++)
    out.push(nextEntry(out.at(-1) ?? null, { type: 'export', at: `2026-01-0${(i % 9) + 1}T00:00:00.000Z`, profileId: null, summary: { what: `backup-${i}` } }));
  return out;
};

const KEY = ed25519.utils.randomSecretKey();
const OTHER_KEY = ed25519.utils.randomSecretKey();
const SIGNED_AT = '2026-01-10T00:00:00.000Z';

/** A log of `n` entries, exported with its head signed by KEY. */
function exported(n: number): LogFile {
  const entries = chain(n);
  return logFile(entries, signLogHead(entries.at(-1) ?? null, SIGNED_AT, KEY), '2026-01-11T00:00:00.000Z');
}

/** The file as a verifier would read it from disk. */
const reread = (file: LogFile): LogFile => JSON.parse(JSON.stringify(file)) as LogFile;

/** Changes one character of the JWS's signature part, keeping it base64url. */
function flipSignature(jws: string): string {
  const at = jws.lastIndexOf('.') + 5;
  return jws.slice(0, at) + (jws[at] === 'A' ? 'B' : 'A') + jws.slice(at + 1);
}

describe('the chain', () => {
  it('verifies as made, and an empty log too', () => {
    expect(verifyChain(chain(5))).toMatchObject({ valid: true, count: 5, head: { seq: 5 } });
    expect(verifyChain([])).toEqual({ valid: true, count: 0, head: null });
  });

  it('detects any changed, dropped or swapped entry', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.nat(), fc.constantFrom('change', 'drop', 'swap'), (n, pick, how) => {
        const entries = chain(n);
        const i = pick % (n - 1);
        if (how === 'change') entries[i] = { ...entries[i]!, summary: { what: 'other' } };
        if (how === 'drop') entries.splice(i, 1);
        if (how === 'swap') [entries[i], entries[i + 1]] = [entries[i + 1]!, entries[i]!];
        expect(verifyChain(entries).valid).toBe(false);
      }),
      runs(30),
    );
  });
});

describe('the signed head', () => {
  it('an intact log verifies, and names its signer and when it was signed', () => {
    const file = reread(exported(4));
    const publicKey = file.head.signingKey.x;
    expect(verifyLogFile(file)).toEqual({
      valid: true,
      count: 4,
      head: { seq: 4, hash: (file.entries[3] as LogEntry).hash },
      signer: { signingKey: publicKey, fingerprint: jwkFingerprint(file.head.signingKey) },
      signedAt: SIGNED_AT,
    });
    expect(verifyLogFile(file, { signingKey: publicKey })).toMatchObject({ valid: true });
    expect(file.head.signingKey.x).toBe(Buffer.from(ed25519.getPublicKey(KEY)).toString('base64url'));
  });

  it('an empty log is signed too, at the genesis hash', () => {
    const file = reread(exported(0));
    expect(file.head).toMatchObject({ seq: 0, hash: GENESIS_HASH });
    expect(verifyLogFile(file)).toMatchObject({ valid: true, count: 0, head: null });
  });

  it('a log cut at its newest entries fails as cut, naming the first missing entry', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.nat(), (n, pick) => {
        const file = reread(exported(n));
        const keep = pick % n; // 0 … n-1 entries kept: at least one is cut
        const check = verifyLogFile({ ...file, entries: file.entries.slice(0, keep) });
        expect(check).toMatchObject({ valid: false, reason: 'cut', brokenAt: keep + 1 });
        expect(!check.valid && check.detail).toContain(`the log ends at entry ${keep}`);
      }),
      runs(20),
    );
  });

  it('a cut log whose head was rewritten to match fails: the signature covers the head', () => {
    const file = reread(exported(5));
    const cut = file.entries.slice(0, 3) as LogEntry[];
    const rewritten = { ...file, entries: cut, head: { ...file.head, seq: 3, hash: cut[2]!.hash } };
    expect(verifyLogFile(rewritten)).toMatchObject({ valid: false, reason: 'signature', detail: expect.stringContaining('signature') });
    // Nor can an older head's own signature be moved onto the newer one.
    const olderHead = signLogHead(cut[2]!, SIGNED_AT, KEY);
    expect(verifyLogFile({ ...file, head: { ...file.head, jws: olderHead.jws } })).toMatchObject({ valid: false, reason: 'signature' });
  });

  it('a tampered signature, signing time or key fails', () => {
    const file = reread(exported(3));
    expect(verifyLogFile({ ...file, head: { ...file.head, jws: flipSignature(file.head.jws) } })).toMatchObject({ valid: false, reason: 'signature' });
    expect(verifyLogFile({ ...file, head: { ...file.head, signedAt: '2027-01-01T00:00:00.000Z' } })).toMatchObject({ valid: false, reason: 'signature' });
    const stranger = signLogHead(null, SIGNED_AT, OTHER_KEY).signingKey;
    expect(verifyLogFile({ ...file, head: { ...file.head, signingKey: stranger } })).toMatchObject({ valid: false, reason: 'signature' });
    expect(verifyLogFile({ ...file, head: { ...file.head, jws: 'not.a.jws' } })).toMatchObject({ valid: false, reason: 'signature' });
  });

  it('a cut log re-signed with a stranger key verifies only until the citizen\u2019s key is asked for', () => {
    const file = reread(exported(5));
    const cut = file.entries.slice(0, 3) as LogEntry[];
    const forged = { ...file, entries: cut, head: signLogHead(cut[2]!, SIGNED_AT, OTHER_KEY) };
    expect(verifyLogFile(forged)).toMatchObject({ valid: true });
    expect(verifyLogFile(forged, { signingKey: file.head.signingKey.x })).toMatchObject({ valid: false, reason: 'signer' });
  });

  it('entries added after the signed head, or a changed entry under it, fail', () => {
    const file = reread(exported(3));
    const entries = file.entries as LogEntry[];
    const longer = [...entries, nextEntry(entries[2]!, { type: 'export', at: SIGNED_AT, profileId: null, summary: { what: 'backup' } })];
    expect(verifyLogFile({ ...file, entries: longer })).toMatchObject({ valid: false, reason: 'head', brokenAt: 3 });
    const changed = entries.map((e, i) => (i === 1 ? { ...e, summary: { what: 'nothing' } } : e));
    expect(verifyLogFile({ ...file, entries: changed })).toMatchObject({ valid: false, reason: 'hash', brokenAt: 2 });
  });

  it('an unsigned (version 1) file, a malformed head and something else each say so', () => {
    const file = reread(exported(2));
    const { signedAt: _s, signingKey: _k, jws: _j, ...bare } = file.head;
    expect(verifyLogFile({ ...file, version: 1, head: bare })).toMatchObject({ valid: false, reason: 'unsigned' });
    expect(verifyLogFile({ ...file, head: bare })).toMatchObject({ valid: false, reason: 'not-a-log' });
    expect(verifyLogFile({ ...file, head: { ...file.head, extra: 1 } as SignedLogHead })).toMatchObject({ valid: false, reason: 'not-a-log' });
    expect(verifyLogFile({ hello: 1 })).toMatchObject({ valid: false, reason: 'not-a-log' });
  });
});
