/**
 * The bank-import measurement, run inside the bench page in real Chromium: a Danske Bank CSV
 * of ~100k rows (Windows-1252, ~8 MB) taken end to end the way the money screen takes it —
 * detect, parse, dedupe against the account's stored rows, categorise, then one encrypted
 * RecordStore.write into a real Vault in this page's IndexedDB — next to PapaParse splitting
 * the same bytes (decoded the same way) and nothing else.
 */
import Dexie from 'dexie';
import Papa from 'papaparse';
import { categorise, detectBankFile, parseBankFile, transactionKeys } from '../src/importers/bank/index';
import { buildPreview, transactionOps } from '../src/ui/money/preview';
import { Vault, VaultDb, VAULT_SCOPE, deriveKeyFromPassphrase, newKdfParams } from '../src/vault/index';
import { bankTransactionKind } from '../src/records/money/index';
import { recordKinds } from '../src/records/registry';
import { envelopesOf, measureWriteFloor, type WriteFloor } from './write-floor';
import { makeBankCsv } from './bank-csv';

const BENCH_KDF_BASE = { algorithm: 'argon2id', memoryKiB: 8192, iterations: 1, parallelism: 1 } as const;

let csv: Uint8Array | null = null;
/** The data of the records the last first import wrote, for the floor of the same records. */
let lastWritten: unknown[] = [];

interface BankVault {
  vault: Vault;
  db: VaultDb;
  profileId: string;
}
let current: BankVault | null = null;

const time = (start: number) => performance.now() - start;

/** Every byte the vault's pages hold: nonce, index and sealed body of each row. */
async function pageBytes(db: VaultDb): Promise<number> {
  let bytes = 0;
  await db.pages.each((row) => (bytes += row.nonce.length + row.index.length + row.body.length));
  return bytes;
}

export const bankBench = {
  /** Makes the file: `rows` Danske Bank rows over ~7 years, deterministic. Returns its size in bytes. */
  bankMakeCsv(rows: number): number {
    csv = makeBankCsv(rows);
    return csv.length;
  },

  /** A fresh vault with one profile (outside the clock). */
  async bankSetup(name: string): Promise<void> {
    await Dexie.delete(name);
    const kdf = newKdfParams(BENCH_KDF_BASE);
    const kek = await deriveKeyFromPassphrase('benchmark', kdf);
    const db = new VaultDb(name);
    const vault = await Vault.open(recordKinds, db);
    await vault.create({ kdf, kek });
    const [profile] = await vault.records.write([{ op: 'put', profileId: VAULT_SCOPE, kind: 'profile', data: { name: 'Søren Ærø', relation: 'self' } }]);
    current = { vault, db, profileId: profile!.id };
  },

  /**
   * The whole import into the vault made by bankSetup: each stage timed on its own, the sum is
   * the figure. `stored` counts what the vault holds afterwards (a second run adds nothing).
   */
  async bankImport(): Promise<{ ms: number; rows: number; added: number; stored: number; storedBytesPerRow: number; stages: Record<string, number> }> {
    if (!csv || !current) throw new Error('bankImport: call bankMakeCsv and bankSetup first');
    const { vault, profileId } = current;
    const accountId = 'bench-account';
    const stages: Record<string, number> = {};
    let at = performance.now();
    const format = detectBankFile(csv);
    if (format?.id !== 'danske-bank') throw new Error(`bankImport: detected ${format?.id ?? 'nothing'}`);
    stages.detect = time(at);

    at = performance.now();
    const statement = parseBankFile(csv, { today: '2026-12-02' });
    stages.parse = time(at);

    at = performance.now();
    const existing = await vault.records.list(profileId, bankTransactionKind);
    const existingIds = new Set(existing.records.map((r) => r.id));
    const keys = transactionKeys(accountId, statement.transactions);
    stages.readExisting = time(at);

    at = performance.now();
    // buildPreview hashes each key into its record id, marks duplicates and categorises: the screen's own code.
    const preview = buildPreview({ statement, accountId, keys, existingIds, categorise: (tx) => categorise(tx) });
    const ops = transactionOps(preview, { profileId, importId: 'bench-import' });
    stages.dedupeAndCategorise = time(at);

    const bytesBefore = await pageBytes(current.db); // outside the clocks
    at = performance.now();
    await vault.records.write(ops);
    stages.encryptAndStore = time(at);

    const ms = Object.values(stages).reduce((a, b) => a + b, 0);
    const storedBytesPerRow = ops.length ? ((await pageBytes(current.db)) - bytesBefore) / ops.length : 0;
    if (ops.length) lastWritten = ops.map((op) => (op.op === 'put' ? op.data : null));
    const stored = (await vault.records.list(profileId, bankTransactionKind)).records.length;
    return { ms, rows: statement.transactions.length, added: ops.length, stored, storedBytesPerRow, stages };
  },

  /** The baseline: decode the same bytes as Windows-1252 and split them with PapaParse, nothing else. */
  bankPapaParse(): { ms: number; rows: number } {
    if (!csv) throw new Error('bankPapaParse: call bankMakeCsv first');
    const at = performance.now();
    const text = new TextDecoder('windows-1252').decode(csv);
    const result = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true });
    const ms = time(at);
    return { ms, rows: result.data.length - 1 };
  },

  /**
   * The floor under the import of the same file: splitting it (PapaParse, as bankPapaParse) and
   * the write floor of the records the last import wrote (bench/write-floor.ts: their JSON, the
   * faster cipher and plain IndexedDB of the vault's page layout). No import can do less.
   */
  async bankFloor(name: string): Promise<{ papaMs: number; write: WriteFloor }> {
    if (lastWritten.length === 0) throw new Error('bankFloor: run bankImport first');
    const papaMs = bankBench.bankPapaParse().ms;
    const write = await measureWriteFloor(name, envelopesOf(lastWritten, bankTransactionKind.version));
    return { papaMs, write };
  },

  async bankTeardown(name: string): Promise<void> {
    current?.vault.lock();
    current?.db.close();
    current = null;
    await Dexie.delete(name);
  },
};
