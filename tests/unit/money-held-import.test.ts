/**
 * The import held in the bank worker (held-import.ts, through the worker's API without Comlink):
 * its preview is the one the page made itself before, answered without its rows and then a
 * window at a time; the citizen's changes (a row left out, another account) are made there; its
 * packed rows are exactly the rows `importOps` writes, never from a stale packing; and a file
 * that could not be read leaves nothing behind to preview or save.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { categorise, parseBankFile } from '../../src/importers/bank/index';
import { unpackPuts } from '../../src/messaging/packed-puts';
import type { WritePart } from '../../src/messaging/write-parts';
import { buildFilePreview, choiceFor, importOps, type FilePreview } from '../../src/ui/money/accounts-in-file';
import { bankWorkerApi } from '../../src/ui/money/bank-worker-api';
import { PREVIEW_PAGE, type FileSummary, type HeldPreviewContext } from '../../src/ui/money/held-import';
import type { PreviewRow } from '../../src/ui/money/preview';
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

const rowShown = (r: PreviewRow) => [r.tx.line, r.id, r.status, r.category, r.include];

/** What the citizen sees of each part and row, and where each part goes (a new account without a number gets a random id). */
const shown = (view: FilePreview) =>
  view.parts.map((part) => ({
    number: part.number,
    choice: part.choice.kind === 'new' && !part.choice.accountNumber ? 'new' : part.choice,
    counts: part.preview.counts,
    rows: part.preview.rows.map(rowShown),
  }));

/** The same of a preview answered without its rows, the rows asked for a window at a time. */
function shownInWorker(view: FileSummary) {
  return view.parts.map((part, index) => {
    const rows: PreviewRow[] = [];
    for (let start = 0; start < part.preview.rowCount; start += PREVIEW_PAGE) {
      const answer = bankWorkerApi.rows(index, { start, count: PREVIEW_PAGE });
      if (!answer.ok) throw new Error(answer.detail);
      rows.push(...answer.value.rows);
    }
    expect(part.preview.first.rows).toEqual(rows.slice(0, PREVIEW_PAGE));
    expect('transactions' in part.statement).toBe(false);
    return {
      number: part.number,
      choice: part.choice.kind === 'new' && !part.choice.accountNumber ? 'new' : part.choice,
      counts: part.preview.counts,
      rows: rows.map(rowShown),
    };
  });
}

const opsOf = (parts: readonly WritePart[]): WriteOp[] =>
  parts.flatMap((part) => {
    if (Array.isArray(part)) return part;
    const unpacked = unpackPuts(part, 100_000);
    if (!('ops' in unpacked)) throw new Error(unpacked.problem);
    return unpacked.ops;
  });

async function readAndPreview(name: string, ctx = context()): Promise<FileSummary> {
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
    expect(shownInWorker(inWorker)).toEqual(shown(inPage));
    expect(inWorker.parts[0]!.preview.counts.duplicate).toBe(1);
  });

  it('packs exactly the rows the page would write, in order, and the accounts apart', async () => {
    await readAndPreview('camt053-04-multi.xml');
    const packed = bankWorkerApi.packedRows(TARGET);
    if (!packed.ok) throw new Error(packed.detail);
    const statement = parseBankFile(file('camt053-04-multi.xml'), { today: TODAY });
    const view = buildFilePreview(statement, { accounts: [], existingIds: new Set(), categorise: (tx) => categorise(tx, context().rules) });
    const target = { ...TARGET, at: `${TODAY}T10:00:00.000Z`, formatId: 'camt053', accounts: [] };
    const page = importOps(
      view.parts,
      view.parts.map(() => 'Konto'),
      target,
    );
    expect(page.rows.length).toBeGreaterThan(0);
    expect(opsOf(packed.value)).toEqual(page.rows);
  });

  it('leaves a row out, and sends a part to another account, in the worker: the packed rows follow', async () => {
    const view = await readAndPreview('camt053-04-multi.xml');
    const before = view.parts[0]!.preview.included;
    const out = bankWorkerApi.setIncluded(0, 0, false);
    if (!out.ok) throw new Error(out.detail);
    expect(out.value.parts[0]!.preview.included).toBe(before - 1);
    const first = bankWorkerApi.rows(0, { start: 0, count: 1 });
    expect(first).toMatchObject({ ok: true, value: { rows: [{ include: false }] } });
    const left = view.parts[0]!.preview.first.rows[0]!.id;
    const packed = bankWorkerApi.packedRows(TARGET);
    if (!packed.ok) throw new Error(packed.detail);
    expect(opsOf(packed.value).some((op) => op.op === 'put' && op.id === left)).toBe(false);

    const moved = bankWorkerApi.setAccount(1, choiceFor(view.parts[1]!, 'new', []));
    if (!moved.ok) throw new Error(moved.detail);
    expect(moved.value.parts[1]!.choice).toMatchObject({ kind: 'new', accountNumber: view.parts[1]!.number });
    const after = bankWorkerApi.packedRows(TARGET);
    if (!after.ok) throw new Error(after.detail);
    const accountIds = new Set(opsOf(after.value).map((op) => (op.op === 'put' ? (op.data as { accountId: string }).accountId : '')));
    expect(accountIds).toEqual(new Set(moved.value.parts.filter((p) => p.preview.included > 0).map((p) => p.choice.id)));
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
    const ids = new Set(view.parts.flatMap((part) => part.preview.first.rows.map((r) => r.id)));
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
