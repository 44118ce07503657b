/** Field schemas the money kinds share. */
import { z } from 'zod';

/** `YYYY-MM-DD`, a real calendar date. */
export const CalendarDate = z.iso.date();
export const IsoInstant = z.iso.datetime({ offset: true });
/** A record id of another money record (an account, an import). */
export const RefId = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);
/** A category id from the importers' catalogue (`groceries`, `transport` …) or `uncategorised`. */
export const CategoryId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'a category id');
/** Integer minor units (øre), well inside the range doubles count exactly. */
export const Minor = z.int().min(-1e15).max(1e15);

/** Which column holds what in a CSV layout nobody recognises (mirrors ColumnMapping in src/importers/bank/types.ts). */
export const ColumnMappingSchema = z.object({
  delimiter: z.enum([';', ',', '\t']),
  hasHeader: z.boolean(),
  date: z.int().min(0).max(200),
  text: z.int().min(0).max(200),
  amount: z.int().min(0).max(200),
  balance: z.int().min(0).max(200).optional(),
  dateStyle: z.enum(['DD.MM.YYYY', 'DD-MM-YYYY', 'DD/MM/YYYY', 'YYYY/MM/DD', 'YYYY-MM-DD']),
  decimal: z.enum([',', '.']),
});
