/**
 * The review of one letter as a pure model: what the reader found, each item with the words of
 * the letter it came from, for the citizen to correct or remove; then the confirmed reading the
 * records are made from. A scan has nothing found: the citizen fills in what matters.
 */
import type { Found, LetterKind, LetterReading, MeaningfulDate, Outcome } from '../../letters/index';
import { ConfirmedReading, LETTER_TYPES, type LetterType } from '../../records/letters/index';
import { danishInstant } from '../../shared/danish-time';

/** Where an item was read: `pages[page].slice(start, end)`. */
export interface Span {
  page: number;
  start: number;
  end: number;
}

export interface Item<T> {
  /** Stable within the draft: the highlight and the form field share it. */
  key: string;
  value: T;
  span: Span | null;
}

export interface AppointmentValue {
  title: string;
  day: string;
  time: string;
  place: string;
}
export interface DeadlineValue {
  title: string;
  day: string;
  kind: 'answer' | 'appeal' | 'other';
  reasoning: string;
}

export type DraftOutcome = 'granted' | 'partially-granted' | 'reduced' | 'refused' | 'stopped';

export interface Draft {
  title: string;
  type: LetterType;
  sender: Item<string> | null;
  dated: Item<string> | null;
  outcome: Item<DraftOutcome> | null;
  caseNumbers: Item<string>[];
  appointments: Item<AppointmentValue>[];
  deadlines: Item<DeadlineValue>[];
  amounts: Item<{ text: string; purpose: string }>[];
  rules: Item<string>[];
  contact: Item<string>[];
}

/** The lists of a draft whose items may be removed one by one. */
export type ListField = 'caseNumbers' | 'appointments' | 'deadlines' | 'amounts' | 'rules' | 'contact';
export type SingleField = 'sender' | 'dated' | 'outcome';

const spanOf = (found: Found<unknown>): Span => ({ page: found.page, start: found.start, end: found.end });

const OUTCOME: Record<Outcome, DraftOutcome> = {
  granted: 'granted',
  'partly-granted': 'partially-granted',
  reduced: 'reduced',
  refused: 'refused',
  stopped: 'stopped',
};
const isLetterType = (kind: LetterKind): kind is LetterType => (LETTER_TYPES as readonly string[]).includes(kind);

/** Kroner as a Danish letter writes them: 123456 øre → "1.234,56 kr.". */
export function kronerText(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')} kr.`;
}

export type ComputedRule = Exclude<MeaningfulDate['rule'], { kind: 'stated' }>;

/** Words for an item's default title; the citizen may change them. */
export interface DraftWords {
  appointment: string;
  answerBy: string;
  appeal: string;
  deadline: string;
  /** The file's name without .pdf, for a letter without a better title. */
  fileTitle: string;
  /** How a computed deadline was reached ("4 uger fra 12. januar 2027"). */
  reasoning: (rule: ComputedRule) => string;
}

/** The first line of the letter that reads like its subject, else the file's name. */
function titleOf(reading: LetterReading | null, pages: readonly string[], fallback: string): string {
  const line = (pages[0] ?? '')
    .split('\n')
    .map((l) => l.replace(/\t/g, ' ').trim())
    .find((l) => /^(afgørelse|indkaldelse|partshøring|kvittering|aktindsigt|opgørelse|vedr\.|om )/i.test(l) || /^(decision|summons)/i.test(l));
  return (line ?? (reading?.sender ? `${reading.sender.value.name}: ${fallback}` : fallback)).slice(0, 300);
}

export function draftFromReading(reading: LetterReading | null, pages: readonly string[], words: DraftWords): Draft {
  let n = 0;
  const item = <T>(value: T, span: Span | null): Item<T> => ({ key: `i${n++}`, value, span });
  const r = reading;
  const dates = r?.dates ?? [];
  return {
    title: titleOf(r, pages, words.fileTitle),
    type: r && isLetterType(r.kind) ? r.kind : 'other',
    sender: r?.sender ? item([r.sender.value.name, r.sender.value.unit].filter(Boolean).join(', '), spanOf(r.sender)) : null,
    dated: r?.letterDate ? item(r.letterDate.value, spanOf(r.letterDate)) : null,
    outcome: r?.outcome ? item(OUTCOME[r.outcome.value], spanOf(r.outcome)) : null,
    caseNumbers: (r?.caseNumbers ?? []).map((f) => item(f.value, spanOf(f))),
    appointments: dates
      .filter((d) => d.value.meaning === 'appointment')
      .map((d) => item({ title: words.appointment, day: d.value.date, time: d.value.time ?? '', place: d.value.place ?? '' }, spanOf(d))),
    deadlines: dates
      .filter((d) => d.value.meaning !== 'appointment')
      .map((d) => {
        const kind = d.value.meaning === 'answer-by' ? 'answer' : d.value.meaning === 'appeal-deadline' ? 'appeal' : 'other';
        const title = kind === 'answer' ? words.answerBy : kind === 'appeal' ? words.appeal : words.deadline;
        return item<DeadlineValue>(
          { title, day: d.value.date, kind, reasoning: d.value.rule.kind === 'stated' ? '' : words.reasoning(d.value.rule) },
          spanOf(d),
        );
      }),
    amounts: (r?.amounts ?? []).map((f) => item({ text: kronerText(f.value.ore), purpose: f.value.purpose ?? '' }, spanOf(f))),
    rules: (r?.rules ?? []).map((f) => item(`${f.value.section} i ${f.value.law}`, spanOf(f))),
    contact: r?.contact
      ? [r.contact.value.name, r.contact.value.phone, r.contact.value.email, r.contact.value.hours]
          .filter((v): v is string => Boolean(v))
          .map((v) => item(v, spanOf(r.contact!)))
      : [],
  };
}

/** Every highlight of the draft, in the letter's order; overlapping ones keep the first. */
export function highlights(draft: Draft): { key: string; span: Span }[] {
  const all = [
    draft.sender,
    draft.dated,
    draft.outcome,
    ...draft.caseNumbers,
    ...draft.appointments,
    ...draft.deadlines,
    ...draft.amounts,
    ...draft.rules,
    ...draft.contact,
  ].flatMap((i) => (i?.span && i.span.end > i.span.start ? [{ key: i.key, span: i.span }] : []));
  all.sort((a, b) => a.span.page - b.span.page || a.span.start - b.span.start);
  const kept: { key: string; span: Span }[] = [];
  for (const h of all) {
    const last = kept.at(-1);
    if (last && last.span.page === h.span.page && h.span.start < last.span.end) continue;
    kept.push(h);
  }
  return kept;
}

/** A page's text cut into plain runs and highlighted runs, for drawing with mark elements. */
export function pageRuns(text: string, page: number, marks: readonly { key: string; span: Span }[]): { text: string; key: string | null }[] {
  const runs: { text: string; key: string | null }[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.span.page !== page || m.span.start < at || m.span.end > text.length) continue;
    if (m.span.start > at) runs.push({ text: text.slice(at, m.span.start), key: null });
    runs.push({ text: text.slice(m.span.start, m.span.end), key: m.key });
    at = m.span.end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), key: null });
  return runs;
}

/** Which item of the draft is wrong, for the form to point at. */
export class DraftProblem extends Error {
  override readonly name = 'DraftProblem';
  constructor(
    readonly key: string | null,
    readonly problem: 'appointment-time' | 'deadline-day' | 'invalid',
  ) {
    super(problem);
  }
}

const trimmed = (items: readonly Item<string>[]): string[] => items.map((i) => i.value.trim()).filter(Boolean);

/**
 * The reading the citizen confirmed. Empty items are dropped.
 * @throws {DraftProblem} an appointment without a valid day and time, a deadline without a day.
 */
export function confirmDraft(draft: Draft): ConfirmedReading {
  const appointments = draft.appointments.map((a) => {
    const startsAt = danishInstant(a.value.day, a.value.time || '00:00');
    if (!startsAt || !a.value.time) throw new DraftProblem(a.key, 'appointment-time');
    return { title: a.value.title.trim() || 'Aftale', startsAt, ...(a.value.place.trim() ? { place: a.value.place.trim() } : {}) };
  });
  const deadlines = draft.deadlines.map((d) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.value.day)) throw new DraftProblem(d.key, 'deadline-day');
    return {
      title: d.value.title.trim() || 'Frist',
      kind: d.value.kind,
      day: d.value.day,
      ...(d.value.reasoning.trim() ? { reasoning: d.value.reasoning.trim() } : {}),
    };
  });
  const parsed = ConfirmedReading.safeParse({
    ...(draft.sender?.value.trim() ? { sender: draft.sender.value.trim() } : {}),
    type: draft.type,
    ...(draft.dated?.value ? { dated: draft.dated.value } : {}),
    caseNumbers: trimmed(draft.caseNumbers),
    appointments,
    deadlines,
    amounts: draft.amounts
      .filter((a) => a.value.text.trim())
      .map((a) => ({ text: a.value.text.trim(), ...(a.value.purpose.trim() ? { purpose: a.value.purpose.trim() } : {}) })),
    ...(draft.outcome ? { outcome: draft.outcome.value } : {}),
    legalBasis: trimmed(draft.rules),
    contact: trimmed(draft.contact),
  });
  if (!parsed.success) throw new DraftProblem(null, 'invalid');
  return parsed.data;
}
