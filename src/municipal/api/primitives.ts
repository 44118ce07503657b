/**
 * The Citizen Data API's smallest shapes — dates, ids, the resource names — which every schema
 * file of the API builds on (schemas.ts re-exports them).
 */
import { z } from 'zod';

export const IsoDate = z.iso.date().describe('Calendar date, YYYY-MM-DD (Danish local date).');
export const IsoDateTime = z.iso.datetime({ offset: true }).describe('Instant with offset, e.g. 2026-03-12T10:30:00+01:00.');
export const Id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/)
  .describe('Stable id, unique within its resource.');
export const Text = z.string().min(1);

export const RESOURCES = ['cases', 'decisions', 'payments', 'activities', 'documents', 'access-log'] as const;
export const ResourceName = z.enum(RESOURCES);
export type ResourceName = z.infer<typeof ResourceName>;
