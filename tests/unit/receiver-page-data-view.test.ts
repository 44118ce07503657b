/** The receiver page's reading of data.json: the vault's shapes become fields, tables and sections. */
import { describe, expect, it } from 'vitest';
import { describeData as describeView, type DataSection, type DataTable } from '../../src/receiver-page/data-view';
import { DIET_PLAN, foodBudgetView } from './budget-service-fixtures';

const all = (sections: DataSection[]): DataSection[] => sections.flatMap((s) => [s, ...all(s.sections)]);
const describeData = (...args: Parameters<typeof describeView>): DataSection[] => describeView(...args).sections;
const rowsOf = (table: DataTable) => Array.from({ length: table.rowCount }, (_, i) => table.row(i));

describe('describeData', () => {
  it('shows the food budget as a titled section with a table of months and amounts as money', () => {
    const sections = describeData({ foodBudget: [foodBudgetView()], notes: [DIET_PLAN] }, 'da');
    const budget = all(sections).find((s) => s.title === 'Madbudget pr. måned')!;
    expect(budget).toBeDefined();
    expect(budget.fields).toContainEqual({ label: 'Gennemsnit pr. måned', value: { kind: 'money', minor: foodBudgetView().averageMinor, currency: 'DKK' } });
    const months = budget.tables.find((t) => t.caption === 'Måneder')!;
    expect(months.columns).toEqual(['Måned', 'Brugt']);
    expect(months.row(0)).toEqual([
      { kind: 'month', month: '2026-08' },
      { kind: 'money', minor: 312_450, currency: 'DKK' },
    ]);
    // Notes are flat records: one table.
    const notes = sections.flatMap((s) => s.tables).find((t) => t.caption === 'Noter')!;
    expect(rowsOf(notes)).toEqual([
      [
        { kind: 'text', text: DIET_PLAN.title },
        { kind: 'text', text: DIET_PLAN.body },
      ],
    ]);
  });

  it('spreads per-category sums into columns, and keeps per-row currencies', () => {
    const sections = describeData(
      {
        monthlySpending: [
          {
            view: 'monthly-spending-per-category',
            currency: 'EUR',
            months: [{ month: '2026-01', totalMinor: 500, byCategory: { groceries: 300, transport: 200 } }],
          },
        ],
      },
      'en',
    );
    const table = all(sections).flatMap((s) => s.tables)[0]!;
    expect(table.columns).toEqual(['Month', 'Total', 'By category: Groceries', 'By category: Transport']);
    expect(table.row(0)).toContainEqual({ kind: 'money', minor: 300, currency: 'EUR' });
  });

  it('gives a case with its parts a section each, and never drops what it cannot lay out', () => {
    const deep = { a: { b: { c: { d: { e: { f: 1 } } } } } };
    const sections = describeData(
      { cases: [{ case: { title: 'Kontanthjælp', openedAt: '2026-01-05' }, decisions: [{ title: 'Bevilling', decidedAt: '2026-02-01' }] }], deep },
      'da',
    );
    const titles = all(sections).map((s) => s.title);
    expect(titles).toContain('Sager');
    expect(titles).toContain('Sag');
    const decided = all(sections)
      .flatMap((s) => s.tables)
      .find((t) => t.caption === 'Afgørelser')!;
    expect(decided.row(0)).toContainEqual({ kind: 'date', iso: '2026-02-01' });
    expect(JSON.stringify(all(sections))).toContain('{\\"f\\":1}');
    // Nested values inside a table cell are summarised in one line, by name where they have one.
    const rows = describeData({ decisions: [{ title: 'Bevilling', basis: ['Lægeerklæring', 'Samtale'], law: { paragraph: '§ 11', act: 'LAS' } }] }, 'da')[0]!
      .tables[0]!;
    expect(rows.row(0)).toEqual([
      { kind: 'text', text: 'Bevilling' },
      { kind: 'text', text: 'Lægeerklæring; Samtale' },
      { kind: 'text', text: '§ 11' },
      { kind: 'text', text: 'LAS' },
    ]);
    const contact = describeData(
      {
        people: [
          { name: 'Sanne', phones: [{ number: '72 36 41 12' }] },
          { name: 'Ole', team: { lead: { name: 'Eva' } } },
        ],
      },
      'da',
    );
    expect(JSON.stringify(all(contact).map((s) => [s.fields, s.tables.map(rowsOf)]))).toContain('Eva');
  });
});
