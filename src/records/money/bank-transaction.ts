import { z } from 'zod';
import { defineKind } from '../kind';
import { CalendarDate, CategoryId, Minor, RefId } from './fields';

/**
 * One booked row of a bank statement. Its record id is derived from the account and the row's
 * dedupe key (src/ui/money/ids.ts), so a re-imported row finds itself and is skipped, and the
 * citizen's category survives every later import.
 */
export const bankTransactionKind = defineKind({
  name: 'bank-transaction',
  countsAsImport: true,
  scope: 'profile',
  version: 1,
  description: 'One row of an imported bank statement, in integer øre, with its dedupe key, category and the import it came from.',
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
    /** The importer's dedupe key (date, amount, text and occurrence of identical rows). */
    key: z.string().min(1).max(2000),
    category: CategoryId,
    /** True once the citizen chose the category: rules never change it again. */
    categoryByCitizen: z.boolean(),
    importId: RefId,
  }),
});
