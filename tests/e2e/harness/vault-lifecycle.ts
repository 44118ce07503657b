/**
 * The vault's whole life in a real browser, through the message API only: create, write, lock,
 * refuse a wrong passphrase, unlock, survive a browser restart, back up, restore into a fresh
 * profile, change the passphrase, recover with the recovery key. One scenario, registered by
 * each browser's test file with that browser's launcher, so Chromium and Firefox are held to
 * exactly the same behaviour.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { newRecoveryKey } from '../../../src/vault/crypto/recovery-key';
import type { KdfParams } from '../../../src/vault/crypto/kdf';
import type { VaultRecord } from '../../../src/vault/record-store';
import { byId, kekFor, passphraseKey, VaultApi, type PassphraseKeyArgs } from './vault-api';

export interface BrowserUnderTest {
  name: string;
  newProfileDir(): string;
  removeProfileDir(dir: string): void;
  /** Starts the browser on `profileDir` with the extension, and opens an extension page. */
  launch(profileDir: string): Promise<{ api: VaultApi; close(): Promise<void> }>;
}

const OWNER = 'Søren Ærøskøbing-Åsted';
const NOTES = [
  { title: 'Møde med kommunen', body: 'Sagsnr. 2024-0417, mødet flyttet til torsdag kl. 10 på Rådhuspladsen.' },
  { title: 'Boligstøtte', body: 'Udbetalt 12.345,67 kr den 1. marts; tjek beløbet mod årsopgørelsen.' },
  { title: 'Læge', body: 'Recept fornyet. Næste tid: 14/5 — husk sygesikringskortet.' },
];

export function describeVaultLifecycle(browser: BrowserUnderTest): void {
  describe(`vault lifecycle in ${browser.name} (message API)`, () => {
    const profiles: string[] = [];
    let session: { api: VaultApi; close(): Promise<void> } | null = null;

    const start = async (profileDir: string): Promise<VaultApi> => {
      await stop();
      session = await browser.launch(profileDir);
      return session.api;
    };
    async function stop(): Promise<void> {
      const current = session;
      session = null;
      await current?.close();
    }
    const newProfile = (): string => {
      const dir = browser.newProfileDir();
      profiles.push(dir);
      return dir;
    };

    afterAll(async () => {
      await stop();
      for (const dir of profiles) browser.removeProfileDir(dir);
    });

    // State the steps hand on to each other (the steps run in order, in one file).
    let api: VaultApi;
    let firstProfile: string;
    let passphrase: PassphraseKeyArgs;
    let recoveryKey: string;
    let ownerId: string;
    let childId: string;
    let contents: Contents;

    it('creates a vault and writes records', async () => {
      firstProfile = newProfile();
      api = await start(firstProfile);
      expect((await api.ok('status', {})).state).toBe('no-vault');

      passphrase = await passphraseKey('korrekt hest batteri hæfteklamme');
      const created = await api.ok('create', { ...passphrase, owner: { name: OWNER } });
      recoveryKey = created.recoveryKey;
      ownerId = created.profileId;
      expect(recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){8}$/);
      expect((await api.ok('status', {})).state).toBe('unlocked');

      childId = (await api.ok('saveProfile', { data: { name: 'Åse Ærøskøbing', relation: 'child' } })).id;
      const written = await api.ok('writeRecords', {
        ops: [
          ...NOTES.map((data) => ({ op: 'put' as const, profileId: ownerId, kind: 'note', data })),
          { op: 'put', profileId: childId, kind: 'note', data: { title: 'Skole', body: 'Forældremøde i 3.b' } },
        ],
      });
      expect(written).toHaveLength(NOTES.length + 1);

      contents = await readContents(api, [ownerId, childId]);
      expect(contents.profiles.map((p) => (p.data as { name: string }).name).sort()).toEqual([OWNER, 'Åse Ærøskøbing'].sort());
      expect(contents.notes[ownerId]!.map((n) => (n.data as { title: string }).title).sort()).toEqual(NOTES.map((n) => n.title).sort());
      expect(contents.notes[childId]).toHaveLength(1);
    });

    it('locks, refuses a wrong passphrase, and unlocks with the right one', async () => {
      await api.ok('lock', {});
      expect(await api.ok('status', {})).toEqual({ state: 'locked', kdf: passphrase.kdf });
      expect(await api.errorOf('listRecords', { profileId: ownerId, kind: 'note' })).toBe('locked');
      // Locked means locked: no settings to raise auto-lock with, no sync status to read.
      expect(await api.errorOf('setSettings', { autoLockMinutes: 24 * 60 })).toBe('locked');
      expect(await api.errorOf('municipalSyncStatus', {})).toBe('locked');

      const wrong = await kekFor('korrekt hest batteri hæfteklammer', passphrase.kdf);
      expect(await api.errorOf('unlock', { kek: wrong })).toBe('wrong-passphrase');
      expect((await api.ok('status', {})).state).toBe('locked');

      await api.ok('unlock', { kek: passphrase.kek });
      expect(await readContents(api, [ownerId, childId])).toEqual(contents);
    });

    it('is locked after a browser restart, and unlocks to the same records', async () => {
      api = await start(firstProfile);
      const status = await api.ok('status', {});
      expect(status.state).toBe('locked');
      expect(status.kdf).toEqual(passphrase.kdf);
      await api.ok('unlock', { kek: await kekFor('korrekt hest batteri hæfteklamme', status.kdf as KdfParams) });
      expect(await readContents(api, [ownerId, childId])).toEqual(contents);
    });

    let backup: Uint8Array;

    it('backs up, and restores into a fresh profile with identical records', async () => {
      const saved = await api.downloadBackup();
      backup = saved.file;
      expect(saved.fileName).toMatch(/^handlerum-backup-\d{4}-\d{2}-\d{2}\.hrbackup$/);
      expect(new TextDecoder().decode(backup.subarray(0, 8))).toBe('HNDLRMBK');

      api = await start(newProfile());
      expect((await api.ok('status', {})).state).toBe('no-vault');
      const transferId = await api.uploadBackup(backup);
      const header = await api.ok('restoreInspect', { transferId });
      expect(header.vault.kdf).toEqual(passphrase.kdf);

      const wrong = await kekFor('forkert', passphrase.kdf);
      expect(await api.errorOf('restoreFinish', { transferId, method: 'passphrase', kek: wrong })).toBe('wrong-passphrase');
      expect((await api.ok('status', {})).state).toBe('no-vault');

      await api.ok('restoreFinish', { transferId, method: 'passphrase', kek: passphrase.kek });
      expect((await api.ok('status', {})).state).toBe('unlocked');
      expect(await readContents(api, [ownerId, childId])).toEqual(contents);
    });

    it('changes the passphrase: the old one stops working, the new one opens the same records', async () => {
      const next = await passphraseKey('ny sætning med østers og ål');
      const wrongCurrent = await kekFor('gæt', passphrase.kdf);
      expect(await api.errorOf('changePassphrase', { ...next, currentKek: wrongCurrent })).toBe('wrong-passphrase');
      await api.ok('changePassphrase', { ...next, currentKek: passphrase.kek });

      await api.ok('lock', {});
      expect((await api.ok('status', {})).kdf).toEqual(next.kdf);
      expect(await api.errorOf('unlock', { kek: await kekFor('korrekt hest batteri hæfteklamme', next.kdf) })).toBe('wrong-passphrase');
      await api.ok('unlock', { kek: next.kek });
      expect(await readContents(api, [ownerId, childId])).toEqual(contents);
      passphrase = next;
    });

    it('recovers with the recovery key (which the backup carried) and sets a new passphrase', async () => {
      await api.ok('lock', {});
      const afterRecovery = await passphraseKey('genfundet nøgle til æbleskiver');
      const otherKey = newRecoveryKey().text;
      expect(await api.errorOf('recover', { ...afterRecovery, recoveryKey: otherKey })).toBe('wrong-recovery-key');
      const typo = recoveryKey.slice(0, 5) + (recoveryKey[5] === '7' ? '8' : '7') + recoveryKey.slice(6);
      expect(await api.errorOf('recover', { ...afterRecovery, recoveryKey: typo })).toBe('recovery-key-typo');
      expect((await api.ok('status', {})).state).toBe('locked');

      await api.ok('recover', { ...afterRecovery, recoveryKey: recoveryKey.toLowerCase() });
      expect((await api.ok('status', {})).state).toBe('unlocked');
      expect(await readContents(api, [ownerId, childId])).toEqual(contents);

      await api.ok('lock', {});
      expect(await api.errorOf('unlock', { kek: passphrase.kek })).toBe('wrong-passphrase');
      await api.ok('unlock', { kek: afterRecovery.kek });
      expect(await readContents(api, [ownerId, childId])).toEqual(contents);
    });
  });
}

interface Contents {
  profiles: VaultRecord[];
  notes: Record<string, VaultRecord[]>;
}

/** Everything the scenario wrote, in a stable order; damaged entries would fail the comparison. */
async function readContents(api: VaultApi, profileIds: string[]): Promise<Contents> {
  const notes: Record<string, VaultRecord[]> = {};
  for (const profileId of profileIds) {
    const list = await api.ok('listRecords', { profileId, kind: 'note' });
    expect(list.damaged).toEqual([]);
    notes[profileId] = byId(list.records);
  }
  return { profiles: byId(await api.ok('listProfiles', {})), notes };
}
