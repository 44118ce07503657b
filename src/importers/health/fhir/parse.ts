import type { FhirImport } from '../types';
import { healthError } from '../errors';

export function parseFhir(_text: string): FhirImport {
  throw healthError('unknown-format', 'not yet wired');
}
