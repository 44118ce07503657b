/**
 * A bank statement larger than one message in Firefox ESR, through the add-on's page as a citizen
 * imports it: the rows travel packed in two parts (one staged, the last committing) and land in
 * one write; the same file again is all duplicates, so the record ids are the same ones in this
 * browser too. Debian's Firefox ESR has an English UI. No timing is asserted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGE_PART_OPS } from '../../src/messaging/api';
import { danskeBankStatement } from './harness/bank-statement';
import { launchFirefox, removeFirefoxProfileDir, type FirefoxSession } from './harness/firefox';
import { chooseFile, click, createVault, textOf, waitForText } from './harness/firefox-ui';
import { VaultApi } from './harness/vault-api';
import { EN, PASSPHRASE, text, textCount } from './harness/vault-ui';

const ROWS = STAGE_PART_OPS + 1_500;
let firefox: FirefoxSession;
let dir: string;

beforeAll(async () => {
  firefox = await launchFirefox();
  dir = mkdtempSync(join(tmpdir(), 'handlerum-bank-'));
});
afterAll(async () => {
  await firefox?.close();
  if (firefox) removeFirefoxProfileDir(firefox.profileDir);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const count = (page: Page, which: 'new' | 'duplicate') => textOf(page, `[data-count="${which}"] dd`);
const LONG = 300_000;

describe('a bank import larger than one message, in Firefox ESR', () => {
  it('is saved in parts as one write, and the same file again is all duplicates', async () => {
    const file = join(dir, 'danske-bank.csv');
    writeFileSync(file, danskeBankStatement(ROWS, 0).buffer);
    const page = await firefox.openPage('vault.html');
    await createVault(page, 'Thomas', PASSPHRASE);
    await click(page, EN['section.money'], { within: 'nav.sections' });
    await waitForText(page, EN['money.empty']);

    await chooseFile(page, EN['money.import.fileLabel'], file);
    await click(page, textCount(EN, 'money.preview.import', ROWS));
    const done = text(EN, 'money.import.done.other', { count: ROWS.toLocaleString('en'), account: 'Danske Bank' });
    await waitForText(page, done, { within: '.money-import [role="status"]', timeoutMs: LONG });

    const api = VaultApi.puppeteer(page);
    const [profile] = await api.ok('listProfiles', {});
    const stored = await api.ok('listRecords', { profileId: profile!.id, kind: 'bank-transaction' });
    expect(stored.damaged).toEqual([]);
    expect(stored.records).toHaveLength(ROWS);

    await chooseFile(page, EN['money.import.fileLabel'], file);
    await waitForText(page, EN['money.preview.heading'], { timeoutMs: LONG });
    expect(await count(page, 'new')).toBe('0');
    expect(await count(page, 'duplicate')).toBe(ROWS.toLocaleString('en'));
  }, 600_000);
});
