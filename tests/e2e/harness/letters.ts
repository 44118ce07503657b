/**
 * Letters for Thomas with his real case numbers, laid out as the test corpus lays out letters:
 * a decision on his cash benefit (appeal within 4 weeks of receipt) and a summons to a meeting
 * on his rehabilitation case, dated around today so the calendar's entries lie ahead. What the
 * reader finds in each is read here too, with the same code, for the tests to look for.
 */
import type { Page } from 'playwright-core';
import type { Case } from '../../../src/municipal/api/schemas';
import { readLetter, type LetterReading } from '../../../src/letters/index';
import { extractPdfText } from '../../../src/letters/pdf/extract';
import { addDays, danishToday } from '../../../src/shared/danish-time';
import { renderLetter } from '../../../scripts/letters/render';
import { servedRecords } from './municipality';
import type { RunningMunicipality } from '../../../src/municipality-server/server';
import { expect } from 'vitest';
import { DA, overviewViewsNav, sectionsNav, text, textCount } from './vault-ui';

export interface TestLetterFile {
  name: string;
  bytes: Buffer;
  caseNumber: string;
  reading: LetterReading;
}

const longDay = (day: string, weekday = false): string =>
  new Intl.DateTimeFormat('da-DK', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric', ...(weekday ? { weekday: 'long' } : {}) })
    .format(new Date(`${day}T12:00:00Z`))
    .replace(/^(\p{L})/u, (c) => c.toUpperCase());

const SENDER = { name: 'Vesterå Kommune', unit: 'Jobcenter Vesterå', address: ['Torvet 2', '4000 Vesterå'] };
const THOMAS = ['Thomas Jensen', 'Skovvejen 14, 2. tv.', '4000 Vesterå'];

async function withReading(name: string, caseNumber: string, bytes: Uint8Array): Promise<TestLetterFile> {
  const text = await extractPdfText(bytes);
  return { name, bytes: Buffer.from(bytes), caseNumber, reading: readLetter({ pages: text.pages }) };
}

export async function thomasLetters(server: Pick<RunningMunicipality, 'state'>): Promise<{ decision: TestLetterFile; summons: TestLetterFile }> {
  const cases = servedRecords<Case>(server, 'thomas', 'cases');
  const cash = cases.find((c) => c.kle.code === '32.24.04')!;
  const rehab = cases.find((c) => c.kle.code === '15.17.18')!;
  const today = danishToday();
  const dated = addDays(today, -2);
  const meeting = addDays(today, 9);
  const decision = await renderLetter({
    sender: SENDER,
    info: [
      ['Dato', longDay(dated)],
      ['Sagsnr.', cash.caseNumber],
      ['Sagsbehandler', 'Sanne Holm Petersen'],
      ['Direkte tlf.', '72 36 41 12'],
    ],
    recipient: THOMAS,
    subject: 'Afgørelse om kontanthjælp',
    blocks: [
      { h: 'Afgørelse' },
      { p: 'Du får fortsat kontanthjælp. Vi har bevilget hjælpen, fordi du opfylder betingelserne.' },
      { table: [['Kontanthjælp, grundbeløb pr. måned', '12.788,00 kr.']], head: ['Ydelse', 'Beløb'] },
      { h: 'Lovgrundlag' },
      { p: 'Afgørelsen er truffet efter § 11 i lov om aktiv socialpolitik.' },
      { h: 'Klagevejledning' },
      { p: 'Du kan klage over afgørelsen. Hvis du vil klage, skal du sende klagen til Jobcenter Vesterå inden 4 uger efter, at du har modtaget afgørelsen.' },
    ],
    closing: ['Med venlig hilsen', 'Sanne Holm Petersen'],
    footer: true,
  });
  const summons = await renderLetter({
    sender: SENDER,
    info: [
      ['Dato', longDay(today)],
      ['Sagsnr.', rehab.caseNumber],
      ['Sagsbehandler', 'Jonas Bech Andersen'],
      ['Tlf.', '72 36 41 57'],
    ],
    recipient: THOMAS,
    subject: 'Indkaldelse til møde i rehabiliteringsteamet',
    blocks: [
      { p: 'Du er indkaldt til et møde i rehabiliteringsteamet om dit ressourceforløb.' },
      {
        fields: [
          ['Tid', `${longDay(meeting, true).replace(/ (\d+)\./, ' den $1.')} kl. 10.30`],
          ['Sted', 'Jobcenter Vesterå, Torvet 2, 4000 Vesterå'],
          ['Varighed', 'ca. 1 time'],
        ],
      },
      { p: 'Hvis du er syg, skal du ringe til os før mødet.' },
    ],
    closing: ['Med venlig hilsen', 'Jonas Bech Andersen'],
  });
  return {
    decision: await withReading('afgoerelse-kontanthjaelp.pdf', cash.caseNumber, decision),
    summons: await withReading('indkaldelse-rehabiliteringsteam.pdf', rehab.caseNumber, summons),
  };
}

/** Files that are not letters one can read: a JPEG named .pdf, and a PDF cut off after its header. */
export const BAD_FILES = {
  jpeg: {
    name: 'scanning-fra-mobil.pdf',
    bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, ...new Array(200).fill(0x20)]),
  },
  broken: { name: 'ødelagt-brev.pdf', bytes: Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n% cut off here\n') },
};

/** The alarms the extension has set, by name (an extension page in Chromium may read them); reminders are alarms. */
export const alarmNames = (page: Page): Promise<string[]> =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve) =>
        (globalThis as unknown as { chrome: { alarms: { getAll(cb: (a: { name: string }[]) => void): void } } }).chrome.alarms.getAll((a) =>
          resolve(a.map((x) => x.name)),
        ),
      ),
  );

/** Opens the calendar and waits for each title as an entry read from a letter (not the case system's entry of the same name). */
export async function expectLetterEntriesInCalendar(page: Page, titles: readonly string[]): Promise<void> {
  await sectionsNav(page).getByRole('button', { name: DA['section.overview'] }).click();
  await overviewViewsNav(page).getByRole('link', { name: DA['view.calendar'] }).click();
  const upcoming = page.getByRole('region', { name: DA['calendar.upcoming'] });
  for (const title of titles) {
    const entry = upcoming.locator('.entry[data-entry-id^="letter:"]', { has: page.getByText(title, { exact: true }) });
    await entry.waitFor();
    await entry.getByText(DA['calendar.fromLetter']).waitFor();
  }
}

/**
 * Confirms the summons' review, the second of Thomas's two letters: its meeting was read at 10:30,
 * and he names it in his own words before he confirms; then both letters are stored.
 */
export async function confirmSummonsReview(page: Page, summonsName: string): Promise<void> {
  const summons = page.getByRole('region', { name: text(DA, 'letters.review.title', { name: summonsName }) });
  await summons.waitFor();
  const meeting = summons.getByRole('group', { name: `${DA['letters.review.appointment']} 1` });
  expect(await meeting.getByLabel(DA['letters.review.time']).inputValue()).toBe('10:30');
  await meeting.getByLabel(DA['letters.review.what']).fill('Møde i rehabiliteringsteamet');
  await summons.getByRole('button', { name: DA['letters.review.confirm'] }).click();
  await page.getByText(textCount(DA, 'letters.import.allDone', 2, { stored: 2 })).waitFor();
}
