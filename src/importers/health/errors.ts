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
  return new ImportError(code, detail, { citizenMessage: MESSAGES[code], ...(cause === undefined ? {} : { cause }) });
}

/** A type the file names that is not a FHIR resource type, shown to the citizen as written (letters only). */
function typeText(type: unknown): string {
  const s = typeof type === 'string' ? type.replace(/[^A-Za-z0-9]/g, '').slice(0, 40) : '';
  return s === '' ? '?' : s;
}

/**
 * A `resourceType` FHIR does not define (a misspelt `Bundel`, `Observaton`): at the top the file
 * is not FHIR we can read (`unknown-format`); inside a bundle (entry `entry`) the bundle is broken.
 */
export function unknownResourceType(type: unknown, entry?: number): ImportError {
  const name = typeText(type);
  if (entry === undefined) {
    return new ImportError('unknown-format', 'unknown top-level resourceType', {
      citizenMessage: {
        da: `Filen kalder sig en FHIR-ressource af typen «${name}», men den type findes ikke i FHIR. Filen er måske skrevet forkert eller ikke en FHIR-fil.`,
        en: `The file calls itself a FHIR resource of type “${name}”, but FHIR has no such type. The file may be misspelt or not a FHIR file.`,
      },
    });
  }
  return new ImportError('malformed', `unknown resourceType in entry ${entry}`, {
    citizenMessage: {
      da: `Post ${entry} i FHIR-filen har typen «${name}», som ikke findes i FHIR. Filen er måske beskadiget eller skrevet forkert.`,
      en: `Entry ${entry} of the FHIR file has the type “${name}”, which FHIR does not have. The file may be damaged or misspelt.`,
    },
  });
}

/** A Bundle entry that is not a resource at all (no object, no `resourceType`). */
export function badBundleEntry(entry: number): ImportError {
  return new ImportError('malformed', `bundle entry ${entry} is not a resource`, {
    citizenMessage: {
      da: `Post ${entry} i FHIR-filens samling (Bundle) kan ikke læses: den er ikke en FHIR-ressource. Filen er måske beskadiget.`,
      en: `Entry ${entry} of the FHIR file's collection (Bundle) cannot be read: it is not a FHIR resource. The file may be damaged.`,
    },
  });
}
