/**
 * scrypt (RFC 7914) with r = 8, p = 1, as age uses it. Node's OpenSSL where the host is Node
 * (work factor 20 took 11 s on the busy build machine, where JavaScript alone took 44 s and
 * 1.1 GB), @noble/hashes elsewhere — the same bytes either way (tests/unit/receiver-limits.test.ts).
 * Memory is bounded by the caller's work factor limit (limits.ts): 1 KiB · 2^logN.
 */
import { scrypt as nobleScrypt } from '@noble/hashes/scrypt.js';
import { scryptMemory } from './limits';
import { nodeBuiltin } from './node-builtin';

interface NodeCrypto {
  scryptSync(password: Uint8Array, salt: Uint8Array, keylen: number, options: { N: number; r: number; p: number; maxmem: number }): Uint8Array;
}

const native = nodeBuiltin<NodeCrypto>('node:crypto');

/** A bit above what scrypt itself needs (its block buffers come on top of the N-block table). */
const maxmem = (logN: number): number => scryptMemory(logN) + 16 * 1024 * 1024;

export type ScryptImpl = (password: Uint8Array, salt: Uint8Array, logN: number) => Uint8Array;

export const NOBLE_SCRYPT: ScryptImpl = (password, salt, logN) => nobleScrypt(password, salt, { N: 2 ** logN, r: 8, p: 1, dkLen: 32, maxmem: maxmem(logN) });

export const NODE_SCRYPT: ScryptImpl | undefined = native
  ? (password, salt, logN) => new Uint8Array(native.scryptSync(password, salt, 32, { N: 2 ** logN, r: 8, p: 1, maxmem: maxmem(logN) }))
  : undefined;

/** The fastest scrypt the host has. */
export const scrypt32: ScryptImpl = NODE_SCRYPT ?? NOBLE_SCRYPT;
