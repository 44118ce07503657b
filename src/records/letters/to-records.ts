/**
 * A confirmed letter as records: the letter itself, attached to the municipal case whose case
 * number it names, else to a case of the citizen's own (one that already holds the number, or a
 * new one), and its appointments and deadlines as calendar entries. Pure: the caller writes the
 * records in one write, with the PDF, so nothing is half-stored.
 */
import { LETTER_TEXT_MAX, READ_FROM_LETTER, type CaseRef, type ConfirmedReading, type LetterData, type LetterEventData, type OwnCaseData } from './letter';

/** A case number as compared: letters print them with spaces, dots or dashes where systems may not. */
export const caseNumberKey = (caseNumber: string): string =>
  caseNumber
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** Shorter keys than this match too easily to be trusted as the same case. */
const MIN_KEY = 4;

export interface KnownCases {
  municipal: readonly { vaultId: string; caseNumber: string }[];
  own: readonly { vaultId: string; caseNumbers: readonly string[] }[];
}

export interface LetterFile {
  title: string;
  fileName: string;
  pages: number;
  scan: boolean;
  text: string;
}

export interface LetterRecordsInput {
  /** Fresh random ids: the letter's, and a new own case's should one be needed. */
  letterId: string;
  newCaseId: string;
  file: LetterFile;
  reading: ConfirmedReading;
  cases: KnownCases;
  /** The case the citizen chose, or a new one of their own; none to take the one found by number. */
  chosenCase?: CaseRef | 'new' | undefined;
  now: Date;
}

export interface LetterRecords {
  letter: { id: string; data: LetterData };
  /** A new case of the citizen's own, when the letter matched none. */
  newCase: { id: string; data: OwnCaseData } | null;
  events: { id: string; data: LetterEventData }[];
  /** How the case was found, for the citizen: by number at the municipality, an own case, or new. */
  matchedBy: 'municipal-number' | 'own-number' | 'chosen' | 'new';
}

/** The case a letter's case numbers point to: a municipal case first, then one of the citizen's own. */
export function matchCase(caseNumbers: readonly string[], cases: KnownCases): { ref: CaseRef; by: 'municipal-number' | 'own-number' } | null {
  const keys = new Set(caseNumbers.map(caseNumberKey).filter((k) => k.length >= MIN_KEY));
  if (keys.size === 0) return null;
  const municipal = cases.municipal.find((c) => keys.has(caseNumberKey(c.caseNumber)));
  if (municipal) return { ref: { kind: 'municipal-case', id: municipal.vaultId }, by: 'municipal-number' };
  const own = cases.own.find((c) => c.caseNumbers.some((n) => keys.has(caseNumberKey(n))));
  return own ? { ref: { kind: 'own-case', id: own.vaultId }, by: 'own-number' } : null;
}

/** The records one confirmed letter becomes. */
export function letterRecords(input: LetterRecordsInput): LetterRecords {
  const { reading, file } = input;
  const found = matchCase(reading.caseNumbers, input.cases);
  let newCase: LetterRecords['newCase'] = null;
  let ref: CaseRef;
  let matchedBy: LetterRecords['matchedBy'];
  if (input.chosenCase && input.chosenCase !== 'new') {
    ref = input.chosenCase;
    matchedBy = 'chosen';
  } else if (found && input.chosenCase !== 'new') {
    ref = found.ref;
    matchedBy = found.by;
  } else {
    ref = { kind: 'own-case', id: input.newCaseId };
    matchedBy = 'new';
    newCase = {
      id: input.newCaseId,
      data: {
        title: file.title,
        ...(reading.sender ? { sender: reading.sender } : {}),
        caseNumbers: [...reading.caseNumbers],
        provenance: READ_FROM_LETTER,
      },
    };
  }
  const text = file.text.length > LETTER_TEXT_MAX ? file.text.slice(0, LETTER_TEXT_MAX) : file.text;
  const letter = {
    id: input.letterId,
    data: {
      title: file.title,
      fileName: file.fileName,
      pages: file.pages,
      scan: file.scan,
      text,
      textCut: text.length < file.text.length,
      reading,
      case: ref,
      importedAt: input.now.toISOString(),
      provenance: READ_FROM_LETTER,
    } satisfies LetterData,
  };
  const common = { letterId: input.letterId, case: ref, provenance: READ_FROM_LETTER } as const;
  const events: LetterRecords['events'] = [
    ...reading.appointments.map((a, i) => ({ id: `${input.letterId}-a${i}`, data: { kind: 'appointment' as const, ...common, ...a } })),
    ...reading.deadlines.map(({ kind, ...d }, i) => ({
      id: `${input.letterId}-d${i}`,
      data: { kind: 'deadline' as const, deadlineKind: kind, ...common, ...d },
    })),
  ];
  return { letter, newCase, events, matchedBy };
}
