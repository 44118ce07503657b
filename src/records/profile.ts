import { z } from 'zod';
import { defineKind } from './kind';

export const PROFILE_RELATIONS = ['self', 'child', 'helped', 'other'] as const;

/** A person whose data the vault holds: the owner, their child, someone they help. */
export const profileKind = defineKind({
  name: 'profile',
  scope: 'vault',
  version: 1,
  description: 'A person whose data is kept in the vault, and how the vault owner relates to them.',
  schema: z.object({
    name: z.string().trim().min(1).max(120),
    relation: z.enum(PROFILE_RELATIONS),
  }),
});
