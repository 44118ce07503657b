import { z } from 'zod';
import { defineKind } from '../kind';
import { CategoryId, IsoInstant } from './fields';

/** The citizen's own rule: rows whose text contains `match` get `category`; it wins over the built-in rules. */
export const categoryRuleKind = defineKind({
  name: 'category-rule',
  scope: 'profile',
  version: 1,
  description: 'A category rule of the citizen: bank texts containing the given words get the chosen category.',
  schema: z.object({
    /** Matched case-insensitively against the row's text and counterparty. */
    match: z.string().trim().min(2).max(200),
    category: CategoryId,
    createdAt: IsoInstant,
  }),
});
