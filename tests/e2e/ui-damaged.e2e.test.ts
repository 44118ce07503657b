/**
 * A record damaged on disk (one byte of its ciphertext changed) is reported, not hidden: the
 * other notes are still listed, and the user can remove the damaged one. A page of notes deleted
 * or put back to an older copy is told as such, with the backup as the way out.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { corruptPage, RawPages, takePage } from './harness/raw-pages';
import {
  addNote,
  createVault,
  DA,
  EN,
  expectAccessible,
  type Catalogue,
  noteTitles,
  SLOW,
  text,
  textCount,
  chromiumForThisFile,
  screenshotPath,
} from './harness/vault-ui';

const browser = chromiumForThisFile();
/** Profiles of their own for the page tests, in each language; bypassCSP: to inject axe-core. */
const pageTestBrowsers = { da: chromiumForThisFile({ bypassCSP: true }), en: chromiumForThisFile({ bypassCSP: true, locale: 'en-US' }) };

/** The keys of the rows in the vault's IndexedDB `pages` store. */
const pageKeys = async (page: Page): Promise<string[]> => (await new RawPages(page).all()).map((row) => row.key);

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
    await corruptPage(new RawPages(page), noteRows[0]!);

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
  ] as const)(
    'says a page of notes was deleted, then put back as an older copy, with the backup as the way out, by keyboard (%s)',
    async (language, c: Catalogue) => {
      const session = await pageTestBrowsers[language].launch();
      const page = await session.openPage('vault.html');
      await createVault(page, { name: 'Jens', c });
      const before = new Set(await pageKeys(page));
      for (const title of ['Første', 'Anden', 'Tredje', 'Fjerde', 'Femte']) await addNote(page, title, 'tekst', c);
      const noteRows = (await pageKeys(page)).filter((k) => !before.has(k));
      const older = await takePage(new RawPages(page), noteRows[0]!);

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
      await new RawPages(page).put(older);
      await page.reload();
      await alert.waitFor(SLOW);
      await alert.getByText(text(c, 'damaged.pageRolledBack', { kinds, name: 'Jens' })).waitFor();
      await alert.getByText(c['damaged.pageHint']).waitFor();
      expect((await noteTitles(page, c)).length).toBeGreaterThan(left.length);
    },
  );
});
