/**
 * The record schemas' checks compiled ahead of time (record-checks.data.ts, written by
 * scripts/record-checks.ts with zod's own compiler). zod compiles them itself where `new
 * Function` may run; an extension's service worker may not, and there zod's interpreter costs
 * several times as much per record — a first sync checks tens of thousands.
 *
 * A compiled check only ever says "passes": a record it does not pass goes to zod, whose answer
 * (and error) is the one that counts, so nothing is refused here that zod would accept.
 */
import type { z } from 'zod';
import { INVALID } from 'zod/v4/core';
import { RECORD_CHECKS } from './record-checks.data';
import { RECORD_SCHEMA_OF, RESOURCES } from './schemas';

type Check = (value: unknown) => boolean;

const CHECK_OF = new Map<z.ZodType, Check>(
  RESOURCES.map((resource) => {
    // zod's compiled function answers INVALID, or `true` or the parsed value (for a union's branch).
    const compiled: (value: unknown) => unknown = RECORD_CHECKS[resource];
    return [RECORD_SCHEMA_OF[resource], (value) => compiled(value) !== INVALID];
  }),
);

/** The compiled "passes" check of an API record schema, if it has one. */
export const compiledCheckOf = (schema: z.ZodType): Check | undefined => CHECK_OF.get(schema);
