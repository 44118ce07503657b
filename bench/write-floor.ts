/**
 * The floor under the vault's encrypted write, measured in the bench page on the same records
 * the vault write seals (bench/notes.ts), part by part:
 *  - json: each record's envelope as the vault writes it (id, v, timestamps, data), one
 *    JSON.stringify per record, encoded with encodeInto into shared buffers (the fastest way to
 *    get each record's bytes);
 *  - AES-GCM (WebCrypto) and XChaCha20-Poly1305 (noble) over the same bytes laid out as the
 *    vault lays them out: 128 pages, each one body with a 44-byte index entry per record as
 *    associated data;
 *  - plain IndexedDB: those page rows and two manifest rows (the group's and the top one), in
 *    the vault's own schema (VaultDb), in one transaction.
 * Spreading records over pages and filling the index happen before the clocks: the floor
 * counts only work no encrypted write of these records can avoid.
 *
 * Beside the floor, what the stored format itself asks of every record: its id tag and its
 * record MAC, two HMAC-SHA256s with the vault's own functions (keyedTag, recordMac) over the
 * same ids and bytes. With noble's XChaCha20-Poly1305 instead of AES-GCM, that is the least any
 * write of format 2 pages costs (write-limits.ts prints it against the floor); format 3 keeps the
 * id tag only, and its least is the floor plus that HMAC.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { VaultDb } from '../src/vault/index';
import { deriveVaultKeys, keyedTag } from '../src/vault/crypto/keys';
import { recordMac } from '../src/vault/storage/page-codec';
import { makeNotes } from './notes';
import { toBase64Url } from '../src/shared/base64url';

const PAGES = 128;
const INDEX_ENTRY = 44;
const CHUNK = 1 << 20;

export interface WriteFloor {
  jsonMs: number;
  aesGcmMs: number;
  xchachaMs: number;
  indexedDbMs: number;
  /** Format 2's two HMACs per record (id tag, record MAC); not part of the floor. */
  hmacMs: number;
  /** The id tag HMAC alone, which format 3 still computes per record; not part of the floor. */
  idTagMs: number;
  records: number;
  bytes: number;
  pages: number;
}

/** Random bytes, at most 64 KiB (everything here is smaller), typed for WebCrypto. */
const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/** Per-record JSON into shared chunks; returns each record's bytes (a view of a chunk). */
function encodeRecords(envelopes: object[]): Uint8Array[] {
  const encoder = new TextEncoder();
  const out: Uint8Array[] = [];
  let chunk = new Uint8Array(CHUNK);
  let used = 0;
  for (const envelope of envelopes) {
    const text = JSON.stringify(envelope);
    if (chunk.length - used < 3 * text.length) {
      chunk = new Uint8Array(Math.max(CHUNK, 3 * text.length));
      used = 0;
    }
    const { written } = encoder.encodeInto(text, chunk.subarray(used));
    out.push(chunk.subarray(used, used + written));
    used += written;
  }
  return out;
}

/** The records' bytes spread over PAGES page bodies, each with an index of the vault's size. */
function layOut(records: Uint8Array[]): { body: Uint8Array<ArrayBuffer>; index: Uint8Array<ArrayBuffer> }[] {
  const members: Uint8Array[][] = Array.from({ length: PAGES }, () => []);
  records.forEach((bytes, i) => members[i % PAGES]!.push(bytes));
  return members.map((list) => {
    const body = new Uint8Array(list.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const bytes of list) {
      body.set(bytes, at);
      at += bytes.length;
    }
    return { body, index: random(list.length * INDEX_ENTRY) };
  });
}

const clock = async <T>(work: () => T | Promise<T>): Promise<{ ms: number; result: T }> => {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
};

/** Records of `data` wrapped as the vault wraps them: a fresh id, the schema version, two timestamps. */
export function envelopesOf(data: readonly unknown[], v = 1): object[] {
  const at = new Date().toISOString();
  return data.map((d) => ({ id: toBase64Url(random(16)), v, createdAt: at, updatedAt: at, data: d }));
}

/** Each floor part of writing these records, on the same bytes; `name` is a scratch database. */
export async function measureWriteFloor(name: string, envelopes: object[]): Promise<WriteFloor> {
  const count = envelopes.length;
  const json = await clock(() => encodeRecords(envelopes));
  const pages = layOut(json.result);

  const aesKey = await crypto.subtle.importKey('raw', random(32), 'AES-GCM', false, ['encrypt']);
  const aes = await clock(() =>
    Promise.all(pages.map((p) => crypto.subtle.encrypt({ name: 'AES-GCM', iv: random(12), additionalData: p.index }, aesKey, p.body))),
  );
  const chachaKey = random(32);
  const chacha = await clock(() =>
    pages.map((p) => {
      const nonce = random(24);
      return { nonce, ciphertext: xchacha20poly1305(chachaKey, nonce, p.index).encrypt(p.body) };
    }),
  );

  const keys = deriveVaultKeys(random(32));
  const profileId = toBase64Url(random(16));
  const ids = envelopes.map((e) => (e as { id: string }).id);
  const hmacs = await clock(() =>
    json.result.forEach((bytes, i) => recordMac(keys, `${profileId}.${i % PAGES}`, keyedTag(keys.tags, 'id', profileId, 'note', ids[i]!), bytes)),
  );
  // Format 3 keeps only the id tag, which decides the record's bucket.
  const idTags = await clock(() => ids.forEach((id) => keyedTag(keys.tags, 'id', profileId, 'note', id)));

  await VaultDb.delete(name);
  const db = new VaultDb(name);
  await db.open();
  const rows = chacha.result.map((sealed, i) => ({
    key: `floor.${i}`,
    group: 'floor',
    v: 2,
    version: 1,
    nonce: sealed.nonce,
    index: pages[i]!.index,
    body: sealed.ciphertext,
  }));
  // The vault also rewrites the group's manifest and the top one.
  const manifests = [
    { key: 'manifest:floor', value: { nonce: random(24), ciphertext: random(16 + 40 * PAGES) } },
    { key: 'manifest', value: { nonce: random(24), ciphertext: random(64) } },
  ];
  const stored = await clock(() =>
    db.transaction('rw', db.pages, db.meta, async () => {
      await db.pages.bulkPut(rows);
      await db.meta.bulkPut(manifests);
    }),
  );
  db.close();
  await VaultDb.delete(name);
  if (aes.result.length !== PAGES) throw new Error('writeFloor: AES-GCM sealed the wrong number of pages');
  return {
    jsonMs: json.ms,
    aesGcmMs: aes.ms,
    xchachaMs: chacha.ms,
    indexedDbMs: stored.ms,
    hmacMs: hmacs.ms,
    idTagMs: idTags.ms,
    records: count,
    bytes: json.result.reduce((n, b) => n + b.length, 0),
    pages: PAGES,
  };
}

export const writeFloorBench = {
  /** Each floor part of writing `count` notes, on the same bytes; `name` is a scratch database. */
  writeFloor: (name: string, count: number): Promise<WriteFloor> => measureWriteFloor(name, envelopesOf(makeNotes(count))),
};
