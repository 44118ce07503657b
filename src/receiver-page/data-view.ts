/**
 * Turns a bundle's data.json into readable sections: plain fields, tables for lists of records,
 * sub-sections for nested objects. Pure (no DOM); the page renders what this returns. Amounts
 * (`…Minor`, integer øre) become money, months and dates are kept typed for local formatting.
 *
 * Bounded whatever the data: a table's cells are made only for the rows shown (`row(i)`), and
 * fields, sections, columns, list items and cell texts stop at fixed limits — what is left out
 * is reported (`complete: false`) so the page can say so and offer data.json instead.
 */
import { visible } from '../bundle/visible';
import { fieldLabel as catalogueLabel, viewLabel } from './i18n/fields';
import type { Language } from './i18n';

export type Cell =
  | { kind: 'text'; text: string }
  | { kind: 'money'; minor: number; currency: string }
  | { kind: 'number'; value: number }
  | { kind: 'month'; month: string }
  | { kind: 'date'; iso: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'empty' };

export interface DataTable {
  caption: string;
  columns: string[];
  rowCount: number;
  /** The cells of row `i` (0 ≤ i < rowCount), made when asked: 600,000 rows cost nothing until shown. */
  row(i: number): Cell[];
}

export interface DataSection {
  title: string;
  fields: { label: string; value: Cell }[];
  tables: DataTable[];
  sections: DataSection[];
}

const MAX_DEPTH = 5;
/** Fields, tables and sections shown in all; a bundle with more parts is shown in part. */
export const MAX_PARTS = 2_000;
const MAX_COLUMNS = 40;
/** Items of a list of plain values shown in one field. */
const MAX_LIST_ITEMS = 100;
/** Characters of one cell's text. */
export const MAX_CELL_TEXT = 400;
/** Levels of a nested value written out in one cell; deeper ones are `…`. */
const MAX_CELL_DEPTH = 8;

/** What was left out, shared by one description. */
interface Budget {
  parts: number;
  complete: boolean;
}

const spend = (budget: Budget): boolean => {
  if (budget.parts >= MAX_PARTS) return (budget.complete = false);
  budget.parts++;
  return true;
};

const clip = (text: string): string => (text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text);

/** A key's label; an unknown key is the sender's own word, shown with its controls escaped. */
const fieldLabel = (key: string, language: Language): string => clip(visible(catalogueLabel(key, language)));
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isScalar = (value: unknown): boolean => value === null || ['string', 'number', 'boolean'].includes(typeof value);

function cell(key: string, value: unknown, currency: string): Cell {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (typeof value === 'number') {
    if (key.endsWith('Minor') && Number.isInteger(value)) return { kind: 'money', minor: value, currency };
    return { kind: 'number', value };
  }
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'string') {
    if (MONTH.test(value)) return { kind: 'month', month: value };
    if (DATE.test(value) && !Number.isNaN(Date.parse(value))) return { kind: 'date', iso: value };
    return { kind: 'text', text: clip(visible(value, true)) };
  }
  return { kind: 'text', text: clip(visible(summarise(value))) };
}

/**
 * Parts joined until the text is longer than a cell shows: a list of 600,000 items costs no
 * more than one of a hundred.
 */
function joinBounded<T>(items: readonly T[], separator: string, text: (item: T) => string): string {
  let out = '';
  for (const [i, item] of items.entries()) {
    if (out.length > MAX_CELL_TEXT) return `${out}${separator}…`;
    out += (i > 0 ? separator : '') + text(item);
  }
  return out;
}

/** A nested value as compact JSON, cut at a cell's length and depth. */
function compact(value: unknown, depth: number): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (depth > MAX_CELL_DEPTH) return '…';
  if (Array.isArray(value)) return `[${joinBounded(value, ',', (v) => compact(v, depth + 1))}]`;
  return `{${joinBounded(Object.entries(value), ',', ([k, v]) => `${JSON.stringify(k)}:${compact(v, depth + 1)}`)}}`;
}

/** A nested value in one line: lists joined, records by their name or as `key: value` pairs. */
function summarise(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return '–';
  if (typeof value !== 'object') return String(value);
  // Anything deeper than a cell can show is given as compact JSON rather than dropped.
  if (depth > 2) return compact(value, 0);
  if (Array.isArray(value)) return joinBounded(value, '; ', (v) => summarise(v, depth + 1));
  const record = value as Record<string, unknown>;
  for (const key of ['title', 'name', 'label', 'text', 'display']) if (typeof record[key] === 'string') return record[key];
  return joinBounded(Object.entries(record), ', ', ([k, v]) => `${k}: ${summarise(v, depth + 1)}`);
}

const currencyOf = (record: Record<string, unknown>, fallback: string): string =>
  typeof record.currency === 'string' && /^[A-Z]{3}$/.test(record.currency) ? record.currency : fallback;

/** A list of records as one table; one level of nested scalars becomes extra columns. */
function table(caption: string, items: unknown[], currency: string, language: Language, budget: Budget): DataTable {
  const columns: { path: [string] | [string, string]; label: string }[] = [];
  const seen = new Set<string>();
  const add = (path: [string] | [string, string], label: string) => {
    const id = path.join('.');
    if (seen.has(id)) return;
    // Rows with ever new keys would make a table too wide to read (and to hold).
    if (columns.length >= MAX_COLUMNS) return void (budget.complete = false);
    seen.add(id);
    columns.push({ path, label });
  };
  for (const item of items) {
    if (!isPlainObject(item)) {
      add(['value'], fieldLabel('value', language));
      continue;
    }
    for (const [key, value] of Object.entries(item)) {
      if (key === 'currency' || key === 'view') continue;
      if (isPlainObject(value) && Object.values(value).every(isScalar)) {
        for (const sub of Object.keys(value)) add([key, sub], `${fieldLabel(key, language)}: ${fieldLabel(sub, language)}`);
      } else add([key], fieldLabel(key, language));
    }
  }
  const row = (i: number): Cell[] => {
    const item = items[i];
    const record = isPlainObject(item) ? item : { value: item };
    const rowCurrency = currencyOf(record, currency);
    return columns.map(({ path }) => {
      const [key, sub] = path;
      if (sub === undefined) return cell(key, record[key], rowCurrency);
      const nested = record[key];
      // Per-category totals inside a row are amounts like their parent.
      return isPlainObject(nested)
        ? cell(key.endsWith('Minor') || key === 'byCategory' ? `${sub}Minor` : sub, nested[sub], rowCurrency)
        : { kind: 'empty' as const };
    });
  };
  return { caption, columns: columns.map((c) => c.label), rowCount: items.length, row };
}

function scalarList(values: unknown[], budget: Budget): string {
  if (values.length > MAX_LIST_ITEMS) budget.complete = false;
  return clip(visible(values.slice(0, MAX_LIST_ITEMS).map(String).join(', ') + (values.length > MAX_LIST_ITEMS ? ', …' : '')));
}

function section(title: string, record: Record<string, unknown>, currency: string, language: Language, depth: number, budget: Budget): DataSection {
  const out: DataSection = { title, fields: [], tables: [], sections: [] };
  const here = currencyOf(record, currency);
  for (const key in record) {
    if (!Object.hasOwn(record, key) || key === 'view' || key === 'currency') continue;
    if (!spend(budget)) break;
    const value = record[key];
    const label = fieldLabel(key, language);
    if (Array.isArray(value)) {
      if (value.length === 0) out.fields.push({ label, value: { kind: 'empty' } });
      else if (value.every(isScalar)) out.fields.push({ label, value: { kind: 'text', text: scalarList(value, budget) } });
      else if (value.every(isTableRow) || depth >= MAX_DEPTH) out.tables.push(table(label, value, here, language, budget));
      else out.sections.push(...itemSections(key, value, here, language, depth + 1, budget));
    } else if (isPlainObject(value)) {
      if (depth >= MAX_DEPTH) out.fields.push({ label, value: { kind: 'text', text: clip(visible(compact(value, 0))) } });
      else out.sections.push(section(sectionTitle(key, value, language), value, here, language, depth + 1, budget));
    } else out.fields.push({ label, value: cell(key, value, here) });
  }
  if (typeof record.currency === 'string' && out.fields.length + out.tables.length === 0) {
    out.fields.push({ label: fieldLabel('currency', language), value: { kind: 'text', text: clip(visible(record.currency)) } });
  }
  return out;
}

/** A record a table row can show whole: scalars, lists of scalars, or one level of scalars (per-category sums). */
const isTableRow = (value: unknown): boolean =>
  isScalar(value) ||
  (isPlainObject(value) &&
    Object.values(value).every((v) => isScalar(v) || (Array.isArray(v) && v.every(isScalar)) || (isPlainObject(v) && Object.values(v).every(isScalar))));

/** Records too rich for one table row each get a section of their own (a view, a case). */
function itemSections(key: string, items: unknown[], currency: string, language: Language, depth: number, budget: Budget): DataSection[] {
  const out: DataSection[] = [];
  for (const [i, item] of items.entries()) {
    if (!spend(budget)) break;
    const record = isPlainObject(item) ? item : { value: item };
    const title = sectionTitle(key, record, language);
    out.push(section(items.length > 1 && typeof record.view !== 'string' ? `${title} ${i + 1}` : title, record, currency, language, depth, budget));
  }
  return out;
}

const sectionTitle = (key: string, value: Record<string, unknown>, language: Language): string =>
  (typeof value.view === 'string' ? viewLabel(value.view, language) : undefined) ?? fieldLabel(key, language);

export interface DataView {
  sections: DataSection[];
  /** False when limits left parts out (too many fields, sections, columns or list items to show). */
  complete: boolean;
}

/** One section per top-level entry of data.json. */
export function describeData(data: Record<string, unknown>, language: Language): DataView {
  const budget: Budget = { parts: 0, complete: true };
  const sections: DataSection[] = [];
  const loose: Record<string, unknown> = {};
  for (const key in data) {
    if (!Object.hasOwn(data, key)) continue;
    if (!spend(budget)) break;
    const value = data[key];
    if (isPlainObject(value)) sections.push(section(sectionTitle(key, value, language), value, 'DKK', language, 1, budget));
    else if (Array.isArray(value) && value.some((v) => !isScalar(v))) {
      // The table's caption names it; a heading above would say the same again.
      if (value.every(isTableRow))
        sections.push({ title: '', fields: [], tables: [table(fieldLabel(key, language), value, 'DKK', language, budget)], sections: [] });
      else sections.push(...itemSections(key, value, 'DKK', language, 1, budget));
    } else loose[key] = value;
  }
  if (Object.keys(loose).length) sections.unshift(section('', loose, 'DKK', language, 1, budget));
  return { sections, complete: budget.complete };
}
