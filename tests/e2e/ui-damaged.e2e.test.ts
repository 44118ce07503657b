/**
 * A record damaged on disk (one byte of its ciphertext changed) is reported, not hidden: the
 * other notes are still listed, and the user can remove the damaged one. A page of notes deleted
 * or put back to an older copy is told as such, with the backup as the way out.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addNote, createVault, DA, EN, expectAccessible, type Catalogue, noteTitles, SLOW, text, textCount, chromiumForThisFile, screenshotPath } from './harness/vault-ui';

const browser = chromiumForThisFile();
/** Profiles of their own for the page tests, in each language; bypassCSP: to inject axe-core. */
const pageTestBrowsers = { da: chromiumForThisFile({ bypassCSP: true }), en: chromiumForThisFile({ bypassCSP: true, locale: 'en-US' }) };

/** The keys of the rows in the vault's IndexedDB `pages` store. */
const pageKeys = (page: Page): Promise<string[]> =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('handlerum-vault');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('pages').objectStore('pages').getAllKeys();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as string[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );

/** Flips one bit in the first byte of the stored ciphertext of one row. */
const corruptRow = (page: Page, key: string): Promise<void> =>
  page.evaluate(
    (rowKey) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('handlerum-vault');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('pages', 'readwrite');
          const store = tx.objectStore('pages');
          const get = store.get(rowKey);
          get.onsuccess = () => {
            const row = get.result as { body: Uint8Array };
            row.body[0] = row.body[0]! ^ 0x01;
            store.put(row);
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    key,
  );

/** A `pages` row with its bytes as plain arrays, so it crosses page.evaluate. */
type RawRow = Record<string, unknown>;

/** Removes one row of the `pages` store and returns it, to be put back later as an older copy. */
const takeRow = (page: Page, key: string): Promise<RawRow> =>
  page.evaluate(
    (rowKey) =>
      new Promise<RawRow>((resolve, reject) => {
        const open = indexedDB.open('handlerum-vault');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('pages', 'readwrite');
          const store = tx.objectStore('pages');
          let taken: RawRow = {};
          const get = store.get(rowKey);
          get.onsuccess = () => {
            const row = get.result as Record<string, unknown>;
            taken = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Uint8Array ? { bytes: Array.from(v) } : v]));
            store.delete(rowKey);
          };
          tx.oncomplete = () => (db.close(), resolve(taken));
          tx.onerror = () => reject(tx.error);
        };
      }),
    key,
  );

const putRow = (page: Page, row: RawRow): Promise<void> =>
  page.evaluate(
    (raw) =>
      new Promise<void>((resolve, reject) => {
        const value = Object.fromEntries(
          Object.entries(raw).map(([k, v]) => [k, v && typeof v === 'object' && 'bytes' in v ? Uint8Array.from((v as { bytes: number[] }).bytes) : v]),
        );
        const open = indexedDB.open('handlerum-vault');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('pages', 'readwrite');
          tx.objectStore('pages').put(value);
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    row,
  );

describe('damaged records in the UI', () => {
  it('reports a damaged note, lists the others, and removes the damaged one on request', async () => {
    let session = await browser.launch();
    const page = await session.openPage('vault.html');
    await createVault(page, { name: 'Jens' });
    const before = new Set(await pageKeys(page));
    await addNote(page, 'Første', 'en');
    await addNote(page, 'Anden', 'to');
    await addNote(page, 'Tredje', 'tre');
    const noteRows = (await pageKeys(page)).filter((k) => !before.has(k));
    expect(noteRows.length).toBeGreaterThan(0);
    await corruptRow(page, noteRows[0]!);

    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: DA['damaged.title'] });
    await alert.waitFor(SLOW);
    await alert.getByText(textCount(DA, 'damaged', 1, { kind: DA['kind.note.one'], name: 'Jens' })).waitFor();
    await page.screenshot({ path: screenshotPath('ui-damaged-da'), fullPage: true });
    const listed = await noteTitles(page);
    expect(listed).toHaveLength(2);
    expect(['Første', 'Anden', 'Tredje']).toEqual(expect.arrayContaining(listed));

    await alert.getByRole('button', { name: DA['damaged.remove'] }).click();
    await page.getByRole('dialog').getByRole('button', { name: DA['damaged.remove'] }).click();
    await page.getByRole('status').filter({ hasText: DA['damaged.removed'] }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: DA['damaged.title'] }).count()).toBe(0);
    expect(await noteTitles(page)).toEqual(listed);

    // Gone for good: a fresh load shows no alert either.
    await page.reload();
    expect(await noteTitles(page)).toEqual(listed);
    expect(await page.getByRole('alert').filter({ hasText: DA['damaged.title'] }).count()).toBe(0);
  });

  it.each([
    ['da', DA],
    ['en', EN],
  ] as const)('says a page of notes was deleted, then put back as an older copy, with the backup as the way out, by keyboard (%s)', async (language, c: Catalogue) => {
    const session = await pageTestBrowsers[language].launch();
    const page = await session.openPage('vault.html');
    await createVault(page, { name: 'Jens', c });
    const before = new Set(await pageKeys(page));
    for (const title of ['Første', 'Anden', 'Tredje', 'Fjerde', 'Femte']) await addNote(page, title, 'tekst', c);
    const noteRows = (await pageKeys(page)).filter((k) => !before.has(k));
    const older = await takeRow(page, noteRows[0]!);

    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: c['damaged.title'] });
    await alert.waitFor(SLOW);
    const kinds = c['kind.note.many'];
    await alert.getByText(text(c, 'damaged.pageMissing', { kinds, name: 'Jens' })).waitFor();
    await alert.getByText(c['damaged.pageHint']).waitFor();
    expect(await alert.getByText(textCount(c, 'damaged', 1, { kind: c['kind.note.one'], name: 'Jens' })).count()).toBe(0);
    await expectAccessible(page, 'ui-damaged-page-missing');
    await page.screenshot({ path: screenshotPath(`ui-damaged-page-missing-${language}`), fullPage: true });
    const left = await noteTitles(page, c);
    expect(left.length).toBeLessThan(5);

    // The user has no backup: settles the report with the keyboard alone.
    await alert.getByRole('button', { name: c['damaged.remove'] }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: c['damaged.remove'] }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: c['damaged.removed'] }).waitFor();
    expect(await alert.count()).toBe(0);
    expect(await noteTitles(page, c)).toEqual(left);

    // The deleted page put back from an older copy: its notes come back, and so does the warning.
    await putRow(page, older);
    await page.reload();
    await alert.waitFor(SLOW);
    await alert.getByText(text(c, 'damaged.pageRolledBack', { kinds, name: 'Jens' })).waitFor();
    await alert.getByText(c['damaged.pageHint']).waitFor();
    expect((await noteTitles(page, c)).length).toBeGreaterThan(left.length);
  });
});
