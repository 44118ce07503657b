/**
 * The benchmark page: runs in real Chromium, imports the real vault code, and exposes one
 * function per measurement on `window.handlerumBench`. bench/run.ts builds it with Vite,
 * serves it on 127.0.0.1 and calls these functions one run at a time, so every figure and its
 * baseline are measured in the same browser, on the same machine, in the same session.
 *
 * Every function returns milliseconds measured with performance.now() around the work only:
 * generating the records and deriving the passphrase key happen before the clock starts.
 */
import Dexie from 'dexie';
import { Vault, VaultDb, VAULT_SCOPE, deriveKeyFromPassphrase, newKdfParams, type KdfParams, type WriteOp } from '../src/vault/index';
import type { VaultRecord } from '../src/vault/public-types';
import { municipalBench } from './municipal';
import { bankBench } from './bank';
import { healthBench } from './health';
import { writeFloorBench } from './write-floor';
import { toBase64Url } from '../src/shared/base64url';
import { noteKind } from '../src/records/note';
import { recordKinds } from '../src/records/registry';
import { makeNotes, type NoteData } from './notes';

/** The baseline's plaintext row: the same fields as a vault record, stored as is. */
type PlainRecord = VaultRecord<NoteData>;

/** The plaintext baseline: the same records as plain Dexie rows with three indexes. */
class PlainDb extends Dexie {
  records!: Dexie.Table<PlainRecord, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ records: '&id, profileId, kind, updatedAt' });
  }
}

/** Small KDF parameters for creating bench vaults: the KDF has its own figure. */
const BENCH_KDF_BASE = { algorithm: 'argon2id', memoryKiB: 8192, iterations: 1, parallelism: 1 } as const;

interface BenchVault {
  name: string;
  kdf: KdfParams;
  kek: Uint8Array;
  profileId: string;
}

const vaults = new Map<string, BenchVault>();

const elapsed = async (work: () => Promise<unknown>): Promise<number> => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

async function deleteDatabase(name: string): Promise<void> {
  await Dexie.delete(name);
}

export const handlerumBench = {
  /** Average size of one record as the vault seals it (its JSON envelope), in bytes. */
  recordBytes(count: number): number {
    const notes = makeNotes(count);
    const at = new Date().toISOString();
    const bytes = notes.reduce(
      (n, data) =>
        n +
        new TextEncoder().encode(JSON.stringify({ id: toBase64Url(crypto.getRandomValues(new Uint8Array(16))), v: 1, createdAt: at, updatedAt: at, data }))
          .length,
      0,
    );
    return bytes / count;
  },

  /**
   * Encrypted bulk write into a fresh vault, through RecordStore.write, in batches of `batch`;
   * `maxSegments` 0 writes the whole-bucket layout of format 2 vaults, as a baseline.
   */
  async vaultWrite(name: string, count: number, batch: number, maxSegments?: number): Promise<number> {
    await deleteDatabase(name);
    const kdf = newKdfParams(BENCH_KDF_BASE);
    const kek = await deriveKeyFromPassphrase('benchmark', kdf);
    const vault = await Vault.open(recordKinds, new VaultDb(name), maxSegments === undefined ? {} : { maxSegments });
    await vault.create({ kdf, kek });
    const [profile] = await vault.records.write([{ op: 'put', profileId: VAULT_SCOPE, kind: 'profile', data: { name: 'Søren Ærø', relation: 'self' } }]);
    const profileId = profile!.id;
    const ops: WriteOp[] = makeNotes(count).map((data) => ({ op: 'put', profileId, kind: 'note', data }));
    const ms = await elapsed(async () => {
      for (let at = 0; at < ops.length; at += batch) await vault.records.write(ops.slice(at, at + batch));
    });
    vault.lock();
    vault.db.close();
    vaults.set(name, { name, kdf, kek, profileId });
    return ms;
  },

  /** A fresh Vault instance on the stored vault: unlock (kek given, no KDF), then list every note. */
  async vaultReadAll(name: string, expected: number): Promise<number> {
    const stored = vaults.get(name);
    if (!stored) throw new Error(`no bench vault ${name}`);
    let count = 0;
    let db: VaultDb | undefined;
    const ms = await elapsed(async () => {
      db = new VaultDb(name);
      const vault = await Vault.open(recordKinds, db);
      await vault.unlock(stored.kek.slice());
      const list = await vault.records.list(stored.profileId, noteKind);
      if (list.damaged.length) throw new Error(`vaultReadAll: ${list.damaged.length} damaged records`);
      count = list.records.length;
      vault.lock();
    });
    db?.close();
    if (count !== expected) throw new Error(`vaultReadAll: read ${count} records, expected ${expected}`);
    return ms;
  },

  /** The plaintext baseline write: one bulkPut of the same records into a 3-index table. */
  async plainWrite(name: string, count: number): Promise<number> {
    await deleteDatabase(name);
    const at = new Date().toISOString();
    const rows: PlainRecord[] = makeNotes(count).map((data) => ({
      id: toBase64Url(crypto.getRandomValues(new Uint8Array(16))),
      kind: 'note',
      profileId: 'bench-profile',
      v: 1,
      createdAt: at,
      updatedAt: at,
      data,
    }));
    const db = new PlainDb(name);
    await db.open();
    const ms = await elapsed(() => db.records.bulkPut(rows));
    db.close();
    return ms;
  },

  /** The plaintext baseline read: a fresh connection, then toArray of the whole table. */
  async plainReadAll(name: string, expected: number): Promise<number> {
    let count = 0;
    let db: PlainDb | undefined;
    const ms = await elapsed(async () => {
      db = new PlainDb(name);
      count = (await db.records.toArray()).length;
    });
    db?.close();
    if (count !== expected) throw new Error(`plainReadAll: read ${count} rows, expected ${expected}`);
    return ms;
  },

  /** One Argon2id derivation with the given parameters (fresh salt), as the KDF worker runs it. */
  async kdf(params: Omit<KdfParams, 'salt'>): Promise<number> {
    const kdf = newKdfParams(params);
    return elapsed(() => deriveKeyFromPassphrase('korrekt hest batteri hæfteklamme', kdf));
  },

  async drop(name: string): Promise<void> {
    vaults.delete(name);
    await deleteDatabase(name);
  },

  ...municipalBench,
  ...bankBench,
  ...healthBench,
  ...writeFloorBench,
};

export type HandlerumBench = typeof handlerumBench;

declare global {
  interface Window {
    handlerumBench: HandlerumBench;
  }
}

window.handlerumBench = handlerumBench;
document.title = 'ready';
