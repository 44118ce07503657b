/**
 * Which Danish bank wrote a CSV file, and which column holds what. Header rows are matched on
 * whole cells (trimmed, case-folded) — never substrings: a Swedish `Transaktions-ID` once made an
 * importer take Lunar for Nordea. Files without a header are recognised by the shape of their
 * cells: a date in the bank's style where the bank puts it, and Danish numbers for the amounts.
 */
import { parseDanishAmount } from './amount';
import { parseBankDate, type DateStyle } from './dates';
import { FORMAT } from './formats';
import type { BankFormat, ColumnMapping } from './types';

/** Where a layout keeps each field (0-based columns). */
export interface ColumnPlan {
  format: BankFormat;
  /** Index in the table's rows of the header row; data rows follow it. -1 when headerless. */
  headerRow: number;
  date: number;
  /** Used when `date` is empty (Revolut's Completed Date of a pending row). */
  altDate?: number;
  /** The style the dates are in; undefined tries every known style. */
  dateStyle?: DateStyle;
  valueDate?: number;
  /** Text columns in order of preference: the first non-empty one is the row's text. */
  text: readonly number[];
  counterparty?: readonly number[];
  amount: number;
  /** Undefined: the last `,` (or a lone `.` with one or two decimals) is the decimal mark. */
  decimal?: ',' | '.';
  /** Revolut's separate fee, subtracted from the amount. */
  fee?: number;
  balance?: number;
  currency?: number;
  defaultCurrency: string;
  account?: number;
  /** Nordea's own account number: the paying side for money out, the receiving side for money in. */
  ownAccount?: { payer: number; payee: number };
  sourceId?: number;
  status?: { column: number; kind: 'danske' | 'revolut' };
  /** Cells a row needs to be read at all. */
  minCells: number;
  /** Cells a whole row has, for a layout without a header that says it. */
  cells?: number;
}

type Header = readonly string[];

function normaliseHeader(row: readonly string[]): string[] {
  const out = row.map((c) => c.replace(LEADING_BOM, '').trim().toLowerCase());
  // A trailing delimiter (Nordea 2022+, Nykredit) gives one empty cell at the end.
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}
const LEADING_BOM = /^\uFEFF/;

function startsWith(h: Header, cells: readonly (string | readonly string[])[]): boolean {
  if (h.length < cells.length) return false;
  for (let i = 0; i < cells.length; i++) {
    const want = cells[i]!;
    if (typeof want === 'string' ? h[i] !== want : !want.includes(h[i]!)) return false;
  }
  return true;
}

function exactly(h: Header, cells: readonly (string | readonly string[])[]): boolean {
  return h.length === cells.length && startsWith(h, cells);
}

function col(h: Header, ...names: string[]): number | undefined {
  for (const name of names) {
    const at = h.indexOf(name);
    if (at >= 0) return at;
  }
  return undefined;
}

function need(h: Header, ...names: string[]): number {
  const at = col(h, ...names);
  if (at === undefined) throw new Error(`layout: header lacks ${names.join('/')}`);
  return at;
}

function defined(...xs: (number | undefined)[]): number[] {
  return xs.filter((x): x is number => x !== undefined);
}

function minCells(...xs: (number | undefined)[]): number {
  let m = 0;
  for (const x of xs) if (x !== undefined && x + 1 > m) m = x + 1;
  return m;
}

const BELOB = ['beløb', 'beløp'];
const AFSTEMT = ['afstemt', 'avstemt'];
const NORDEA_CURRENT = ['bogføringsdato', 'beløb', 'afsender', 'modtager', 'navn', 'beskrivelse', 'saldo', 'valuta'];
// Nordea's other Nordic netbanks: the same columns with Swedish labels, or (Finland, English)
// with a message and a reference number before the balance.
const NORDEA_SWEDISH = ['bokföringsdag', 'belopp', 'avsändare', 'mottagare', 'namn', 'rubrik', 'saldo', 'valuta'];
const NORDEA_ENGLISH = ['booking date', 'amount', 'sender', 'recipient', 'name', 'title', 'message', 'reference number', 'balance', 'currency'];
const JYSKE = ['dato', '', 'tekst', '', 'beløb', 'saldo', 'kommentar', 'afstemt', 'flag', 'konto'];
const NYKREDIT_ONLY = [
  'exportkonto',
  'afsenderkonto',
  'modtagerkonto',
  'valørdato',
  'ovf.type',
  'samlepost',
  'betalingsident',
  'end2end',
  'supp. tekst til modtager',
  'tekst til modtager',
];
const REVOLUT = ['type', 'started date', 'completed date', 'description', 'amount', 'currency', 'state'];
const LUNAR_EN = new Set(['date', 'time', 'title', 'text', 'amount', 'balance', 'transaction id']);
const LUNAR_SV = new Set(['datum', 'tid', 'titel', 'text', 'belopp', 'balans', 'saldo', 'transaktions-id']);

/** Header layouts, most specific first. */
const HEADER_LAYOUTS: readonly ((h: Header, row: number) => ColumnPlan | null)[] = [
  (h, headerRow) => {
    if (!REVOLUT.every((name) => h.includes(name))) return null;
    const p = {
      date: need(h, 'completed date'),
      altDate: need(h, 'started date'),
      text: [need(h, 'description')],
      amount: need(h, 'amount'),
      fee: col(h, 'fee'),
      currency: need(h, 'currency'),
      balance: col(h, 'balance'),
      state: need(h, 'state'),
    };
    return {
      format: FORMAT.revolut,
      headerRow,
      date: p.date,
      altDate: p.altDate,
      dateStyle: 'YYYY-MM-DD',
      text: p.text,
      amount: p.amount,
      decimal: '.',
      ...(p.fee !== undefined ? { fee: p.fee } : {}),
      ...(p.balance !== undefined ? { balance: p.balance } : {}),
      currency: p.currency,
      defaultCurrency: 'EUR',
      status: { column: p.state, kind: 'revolut' },
      minCells: minCells(p.date, p.altDate, p.amount, p.currency, p.state, ...p.text),
    };
  },
  (h, headerRow) => {
    // Lunar: every header cell one of its (English or Swedish) labels, with date, title and amount.
    const english = h.every((c) => LUNAR_EN.has(c));
    const swedish = !english && h.every((c) => LUNAR_SV.has(c));
    if (!english && !swedish) return null;
    const date = col(h, 'date', 'datum');
    const text = col(h, 'title', 'text', 'titel');
    const amount = col(h, 'amount', 'belopp');
    if (date === undefined || text === undefined || amount === undefined) return null;
    const balance = col(h, 'balance', 'balans', 'saldo');
    const sourceId = col(h, 'transaction id', 'transaktions-id');
    return {
      format: FORMAT.lunar,
      headerRow,
      date,
      text: [text],
      amount,
      ...(balance !== undefined ? { balance } : {}),
      ...(sourceId !== undefined ? { sourceId } : {}),
      // Swedish labels come from Lunar's Swedish accounts, which are kept in kronor (SEK).
      defaultCurrency: swedish ? 'SEK' : 'DKK',
      minCells: minCells(date, text, amount),
    };
  },
  (h, headerRow) => {
    if (!startsWith(h, NORDEA_CURRENT)) return null;
    const current = h.length > 8 && h[8] === 'afstemt';
    if (!current && h.length !== 8) return null;
    return {
      format: current ? FORMAT.nordea : FORMAT.nordea2022,
      headerRow,
      date: 0,
      dateStyle: current ? 'YYYY/MM/DD' : 'DD.MM.YYYY',
      text: [5, 4],
      counterparty: [4],
      amount: 1,
      balance: 6,
      currency: 7,
      defaultCurrency: 'DKK',
      ownAccount: { payer: 2, payee: 3 },
      minCells: 6,
    };
  },
  (h, headerRow) => {
    const swedish = startsWith(h, NORDEA_SWEDISH);
    const english = !swedish && startsWith(h, NORDEA_ENGLISH);
    if (!swedish && !english) return null;
    return {
      format: FORMAT.nordea,
      headerRow,
      date: 0,
      text: english ? [5, 6, 4] : [5, 4],
      counterparty: [4],
      amount: 1,
      balance: english ? 8 : 6,
      currency: english ? 9 : 7,
      defaultCurrency: swedish ? 'SEK' : 'EUR',
      ownAccount: { payer: 2, payee: 3 },
      minCells: 6,
    };
  },
  (h, headerRow) =>
    exactly(h, ['bogført', 'tekst', 'rentedato', BELOB, 'saldo'])
      ? {
          format: FORMAT.nordeaLegacy,
          headerRow,
          date: 0,
          dateStyle: 'DD-MM-YYYY',
          valueDate: 2,
          text: [1],
          amount: 3,
          balance: 4,
          defaultCurrency: 'DKK',
          minCells: 4,
        }
      : null,
  (h, headerRow) =>
    exactly(h, ['dato', 'tekst', BELOB, 'saldo', ['status'], AFSTEMT])
      ? {
          format: FORMAT.danskeBank,
          headerRow,
          date: 0,
          dateStyle: 'DD.MM.YYYY',
          text: [1],
          amount: 2,
          balance: 3,
          status: { column: 4, kind: 'danske' },
          defaultCurrency: 'DKK',
          minCells: 3,
        }
      : null,
  (h, headerRow) =>
    exactly(h, ['dato', 'kategori', 'underkategori', 'tekst', BELOB, 'saldo', ['status'], AFSTEMT])
      ? {
          format: FORMAT.danskeBankCategories,
          headerRow,
          date: 0,
          dateStyle: 'DD.MM.YYYY',
          text: [3],
          amount: 4,
          balance: 5,
          status: { column: 6, kind: 'danske' },
          defaultCurrency: 'DKK',
          minCells: 5,
        }
      : null,
  (h, headerRow) =>
    startsWith(h, JYSKE) && (h.length === 10 || h.length === 13)
      ? { format: FORMAT.jyskeBank, headerRow, date: 0, dateStyle: 'DD.MM.YYYY', text: [2], amount: 4, balance: 5, defaultCurrency: 'DKK', minCells: 5 }
      : null,
  (h, headerRow) => {
    // Nykredit: the citizen chooses the columns, so map by name.
    if (!NYKREDIT_ONLY.some((name) => h.includes(name))) return null;
    const date = col(h, 'dato');
    const amount = col(h, 'beløb');
    const text = defined(col(h, 'tekst'), col(h, 'tekst til modtager'), col(h, 'supp. tekst til modtager'), col(h, 'modtagernavn'), col(h, 'indbetaler'));
    if (date === undefined || amount === undefined || text.length === 0) return null;
    const p = { valueDate: col(h, 'valørdato'), balance: col(h, 'saldo'), currency: col(h, 'valuta'), account: col(h, 'exportkonto') };
    const counterparty = defined(col(h, 'modtagernavn'), col(h, 'indbetaler'));
    return {
      format: FORMAT.nykredit,
      headerRow,
      date,
      dateStyle: 'DD-MM-YYYY',
      ...(p.valueDate !== undefined ? { valueDate: p.valueDate } : {}),
      text,
      ...(counterparty.length > 0 ? { counterparty } : {}),
      amount,
      ...(p.balance !== undefined ? { balance: p.balance } : {}),
      ...(p.currency !== undefined ? { currency: p.currency } : {}),
      ...(p.account !== undefined ? { account: p.account } : {}),
      defaultCurrency: 'DKK',
      minCells: minCells(date, amount),
    };
  },
  (h, headerRow) => {
    if (!startsWith(h, ['dato', 'tekst', BELOB, 'saldo'])) return null;
    if (h.length === 4) return { format: FORMAT.laanSpar, headerRow, date: 0, text: [1], amount: 2, balance: 3, defaultCurrency: 'DKK', minCells: 3 };
    const account = col(h, 'kontonummer');
    return {
      format: FORMAT.sydbank,
      headerRow,
      date: 0,
      dateStyle: 'DD.MM.YYYY',
      text: [1],
      amount: 2,
      balance: 3,
      ...(account !== undefined ? { account } : {}),
      defaultCurrency: 'DKK',
      minCells: 3,
    };
  },
];

/** Looks for a known header among the first rows (Lån & Spar may put a preamble first). */
export function findHeaderLayout(rows: readonly (readonly string[])[]): ColumnPlan | null {
  const limit = Math.min(rows.length, 10);
  for (let r = 0; r < limit; r++) {
    const h = normaliseHeader(rows[r]!);
    for (const layout of HEADER_LAYOUTS) {
      const plan = layout(h, r);
      if (plan) return plan;
    }
  }
  return null;
}

/** The header cells of the first row, normalised; for the damaged-encoding check. */
export function headerCells(row: readonly string[]): string[] {
  return normaliseHeader(row);
}

interface Shape {
  format: BankFormat;
  cells: number;
  dates: readonly number[];
  style: DateStyle;
  text: number;
  amount: number;
  balance: number;
}

/** Headerless layouts by the shape of their rows. */
const SHAPES: readonly Shape[] = [
  { format: FORMAT.laanSparHeaderless, cells: 7, dates: [0, 1], style: 'DD-MM-YYYY', text: 2, amount: 3, balance: 4 },
  { format: FORMAT.portalbankHeaderless, cells: 5, dates: [1], style: 'DD-MM-YYYY', text: 2, amount: 3, balance: 4 },
  { format: FORMAT.sparekassenBusiness, cells: 6, dates: [0], style: 'DD/MM/YYYY', text: 1, amount: 2, balance: 3 },
  { format: FORMAT.sparekassenHeaderless, cells: 4, dates: [0], style: 'DD/MM/YYYY', text: 1, amount: 2, balance: 3 },
  { format: FORMAT.becHeaderless, cells: 4, dates: [0], style: 'DD-MM-YYYY', text: 1, amount: 2, balance: 3 },
];

function isNumber(cell: string | undefined, optional: boolean): boolean {
  if (cell === undefined) return optional;
  if (cell.trim() === '') return optional;
  try {
    parseDanishAmount(cell, ',');
    return true;
  } catch {
    return false;
  }
}

function fitsShape(row: readonly string[], s: Shape): boolean {
  // One trailing empty cell is a trailing delimiter, not a column; a balance in the last column
  // may be left out altogether (reserved rows).
  const n = row.length === s.cells + 1 && row[s.cells]!.trim() === '' ? s.cells : row.length;
  if (n !== s.cells && !(n === s.cells - 1 && s.balance === s.cells - 1)) return false;
  for (const d of s.dates) if (parseBankDate(row[d]!, s.style) === null) return false;
  return isNumber(row[s.amount], false) && isNumber(row[s.balance], true);
}

/** Recognises a headerless file when most of its first rows (and the very first) fit one shape. */
export function findHeaderlessLayout(rows: readonly (readonly string[])[]): ColumnPlan | null {
  const sample = rows.slice(0, 8);
  if (sample.length === 0) return null;
  for (const s of SHAPES) {
    if (!fitsShape(sample[0]!, s)) continue;
    let fit = 0;
    for (const row of sample) if (fitsShape(row, s)) fit++;
    if (fit * 4 < sample.length * 3) continue;
    return {
      format: s.format,
      headerRow: -1,
      // Lån & Spar's second date is the purchase date, not a value date: the booking date is kept.
      date: s.dates[0]!,
      dateStyle: s.style,
      text: [s.text],
      amount: s.amount,
      decimal: ',',
      balance: s.balance,
      defaultCurrency: 'DKK',
      minCells: s.amount + 1,
      cells: s.cells,
    };
  }
  return null;
}

/** The plan for the citizen's own column mapping. */
export function mappedLayout(mapping: ColumnMapping): ColumnPlan {
  return {
    format: FORMAT.mapped,
    headerRow: mapping.hasHeader ? 0 : -1,
    date: mapping.date,
    dateStyle: mapping.dateStyle,
    text: [mapping.text],
    amount: mapping.amount,
    decimal: mapping.decimal,
    ...(mapping.balance !== undefined ? { balance: mapping.balance } : {}),
    defaultCurrency: 'DKK',
    minCells: Math.max(mapping.date, mapping.text, mapping.amount) + 1,
  };
}
