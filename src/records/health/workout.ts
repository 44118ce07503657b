import { z } from 'zod';
import { defineKind } from '../kind';
import { Instant } from './schemas';

/** One workout from an Apple Health export; its id comes from its activity, start and source. */
export const healthWorkoutKind = defineKind({
  name: 'health-workout',
  countsAsImport: true,
  scope: 'profile',
  version: 1,
  description: 'One workout (activity, start, end, duration, distance, energy, source) from a health export.',
  schema: z.object({
    activity: z.string().min(1).max(200),
    start: Instant,
    end: Instant,
    durationMinutes: z.number().min(0),
    distanceKm: z.number().min(0).optional(),
    energyKcal: z.number().min(0).optional(),
    source: z.string().max(300),
  }),
});
