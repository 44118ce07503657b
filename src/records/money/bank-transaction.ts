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
 *
 * Version 3 stores no default: kroner, booked (not pending) and a category the rules chose are
 * what nearly every row is, so a row names its currency, `pending` and `categoryByCitizen` only
 * when they differ. Those three fields were about a seventh of a stored row. The schema takes a
 * row with or without them and stores it without; `readTransaction` gives the whole row back.
 */

/** Kroner: the currency of a row that names none. */
export const DEFAULT_CURRENCY = 'DKK';

const Currency = z.string().regex(/^[A-Z]{3}$/);

const fields = {
  /** The bank-account record it belongs to. */
  accountId: RefId,
  date: CalendarDate,
  valueDate: CalendarDate.optional(),
  amountMinor: Minor,
  text: z.string().max(1000),
  counterparty: z.string().max(500).optional(),
  balanceMinor: Minor.optional(),
  sourceId: z.string().max(200).optional(),
  /** 1-based line in the file it was imported from. */
  line: z.int().min(1),
  category: CategoryId,
  importId: RefId,
};

/** A row with every field: what the importer, the screens and sharing work with. */
export type Transaction = z.infer<z.ZodObject<typeof fields>> & {
  currency: string;
  pending: boolean;
  /** True once the citizen chose the category: rules never change it again. */
  categoryByCitizen: boolean;
};

/** A row as stored: the three defaulted fields only when they differ from the default. */
export type StoredTransaction = z.infer<z.ZodObject<typeof fields>> & {
  /** Absent for kroner. */
  currency?: string;
  /** Present only for a reserved row. */
  pending?: true;
  /** Present only once the citizen chose the category. */
  categoryByCitizen?: true;
};

type AnyShape = z.infer<z.ZodObject<typeof fields>> & { currency?: string | undefined; pending?: boolean | undefined; categoryByCitizen?: boolean | undefined };

/** The row without its defaults, in one field order (the order it is stored in). */
export function storedTransaction(row: AnyShape): StoredTransaction {
  const { currency, pending, categoryByCitizen, ...rest } = row;
  return {
    ...rest,
    ...(currency !== undefined && currency !== DEFAULT_CURRENCY ? { currency } : {}),
    ...(pending ? { pending: true as const } : {}),
    ...(categoryByCitizen ? { categoryByCitizen: true as const } : {}),
  };
}

/** The stored row with its defaults filled in. */
export const readTransaction = (row: StoredTransaction): Transaction => ({
  ...row,
  currency: row.currency ?? DEFAULT_CURRENCY,
  pending: row.pending ?? false,
  categoryByCitizen: row.categoryByCitizen ?? false,
});

/** The currency of a stored row. */
export const transactionCurrency = (row: Pick<StoredTransaction, 'currency'>): string => row.currency ?? DEFAULT_CURRENCY;

/** Version 1 → 2: the stored dedupe key goes; every other field stays as it was. */
function withoutDedupeKey(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  const { key: _dropped, ...rest } = data as Record<string, unknown>;
  return rest;
}

/** Version 2 → 3: the defaults go (see above). A version 2 row was checked against its schema when written. */
function withoutDefaults(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  return storedTransaction(data as AnyShape);
}

export const bankTransactionKind = defineKind({
  name: 'bank-transaction',
  countsAsImport: true,
  scope: 'profile',
  version: 3,
  description:
    'One row of an imported bank statement, in integer øre, with its category and the import it came from; kroner, booked and rule-chosen are not stored.',
  migrations: { 1: withoutDedupeKey, 2: withoutDefaults },
  // Written whole or without its defaults, stored without them.
  schema: z
    .object({ ...fields, currency: Currency.optional(), pending: z.boolean().optional(), categoryByCitizen: z.boolean().optional() })
    .transform((row): StoredTransaction => storedTransaction(row)),
});
