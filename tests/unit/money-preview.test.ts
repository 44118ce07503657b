/**
 * The import preview and its write: new rows, duplicates of stored rows (same or overlapping
 * file), identical rows on one day kept apart, reserved rows left out unless chosen, per-row
 * opt-out, and a re-import that neither adds nor overwrites anything — checked against a real
 * RecordStore on fake-indexeddb.
 */
import { describe, expect, it } from 'vitest';
import { transactionKeys, type BankStatement, type BankTransaction } from '../../src/importers/bank/index';
import { bankTransactionKind } from '../../src/records/money/index';
import { buildPreview, includedCount, setIncluded, transactionOps, type ImportPreview } from '../../src/ui/money/preview';
import { transactionRecordId } from '../../src/ui/money/ids';
import { vaultWithProfile } from './support/setup-vault';

const ACCOUNT = 'acct-1';

let line = 1;
const tx = (date: string, amountMinor: number, text: string, extra: Partial<BankTransaction> = {}): BankTransaction => ({
  date,
  amountMinor,
  currency: 'DKK',
  text,
  pending: false,
  line: ++line,
  ...extra,
});

const statement = (transactions: BankTransaction[], issues: BankStatement['issues'] = []): BankStatement => ({
  format: { id: 'danske-bank', label: 'Danske Bank' },
  transactions,
  issues,
});

function preview(s: BankStatement, existingIds: ReadonlySet<string> = new Set()): ImportPreview {
  return buildPreview({
    statement: s,
    accountId: ACCOUNT,
    keys: transactionKeys(ACCOUNT, s.transactions),
    existingIds,
    categorise: (t) => (t.text.includes('Netto') ? 'groceries' : 'other'),
  });
}

const JANUARY = [
  tx('2026-01-02', -2895, 'Dankort-køb Netto Østerbro'),
  tx('2026-01-02', -2400, 'Rejsekort'),
  // Two bus tickets at the same price on one day: two rows, both real.
  tx('2026-01-02', -2400, 'Rejsekort'),
  tx('2026-01-05', 1500000, 'Løn januar'),
];
const FEBRUARY = [tx('2026-02-01', -750000, 'Husleje februar'), tx('2026-02-03', -11950, 'Føtex Århus C')];

describe('buildPreview', () => {
  it('counts every row of a first import as new, identical rows on one day included', () => {
    const p = preview(statement(JANUARY));
    const keys = transactionKeys(ACCOUNT, JANUARY);
    expect(p.counts).toEqual({ new: 4, duplicate: 0, pending: 0, skipped: 0 });
    expect(new Set(p.rows.map((r) => r.id)).size).toBe(4);
    expect(p.rows.every((r) => r.include)).toBe(true);
    expect(p.rows[0]!.category).toBe('groceries');
    expect(p.rows.map((r) => r.id)).toEqual(keys.map((key) => transactionRecordId(ACCOUNT, key)));
  });

  it('marks rows already stored as duplicates, left out and not choosable', () => {
    const first = preview(statement(JANUARY));
    const stored = new Set(first.rows.map((r) => r.id));
    const again = preview(statement(JANUARY), stored);
    expect(again.counts).toEqual({ new: 0, duplicate: 4, pending: 0, skipped: 0 });
    expect(includedCount(again)).toBe(0);
    expect(setIncluded(again, 0, true)).toBe(again);
    expect(transactionOps(again, { profileId: 'p', importId: 'imp' })).toEqual([]);
  });

  it('adds only the new rows of an overlapping file, even when one of two identical rows is new', () => {
    const stored = new Set(preview(statement(JANUARY.slice(0, 2))).rows.map((r) => r.id));
    // The second file has January again (with both bus tickets) and February.
    const overlap = preview(statement([...JANUARY, ...FEBRUARY]), stored);
    expect(overlap.counts.duplicate).toBe(2);
    expect(overlap.counts.new).toBe(4);
    expect(overlap.rows.filter((r) => r.status === 'new').map((r) => r.tx.text)).toEqual(['Rejsekort', 'Løn januar', 'Husleje februar', 'Føtex Århus C']);
  });

  it('keeps reserved rows out unless chosen, and counts skipped rows by reason', () => {
    const s = statement(
      [...FEBRUARY, tx('2026-02-10', -5000, 'Reserveret Netto', { pending: true })],
      [
        { code: 'bad-date', line: 4, severity: 'skipped', message: { da: 'Datoen kan ikke læses.', en: 'The date cannot be read.' } },
        { code: 'bad-date', line: 9, severity: 'skipped', message: { da: 'Datoen kan ikke læses.', en: 'The date cannot be read.' } },
        { code: 'bad-amount', line: 6, severity: 'skipped', message: { da: 'Beløbet kan ikke læses.', en: 'The amount cannot be read.' } },
        { code: 'pending-row', line: 12, severity: 'warning', message: { da: 'Reserveret.', en: 'Reserved.' } },
      ],
    );
    const p = preview(s);
    expect(p.counts).toEqual({ new: 2, duplicate: 0, pending: 1, skipped: 3 });
    expect(p.skipped).toEqual([
      { code: 'bad-date', message: { da: 'Datoen kan ikke læses.', en: 'The date cannot be read.' }, count: 2, lines: [4, 9] },
      { code: 'bad-amount', message: { da: 'Beløbet kan ikke læses.', en: 'The amount cannot be read.' }, count: 1, lines: [6] },
    ]);
    expect(p.warnings.map((w) => w.code)).toEqual(['pending-row']);
    expect(includedCount(p)).toBe(2);
    const chosen = setIncluded(p, 2, true);
    expect(includedCount(chosen)).toBe(3);
    expect(includedCount(p)).toBe(2); // the old preview is left as it was
  });

  it('turns the chosen rows into puts the bank-transaction schema accepts; opted-out rows are not written', () => {
    const p = setIncluded(preview(statement(JANUARY)), 1, false);
    const ops = transactionOps(p, { profileId: 'p1', importId: 'imp-1' });
    expect(ops).toHaveLength(3);
    for (const op of ops) {
      expect(op.op).toBe('put');
      const parsed = bankTransactionKind.schema.safeParse(op.op === 'put' ? op.data : null);
      expect(parsed.success, parsed.success ? '' : String(parsed.error)).toBe(true);
    }
    expect(ops.map((o) => o.id)).not.toContain(p.rows[1]!.id);
  });

  it('refuses keys that do not fit the transactions', () => {
    expect(() => buildPreview({ statement: statement(JANUARY), accountId: ACCOUNT, keys: ['a'], existingIds: new Set(), categorise: () => 'other' })).toThrow(
      RangeError,
    );
    expect(() =>
      buildPreview({
        statement: statement(JANUARY.slice(0, 2)),
        accountId: ACCOUNT,
        keys: ['same', 'same'],
        existingIds: new Set(),
        categorise: () => 'other',
      }),
    ).toThrow(/repeated/);
  });
});

describe('importing into a real record store', () => {
  it('a re-import adds nothing and keeps the category the citizen chose; an overlapping file adds only its new rows', async () => {
    const { vault, profileId } = await vaultWithProfile('money');
    const storedIds = async () => new Set((await vault.records.list(profileId, bankTransactionKind)).records.map((r) => r.id));

    await vault.records.write(transactionOps(preview(statement(JANUARY)), { profileId, importId: 'imp-1' }));
    expect((await storedIds()).size).toBe(4);

    // The citizen moves the salary to another category.
    const salary = (await vault.records.list(profileId, bankTransactionKind)).records.find((r) => r.data.text === 'Løn januar')!;
    await vault.records.write([
      { op: 'put', profileId, kind: 'bank-transaction', id: salary.id, data: { ...salary.data, category: 'other-income', categoryByCitizen: true } },
    ]);

    const again = preview(statement(JANUARY), await storedIds());
    expect(again.counts.new).toBe(0);
    await vault.records.write(transactionOps(again, { profileId, importId: 'imp-2' }));
    expect((await storedIds()).size).toBe(4);

    const overlap = preview(statement([...JANUARY.slice(2), ...FEBRUARY]), await storedIds());
    expect(overlap.counts).toMatchObject({ new: 2, duplicate: 2 });
    await vault.records.write(transactionOps(overlap, { profileId, importId: 'imp-3' }));
    const all = (await vault.records.list(profileId, bankTransactionKind)).records;
    expect(all).toHaveLength(6);
    const salaryNow = all.find((r) => r.id === salary.id)!;
    expect(salaryNow.data).toMatchObject({ category: 'other-income', categoryByCitizen: true, importId: 'imp-1' });
  });
});
