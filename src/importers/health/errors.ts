/**
 * The health importers' errors, with the citizen's wording in one place. Detail strings are for
 * developers and never contain values from the file (it is health data).
 */
import { ImportError, type ImportErrorCode } from '../types';

const MESSAGES: Record<ImportErrorCode, { da: string; en: string }> = {
  'empty-file': { da: 'Filen er tom.', en: 'The file is empty.' },
  'not-text': { da: 'Filen er ikke en tekstfil.', en: 'The file is not a text file.' },
  'unknown-format': {
    da: 'Filen ligner ikke en eksport fra Apple Sundhed eller en FHIR-fil.',
    en: 'The file does not look like an Apple Health export or a FHIR file.',
  },
  'damaged-encoding': { da: 'Filens tegn er beskadigede.', en: 'The characters in the file are damaged.' },
  malformed: {
    da: 'Filen er beskadiget og kan ikke læses. Prøv at eksportere igen.',
    en: 'The file is damaged and cannot be read. Try exporting again.',
  },
  truncated: {
    da: 'Filen slutter for tidligt. Den er måske ikke hentet helt. Prøv at eksportere igen.',
    en: 'The file ends too early. It may not have been copied completely. Try exporting again.',
  },
  'too-large': { da: 'Filen er for stor.', en: 'The file is too large.' },
  'line-too-long': { da: 'En linje i filen er for lang.', en: 'A line in the file is too long.' },
  cancelled: { da: 'Indlæsningen blev afbrudt.', en: 'The import was cancelled.' },
};

export function healthError(code: ImportErrorCode, detail?: string, cause?: unknown): ImportError {
  return new ImportError(code, MESSAGES[code], detail, cause === undefined ? undefined : { cause });
}
