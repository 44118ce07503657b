/** Small readers of a sender's values shared by the blocks: lists, texts, cells and periods. */
import { textOf } from './format';
import { label, type Language } from './words';

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A part's items: a list as it is, one object as a list of one, anything else as nothing. */
export const itemsOf = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isObject) : isObject(value) ? [value] : []);

/** A list of strings (or of items with a text), as texts. */
export function stringsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    if (typeof v === 'string') return [textOf(v, true)];
    if (isObject(v)) {
      const text = [v.text, v.title, v.description].find((t) => typeof t === 'string');
      return text === undefined ? [] : [textOf(text, true)];
    }
    return [];
  });
}

/** Characters of a table cell: a 5 MB transaction text is not a cell. */
export const MAX_CELL_TEXT = 400;
export const cellText = (text: string): string => (text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text);

/** `{from} – {to}` with both ends formatted, or what there is of them. */
export const periodOf = (from: string, to: string, language: Language): string =>
  from && to ? (from === to ? from : label('periodFromTo', language, { from, to })) : from || to;

/** Rows of one table written out for print or index.html; the rest are in data.json (a 600,000-row table is no page). */
export const MAX_PRINTED_ROWS = 20_000;
