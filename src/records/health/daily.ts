import { z } from 'zod';
import { defineKind } from '../kind';
import { CalendarDate, HealthMetric, Month, TypeName } from './schemas';

export const HealthDay = z.object({
  date: CalendarDate,
  count: z.int().min(0),
  sum: z.number(),
  min: z.number(),
  max: z.number(),
  mean: z.number(),
  sources: z.array(z.string().max(300)).max(100),
});
export type HealthDay = z.infer<typeof HealthDay>;

/**
 * One month of daily figures of one type: a year of steps is 12 records, not 365. The record's
 * id comes from the type and the month, so importing the same export again replaces the month.
 */
export const healthDailyKind = defineKind({
  name: 'health-daily',
  countsAsImport: true,
  scope: 'profile',
  version: 1,
  description: 'One month of daily aggregates (sum, min, mean, max, sources) of one health type, e.g. steps or weight.',
  schema: z
    .object({
      type: TypeName,
      metric: HealthMetric,
      unit: z.string().min(1).max(50),
      month: Month,
      days: z.array(HealthDay).min(1).max(31),
    })
    .refine((m) => m.days.every((d) => d.date.startsWith(m.month)), 'every day lies in the month')
    .refine((m) => new Set(m.days.map((d) => d.date)).size === m.days.length, 'each day once'),
});
