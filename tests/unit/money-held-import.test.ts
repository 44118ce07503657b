/**
 * The import held in the bank worker (held-import.ts, through the worker's API without Comlink):
 * its preview is the page's own, its packed rows are exactly the rows the page's save would
 * write, a changed preview is never saved from a stale packing, and a file that could not be
 * read leaves nothing behind to preview or save.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { categorise, parseBankFile } from '../../src/importers/bank/index';
import { unpackPuts } from '../../src/messaging/packed-puts';
import type { WritePart } from '../../src/messaging/write-parts';
import { accountOps, buildFilePreview, importOps, type FilePreview } from '../../src/ui/money/accounts-in-file';
import { bankWorkerApi } from '../../src/ui/money/bank-worker-api';
import type { HeldPreviewContext } from '../../src/ui/money/held-import';
import type { WriteOp } from '../../src/vault/public-types';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/bank');
const file = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const TODAY = '2026-04-01';
const TARGET = { profileId: 'profile-1', importId: 'import-1' };

const context = (existingIds: ReadonlySet<string> = new Set(), target = TARGET): HeldPreviewContext => ({
  accounts: [],
  existingIds,
  rules: [{ id: 'r1', match: 'netto', category: 'transport' }],
  target,
});

/** What the citizen sees of each row, and where each part goes (a new account without a number gets a random id). */
const shown = (view: FilePreview) =>
  view.parts.map((part) => ({
    number: part.number,
    choice: part.choice.kind === 'new' && !part.choice.accountNumber ? 'new' : part.choice,
    counts: part.preview.counts,
    rows: part.preview.rows.map((r) => [r.tx.line, r.id, r.status, r.category, r.include]),
  }));

const opsOf = (parts: readonly WritePart[]): WriteOp[] =>
  parts.flatMap((part) => {
    if (Array.isArray(part)) return part;
    const unpacked = unpackPuts(part, 100_000);
    if (!('ops' in unpacked)) throw new Error(unpacked.problem);
    return unpacked.ops;
  });

async function readAndPreview(name: string, ctx = context()): Promise<FilePreview> {
  const read = await bankWorkerApi.read(file(name), { today: TODAY });
  if (!read.ok) throw new Error(read.detail);
  const preview = bankWorkerApi.preview(ctx);
  if (!preview.ok) throw new Error(preview.detail);
  return preview.value;
}

describe('the import held in the worker', () => {
  it('previews a file of several accounts as the page would, rules and stored rows counted', async () => {
    const statement = parseBankFile(file('camt053-04-multi.xml'), { today: TODAY });
    const firstId = buildFilePreview(statement, { accounts: [], existingIds: new Set(), categorise: (tx) => categorise(tx) }).parts[0]!.preview.rows[0]!.id;
    const ctx = context(new Set([firstId]));
    const inWorker = await readAndPreview('camt053-04-multi.xml', ctx);
    const inPage = buildFilePreview(statement, { accounts: [], existingIds: ctx.existingIds, categorise: (tx) => categorise(tx, ctx.rules) });
    expect(inWorker.parts.length).toBeGreaterThan(1);
    expect(shown(inWorker)).toEqual(shown(inPage));
    expect(inWorker.parts[0]!.preview.counts.duplicate).toBe(1);
  });

  it('packs exactly the rows the page would write, in order, and the accounts apart', async () => {
    const view = await readAndPreview('danske-bank.csv');
    const packed = bankWorkerApi.packedRows(TARGET);
    if (!packed.ok) throw new Error(packed.detail);
    const labels = view.parts.map(() => 'Lønkonto');
    const target = { ...TARGET, at: `${TODAY}T10:00:00.000Z`, formatId: 'danske-bank', accounts: [] };
    const page = importOps(view.parts, labels, target);
    expect(page.rows.length).toBeGreaterThan(0);
    expect(opsOf(packed.value)).toEqual(page.rows);
    expect(accountOps(view.parts, labels, target)).toEqual({ accounts: page.accounts, savedTo: page.savedTo });
  });

  it('packs for the import asked for, and for the latest preview only', async () => {
    // Its accounts are named in the file: their record ids, and so the rows', are the same every time.
    const view = await readAndPreview('camt053-04-multi.xml');
    const other = bankWorkerApi.packedRows({ ...TARGET, importId: 'import-2' });
    if (!other.ok) throw new Error(other.detail);
    expect(opsOf(other.value).length).toBeGreaterThan(0);
    expect(opsOf(other.value).every((op) => op.op === 'put' && (op.data as { importId: string }).importId === 'import-2')).toBe(true);
    expect(bankWorkerApi.packedRows(TARGET)).toMatchObject({ ok: true, value: [expect.anything()] });
    // The same file previewed again with every row stored: nothing is left to write.
    const ids = new Set(view.parts.flatMap((part) => part.preview.rows.map((r) => r.id)));
    const again = bankWorkerApi.preview(context(ids));
    if (!again.ok) throw new Error(again.detail);
    const packed = bankWorkerApi.packedRows(TARGET);
    expect(packed).toEqual({ ok: true, value: [] });
  });

  it('a cut-off file, or one let go of, leaves nothing to preview or save', async () => {
    await readAndPreview('danske-bank.csv');
    const whole = file('danske-bank.csv');
    const cut = whole.subarray(0, whole.lastIndexOf(0x3b) - 3);
    const read = await bankWorkerApi.read(cut, { today: TODAY });
    expect(read).toMatchObject({ ok: false, code: 'truncated' });
    expect(bankWorkerApi.preview(context())).toMatchObject({ ok: false, code: 'unexpected' });
    expect(bankWorkerApi.packedRows(TARGET)).toMatchObject({ ok: false, code: 'unexpected' });

    await readAndPreview('danske-bank.csv');
    bankWorkerApi.forget();
    expect(bankWorkerApi.packedRows(TARGET)).toMatchObject({ ok: false, code: 'unexpected' });
  });
});
