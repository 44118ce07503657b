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

const BENCH_KDF_BASE = { algorithm: 'argon2id', memoryKiB: 8192, iterations: 1, parallelism: 1 } as const;

const SHOPS = [
  'Dankort-køb Netto Østerbro',
  'Føtex Århus C',
  'DSB Nørreport',
  'Apoteket Åboulevarden',
  'MobilePay Søren Ærø',
  'Rejsekort',
  'Løn',
  'Husleje Boligforeningen Åbo',
  'Bageriet Søndergade',
  'Visa køb EUR 12,00 Café Tärnan Den 07.02',
  'Kvickly Brønderslev',
  'Overførsel til opsparing',
  'Netflix.com',
  'Q8 Rødovre',
  'Lægehuset Ærøskøbing',
];

/** Danish thousands and decimal marks: -1.234,56 */
function kroner(minor: number): string {
  const s = (Math.abs(minor) / 100).toFixed(2);
  const [int, frac] = s.split('.');
  return `${minor < 0 ? '-' : ''}${int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${frac}`;
}

/** Windows-1252 bytes: every character here is in Latin-1, where the two agree. */
function latin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) throw new Error(`bench CSV: ${text[i]} is not in Latin-1`);
    out[i] = c;
  }
  return out;
}

let csv: Uint8Array | null = null;

interface BankVault {
  vault: Vault;
  db: VaultDb;
  profileId: string;
}
let current: BankVault | null = null;

const time = (start: number) => performance.now() - start;

export const bankBench = {
  /** Makes the file: `rows` Danske Bank rows over ~7 years, deterministic. Returns its size in bytes. */
  bankMakeCsv(rows: number): number {
    const lines = ['"Dato";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"'];
    let balance = 2_500_000;
    for (let i = 0; i < rows; i++) {
      const amount = i % 25 === 0 ? 2_150_000 : -(((i * 7919) % 150_000) + 100);
      balance += amount;
      const d = new Date(Date.UTC(2019, 0, 1) + Math.floor(i / 40) * 86_400_000);
      const date = `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
      const text = amount > 0 ? 'Løn' : SHOPS[i % SHOPS.length]!;
      lines.push(`"${date}";"${text}";"${kroner(amount)}";"${kroner(balance)}";"Udført";"Nej"`);
    }
    csv = latin1(`${lines.join('\r\n')}\r\n`);
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
  async bankImport(): Promise<{ ms: number; rows: number; added: number; stored: number; stages: Record<string, number> }> {
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

    at = performance.now();
    await vault.records.write(ops);
    stages.encryptAndStore = time(at);

    const ms = Object.values(stages).reduce((a, b) => a + b, 0);
    const stored = (await vault.records.list(profileId, bankTransactionKind)).records.length;
    return { ms, rows: statement.transactions.length, added: ops.length, stored, stages };
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

  async bankTeardown(name: string): Promise<void> {
    current?.vault.lock();
    current?.db.close();
    current = null;
    await Dexie.delete(name);
  },
};
