/**
 * No plaintext at rest, in real Chromium. A vault is created with a realistic passphrase (the
 * product's default Argon2id parameters, derived in the extension's own KDF worker), records
 * with tell-tale content are stored, the vault is locked and the browser closed; then every
 * file of the profile is searched for that content, the passphrase, its derived key and the
 * recovery key (harness/scan-profile.ts says what a scan covers: raw bytes, LevelDB logs and
 * tables, Chromium's Snappy-compressed IndexedDB values; UTF-8, UTF-16LE/BE and Latin-1).
 *
 * A scan that finds nothing proves nothing unless it can find something: the same run stores
 * positive controls from the same extension origin — in localStorage, in a plain IndexedDB
 * record (Latin-1 and UTF-16 strings), in a value large enough for Chromium to compress, and
 * enough further data to make LevelDB flush its log into a Snappy-compressed table — and each
 * must be found, through the layer it was meant to exercise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KDF, newKdfParams } from '../../src/vault/crypto/kdf';
import { launchChromium, newProfileDir, removeProfileDir } from './harness/chromium';
import { scanProfile, type ScanReport } from './harness/scan-profile';
import { VaultApi } from './harness/vault-api';

const PASSPHRASE = 'Blåbærgrød i Æbelø-skoven, 7 gange!';
const SECRETS = {
  profileName: 'Søren Ærøskøbing-Åsted',
  cpr: '010203-1234',
  amount: '12.345,67 kr',
  noteTitle: 'Skattehjørnet på Østerbro',
};

/** Controls: each is meant to be found, each through a different layer of the profile. */
const CONTROL_PART_A = 'KONTROL-snappy-første-halvdel';
const CONTROL_PART_B = 'anden-halvdel-ÆØÅ';
const CONTROLS = {
  localStorage: 'Kontrolmarkør i localStorage: Åse Ærø',
  latin1Record: 'Kontrolmarkør i IndexedDB: Bøgeskov Ærø',
  utf16Record: 'Kontrolmarkør UTF-16: 12.345,67 € — Łódź',
  /** Written after both halves, so Snappy turns it into back-references: only decoding finds it. */
  compressedValue: CONTROL_PART_A + CONTROL_PART_B,
};

describe('no plaintext at rest in Chromium', () => {
  const profileDir = newProfileDir();
  let recoveryKey: string;
  let kek: string;
  let report: ScanReport;

  beforeAll(async () => {
    const chromium = await launchChromium({ profileDir });
    try {
      const page = await chromium.openPage('vault.html');
      const api = VaultApi.playwright(page);

      const kdf = newKdfParams(DEFAULT_KDF);
      kek = await api.deriveKeyInBrowser(PASSPHRASE, kdf);
      const created = await api.ok('create', { kdf, kek, owner: { name: SECRETS.profileName } });
      recoveryKey = created.recoveryKey;
      await api.ok('writeRecords', {
        ops: [
          { op: 'put', profileId: created.profileId, kind: 'note', data: { title: SECRETS.noteTitle, body: `CPR ${SECRETS.cpr}, restskat ${SECRETS.amount}` } },
          { op: 'put', profileId: created.profileId, kind: 'note', data: { title: 'Kvittering', body: `Betalt ${SECRETS.amount} til Skattestyrelsen` } },
        ],
      });
      expect((await api.ok('listRecords', { profileId: created.profileId, kind: 'note' })).records).toHaveLength(2);

      await writeControls(page);
      await api.ok('lock', {});
      expect((await api.ok('status', {})).state).toBe('locked');
    } finally {
      await chromium.close();
    }
    report = scanProfile(profileDir, [...Object.values(SECRETS), PASSPHRASE, kek, recoveryKey, recoveryKey.replace(/-/g, ''), ...Object.values(CONTROLS)]);
  });

  afterAll(() => removeProfileDir(profileDir));

  const hitsOf = (needle: string) => report.hits.filter((h) => h.needle === needle);

  it('decodes everything it reads: no LevelDB file it could not take apart', () => {
    expect(report.undecodable).toEqual([]);
    expect(report.files).toBeGreaterThan(10);
    expect(report.leveldbLogs).toBeGreaterThan(0);
    expect(report.leveldbTables).toBeGreaterThan(0);
  });

  it('finds the positive controls, each through the layer it exercises', () => {
    expect(hitsOf(CONTROLS.localStorage).length).toBeGreaterThan(0);
    expect(hitsOf(CONTROLS.latin1Record).map((h) => h.encoding)).toContain('latin-1');
    expect(hitsOf(CONTROLS.utf16Record).map((h) => h.encoding)).toContain('utf-16le');
    expect(hitsOf(CONTROLS.compressedValue).map((h) => h.view)).toContain('idb-snappy-value');
    // The controls were written before the filler that made LevelDB flush its log to a table.
    expect(hitsOf(CONTROLS.latin1Record).map((h) => h.view)).toContain('leveldb-table');
    expect(report.snappyBlocks).toBeGreaterThan(0);
  });

  it('finds no record content, passphrase, passphrase key or recovery key anywhere in the profile', () => {
    const secrets = new Set<string>([...Object.values(SECRETS), PASSPHRASE, kek, recoveryKey, recoveryKey.replace(/-/g, '')]);
    expect(report.hits.filter((h) => secrets.has(h.needle))).toEqual([]);
  });
});

/**
 * Stores the controls from the extension page (same origin, so the same LevelDB as the
 * vault), then about 7 MB of incompressible filler, which makes LevelDB write its log out as a
 * table: the vault's rows and the small controls then sit in Snappy-compressed table blocks.
 */
async function writeControls(page: import('playwright-core').Page): Promise<void> {
  await page.evaluate(
    async ({ controls, partA, partB }) => {
      localStorage.setItem('scan-control', controls.localStorage);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('scan-control', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('records');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const put = (key: string, value: unknown) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction('records', 'readwrite');
          tx.objectStore('records').put(value, key);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      await put('latin1', { title: 'Kontrol', body: controls.latin1Record });
      await put('utf16', { title: 'Kontrol', body: controls.utf16Record });
      // ~100 KB of repetitive ledger text: Chromium stores a value like this Snappy-compressed.
      const lines: string[] = [];
      for (let i = 0; i < 2000; i++) lines.push(`${i % 28}. marts;Overførsel;Netto Østerbro;-${i % 97},50;${partA};${partB}`);
      lines.push(controls.compressedValue);
      await put('compressed', { ledger: lines.join('\n') });
      for (let i = 0; i < 120; i++) {
        const filler = new Uint8Array(60_000);
        for (let at = 0; at < filler.length; at += 65_536) crypto.getRandomValues(filler.subarray(at, at + 65_536));
        await put(`filler-${i}`, filler);
      }
      db.close();
    },
    { controls: CONTROLS, partA: CONTROL_PART_A, partB: CONTROL_PART_B },
  );
}
