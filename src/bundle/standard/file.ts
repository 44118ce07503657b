/** Turns a standard copy's text into a bundle file under `files/`. */
import type { BundleFile } from '../types';
import { utf8 } from '../../shared/bytes';

export const STANDARD_MEDIA_TYPES = {
  csv: 'text/csv;charset=utf-8',
  ofx: 'application/x-ofx',
  ics: 'text/calendar',
  fhir: 'application/fhir+json',
} as const;

export const textFile = (path: string, mediaType: string, text: string): BundleFile => ({ path, mediaType, bytes: utf8(text) });
