/**
 * Bank figures as a reader of a statement expects them: transactions as a table with money in
 * and out and the net, spending per month and category, and the food budget with its averages.
 * Amounts are integer øre in the bundle and Danish kroner here.
 */
import { dateText, monthText, moneyText, textOf } from './format';
import { cellText, isObject, itemsOf, periodOf } from './parts';
import type { Block, Column, Fact, Table } from './types';
import { BANK_CATEGORY, label, word, type LabelKey, type Language } from './words';

type Rec = Record<string, unknown>;

const column = (key: LabelKey, language: Language, numeric = false): Column => ({ label: label(key, language), numeric });
const minorOf = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const currencyOf = (value: unknown): string => (typeof value === 'string' && /^[A-Z]{3}$/.test(value) ? value : 'DKK');

/** Money in, money out and the net for each currency the rows hold, and how many rows. */
function transactionTotals(rows: Rec[], language: Language): Fact[] {
  const sums = new Map<string, { in: number; out: number }>();
  for (const r of rows) {
    if (typeof r.amountMinor !== 'number') continue;
    const currency = currencyOf(r.currency);
    const sum = sums.get(currency) ?? { in: 0, out: 0 };
    if (r.amountMinor >= 0) sum.in += r.amountMinor;
    else sum.out += r.amountMinor;
    sums.set(currency, sum);
  }
  const out: Fact[] = [{ label: label('rowCount', language), value: String(rows.length) }];
  for (const [currency, s] of sums) {
    out.push(
      { label: label('moneyIn', language), value: moneyText(s.in, currency, language) },
      { label: label('moneyOut', language), value: moneyText(-s.out, currency, language) },
      { label: label('balance', language), value: moneyText(s.in + s.out, currency, language) },
    );
  }
  return out;
}

/** `{from, to, categories, fields, accounts?, rows}` as a table with totals. */
export function transactionsBlock(t: Rec, language: Language): Block {
  const rows = itemsOf(t.rows);
  const has = (key: string) => rows.some((r) => Object.hasOwn(r, key));
  const accounts = new Map(itemsOf(t.accounts).map((a) => [String(a.id), [textOf(a.name), textOf(a.number)].filter(Boolean).join(', ')]));
  const cells: { column: Column; cell: (r: Rec) => string }[] = [];
  if (has('date')) cells.push({ column: column('date', language), cell: (r) => dateText(r.date, language) });
  if (has('text')) cells.push({ column: column('text', language), cell: (r) => cellText(textOf(r.text)) });
  if (has('category')) cells.push({ column: column('category', language), cell: (r) => word(BANK_CATEGORY, r.category, language) });
  if (has('account')) cells.push({ column: column('account', language), cell: (r) => cellText(accounts.get(String(r.account)) ?? textOf(r.account)) });
  if (has('amountMinor')) cells.push({ column: column('amount', language, true), cell: (r) => moneyText(r.amountMinor, r.currency, language) });
  const categories =
    Array.isArray(t.categories) && t.categories.length > 0
      ? t.categories.map((c) => word(BANK_CATEGORY, c, language)).join(', ')
      : label('allCategories', language);
  const facts: Fact[] = [
    { label: label('period', language), value: periodOf(dateText(t.from, language), dateText(t.to, language), language) },
    { label: label('category', language), value: categories },
  ];
  if (accounts.size > 0) facts.push({ label: label('accounts', language), value: cellText([...accounts.values()].join('; ')) });
  const table: Table = {
    caption: label('transactions', language),
    columns: cells.map((c) => c.column),
    rowCount: rows.length,
    row: (i) => cells.map((c) => c.cell(rows[i]!)),
    totals: has('amountMinor') ? transactionTotals(rows, language) : [{ label: label('rowCount', language), value: String(rows.length) }],
  };
  return { kind: 'figures', heading: label('transactions', language), facts: facts.filter((f) => f.value !== ''), charts: [], tables: [table] };
}

/** `{currency, months: [{month, totalMinor, byCategory}]}`: a month a row, a category a column. */
export function spendingBlock(s: Rec, language: Language): Block {
  const currency = currencyOf(s.currency);
  const months = itemsOf(s.months);
  const categories = [...new Set(months.flatMap((m) => (isObject(m.byCategory) ? Object.keys(m.byCategory) : [])))];
  const total = months.reduce((sum, m) => sum + minorOf(m.totalMinor), 0);
  const table: Table = {
    caption: label('spending', language),
    columns: [
      column('month', language),
      column('total', language, true),
      ...categories.map((c) => ({ label: word(BANK_CATEGORY, c, language), numeric: true })),
    ],
    rowCount: months.length,
    row: (i) => {
      const m = months[i]!;
      const by = isObject(m.byCategory) ? m.byCategory : {};
      return [
        monthText(m.month, language),
        moneyText(minorOf(m.totalMinor), currency, language),
        ...categories.map((c) => moneyText(minorOf(by[c]), currency, language)),
      ];
    },
    totals: [{ label: label('total', language), value: moneyText(total, currency, language) }],
  };
  return { kind: 'figures', heading: label('spending', language), facts: [], charts: [], tables: [table] };
}

/** `{currency, months: [{month, spentMinor}], averageMinor, last3AverageMinor}`. */
export function foodBudgetBlock(f: Rec, language: Language): Block {
  const currency = currencyOf(f.currency);
  const months = itemsOf(f.months);
  const table: Table = {
    caption: label('foodBudget', language),
    columns: [column('month', language), column('spent', language, true)],
    rowCount: months.length,
    row: (i) => [monthText(months[i]!.month, language), moneyText(minorOf(months[i]!.spentMinor), currency, language)],
    totals: [],
  };
  const facts: Fact[] = [
    { label: label('average', language), value: moneyText(f.averageMinor, currency, language) },
    { label: label('last3Average', language), value: moneyText(f.last3AverageMinor, currency, language) },
  ];
  return { kind: 'figures', heading: label('foodBudget', language), facts: facts.filter((x) => x.value !== ''), charts: [], tables: [table] };
}
