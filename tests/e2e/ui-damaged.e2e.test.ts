/**
 * A record damaged on disk (one byte of its ciphertext changed) is reported, not hidden: the
 * other notes are still listed, and the user can remove the damaged one.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addNote, createVault, DA, noteTitles, SLOW, text, chromiumForThisFile, screenshotPath } from './harness/vault-ui';

const browser = chromiumForThisFile();

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
    await alert.getByText(text(DA, 'damaged.one', { kind: DA['kind.note.one'], name: 'Jens' })).waitFor();
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
});
