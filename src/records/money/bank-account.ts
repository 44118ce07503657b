import { z } from 'zod';
import { defineKind } from '../kind';
import { ColumnMappingSchema, IsoInstant, RefId } from './fields';

/**
 * A bank account the citizen imports statements into: what they call it, the bank's file
 * format, the column mapping they chose for an unknown layout (remembered for the next file),
 * and what the last import added.
 */
export const bankAccountKind = defineKind({
  name: 'bank-account',
  scope: 'profile',
  version: 1,
  description: 'A bank account statements are imported into: its name, the file format, the remembered column mapping and the last import.',
  schema: z.object({
    label: z.string().trim().min(1).max(120),
    /** Account number or IBAN as the bank's file names it, when it does. */
    accountNumber: z.string().trim().min(1).max(64).optional(),
    /** The importer's format id (`danske-bank`, `camt053`, `mapped` …) of the last file. */
    formatId: z.string().min(1).max(40),
    mapping: ColumnMappingSchema.optional(),
    lastImport: z
      .object({
        importId: RefId,
        at: IsoInstant,
        added: z.int().min(0),
        duplicates: z.int().min(0),
      })
      .optional(),
  }),
});
