/**
 * A bundle's data.json as a person reads it: one block per part, in words and Danish formats,
 * with no internal ids and no enum values. Pure (no DOM, no Node): the receiver page draws these
 * blocks, and the receiver CLI writes them as index.html, so both say the same.
 *
 * Lists of any length stay cheap: a table's cells are made only when a row is asked for
 * (`row(i)`), and long texts are kept whole; whoever draws them decides how much to show.
 */
import { caseBlock } from './case';
import { dateText as dateOf, sizeText as sizeOf, textOf } from './format';
import { healthRecordsBlock, healthSummaryBlock } from './health';
import { foodBudgetBlock, spendingBlock, transactionsBlock } from './money';
import { isObject, itemsOf, stringsOf } from './parts';
import { isCaseSummary, summaryView } from './summary';
import type { Block, FileItem, ReadableView, TextItem } from './types';
import { label, type Language } from './words';

export type * from './types';

const firstString = (record: Record<string, unknown>, keys: readonly string[]): unknown => keys.map((k) => record[k]).find((v) => typeof v === 'string');

function noteItems(items: Record<string, unknown>[], language: Language): TextItem[] {
  return items.map((n) => {
    const written = typeof n.createdAt === 'string' ? label('written', language, { date: dateOf(n.createdAt, language) }) : '';
    const changed = typeof n.updatedAt === 'string' && n.updatedAt !== n.createdAt ? label('changed', language, { date: dateOf(n.updatedAt, language) }) : '';
    return { title: textOf(n.title), meta: [written, changed].filter(Boolean).join(', '), text: textOf(n.body, true), points: [] };
  });
}

/** A summary, or any other text item: a heading, its text and its points. */
function textItem(record: Record<string, unknown>, language: Language): TextItem {
  const date = firstString(record, ['date', 'createdAt', 'madeAt', 'asOf']);
  return {
    title: textOf(firstString(record, ['title', 'heading', 'name'])),
    meta: typeof date === 'string' ? dateOf(date, language) : '',
    text: textOf(firstString(record, ['text', 'summary', 'body', 'description']), true),
    points: stringsOf(record.points ?? record.items ?? record.bullets),
  };
}

/** Items that read as text: each has a heading, and a text or a list of points. */
const isTextList = (items: Record<string, unknown>[]): boolean =>
  items.length > 0 &&
  items.every(
    (i) =>
      typeof firstString(i, ['title', 'heading', 'name']) === 'string' &&
      (typeof firstString(i, ['text', 'summary', 'body', 'description']) === 'string' || Array.isArray(i.points ?? i.items ?? i.bullets)),
  );

function attachments(items: Record<string, unknown>[], language: Language): FileItem[] {
  return items.map((a) => ({
    name: textOf(a.fileName),
    path: typeof a.file === 'string' ? a.file : '',
    facts: [
      { label: label('fileType', language), value: textOf(a.mediaType) },
      { label: label('size', language), value: sizeOf(a.size, language) },
    ].filter((f) => f.value !== ''),
  }));
}

/** The blocks of one top-level part of data.json. */
function blocksOf(key: string, value: unknown, language: Language): Block[] {
  const items = itemsOf(value);
  switch (key) {
    case 'cases':
      return items.filter((c) => isObject(c.case)).map((c) => caseBlock(c, language));
    case 'notes':
      return [{ kind: 'text', heading: label('notes', language), items: noteItems(items, language) }];
    case 'transactions':
      // A share's entries each hold their rows; a plain list of rows is one table.
      return items.some((t) => Array.isArray(t.rows)) ? items.map((t) => transactionsBlock(t, language)) : [transactionsBlock({ rows: items }, language)];
    case 'monthlySpending':
      return items.map((s) => spendingBlock(s, language));
    case 'foodBudget':
      return items.map((f) => foodBudgetBlock(f, language));
    case 'health':
      return items.map((h) => healthSummaryBlock(h, language));
    case 'healthRecords':
      return items.map((h) => healthRecordsBlock(h, language));
    case 'attachments':
      return [{ kind: 'files', heading: label('attachments', language), files: attachments(items, language) }];
  }
  // A case summary's points carry sections and sources; read as plain text they would lose both.
  if (items.length > 0 && items.every(isCaseSummary))
    return [{ kind: 'summary', heading: label('summaries', language), items: items.map((i) => summaryView(i, language)) }];
  if (isTextList(items)) {
    const heading = /summar|resum/i.test(key) ? label('summaries', language) : label('texts', language);
    return [{ kind: 'text', heading, items: items.map((i) => textItem(i, language)) }];
  }
  return [{ kind: 'unknown', heading: label('otherData', language) }];
}

/** The whole of data.json, part by part in the order the bundle holds them. */
export function readableView(data: Record<string, unknown>, language: Language): ReadableView {
  const blocks: Block[] = [];
  for (const key of Object.keys(data)) blocks.push(...blocksOf(key, data[key], language));
  return { language, blocks };
}
