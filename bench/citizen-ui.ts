/**
 * The citizen benchmark's moves through the vault page, by the labels the citizen reads (from the
 * Danish catalogue): creating the vault, signing in the heavy citizen, reading in a bank statement;
 * and its baseline fetch of the heavy citizen's API pages from Node. The e2e harness has the same
 * moves (tests/e2e/harness/vault-ui.ts, and a statement like this one in the money e2e tests) but
 * depends on Vitest, which a benchmark run outside the test runner cannot load.
 */
import type { Page } from 'playwright-core';
import { armText, textPainted } from './citizen-probe';
import { fetchEveryPage, fetchQuietPages, type FetchFigures } from './fetch-pages';
import { fetchDiscovery } from '../src/municipal/connector/discovery';
import { MunicipalHttp } from '../src/municipal/connector/http';
import { da } from '../src/ui/i18n/da';

export const DA = da;
export const PASSPHRASE = 'kaffe på trappen hver søndag';

/** Creates the vault through its first screens (the real key derivation) and waits for the notes. */
export async function createVault(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: DA['create.title'] }).waitFor();
  await page.getByLabel(DA['create.name'], { exact: true }).fill(name);
  await page.getByLabel(DA['passphrase.label'], { exact: true }).fill(PASSPHRASE);
  await page.getByLabel(DA['passphrase.confirm'], { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: DA['create.submit'] }).click();
  await page.getByRole('heading', { level: 1, name: DA['recovery.title'] }).waitFor({ timeout: 60_000 });
  const recoveryKey = (await page.getByTestId('recovery-key').textContent())!.trim();
  await page.getByLabel(DA['recovery.confirmLabel']).fill(recoveryKey.split('-').at(-1)!);
  await page.getByRole('button', { name: DA['recovery.done'] }).click();
  await page.getByRole('navigation', { name: DA['header.sections'] }).waitFor();
}

/** "Færdig: 16.006 oplysninger er hentet eller opdateret." (the count written the Danish way). */
const SYNC_DONE = /Færdig: [\d.]+ oplysninger er hentet eller opdateret\./;

/**
 * The time from `start` (wall clock) to the first frame painted with the armed text; the locator
 * then checks the line is there as the citizen reads it.
 */
async function untilPainted(page: Page, start: number, line: ReturnType<Page['getByText']>, timeoutMs: number): Promise<number> {
  const at = await textPainted(page, timeoutMs);
  if (at === null) throw new Error('the sync did not end in time');
  await line.waitFor({ timeout: timeoutMs });
  return at - start;
}

/**
 * From the empty overview: adds the municipality at `origin`, picks the heavy citizen on its
 * sign-in page and returns the time from that pick until the page shows that the sync is done.
 */
export async function signInHeavy(page: Page, origin: string, timeoutMs: number): Promise<number> {
  await page.getByRole('navigation', { name: DA['header.sections'] }).getByRole('button', { name: DA['section.overview'] }).click();
  await page.getByRole('link', { name: DA['steps.municipality'] }).click();
  await page.getByLabel(DA['muni.address']).fill(origin);
  const loginPage = page.context().waitForEvent('page', { predicate: (p) => p.url().includes('/oauth/authorize'), timeout: 30_000 });
  await page.getByRole('button', { name: DA['muni.add'], exact: true }).click();
  const login = await loginPage;
  await login.waitForLoadState();
  await armText(page, SYNC_DONE);
  const start = Date.now();
  await login.click('button[value="heavy"]');
  return untilPainted(page, start, page.getByText(new RegExp(`^${SYNC_DONE.source}$`)), timeoutMs);
}

/** A token for the heavy citizen and the API's base, as the extension would hold them after sign-in. */
async function heavyApi(origin: string): Promise<{ apiBase: string; maxPageSize: number; accessToken: string }> {
  const tokenResponse = await fetch(`${origin}/__test/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ citizenId: 'heavy', clientId: 'handlerum-extension' }),
  });
  if (!tokenResponse.ok) throw new Error(`/__test/tokens: HTTP ${tokenResponse.status}`);
  const { access_token: accessToken } = (await tokenResponse.json()) as { access_token: string };
  const discovery = await fetchDiscovery(new MunicipalHttp({ fetch: (url, init) => fetch(url, init) }), origin);
  return { apiBase: discovery.api_base, maxPageSize: discovery.max_page_size, accessToken };
}

/** The baseline for the sync: /me and every feed to its end, page by page, with fetch and JSON.parse only. */
export async function fetchAllPages(origin: string): Promise<FetchFigures> {
  const api = await heavyApi(origin);
  return fetchEveryPage(api.apiBase, api.maxPageSize, api.accessToken);
}

/** The baseline for a re-sync with nothing new: /me and each feed's page at its last token (from `fetchAllPages`). */
export async function fetchQuiet(origin: string, tokens: Record<string, string>): Promise<number> {
  const api = await heavyApi(origin);
  return fetchQuietPages(api.apiBase, api.maxPageSize, api.accessToken, tokens);
}

/**
 * After a sync, on the same screen: asks for new data again ("Hent nye oplysninger") and returns
 * the time from that click until the page says the sync is done with nothing fetched.
 */
export async function syncAgain(page: Page, timeoutMs: number): Promise<number> {
  const button = page.getByRole('button', { name: DA['muni.syncNow'] });
  await button.waitFor();
  const done = DA['muni.syncDone.other'].replace('{count}', '0');
  // The line of the sync before may read the same: it counts once it has gone and come back.
  await armText(page, new RegExp(done.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  const start = Date.now();
  await button.click();
  return untilPainted(page, start, page.getByText(done, { exact: true }), timeoutMs);
}

const STATEMENT_HEADER = '"Dato";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"';

/** `rows` distinct Danske Bank rows in Windows-1252, spread over the ten years before 2026. */
export function bankStatement(rows: number): { name: string; mimeType: string; buffer: Buffer } {
  const lines = [STATEMENT_HEADER];
  for (let n = 0; n < rows; n++) {
    const day = String(1 + (n % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(n / 28) % 12)).padStart(2, '0');
    const year = 2016 + (Math.floor(n / 336) % 10);
    lines.push(
      `"${day}.${month}.${year}";"Dankort-køb Netto Østerbro ${n}";"-${1 + (n % 500)},${String(n % 100).padStart(2, '0')}";"10.000,00";"Udført";"Nej"`,
    );
  }
  return { name: 'danske-bank.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1') };
}

/**
 * In the Økonomi section: reads `rows` bank rows from a statement through the import screens and
 * waits until they are saved. Returns how long that took (not a figure of this benchmark: the
 * bank import has its own in `npm run bench`).
 */
export async function importBankStatement(page: Page, rows: number, timeoutMs: number): Promise<number> {
  const start = Date.now();
  await page.getByLabel(DA['money.import.fileLabel']).setInputFiles(bankStatement(rows));
  await page.getByRole('heading', { name: DA['money.preview.heading'] }).waitFor({ timeout: timeoutMs });
  const count = rows.toLocaleString('da-DK');
  await page.getByRole('button', { name: DA['money.preview.import.other'].replace('{count}', count) }).click();
  const done = DA['money.import.done.other'].replace('{count}', count).replace('{account}', 'Danske Bank');
  await page.locator('.money-import [role="status"]', { hasText: done }).waitFor({ timeout: timeoutMs });
  return Date.now() - start;
}
