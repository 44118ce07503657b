/**
 * age v1 (C2SP age spec, https://age-encryption.org/v1) for X25519 and scrypt recipients,
 * written here rather than taken from `age-encryption` because test vectors need every random
 * input injectable (file key, ephemeral key, scrypt salt, payload nonce). Interop is proven by
 * tests against `age-encryption`'s Decrypter and the stock `age` CLI.
 *
 * Decryption is strict: the header must be in the one canonical form (lines, base64, wrapping),
 * its MAC must verify, and every STREAM chunk must authenticate, so any changed byte fails.
 */
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { CHUNK_AEAD, type ChunkAead } from './chunk-aead';
import { bech32Decode, bech32Encode } from './encoding';
import { MAX_SCRYPT_WORK_FACTOR } from './limits';
import { scrypt32 } from './scrypt';
import { fromBase64Unpadded, toBase64Unpadded } from '../shared/base64url';
import { concatBytes, equalBytes, utf8 } from '../shared/bytes';
import { CodedError } from '../shared/coded-error';

export type AgeErrorCode =
  /** Not an age v1 file at all. */
  | 'not-age'
  /** An age file, but not in canonical form, or a stanza of ours that is malformed. */
  | 'malformed'
  /** No stanza could be opened with the given identity or passphrase. */
  | 'no-match'
  /** The header MAC does not verify (the header was changed). */
  | 'bad-mac'
  /** A payload chunk does not authenticate, or the payload is cut short or extended. */
  | 'bad-payload'
  /** The scrypt work factor is above what the caller accepts. */
  | 'work-factor';

export class AgeError extends CodedError<AgeErrorCode> {
  override readonly name = 'AgeError';
}

export type RandomSource = (n: number) => Uint8Array;

export type AgeRecipient = { kind: 'x25519'; publicKey: Uint8Array } | { kind: 'scrypt'; passphrase: string; workFactor: number };
export type AgeIdentity =
  { kind: 'x25519'; secretKey: Uint8Array; /** Derived when absent. */ publicKey?: Uint8Array } | { kind: 'scrypt'; passphrase: string; maxWorkFactor: number };

const VERSION_LINE = 'age-encryption.org/v1';
const X25519_INFO = utf8('age-encryption.org/v1/X25519');
const SCRYPT_SALT_PREFIX = utf8('age-encryption.org/v1/scrypt');
const CHUNK = 64 * 1024;
const TAG = 16;
const ZERO_NONCE = new Uint8Array(12);
/** A header longer than this is not one we wrote (one stanza of ~100 bytes). */
const MAX_HEADER = 16 * 1024;

const take = (random: RandomSource, n: number, what: string): Uint8Array => {
  const bytes = random(n);
  if (!(bytes instanceof Uint8Array) || bytes.length !== n) throw new RangeError(`random(${n}) for ${what} must return ${n} bytes`);
  return bytes;
};

// --- keys ---------------------------------------------------------------------------------

const RECIPIENT_HRP = 'age';
const IDENTITY_HRP = 'age-secret-key-';

export const encodeAgeRecipient = (publicKey: Uint8Array): string => bech32Encode(RECIPIENT_HRP, publicKey);
export const encodeAgeIdentity = (secretKey: Uint8Array): string => bech32Encode(IDENTITY_HRP, secretKey).toUpperCase();

/** @throws {TypeError} naming the argument when it is not an `age1…` X25519 recipient. */
export function parseAgeRecipient(text: string): Uint8Array {
  let decoded: { hrp: string; bytes: Uint8Array };
  try {
    decoded = bech32Decode(text);
  } catch (cause) {
    throw new TypeError('ageRecipient: not an age1… recipient', { cause });
  }
  if (text !== text.toLowerCase() || decoded.hrp !== RECIPIENT_HRP || decoded.bytes.length !== 32) {
    throw new TypeError('ageRecipient: not an age1… X25519 recipient');
  }
  return decoded.bytes;
}

/** @throws {TypeError} naming the argument when it is not an `AGE-SECRET-KEY-1…` identity. */
export function parseAgeIdentity(text: string): Uint8Array {
  let decoded: { hrp: string; bytes: Uint8Array };
  try {
    decoded = bech32Decode(text.trim());
  } catch (cause) {
    throw new TypeError('identity: not an AGE-SECRET-KEY-1… identity', { cause });
  }
  if (text.trim() !== text.trim().toUpperCase() || decoded.hrp !== IDENTITY_HRP || decoded.bytes.length !== 32) {
    throw new TypeError('identity: not an AGE-SECRET-KEY-1… X25519 identity');
  }
  return decoded.bytes;
}

export const x25519PublicKey = (secretKey: Uint8Array): Uint8Array => x25519.getPublicKey(secretKey);

// --- header -------------------------------------------------------------------------------

interface Stanza {
  type: string;
  args: string[];
  body: Uint8Array;
}

function wrapBody(body: Uint8Array): string {
  const b64 = toBase64Unpadded(body);
  const lines: string[] = [];
  // The last line is always shorter than 64 columns, so an exact multiple ends with an empty line.
  for (let i = 0; i <= b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return lines.join('\n');
}

const encodeStanza = (s: Stanza): string => `-> ${[s.type, ...s.args].join(' ')}\n${wrapBody(s.body)}\n`;

const fileKeyMac = (fileKey: Uint8Array, headerNoMac: Uint8Array): Uint8Array =>
  hmac(sha256, hkdf(sha256, fileKey, new Uint8Array(0), utf8('header'), 32), headerNoMac);

interface ParsedHeader {
  stanzas: Stanza[];
  /** The header bytes the MAC covers (up to and including `---`). */
  macInput: Uint8Array;
  mac: Uint8Array;
  payloadStart: number;
}

const ARG = /^[\x21-\x7e]+$/;

function parseHeader(file: Uint8Array): ParsedHeader {
  const lines: { text: string; start: number; end: number }[] = [];
  let start = 0;
  const readLine = (): { text: string; start: number; end: number } => {
    const limit = Math.min(file.length, MAX_HEADER);
    for (let i = start; i < limit; i++) {
      const b = file[i]!;
      if (b === 0x0a) {
        const line = { text: String.fromCharCode(...file.subarray(start, i)), start, end: i + 1 };
        start = i + 1;
        lines.push(line);
        return line;
      }
      if (b < 0x20 || b > 0x7e) throw new AgeError(lines.length === 0 ? 'not-age' : 'malformed', `byte ${b} at ${i} in the header`);
    }
    throw new AgeError(lines.length === 0 ? 'not-age' : 'malformed', 'the header does not end');
  };

  if (readLine().text !== VERSION_LINE) throw new AgeError('not-age', 'not an age v1 file');
  const stanzas: Stanza[] = [];
  let line = readLine();
  while (line.text.startsWith('-> ')) {
    const args = line.text.slice(3).split(' ');
    if (args.some((a) => !ARG.test(a))) throw new AgeError('malformed', 'empty or invalid stanza argument');
    let b64 = '';
    for (;;) {
      const bodyLine = readLine().text;
      if (bodyLine.length > 64) throw new AgeError('malformed', 'stanza body line longer than 64 columns');
      b64 += bodyLine;
      if (bodyLine.length < 64) break;
    }
    let body: Uint8Array;
    try {
      body = fromBase64Unpadded(b64, 'stanza body');
    } catch (cause) {
      throw new AgeError('malformed', 'stanza body is not canonical base64', { cause });
    }
    stanzas.push({ type: args[0]!, args: args.slice(1), body });
    line = readLine();
  }
  const m = /^--- ([A-Za-z0-9+/]{43})$/.exec(line.text);
  if (!m) throw new AgeError('malformed', 'header does not end with a MAC line');
  if (stanzas.length === 0) throw new AgeError('malformed', 'header has no recipient stanza');
  let mac: Uint8Array;
  try {
    mac = fromBase64Unpadded(m[1]!, 'header MAC');
  } catch (cause) {
    throw new AgeError('malformed', 'header MAC is not canonical base64', { cause });
  }
  return { stanzas, macInput: file.subarray(0, line.start + 3), mac, payloadStart: line.end };
}

// --- recipients ---------------------------------------------------------------------------

function wrapX25519(fileKey: Uint8Array, recipient: Uint8Array, random: RandomSource): Stanza {
  const ephemeral = take(random, 32, 'the X25519 ephemeral key');
  const share = x25519.getPublicKey(ephemeral);
  const shared = x25519.getSharedSecret(ephemeral, recipient);
  if (shared.every((b) => b === 0)) throw new RangeError('ageRecipient: low-order X25519 key');
  const wrapKey = hkdf(sha256, shared, concatBytes(share, recipient), X25519_INFO, 32);
  return { type: 'X25519', args: [toBase64Unpadded(share)], body: chacha20poly1305(wrapKey, ZERO_NONCE).encrypt(fileKey) };
}

const scryptKey = (passphrase: string, salt: Uint8Array, logN: number): Uint8Array => scrypt32(utf8(passphrase), concatBytes(SCRYPT_SALT_PREFIX, salt), logN);

function wrapScrypt(fileKey: Uint8Array, passphrase: string, workFactor: number, random: RandomSource): Stanza {
  if (!Number.isInteger(workFactor) || workFactor < 1 || workFactor > MAX_SCRYPT_WORK_FACTOR) {
    throw new RangeError(`scryptWorkFactor: an integer 1–${MAX_SCRYPT_WORK_FACTOR}`);
  }
  const salt = take(random, 16, 'the scrypt salt');
  const key = scryptKey(passphrase, salt, workFactor);
  return { type: 'scrypt', args: [toBase64Unpadded(salt), String(workFactor)], body: chacha20poly1305(key, ZERO_NONCE).encrypt(fileKey) };
}

function openWithKey(key: Uint8Array, body: Uint8Array): Uint8Array | null {
  try {
    return chacha20poly1305(key, ZERO_NONCE).decrypt(body);
  } catch {
    return null;
  }
}

function unwrapFileKey(stanzas: Stanza[], identity: AgeIdentity): Uint8Array {
  if (stanzas.some((s) => s.type === 'scrypt') && stanzas.length !== 1) {
    throw new AgeError('malformed', 'an scrypt stanza must be the only one');
  }
  if (identity.kind === 'x25519') {
    const ours = identity.publicKey ?? x25519.getPublicKey(identity.secretKey);
    for (const s of stanzas) {
      if (s.type !== 'X25519') continue;
      if (s.args.length !== 1 || s.body.length !== 32) throw new AgeError('malformed', 'malformed X25519 stanza');
      let share: Uint8Array;
      try {
        share = fromBase64Unpadded(s.args[0]!, 'X25519 share');
      } catch (cause) {
        throw new AgeError('malformed', 'X25519 share is not canonical base64', { cause });
      }
      if (share.length !== 32) throw new AgeError('malformed', 'X25519 share is not 32 bytes');
      let shared: Uint8Array;
      try {
        shared = x25519.getSharedSecret(identity.secretKey, share);
      } catch (cause) {
        throw new AgeError('malformed', 'X25519 share is a low-order point', { cause });
      }
      if (shared.every((b) => b === 0)) throw new AgeError('malformed', 'X25519 share is a low-order point');
      const fileKey = openWithKey(hkdf(sha256, shared, concatBytes(share, ours), X25519_INFO, 32), s.body);
      if (fileKey) return fileKey;
    }
    throw new AgeError('no-match', 'the file is not encrypted to this identity');
  }
  const s = stanzas[0]!;
  if (s.type !== 'scrypt') throw new AgeError('no-match', 'the file is not encrypted to a passphrase');
  const [saltText, logNText] = s.args;
  if (s.args.length !== 2 || s.body.length !== 32 || !/^[1-9][0-9]?$/.test(logNText ?? '')) {
    throw new AgeError('malformed', 'malformed scrypt stanza');
  }
  let salt: Uint8Array;
  try {
    salt = fromBase64Unpadded(saltText!, 'scrypt salt');
  } catch (cause) {
    throw new AgeError('malformed', 'scrypt salt is not canonical base64', { cause });
  }
  if (salt.length !== 16) throw new AgeError('malformed', 'scrypt salt is not 16 bytes');
  const logN = Number(logNText);
  if (logN > identity.maxWorkFactor) throw new AgeError('work-factor', `scrypt work factor ${logN} is above ${identity.maxWorkFactor}`);
  const fileKey = openWithKey(scryptKey(identity.passphrase, salt, logN), s.body);
  if (!fileKey) throw new AgeError('no-match', 'wrong passphrase');
  return fileKey;
}

// --- payload (STREAM) -----------------------------------------------------------------------

const chunkNonce = (counter: number, last: boolean): Uint8Array => {
  const nonce = new Uint8Array(12);
  // 11-byte big-endian counter; 2^53 chunks is far beyond any bundle.
  let c = counter;
  for (let i = 10; i >= 0 && c > 0; i--) {
    nonce[i] = c % 256;
    c = Math.floor(c / 256);
  }
  nonce[11] = last ? 1 : 0;
  return nonce;
};

function sealPayload(key: Uint8Array, plaintext: Uint8Array, aead: ChunkAead): Uint8Array {
  const chunks = Math.max(1, Math.ceil(plaintext.length / CHUNK));
  const out = new Uint8Array(plaintext.length + chunks * TAG);
  for (let i = 0; i < chunks; i++) {
    const part = plaintext.subarray(i * CHUNK, Math.min(plaintext.length, (i + 1) * CHUNK));
    const at = i * (CHUNK + TAG);
    // Straight into the output: no per-chunk buffer and copy.
    aead.seal(key, chunkNonce(i, i === chunks - 1), part, out.subarray(at, at + part.length + TAG));
  }
  return out;
}

/** Each sealed chunk of the payload with its nonce, checked for the lengths STREAM allows. */
function* sealedChunks(ciphertext: Uint8Array): Generator<{ index: number; nonce: Uint8Array; sealed: Uint8Array }> {
  if (ciphertext.length < TAG) throw new AgeError('bad-payload', 'the payload is cut short');
  const chunks = Math.ceil(ciphertext.length / (CHUNK + TAG));
  // Checked before any output is sized: only the last chunk can be short.
  if (ciphertext.length - (chunks - 1) * (CHUNK + TAG) < TAG) throw new AgeError('bad-payload', 'the last chunk is cut short');
  for (let i = 0; i < chunks; i++) {
    const sealed = ciphertext.subarray(i * (CHUNK + TAG), Math.min(ciphertext.length, (i + 1) * (CHUNK + TAG)));
    const last = i === chunks - 1;
    // The final chunk can only be empty if it is the first one.
    if (last && sealed.length === TAG && i > 0) throw new AgeError('bad-payload', 'empty final chunk after a full one');
    yield { index: i, nonce: chunkNonce(i, last), sealed };
  }
}

const badChunk = (index: number) => new AgeError('bad-payload', `payload chunk ${index} does not authenticate`);

function openPayload(key: Uint8Array, ciphertext: Uint8Array, aead: ChunkAead): Uint8Array {
  const out = new Uint8Array(ciphertext.length - Math.ceil(ciphertext.length / (CHUNK + TAG)) * TAG);
  for (const { index, nonce, sealed } of sealedChunks(ciphertext)) {
    if (!aead.open(key, nonce, sealed, out.subarray(index * CHUNK, index * CHUNK + sealed.length - TAG))) throw badChunk(index);
  }
  return out;
}

/** The payload as the host's AEAD hands out each chunk's plaintext, uncopied. */
function openPayloadParts(key: Uint8Array, ciphertext: Uint8Array, openFresh: NonNullable<ChunkAead['openFresh']>): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (const { index, nonce, sealed } of sealedChunks(ciphertext)) {
    const plain = openFresh(key, nonce, sealed);
    if (!plain) throw badChunk(index);
    parts.push(plain);
  }
  return parts;
}

// --- file -----------------------------------------------------------------------------------

/**
 * Encrypts `plaintext` to one recipient as an age v1 file (binary, not armored).
 * @param aead - the payload's ChaCha20-Poly1305; other than the default only in tests and the benchmark.
 */
export function ageEncrypt(plaintext: Uint8Array, recipient: AgeRecipient, random: RandomSource = randomBytes, aead: ChunkAead = CHUNK_AEAD): Uint8Array {
  const fileKey = take(random, 16, 'the file key');
  const stanza =
    recipient.kind === 'x25519' ? wrapX25519(fileKey, recipient.publicKey, random) : wrapScrypt(fileKey, recipient.passphrase, recipient.workFactor, random);
  const headerNoMac = utf8(`${VERSION_LINE}\n${encodeStanza(stanza)}---`);
  const header = concatBytes(headerNoMac, utf8(` ${toBase64Unpadded(fileKeyMac(fileKey, headerNoMac))}\n`));
  const nonce = take(random, 16, 'the payload nonce');
  const payloadKey = hkdf(sha256, fileKey, nonce, utf8('payload'), 32);
  return concatBytes(header, nonce, sealPayload(payloadKey, plaintext, aead));
}

/**
 * Decrypts an age v1 file.
 * @param aead - the payload's ChaCha20-Poly1305; other than the default only in tests and the benchmark.
 * @throws {AgeError} with the code saying why (see {@link AgeErrorCode}).
 */
export function ageDecrypt(file: Uint8Array, identity: AgeIdentity, aead: ChunkAead = CHUNK_AEAD): Uint8Array {
  const { payloadKey, ciphertext } = openHeader(file, identity);
  return openPayload(payloadKey, ciphertext, aead);
}

/**
 * Decrypts an age v1 file as {@link ageDecrypt} does, checking every byte, and gives the
 * plaintext in parts, in order: one per 64 KiB chunk where the host's AEAD makes a buffer for
 * each (Node), else one. Copying 50 MB of chunks into one buffer took longer here than
 * decrypting them, most of it the first write to fresh memory.
 * @throws {AgeError} as {@link ageDecrypt}.
 */
export function ageDecryptParts(file: Uint8Array, identity: AgeIdentity, aead: ChunkAead = CHUNK_AEAD): Uint8Array[] {
  const { payloadKey, ciphertext } = openHeader(file, identity);
  return aead.openFresh ? openPayloadParts(payloadKey, ciphertext, aead.openFresh.bind(aead)) : [openPayload(payloadKey, ciphertext, aead)];
}

/** The payload key and the sealed payload, once the header is canonical and its MAC verifies. */
function openHeader(file: Uint8Array, identity: AgeIdentity): { payloadKey: Uint8Array; ciphertext: Uint8Array } {
  const header = parseHeader(file);
  const fileKey = unwrapFileKey(header.stanzas, identity);
  if (!equalBytes(fileKeyMac(fileKey, header.macInput), header.mac)) throw new AgeError('bad-mac', 'the header MAC does not verify');
  const nonce = file.subarray(header.payloadStart, header.payloadStart + 16);
  if (nonce.length !== 16) throw new AgeError('bad-payload', 'the payload nonce is cut short');
  return { payloadKey: hkdf(sha256, fileKey, nonce, utf8('payload'), 32), ciphertext: file.subarray(header.payloadStart + 16) };
}

/** The recipients' stanza kinds in a file's header, without decrypting (for messages). */
export function ageStanzaTypes(file: Uint8Array): string[] {
  return parseHeader(file).stanzas.map((s) => s.type);
}
