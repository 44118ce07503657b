/**
 * A sync cut short by the municipality going offline, in real Chromium through the vault page:
 * the reference municipality stops while a feed's page is on its way, the citizen reads that the
 * municipality could not be reached and that what was fetched is kept, and once it is back the
 * next sync ends with exactly the records it serves, none twice.
 *
 * As in the other connector tests, the browser runs a copy of the build whose manifest already
 * grants the loopback host (headless Chromium cannot answer the permission prompt).
 */
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../src/municipal/api/schemas';
import { KIND_OF_RESOURCE } from '../../src/records/municipal/index';
import { LOOPBACK_HOST, municipalityForThisFile, servedRecords } from './harness/municipality';
import { addMunicipalityAndSignIn, callBackground, chromiumForThisFile, createVault, DA, recordsOfKind, sectionsNav } from './harness/vault-ui';

const server = municipalityForThisFile();
const browser = chromiumForThisFile({ hostPermissions: [LOOPBACK_HOST] });

const served = () =>
  Object.fromEntries(
    RESOURCES.map((r) => [
      r,
      servedRecords<{ id: string }>(server, 'thomas', r)
        .map((x) => x.id)
        .sort(),
    ]),
  );

async function storedIds(page: Parameters<typeof recordsOfKind>[0]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const resource of RESOURCES) {
    const records = await recordsOfKind(page, KIND_OF_RESOURCE[resource].name);
    out[resource] = records.map((r) => String((r.data as { record: { id: string } }).record.id)).sort();
  }
  return out;
}

describe('a first sync interrupted by the municipality going offline', () => {
  it('tells the citizen, keeps what was fetched, and the next sync completes without duplicates', async () => {
    const page = await (await browser.launch()).openPage('vault.html');
    await createVault(page, { name: 'Thomas' });
    await sectionsNav(page).getByRole('button', { name: DA['section.municipality'] }).click();

    // The payments feed answers slowly: the municipality goes offline while that page is on its way.
    const armed = await fetch(`${server.url}/__test/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'delay', path: '/citizen/v1/payments', delayMs: 30_000, times: 1 }),
    });
    expect(armed.ok).toBe(true);
    await addMunicipalityAndSignIn(page, server.url);
    const running = async () => {
      const statuses = (await callBackground(page, 'municipalSyncStatus')).value as { parts: { part: string; state: string }[] }[];
      return statuses[0]?.parts.find((p) => p.part === 'payments')?.state;
    };
    await expect.poll(running, { timeout: 60_000, interval: 100 }).toBe('running');
    await server.stop();

    const connection = page.getByRole('article', { name: /Vesterå Kommune/ });
    const result = connection.locator('.sync-result');
    await result.getByText(DA['muni.syncPartial'], { exact: false }).waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toContain(DA['error.municipality-unreachable']);
    const partial = await storedIds(page);
    const expected = served();
    // Cases and decisions came before payments; payments and the feeds after it did not.
    expect(partial.cases).toEqual(expected.cases);
    expect(partial.decisions).toEqual(expected.decisions);
    expect(partial.payments).toEqual([]);

    await server.resume();
    await connection.getByRole('button', { name: DA['muni.syncNow'] }).click();
    await connection.getByText(/^Færdig: \d+ oplysninger er hentet eller opdateret\.$/).waitFor({ timeout: 90_000 });
    const complete = await storedIds(page);
    expect(complete).toEqual(expected);
    for (const resource of RESOURCES) expect(new Set(complete[resource]).size, resource).toBe(complete[resource]!.length);
    const statuses = (await callBackground(page, 'municipalSyncStatus')).value as { state: string; rejected: number; stored: number }[];
    // Only what was missing was fetched and stored the second time.
    const missing = RESOURCES.reduce((n, r) => n + expected[r]!.length - partial[r]!.length, 0);
    expect(statuses.map((s) => [s.state, s.rejected, s.stored])).toEqual([['ok', 0, missing]]);
  });
});
