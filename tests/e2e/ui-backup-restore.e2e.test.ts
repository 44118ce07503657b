/**
 * Backup and restore through the UI: a downloaded backup file brings back the same profiles and
 * notes in a fresh browser, opened with the passphrase, or with the recovery key and a new one
 * (that time over an existing vault, which the user must agree to replace).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium, newProfileDir, removeProfileDir, type ChromiumSession } from './harness/chromium';
import {
  addNote,
  backupBadge,
  callBackground,
  createVault,
  DA,
  keepPagesOnFailure,
  lock,
  noteTitles,
  openSection,
  PASSPHRASE,
  SLOW,
  text,
  unlock,
  unlockAndWait,
  screenshotPath,
} from './harness/vault-ui';
import { reportCleanupFailure } from '../unit/support/cleanup';

const dirs: string[] = [];
const sessions: ChromiumSession[] = [];
const downloads = mkdtempSync(join(tmpdir(), 'handlerum-downloads-'));

keepPagesOnFailure(() => sessions.map((s) => s.context));

afterAll(async () => {
  for (const s of sessions) await s.close().catch(reportCleanupFailure);
  for (const d of dirs) removeProfileDir(d);
  rmSync(downloads, { recursive: true, force: true });
});

async function freshSession(): Promise<ChromiumSession> {
  const dir = newProfileDir();
  dirs.push(dir);
  const session = await launchChromium({ profileDir: dir });
  sessions.push(session);
  return session;
}

/** Everything a user could see: each profile with its notes (sorted, with bodies). */
async function vaultContents(page: Page) {
  const profiles = (await callBackground(page, 'listProfiles')).value as { id: string; data: { name: string; relation: string } }[];
  const out: Record<string, { relation: string; notes: string[] }> = {};
  for (const p of profiles) {
    const list = (await callBackground(page, 'listRecords', { profileId: p.id, kind: 'note' })).value;
    out[p.data.name] = {
      relation: p.data.relation,
      notes: list.records.map((r: { data: { title: string; body: string } }) => `${r.data.title}: ${r.data.body}`).sort(),
    };
  }
  return out;
}

async function addChild(page: Page, name: string) {
  await openSection(page, 'section.profiles');
  const form = page.getByRole('form', { name: DA['profiles.add'] });
  await form.getByLabel(DA['profiles.name']).fill(name);
  await form.getByLabel(DA['relation.label']).selectOption('child');
  await form.getByRole('button', { name: DA['profiles.add'] }).click();
  await page.getByRole('heading', { level: 3, name: `${name} (${DA['relation.child']})` }).waitFor();
}

async function chooseBackupFile(page: Page, file: string) {
  await page.getByLabel(DA['backup.file']).setInputFiles(file);
  await page
    .getByRole('status')
    .filter({ hasText: DA['backup.fileInfo'].split('{date}')[0]!.trim() })
    .waitFor(SLOW);
}

describe('backup and restore through the UI', () => {
  let backupFile = '';
  let recoveryKey = '';
  let expected: Awaited<ReturnType<typeof vaultContents>>;

  it('downloads a backup file of the whole vault', async () => {
    const session = await freshSession();
    const page = await session.openPage('vault.html');
    recoveryKey = await createVault(page, { name: 'Mette' });
    await addNote(page, 'Boligstøtte', 'Ansøgt 3. marts');
    await addNote(page, 'Læge', 'Blodprøve fredag');
    await addChild(page, 'Emil');
    await page.getByLabel(DA['header.viewing']).selectOption({ label: `Emil (${DA['relation.child']})` });
    await openSection(page, 'section.notes');
    await addNote(page, 'Skole', 'Forældremøde i 3.B');
    // The badge is up: there are changes and no backup yet.
    await backupBadge(page).waitFor({ state: 'attached' });

    await openSection(page, 'section.backup');
    await page.screenshot({ path: screenshotPath('ui-backup-da'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: DA['backup.download'], exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^handlerum-backup-\d{4}-\d{2}-\d{2}\.hrbackup$/);
    backupFile = join(downloads, download.suggestedFilename());
    await download.saveAs(backupFile);
    expect(statSync(backupFile).size).toBeGreaterThan(100);
    await page.getByRole('status').filter({ hasText: download.suggestedFilename() }).waitFor();
    await openSection(page, 'section.notes');
    await expect.poll(() => backupBadge(page).count()).toBe(0);

    expected = await vaultContents(page);
    expect(expected).toEqual({
      Mette: { relation: 'self', notes: ['Boligstøtte: Ansøgt 3. marts', 'Læge: Blodprøve fredag'] },
      Emil: { relation: 'child', notes: ['Skole: Forældremøde i 3.B'] },
    });
  });

  it('restores it with the passphrase in a fresh browser', async () => {
    const session = await freshSession();
    const page = await session.openPage('vault.html');
    await page.getByRole('button', { name: DA['create.restoreInstead'] }).click();
    await page.getByRole('heading', { level: 1, name: DA['backup.restoreTitle'] }).waitFor();
    // A file that is not a backup is named as such.
    const notABackup = join(downloads, 'indkøbsliste.txt');
    writeFileSync(notABackup, 'mælk, brød, ost\n');
    await page.getByLabel(DA['backup.file']).setInputFiles(notABackup);
    await page.getByRole('alert').filter({ hasText: DA['error.not-a-backup'] }).waitFor();
    await chooseBackupFile(page, backupFile);

    await page.getByLabel(DA['passphrase.label'], { exact: true }).fill('ikke den rigtige frase');
    await page.getByRole('button', { name: DA['backup.restoreSubmit'] }).click();
    await page.getByRole('alert').filter({ hasText: DA['error.wrong-passphrase'] }).waitFor(SLOW);
    expect((await callBackground(page, 'status')).value.state).toBe('no-vault');

    await page.getByLabel(DA['passphrase.label'], { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: DA['backup.restoreSubmit'] }).click();
    await page.getByRole('navigation', { name: DA['header.sections'] }).waitFor(SLOW);
    expect(await noteTitles(page)).toEqual(['Læge', 'Boligstøtte']);
    expect(await vaultContents(page)).toEqual(expected);
  });

  it('restores it with the recovery key and a new passphrase, replacing another vault after confirmation', async () => {
    const session = await freshSession();
    const page = await session.openPage('vault.html');
    await createVault(page, { name: 'Anden person' });
    await openSection(page, 'section.backup');
    await chooseBackupFile(page, backupFile);
    await page.getByLabel(DA['backup.methodRecovery']).check();
    await page.getByLabel(DA['forgot.keyLabel'], { exact: true }).fill(recoveryKey.toLowerCase());
    const newPassphrase = 'ny frase til den gendannede kopi';
    await page.getByLabel(DA['passphrase.new'], { exact: true }).fill(newPassphrase);
    await page.getByLabel(DA['passphrase.confirm'], { exact: true }).fill(newPassphrase);
    await page.getByRole('button', { name: DA['backup.restoreSubmit'] }).click();
    // Without the confirmation nothing is replaced.
    await page.getByRole('alert').filter({ hasText: DA['backup.confirmMissing'] }).waitFor();
    expect(Object.keys(await vaultContents(page))).toEqual(['Anden person']);

    await page.getByLabel(DA['backup.confirmReplace']).check();
    await page.getByRole('button', { name: DA['backup.restoreSubmit'] }).click();
    await page.getByRole('heading', { level: 2, name: text(DA, 'notes.title', { name: 'Mette' }) }).waitFor(SLOW);
    expect(await vaultContents(page)).toEqual(expected);

    await lock(page);
    await unlock(page, PASSPHRASE);
    await page.getByRole('alert').filter({ hasText: DA['error.wrong-passphrase'] }).waitFor(SLOW);
    await unlockAndWait(page, newPassphrase);
    expect(await noteTitles(page)).toEqual(['Læge', 'Boligstøtte']);
  });
});
