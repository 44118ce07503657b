/**
 * Turns a bundle's data.json into readable sections: plain fields, tables for lists of records,
 * sub-sections for nested objects. Pure (no DOM); the page renders what this returns. Amounts
 * (`…Minor`, integer øre) become money, months and dates are kept typed for local formatting.
 */
import { fieldLabel, viewLabel } from './i18n/fields';
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
  rows: Cell[][];
}

export interface DataSection {
  title: string;
  fields: { label: string; value: Cell }[];
  tables: DataTable[];
  sections: DataSection[];
}

const MAX_DEPTH = 5;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
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
    return { kind: 'text', text: value };
  }
  return { kind: 'text', text: summarise(value) };
}

/** A nested value in one line: lists joined, records by their name or as `key: value` pairs. */
function summarise(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return '–';
  if (typeof value !== 'object') return String(value);
  // Anything deeper than a cell can show is given as compact JSON rather than dropped.
  if (depth > 2) return JSON.stringify(value);
  if (Array.isArray(value)) return value.map((v) => summarise(v, depth + 1)).join('; ');
  const record = value as Record<string, unknown>;
  for (const key of ['title', 'name', 'label', 'text', 'display']) if (typeof record[key] === 'string') return record[key];
  return Object.entries(record)
    .map(([k, v]) => `${k}: ${summarise(v, depth + 1)}`)
    .join(', ');
}

const currencyOf = (record: Record<string, unknown>, fallback: string): string =>
  typeof record.currency === 'string' && /^[A-Z]{3}$/.test(record.currency) ? record.currency : fallback;

/** A list of records as one table; one level of nested scalars becomes extra columns. */
function table(caption: string, items: unknown[], currency: string, language: Language): DataTable {
  const columns: { path: [string] | [string, string]; label: string }[] = [];
  const seen = new Set<string>();
  const add = (path: [string] | [string, string], label: string) => {
    const id = path.join('.');
    if (!seen.has(id)) seen.add(id), columns.push({ path, label });
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
  const rows = items.map((item) => {
    const record = isPlainObject(item) ? item : { value: item };
    const rowCurrency = currencyOf(record, currency);
    return columns.map(({ path }) => {
      const [key, sub] = path;
      if (sub === undefined) return cell(key, record[key], rowCurrency);
      const nested = record[key];
      // Per-category totals inside a row are amounts like their parent.
      return isPlainObject(nested) ? cell(key.endsWith('Minor') || key === 'byCategory' ? `${sub}Minor` : sub, nested[sub], rowCurrency) : { kind: 'empty' as const };
    });
  });
  return { caption, columns: columns.map((c) => c.label), rows };
}

function section(title: string, record: Record<string, unknown>, currency: string, language: Language, depth: number): DataSection {
  const out: DataSection = { title, fields: [], tables: [], sections: [] };
  const here = currencyOf(record, currency);
  for (const [key, value] of Object.entries(record)) {
    if (key === 'view' || key === 'currency') continue;
    const label = fieldLabel(key, language);
    if (Array.isArray(value)) {
      if (value.length === 0) out.fields.push({ label, value: { kind: 'empty' } });
      else if (value.every(isScalar)) out.fields.push({ label, value: { kind: 'text', text: value.map(String).join(', ') } });
      else if (value.every(isTableRow) || depth >= MAX_DEPTH) out.tables.push(table(label, value, here, language));
      else out.sections.push(...itemSections(key, value, here, language, depth + 1));
    } else if (isPlainObject(value)) {
      if (depth >= MAX_DEPTH) out.fields.push({ label, value: { kind: 'text', text: JSON.stringify(value) } });
      else out.sections.push(section(sectionTitle(key, value, language), value, here, language, depth + 1));
    } else out.fields.push({ label, value: cell(key, value, here) });
  }
  if (typeof record.currency === 'string' && out.fields.length + out.tables.length === 0) {
    out.fields.push({ label: fieldLabel('currency', language), value: { kind: 'text', text: record.currency } });
  }
  return out;
}

/** A record a table row can show whole: scalars, lists of scalars, or one level of scalars (per-category sums). */
const isTableRow = (value: unknown): boolean =>
  isScalar(value) ||
  (isPlainObject(value) &&
    Object.values(value).every((v) => isScalar(v) || (Array.isArray(v) && v.every(isScalar)) || (isPlainObject(v) && Object.values(v).every(isScalar))));

/** Records too rich for one table row each get a section of their own (a view, a case). */
function itemSections(key: string, items: unknown[], currency: string, language: Language, depth: number): DataSection[] {
  return items.map((item, i) => {
    const record = isPlainObject(item) ? item : { value: item };
    const title = sectionTitle(key, record, language);
    return section(items.length > 1 && typeof record.view !== 'string' ? `${title} ${i + 1}` : title, record, currency, language, depth);
  });
}

const sectionTitle = (key: string, value: Record<string, unknown>, language: Language): string =>
  (typeof value.view === 'string' ? viewLabel(value.view, language) : undefined) ?? fieldLabel(key, language);

/** One section per top-level entry of data.json. */
export function describeData(data: Record<string, unknown>, language: Language): DataSection[] {
  const sections: DataSection[] = [];
  const loose: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (isPlainObject(value)) sections.push(section(sectionTitle(key, value, language), value, 'DKK', language, 1));
    else if (Array.isArray(value) && value.some((v) => !isScalar(v))) {
      // The table's caption names it; a heading above would say the same again.
      if (value.every(isTableRow)) sections.push({ title: '', fields: [], tables: [table(fieldLabel(key, language), value, 'DKK', language)], sections: [] });
      else sections.push(...itemSections(key, value, 'DKK', language, 1));
    } else loose[key] = value;
  }
  if (Object.keys(loose).length) sections.unshift(section('', loose, 'DKK', language, 1));
  return sections;
}
