/**
 * Letters in, in Firefox ESR (the MV3 build): Thomas adds a decision and a summons as PDFs on the
 * Letters screen, confirms what was read, and the appeal deadline and the meeting appear in the
 * calendar marked as read from a letter, with reminder alarms; the page makes no request beyond
 * the add-on's own files while the letters are read and stored; a JPEG named .pdf is refused with its
 * reason and stores nothing. Debian's Firefox ESR has an English UI, so the page is in English.
 *
 * As in the own-files test, the add-on runs from a copy of the build whose manifest already
 * grants the loopback host (headless Firefox cannot answer the permission prompt).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMunicipalityAndSync, launchFirefox, navigationOutcomeUnknown, removeFirefoxProfileDir, type FirefoxSession } from './harness/firefox';
import { click, waitForText, waitUntil } from './harness/firefox-ui';
import { BAD_FILES, thomasLetters, type TestLetterFile } from './harness/letters';
import { LOOPBACK_HOST, municipalityForThisFile } from './harness/municipality';
import { passphraseKey, VaultApi } from './harness/vault-api';
import { EN, text, textCount } from './harness/vault-ui';

const PASSPHRASE = 'korrekt hest batteri hæfteklamme';
const server = municipalityForThisFile();
const uploadDir = mkdtempSync(join(tmpdir(), 'handlerum-ffletters-'));
let firefox: FirefoxSession;

beforeAll(async () => {
  firefox = await launchFirefox({ hostPermissions: [LOOPBACK_HOST] });
});
afterAll(async () => {
  await firefox?.close();
  if (firefox) removeFirefoxProfileDir(firefox.profileDir);
  rmSync(uploadDir, { recursive: true, force: true });
});

/** Puts files on disk under their names and gives them to the letters' file field. */
async function chooseLetters(page: Page, files: { name: string; bytes: Buffer }[]): Promise<void> {
  const paths = files.map((f) => {
    const path = join(uploadDir, f.name);
    writeFileSync(path, f.bytes);
    return path;
  });
  const input = (await page.waitForSelector('.letter-import input[type="file"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(...paths);
}

describe('letters in Firefox ESR', () => {
  let page: Page;
  let api: VaultApi;
  let profileId: string;
  let letters: { decision: TestLetterFile; summons: TestLetterFile };

  it('signs Thomas in, syncs, and opens Letters', async () => {
    page = await firefox.openPage('vault.html');
    api = VaultApi.puppeteer(page);
    ({ profileId } = await api.ok('create', { ...(await passphraseKey(PASSPHRASE)), owner: { name: 'Thomas' } }));
    await connectMunicipalityAndSync(firefox, api, { profileId, origin: server.url });
    letters = await thomasLetters(server);
    await page.reload().catch(navigationOutcomeUnknown);
    await waitForText(page, EN['now.title']);
    await click(page, EN['section.letters']);
    await waitForText(page, EN['letters.list.none']);
  });

  it('reads, reviews and stores both letters without a network request', async () => {
    const requested: string[] = [];
    page.on('request', (request) => void requested.push(request.url()));
    await chooseLetters(page, [letters.decision, letters.summons]);
    await waitForText(page, text(EN, 'letters.review.title', { name: letters.decision.name }), { timeoutMs: 60_000 });
    const marked = await page.$$eval('.letter-text mark', (marks) => marks.map((m) => m.textContent));
    expect(marked).toContain(letters.decision.caseNumber);
    await click(page, EN['letters.review.confirm']);
    await waitForText(page, text(EN, 'letters.review.title', { name: letters.summons.name }));
    await click(page, EN['letters.review.confirm']);
    await waitForText(page, textCount(EN, 'letters.import.allDone', 2, { stored: 2 }));
    page.off('request');
    expect(requested.filter((url) => !url.startsWith(firefox.origin) && !/^(?:data|blob):/.test(url))).toEqual([]);

    const stored = (await api.ok('listRecords', { profileId, kind: 'letter' })).records as { data: { fileName: string; case: { kind: string } } }[];
    expect(stored.map((l) => [l.data.fileName, l.data.case.kind]).sort()).toEqual([
      [letters.decision.name, 'municipal-case'],
      [letters.summons.name, 'municipal-case'],
    ]);
    const events = (await api.ok('listRecords', { profileId, kind: 'letter-event' })).records as { id: string; data: { kind: string } }[];
    expect(events.map((e) => e.data.kind).sort()).toEqual(['appointment', 'deadline']);
    const alarms = () =>
      page.evaluate(() => (globalThis as unknown as { browser: { alarms: { getAll(): Promise<{ name: string }[]> } } }).browser.alarms.getAll());
    await waitUntil(page, 'a reminder alarm for each entry', async () => {
      const names = (await alarms()).map((a) => a.name);
      return events.every((e) => names.some((n) => n.includes(`:letter:${e.id}:`)));
    });
  });

  it('shows the entries in the calendar, marked as read from a letter', async () => {
    await click(page, EN['section.overview']);
    await click(page, EN['view.calendar']);
    await waitForText(page, EN['letters.review.appeal'], { within: '.entries' });
    const fromLetter = await page.$$eval('.entry[data-entry-id^="letter:"] .meta', (metas) => metas.map((m) => m.textContent));
    expect(fromLetter).toEqual([EN['calendar.fromLetter'], EN['calendar.fromLetter']]);
  });

  it('refuses a JPEG named .pdf with its reason and stores nothing', async () => {
    await click(page, EN['section.letters']);
    await chooseLetters(page, [BAD_FILES.jpeg]);
    await waitForText(page, text(EN, 'letters.import.problem', { name: BAD_FILES.jpeg.name, message: EN['letters.error.letter-not-a-pdf'] }), {
      timeoutMs: 60_000,
    });
    await waitForText(page, EN['letters.import.nothingRead']);
    expect((await api.ok('listRecords', { profileId, kind: 'letter' })).records).toHaveLength(2);
  });
});
