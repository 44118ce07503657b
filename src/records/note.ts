import { z } from 'zod';
import { defineKind, type KindData } from './kind';

/** The citizen's own note, optionally attached to another record (a case, a payment…). */
export const noteKind = defineKind({
  name: 'note',
  scope: 'profile',
  version: 1,
  description: "The citizen's own note, optionally attached to another record.",
  schema: z.object({
    title: z.string().trim().min(1).max(200),
    body: z.string().max(100_000),
    attachedTo: z.object({ kind: z.string(), id: z.string() }).optional(),
  }),
});
export type NoteData = KindData<typeof noteKind>;
