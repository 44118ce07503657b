/**
 * Collects the issues of one import without letting a broken multi-GB file produce millions of
 * them: the first few of each kind are kept with their element number, the rest are counted and
 * reported as one summary issue per kind.
 */
import type { ImportIssue } from '../types';

const KEEP_PER_CODE = 20;

export const ISSUE_TEXT: Record<string, { da: string; en: string }> = {
  'bad-date': { da: 'En måling har en dato, der ikke kan læses, og er sprunget over.', en: 'A measurement has a date that cannot be read and was skipped.' },
  'bad-value': {
    da: 'En måling har en værdi, der ikke er et tal, og er sprunget over.',
    en: 'A measurement has a value that is not a number and was skipped.',
  },
  'missing-type': { da: 'En måling mangler sin type og er sprunget over.', en: 'A measurement has no type and was skipped.' },
  'bad-duration': {
    da: 'En søvnperiode har en længde, der ikke giver mening, og er sprunget over.',
    en: 'A sleep period has an impossible length and was skipped.',
  },
  'bad-workout': { da: 'En træning har datoer, der ikke kan læses, og er sprunget over.', en: 'A workout has dates that cannot be read and was skipped.' },
  'bad-clinical-record': { da: 'En journaloplysning kunne ikke læses og er sprunget over.', en: 'A health record could not be read and was skipped.' },
  'bad-resource': { da: 'En oplysning i FHIR-filen kunne ikke læses og er sprunget over.', en: 'An entry in the FHIR file could not be read and was skipped.' },
  'entered-in-error': {
    da: 'En oplysning var markeret som fejlindtastet og er ikke taget med.',
    en: 'An entry was marked as entered in error and was left out.',
  },
  'unresolved-reference': {
    da: 'En henvisning til en anden oplysning kunne ikke findes i filen.',
    en: 'A reference to another entry could not be found in the file.',
  },
};

const MORE = { da: (n: number) => `og ${n} mere af samme slags`, en: (n: number) => `and ${n} more of the same kind` };

export class IssueLog {
  private readonly kept: ImportIssue[] = [];
  private readonly counts = new Map<string, number>();

  add(code: string, severity: ImportIssue['severity'], line?: number, detail?: string): void {
    const n = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, n);
    if (n > KEEP_PER_CODE) return;
    const message = ISSUE_TEXT[code] ?? { da: 'Noget i filen kunne ikke læses.', en: 'Something in the file could not be read.' };
    const issue: ImportIssue = { code, severity, message };
    if (line !== undefined) issue.line = line;
    if (detail !== undefined) issue.detail = detail;
    this.kept.push(issue);
  }

  /** Adds issues already made elsewhere (e.g. a clinical record's own FHIR issues). */
  addAll(issues: readonly ImportIssue[]): void {
    for (const i of issues) {
      const n = (this.counts.get(i.code) ?? 0) + 1;
      this.counts.set(i.code, n);
      if (n <= KEEP_PER_CODE) this.kept.push(i);
    }
  }

  result(): ImportIssue[] {
    const out = [...this.kept];
    for (const [code, n] of this.counts) {
      if (n <= KEEP_PER_CODE) continue;
      const base = ISSUE_TEXT[code] ?? { da: 'Noget i filen kunne ikke læses.', en: 'Something in the file could not be read.' };
      const extra = n - KEEP_PER_CODE;
      out.push({ code, severity: 'skipped', message: { da: `${base.da} (${MORE.da(extra)})`, en: `${base.en} (${MORE.en(extra)})` }, detail: `${n} in all` });
    }
    return out;
  }
}
