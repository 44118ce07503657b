import { z } from 'zod';
import { defineKind } from '../kind';
import { HealthMetric, Month, TypeName } from './schemas';

/**
 * The raw samples of one type in one month, kept only when the citizen asks for them. Stored
 * column by column (instants as epoch milliseconds, sources by index): a month of heart rate
 * is tens of thousands of samples, and per-sample objects would triple its size.
 */
export const healthSamplesKind = defineKind({
  name: 'health-samples',
  countsAsImport: true,
  scope: 'profile',
  version: 1,
  description: 'The raw samples of one health type in one month, kept by the citizen\u2019s choice, stored column by column.',
  schema: z
    .object({
      type: TypeName,
      metric: HealthMetric,
      unit: z.string().min(1).max(50),
      month: Month,
      sources: z.array(z.string().max(300)).max(1000),
      /** Start of each sample, epoch milliseconds. */
      start: z.array(z.number().int()),
      /** Length of each sample in milliseconds (0 for a point in time). */
      durationMs: z.array(z.number().int().min(0)),
      value: z.array(z.number()),
      /** Index into `sources` of each sample. */
      source: z.array(z.int().min(0)),
    })
    .refine(
      (s) => s.start.length === s.durationMs.length && s.start.length === s.value.length && s.start.length === s.source.length,
      'the columns have the same length',
    )
    .refine((s) => s.source.every((i) => i < s.sources.length), 'every source index points into sources'),
});
