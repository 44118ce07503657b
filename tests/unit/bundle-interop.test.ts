/**
 * Interop with tools that know nothing of Handlerum: the stock `age` CLI and the
 * `age-encryption` package decrypt bundles (and bundles they encrypt open here); Python's
 * zipfile reads the ZIP, and Debian's python3-jwcrypto verifies the manifest signature with the
 * issuer's OKP JWK and the file digests it lists — what a receiver without this kit would do.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decrypter, Encrypter } from 'age-encryption';
import { afterAll, describe, expect, it } from 'vitest';
import { openBundle } from '../../src/bundle/index';
import { ageDecrypt, ageEncrypt, parseAgeIdentity, x25519PublicKey } from '../../src/bundle/age';
import { KEYS, recipientOf, TIMES } from '../../scripts/make-bundle-vectors';

const dir = mkdtempSync(join(tmpdir(), 'bundle-interop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const keyFile = join(dir, 'key.txt');
writeFileSync(keyFile, `# test key\n${KEYS.recipient}\n`);

const vector = (name: string) => fromBase64Unpadded(JSON.parse(readFileSync(`tests/vectors/bundle/${name}.json`, 'utf8')).bundle as string);
const zipOf = (bundle: Uint8Array) => ageDecrypt(bundle, { kind: 'x25519', secretKey: parseAgeIdentity(KEYS.recipient) });

describe('age', () => {
  it('the age CLI decrypts X25519 bundles to the same ZIP', () => {
    for (const name of ['small-x25519', 'full-x25519', 'multi-chunk-x25519']) {
      const bundle = vector(name);
      writeFileSync(join(dir, `${name}.age`), bundle);
      const zip = execFileSync('age', ['-d', '-i', keyFile, join(dir, `${name}.age`)]);
      expect(Buffer.compare(zip, Buffer.from(zipOf(bundle))), name).toBe(0);
    }
  });

  it('the age CLI decrypts a passphrase bundle (typed at its prompt)', () => {
    writeFileSync(join(dir, 'pass.age'), vector('small-passphrase'));
    // age reads passphrases from the terminal only; `script` gives it one.
    const run = spawnSync('script', ['-q', '-c', `age -d -o ${join(dir, 'pass.zip')} ${join(dir, 'pass.age')}`, '/dev/null'], {
      input: `${KEYS.passphrase}\n`,
      timeout: 30_000,
    });
    expect(run.status).toBe(0);
    const expected = ageDecrypt(vector('small-passphrase'), { kind: 'scrypt', passphrase: KEYS.passphrase, maxWorkFactor: 22 });
    expect(Buffer.compare(readFileSync(join(dir, 'pass.zip')), Buffer.from(expected))).toBe(0);
  });

  it('the age CLI refuses a bundle with one changed byte', () => {
    const bundle = vector('tampered-ciphertext');
    writeFileSync(join(dir, 'bad.age'), bundle);
    expect(spawnSync('age', ['-d', '-i', keyFile, join(dir, 'bad.age')]).status).not.toBe(0);
  });

  it('age-encryption decrypts X25519 and passphrase bundles', async () => {
    const x = new Decrypter();
    x.addIdentity(KEYS.recipient);
    expect(Buffer.compare(Buffer.from(await x.decrypt(vector('full-x25519'))), Buffer.from(zipOf(vector('full-x25519'))))).toBe(0);
    const p = new Decrypter();
    p.addPassphrase(KEYS.passphrase);
    const zip = await p.decrypt(vector('small-passphrase'));
    expect(zip.subarray(0, 4)).toEqual(new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
  });

  it('a bundle encrypted again by the age CLI or age-encryption still opens', async () => {
    const zip = zipOf(vector('small-x25519'));
    writeFileSync(join(dir, 'plain.zip'), zip);
    execFileSync('age', ['-r', recipientOf(KEYS.recipient), '-o', join(dir, 'again.age'), join(dir, 'plain.zip')]);
    const byCli = await openBundle(new Uint8Array(readFileSync(join(dir, 'again.age'))), { identity: KEYS.recipient, now: TIMES.during });
    expect(byCli.ok, byCli.ok ? '' : byCli.detail).toBe(true);
    const e = new Encrypter();
    e.addRecipient(recipientOf(KEYS.recipient));
    const byLib = await openBundle(await e.encrypt(zip), { identity: KEYS.recipient, now: TIMES.during });
    expect(byLib.ok, byLib.ok ? '' : byLib.detail).toBe(true);
  });

  it('our decryptor reads what age-encryption writes, for sizes around the 64 KiB chunk', async () => {
    for (const size of [0, 1, 65535, 65536, 65537, 2 * 65536]) {
      const plain = Uint8Array.from({ length: size }, (_, i) => (i * 7) % 256);
      const e = new Encrypter();
      e.addRecipient(recipientOf(KEYS.recipient));
      const ours = ageDecrypt(await e.encrypt(plain), { kind: 'x25519', secretKey: parseAgeIdentity(KEYS.recipient) });
      expect(Buffer.compare(Buffer.from(ours), Buffer.from(plain)), `size ${size}`).toBe(0);
      const d = new Decrypter();
      d.addIdentity(KEYS.recipient);
      const theirs = await d.decrypt(ageEncrypt(plain, { kind: 'x25519', publicKey: x25519PublicKey(parseAgeIdentity(KEYS.recipient)) }));
      expect(Buffer.compare(Buffer.from(theirs), Buffer.from(plain)), `size ${size}`).toBe(0);
    }
  });
});

const PYTHON = `
import sys, json, zipfile, hashlib, base64
from jwcrypto import jwk, jws
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
token = jws.JWS()
token.deserialize(z.read('manifest.jws').decode())
header = token.jose_header
manifest = json.loads(token.objects['payload'])
key = jwk.JWK(**manifest['issuer']['jwk'])
token.verify(key, alg='EdDSA')
for f in manifest['files']:
    digest = base64.urlsafe_b64encode(hashlib.sha256(z.read(f['path'])).digest()).rstrip(b'=').decode()
    assert digest == f['sha256'], f['path']
raw = base64.urlsafe_b64decode(manifest['issuer']['jwk']['x'] + '=')
assert header['kid'] == base64.urlsafe_b64encode(hashlib.sha256(raw).digest()).rstrip(b'=').decode(), 'kid'
assert names == ['manifest.jws'] + [f['path'] for f in manifest['files']], names
print(json.dumps({'typ': header['typ'], 'kid': header['kid'], 'id': manifest['id'], 'files': len(names)}))
`;
import { fromBase64Unpadded } from '../../src/shared/base64url';

describe('python3-jwcrypto and zipfile', () => {
  const python = (zipPath: string) => spawnSync('/usr/bin/python3', ['-c', PYTHON, zipPath], { encoding: 'utf8' });

  it('verify the manifest signature with the OKP JWK and every listed digest', () => {
    writeFileSync(join(dir, 'full.zip'), zipOf(vector('full-x25519')));
    const run = python(join(dir, 'full.zip'));
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { typ: string; kid: string; id: string; files: number };
    expect(out.typ).toBe('handlerum-bundle+jws');
    expect(out.files).toBe(9);
  });

  it('refuse a manifest whose signature does not verify', () => {
    writeFileSync(join(dir, 'bad.zip'), zipOf(vector('bad-signature')));
    const run = python(join(dir, 'bad.zip'));
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/InvalidJWSSignature|Verification failed/);
  });

  it('unzip -t finds the ZIP sound', () => {
    writeFileSync(join(dir, 'full2.zip'), zipOf(vector('full-x25519')));
    const run = spawnSync('unzip', ['-t', join(dir, 'full2.zip')], { encoding: 'utf8' });
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/No errors detected/);
  });
});
