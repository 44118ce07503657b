/**
 * Known-answer tests: the primitives the vault is built on give the published answers, and the
 * cases that must fail do fail. The vectors are data in tests/vectors/*.json.
 */
import { chacha20poly1305, hchacha, xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { argon2id as nobleArgon2id } from '@noble/hashes/argon2.js';
import { hkdf, extract as hkdfExtract } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { argon2id as wasmArgon2id } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { dangerouslyDecryptWithoutTag, open } from '../../src/vault/crypto/aead';
import { hex, unhex } from './support/hex';
import { loadVectors } from './support/vectors';
import { concatBytes, equalBytes } from '../../src/shared/bytes';

interface AeadCase {
  key: string;
  nonce: string;
  aad: string;
  plaintext: string;
  ciphertext: string;
  tag: string;
}

/** Decrypts, or returns null when the tag does not verify. */
function tryDecrypt(cipher: typeof xchacha20poly1305 | typeof chacha20poly1305, c: AeadCase): Uint8Array | null {
  try {
    return cipher(unhex(c.key), unhex(c.nonce), unhex(c.aad)).decrypt(unhex(c.ciphertext + c.tag));
  } catch {
    return null;
  }
}

describe.each([
  ['xchacha20poly1305', xchacha20poly1305],
  ['chacha20poly1305', chacha20poly1305],
] as const)('%s known answers', (file, cipher) => {
  const vectors = loadVectors<AeadCase>(file);
  it.each(vectors.cases)('$name → $expect', (c) => {
    const opened = tryDecrypt(cipher, c);
    if (c.expect === 'success') {
      expect(hex(opened!)).toBe(c.plaintext);
      // Sealing gives exactly the published bytes, too.
      const sealed = cipher(unhex(c.key), unhex(c.nonce), unhex(c.aad)).encrypt(unhex(c.plaintext));
      expect(hex(sealed)).toBe(c.ciphertext + c.tag);
    } else {
      expect(opened).toBeNull();
    }
  });
});

describe('the vault AEAD (src/vault/crypto/aead.ts) on the XChaCha20-Poly1305 vectors', () => {
  const vectors = loadVectors<AeadCase>('xchacha20poly1305');
  it.each(vectors.cases)('open: $name → $expect', (c) => {
    const opened = open(unhex(c.key), { nonce: unhex(c.nonce), ciphertext: unhex(c.ciphertext + c.tag) }, unhex(c.aad));
    if (c.expect === 'success') expect(hex(opened!)).toBe(c.plaintext);
    else expect(opened).toBeNull();
  });

  it('dangerouslyDecryptWithoutTag gives the published plaintext (block counter 1)', () => {
    const [c] = vectors.cases.filter((v) => v.expect === 'success');
    const sealed = { nonce: unhex(c!.nonce), ciphertext: unhex(c!.ciphertext + c!.tag) };
    expect(hex(dangerouslyDecryptWithoutTag(unhex(c!.key), sealed))).toBe(c!.plaintext);
  });
});

describe('HChaCha20 known answers', () => {
  const vectors = loadVectors<{ key: string; nonce: string; subkey: string }>('hchacha20');
  // noble's hchacha works on little-endian 32-bit words: sigma, key, 16-byte nonce.
  const words = (bytes: Uint8Array) => new Uint32Array(bytes.slice().buffer);
  const sigma = words(new TextEncoder().encode('expand 32-byte k'));
  it.each(vectors.cases)('$name → $expect', (c) => {
    const out = new Uint32Array(8);
    hchacha(sigma, words(unhex(c.key)), words(unhex(c.nonce)), out);
    const subkey = hex(new Uint8Array(out.buffer));
    if (c.expect === 'success') expect(subkey).toBe(c.subkey);
    else expect(subkey).not.toBe(c.subkey);
  });
});

describe('HKDF-SHA256 known answers', () => {
  const vectors = loadVectors<{ ikm: string; salt: string; info: string; length: number; prk: string; okm: string }>('hkdf-sha256');
  it.each(vectors.cases)('$name → $expect', (c) => {
    const salt = c.salt ? unhex(c.salt) : undefined;
    const okm = hex(hkdf(sha256, unhex(c.ikm), salt, unhex(c.info), c.length));
    if (c.expect === 'success') {
      expect(hex(hkdfExtract(sha256, unhex(c.ikm), salt))).toBe(c.prk);
      expect(okm).toBe(c.okm);
    } else {
      expect(okm).not.toBe(c.okm);
    }
  });
});

describe('HMAC-SHA256 known answers', () => {
  const vectors = loadVectors<{ key: string; data: string; mac: string }>('hmac-sha256');
  it.each(vectors.cases)('$name → $expect', (c) => {
    // Truncated MACs (RFC 4231 case 5) are compared on their published length.
    const mac = hex(hmac(sha256, unhex(c.key), unhex(c.data))).slice(0, c.mac.length);
    if (c.expect === 'success') expect(mac).toBe(c.mac);
    else expect(mac).not.toBe(c.mac);
  });
});

describe('SHA-256 known answers', () => {
  const vectors = loadVectors<{ message: string; digest: string }>('sha256');
  it.each(vectors.cases)('$name → $expect', (c) => {
    const digest = hex(sha256(unhex(c.message)));
    if (c.expect === 'success') expect(digest).toBe(c.digest);
    else expect(digest).not.toBe(c.digest);
  });
});

interface ArgonCase {
  implementation: 'noble' | 'hash-wasm';
  password: string;
  salt: string;
  secret: string;
  associatedData: string;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  tag: string;
  encoded?: string;
}

const nobleArgon = (c: ArgonCase) =>
  nobleArgon2id(unhex(c.password), unhex(c.salt), {
    t: c.iterations,
    m: c.memoryKiB,
    p: c.parallelism,
    dkLen: c.tag.length / 2,
    ...(c.secret ? { key: unhex(c.secret) } : {}),
    ...(c.associatedData ? { personalization: unhex(c.associatedData) } : {}),
  });

const wasmArgon = async (c: ArgonCase) =>
  wasmArgon2id({
    password: unhex(c.password),
    salt: unhex(c.salt),
    iterations: c.iterations,
    memorySize: c.memoryKiB,
    parallelism: c.parallelism,
    hashLength: c.tag.length / 2,
    outputType: 'binary',
    ...(c.secret ? { secret: unhex(c.secret) } : {}),
  });

describe('Argon2id known answers', () => {
  const vectors = loadVectors<ArgonCase>('argon2id');
  it.each(vectors.cases)('$name ($implementation) → $expect', async (c) => {
    if (c.implementation === 'hash-wasm' && c.associatedData) throw new Error('hash-wasm takes no associated data');
    const tag = hex(c.implementation === 'noble' ? nobleArgon(c) : await wasmArgon(c));
    if (c.expect === 'success') expect(tag).toBe(c.tag);
    else expect(tag).not.toBe(c.tag);
  });

  it('hash-wasm writes the reference encoded form', async () => {
    const c = vectors.cases.find((v) => v.encoded)!;
    const encoded = await wasmArgon2id({
      password: unhex(c.password),
      salt: unhex(c.salt),
      iterations: c.iterations,
      memorySize: c.memoryKiB,
      parallelism: c.parallelism,
      hashLength: 32,
      outputType: 'encoded',
    });
    expect(encoded).toBe(c.encoded);
  });

  it('hash-wasm and noble agree on the small reference cases (a cross-check, not a vector)', async () => {
    const small = vectors.cases.filter((v) => v.implementation === 'hash-wasm' && v.memoryKiB <= 256);
    expect(small.length).toBeGreaterThan(1);
    for (const c of small) expect(hex(await wasmArgon(c))).toBe(hex(nobleArgon(c)));
  });
});

describe('dangerouslyDecryptWithoutTag equals AEAD decryption on valid input', () => {
  it('for lengths across block boundaries', () => {
    const key = sha256(new TextEncoder().encode('key'));
    const nonce = concatBytes(sha256(new TextEncoder().encode('nonce')).subarray(0, 24));
    for (const length of [0, 1, 15, 16, 63, 64, 65, 127, 128, 129, 1000, 4096]) {
      const plaintext = new Uint8Array(length).map((_, i) => (i * 7 + length) & 255);
      const ciphertext = xchacha20poly1305(key, nonce, new Uint8Array(3)).encrypt(plaintext);
      const salvaged = dangerouslyDecryptWithoutTag(key, { nonce, ciphertext });
      expect(equalBytes(salvaged, plaintext)).toBe(true);
    }
  });
});
