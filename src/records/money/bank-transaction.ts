import { z } from 'zod';
import { defineKind } from '../kind';
import { CalendarDate, CategoryId, Minor, RefId } from './fields';

/**
 * One booked row of a bank statement. Its record id is derived from the account and the row's
 * dedupe key (src/ui/money/ids.ts), so a re-imported row finds itself and is skipped, and the
 * citizen's category survives every later import.
 *
 * Version 2 no longer keeps the dedupe key: it repeated the account, date, amount, currency,
 * balance and text beside them (a third of a typical row's bytes), and once hashed into the id
 * nothing read it again.
 */
/** Version 1 → 2: the stored dedupe key goes; every other field stays as it was. */
function withoutDedupeKey(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  const { key: _dropped, ...rest } = data as Record<string, unknown>;
  return rest;
}

export const bankTransactionKind = defineKind({
  name: 'bank-transaction',
  countsAsImport: true,
  scope: 'profile',
  version: 2,
  description: 'One row of an imported bank statement, in integer øre, with its category and the import it came from.',
  migrations: { 1: withoutDedupeKey },
  schema: z.object({
    /** The bank-account record it belongs to. */
    accountId: RefId,
    date: CalendarDate,
    valueDate: CalendarDate.optional(),
    amountMinor: Minor,
    currency: z.string().regex(/^[A-Z]{3}$/),
    text: z.string().max(1000),
    counterparty: z.string().max(500).optional(),
    balanceMinor: Minor.optional(),
    pending: z.boolean(),
    sourceId: z.string().max(200).optional(),
    /** 1-based line in the file it was imported from. */
    line: z.int().min(1),
    category: CategoryId,
    /** True once the citizen chose the category: rules never change it again. */
    categoryByCitizen: z.boolean(),
    importId: RefId,
  }),
});
