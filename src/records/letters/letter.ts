/**
 * Letters the citizen already has (decisions, hearings, summons… as PDFs from Digital Post), read
 * on the citizen's own computer and confirmed by the citizen. What a letter says is kept as the
 * citizen confirmed it, under the provenance "read by the citizen from a letter": it is never
 * dressed up as data a municipality signed. The PDF itself is an `attachment` on the letter
 * record, its bytes in `attachment-content` records, as the citizen's own files are.
 */
import { z } from 'zod';
import { defineKind, type KindData } from '../kind';

/** The one provenance a letter and what was read from it carry. */
export const READ_FROM_LETTER = 'read-by-citizen-from-letter';
const Provenance = z.literal(READ_FROM_LETTER);

const VaultId = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);
const Day = z.iso.date();
const Instant = z.iso.datetime({ offset: true });
const Line = z.string().trim().min(1).max(300);

export const LETTER_TYPES = ['decision', 'hearing', 'summons', 'receipt', 'payment-statement', 'access-reply', 'other'] as const;
export const LetterType = z.enum(LETTER_TYPES);
export const LetterOutcome = z.enum(['granted', 'partially-granted', 'reduced', 'refused', 'stopped']);
export const DeadlineKind = z.enum(['answer', 'appeal', 'other']);

/** A case the letter belongs to: one synced from the municipality, or one of the citizen's own. */
export const CaseRef = z.object({ kind: z.enum(['municipal-case', 'own-case']), id: VaultId });

export const LetterAppointment = z.object({
  title: Line,
  startsAt: Instant,
  endsAt: Instant.optional(),
  place: z.string().trim().max(300).optional(),
});

export const LetterDeadline = z.object({
  title: Line,
  kind: DeadlineKind,
  /** The last day, a Danish calendar day. */
  day: Day,
  /** How a computed day was reached ("4 uger fra 12. januar"), for the citizen to check. */
  reasoning: z.string().max(500).optional(),
});

/** What the citizen confirmed the letter says: every item here was shown, and could be changed or removed. */
export const ConfirmedReading = z.object({
  sender: z.string().trim().max(300).optional(),
  type: LetterType,
  dated: Day.optional(),
  caseNumbers: z.array(z.string().trim().min(1).max(80)).max(20),
  appointments: z.array(LetterAppointment).max(20),
  deadlines: z.array(LetterDeadline).max(20),
  amounts: z.array(z.object({ text: Line, purpose: z.string().trim().max(300).optional() })).max(50),
  outcome: LetterOutcome.optional(),
  legalBasis: z.array(Line).max(20),
  contact: z.array(Line).max(10),
});

/** The longest text kept: about 150 pages; a longer letter keeps its first part and says so. */
export const LETTER_TEXT_MAX = 400_000;

export const letterKind = defineKind({
  name: 'letter',
  scope: 'profile',
  version: 1,
  countsAsImport: true,
  description:
    'A letter the citizen imported as a PDF: its title, the text read from it (none for a scan), what the citizen confirmed it says, and the case it belongs to. The PDF is an attachment on it.',
  schema: z.object({
    title: Line,
    fileName: z.string().trim().min(1).max(255),
    pages: z.int().min(0).max(10_000),
    /** No text layer: a scanned letter, kept as it is and said to be a scan. */
    scan: z.boolean(),
    text: z.string().max(LETTER_TEXT_MAX),
    /** The text was longer than LETTER_TEXT_MAX and was cut. */
    textCut: z.boolean(),
    reading: ConfirmedReading,
    case: CaseRef,
    importedAt: Instant,
    provenance: Provenance,
  }),
});

/** A case of the citizen's own, made for a letter whose case is not among the municipality's. */
export const ownCaseKind = defineKind({
  name: 'own-case',
  scope: 'profile',
  version: 1,
  description: 'A case the citizen keeps for letters that belong to no synced municipal case: a title, the sender, and the case numbers the letters name.',
  schema: z.object({
    title: Line,
    sender: z.string().trim().max(300).optional(),
    caseNumbers: z.array(z.string().trim().min(1).max(80)).max(20),
    provenance: Provenance,
  }),
});

/** An appointment or deadline read from a letter: it joins the calendar and its reminders. */
export const letterEventKind = defineKind({
  name: 'letter-event',
  scope: 'profile',
  version: 1,
  description: 'An appointment or a deadline the citizen confirmed from a letter; shown in the calendar, marked as read from a letter, with reminders.',
  schema: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('appointment'), letterId: VaultId, case: CaseRef, provenance: Provenance, ...LetterAppointment.shape }),
    z.object({
      kind: z.literal('deadline'),
      letterId: VaultId,
      case: CaseRef,
      provenance: Provenance,
      deadlineKind: DeadlineKind,
      ...LetterDeadline.omit({ kind: true }).shape,
    }),
  ]),
});

export type LetterType = z.infer<typeof LetterType>;
export type CaseRef = z.infer<typeof CaseRef>;
export type ConfirmedReading = z.infer<typeof ConfirmedReading>;
export type LetterAppointment = z.infer<typeof LetterAppointment>;
export type LetterDeadline = z.infer<typeof LetterDeadline>;
export type LetterData = KindData<typeof letterKind>;
export type OwnCaseData = KindData<typeof ownCaseKind>;
export type LetterEventData = KindData<typeof letterEventKind>;
