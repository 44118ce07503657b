import { z } from 'zod';
import { defineKind } from '../kind';

/**
 * What was imported, when and from which file, so the citizen can always see where their
 * health data came from. The id comes from the file's name and size: importing the same file
 * again updates its entry instead of adding one.
 */
export const healthImportKind = defineKind({
  name: 'health-import',
  scope: 'profile',
  version: 1,
  description: 'One imported health file: its name, size, format, when it was imported and what it held.',
  schema: z.object({
    fileName: z.string().min(1).max(500),
    bytes: z.int().min(0),
    format: z.enum(['apple-health-zip', 'apple-health-xml', 'fhir-json']),
    importedAt: z.iso.datetime({ offset: true }),
    exportDate: z.string().max(40).optional(),
    counts: z.object({
      days: z.int().min(0),
      types: z.int().min(0),
      samples: z.int().min(0),
      workouts: z.int().min(0),
      observations: z.int().min(0),
      clinical: z.int().min(0),
    }),
    /** Which metrics' raw samples were kept. */
    keptSamples: z.array(z.string().max(50)).max(50),
    issues: z.int().min(0),
  }),
});
