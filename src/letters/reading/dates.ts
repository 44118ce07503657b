/**
 * Dates with a meaning: the letter's own date, appointments (day, time, place), answer-by dates,
 * appeal deadlines and other deadlines, stated ("senest den 14. januar 2027") or counted from
 * receipt ("inden 4 uger efter, at du har modtaget brevet"; see calendar.ts for the rule).
 * A date without a recognisable meaning (when a benefit starts, a past meeting) is left out.
 */
import { periodEnd, type PeriodUnit } from './calendar';
import { COUNT_WORDS, DATE_PATTERN, dayOfMatch, TIME_PATTERN, timeOfMatch } from './date-words';
import { found, foundAt, foundSpan, matchAcrossPages, matchAll, sentenceAround, type PageMatch } from './text';
import type { DateMeaning, DateRule, Found, LetterKind, LetterText, MeaningfulDate, ReadingContext } from './types';

interface DayMatch extends PageMatch {
  readonly day: string;
}

function allDays(text: LetterText): DayMatch[] {
  const days: DayMatch[] = [];
  for (const m of matchAll(text, DATE_PATTERN)) {
    const day = dayOfMatch(m.match);
    if (day) days.push({ ...m, day });
  }
  return days;
}

/** The text of the cell (between tabs or line breaks) around an offset. */
function cellAround(content: string, start: number, end: number): { before: string; after: string } {
  const from = Math.max(content.lastIndexOf('\n', start - 1), content.lastIndexOf('\t', start - 1)) + 1;
  const stops = [content.indexOf('\n', end), content.indexOf('\t', end)].filter((i) => i >= 0);
  const to = stops.length > 0 ? Math.min(...stops) : content.length;
  return { before: content.slice(from, start), after: content.slice(end, to) };
}

const DATE_LABEL = /(?:^|\s)(?:dato|brevdato|date|datum)\s*:?\s*$/i;
/** "Aarhus, ", "Aarhus den ", "den " before a date alone in its cell: a letterhead's date line. */
const PLACE_AND_DATE = /^\s*(?:[A-ZÆØÅ][\wæøåÆØÅ .-]{0,30}(?:,|\s+den)\s*)?(?:den\s+)?$/;

/** The letter's date: a "Dato:" label on the first page, else a date alone on a letterhead line. */
export function readLetterDate(text: LetterText): Found<string> | undefined {
  const firstPage = allDays(text).filter((d) => d.page === 0);
  const cell = (d: DayMatch) => cellAround(text.pages[0] ?? '', d.match.index, d.match.index + d.match[0].length);
  const labelled = firstPage.find((d) => DATE_LABEL.test(cell(d).before));
  const alone = firstPage.find((d) => PLACE_AND_DATE.test(cell(d).before) && cell(d).after.trim() === '');
  const chosen = labelled ?? alone;
  return chosen && foundAt(chosen.day, chosen);
}

const APPEAL = /\b(klag|anke|ankestyrelsen|genvurder|appeal|complain|widerspruch|einspruch|beschwerde)/i;
const ANSWER = /\b(svar|bemærkning|kommentar|partshøring|høring|udtale dig|reply|respond|answer|comments|stellungnahme|äußern|antwort)/i;

function meaningOf(sentence: string): DateMeaning {
  if (APPEAL.test(sentence)) return 'appeal-deadline';
  return ANSWER.test(sentence) ? 'answer-by' : 'other-deadline';
}

/** Words that address the citizen, or a sentence that tells them to act: a deadline is theirs to keep. */
const CITIZEN = /\b(du|dig|din|dit|dine|you|your|sie|ihr|ihre|ihnen)\b|^\s*(svar|send|ring|kontakt|giv|meld|indsend|husk|reply|call|bitte)\b/i;

/** A sentence whose subject is the authority, with the citizen only named as an owner ("din sag"). */
const OWN_ACTION = /^\s*(?:vi|we|wir)\b(?![^.]*\b(?:du|dig|you|sie)\b)/i;

/** Words just before a stated date that make it a deadline. */
const DEADLINE_CUE =
  /\b(?:senest|inden|før|frist|svarfrist|klagefrist|no later than|by|before|deadline|spätestens|bis zum|bis)\b[^.\n\t]{0,22}$|(?:frist|deadline|frist for svar)\s*:\s*$/i;

const NUMBER = `\\d{1,2}|${Object.keys(COUNT_WORDS).join('|')}`;
const RELATIVE = new RegExp(
  [
    `\\bfrist(?:en)?\\b[^.]{0,40}?\\s(?:er|på)\\s+(?<n4>${NUMBER})\\s+(?<u4>uger?|dage?|måneder?)\\s+(?:efter|fra)\\b[^.]{0,60}?(?:modt(?:ag|og)|har\\s+fået|fik\\s+(?:brevet|afgørelsen))\\p{L}*`,
    `\\b(?:inden\\s+for|indenfor|inden|senest|inden\\s+udløbet\\s+af)\\s+(?<n1>${NUMBER})\\s+(?<u1>uger?|dage?|måneder?|mdr\\.?)\\s+(?:efter|fra)\\b[^.]{0,60}?(?:modt(?:ag|og)|har\\s+fået|fik\\s+(?:brevet|afgørelsen))\\p{L}*`,
    `\\bwithin\\s+(?<n2>${NUMBER})\\s+(?<u2>weeks?|days?|months?)\\s+(?:of|from|after)\\b[^.]{0,50}?(?:receiv|receipt)\\p{L}*`,
    `\\binnerhalb\\s+(?:von\\s+)?(?<n3>${NUMBER})\\s+(?<u3>Wochen?|Tagen?|Monat(?:en|s)?)\\s+nach\\b[^.]{0,50}?(?:Erhalt|Zugang|Bekanntgabe|erhalten)\\p{L}*`,
  ].join('|'),
  'gidu',
);

function unitOf(word: string): PeriodUnit {
  const w = word.toLowerCase();
  if (/^(uge|week|woche)/.test(w)) return 'weeks';
  if (/^(dag|day|tag)/.test(w)) return 'days';
  return 'months';
}

function relativeDeadlines(text: LetterText, from: { day: string; is: 'received' | 'letter-date' } | undefined): Found<MeaningfulDate>[] {
  if (!from) return [];
  const out: Found<MeaningfulDate>[] = [];
  for (const m of matchAcrossPages(text, RELATIVE)) {
    const g = m.match.groups ?? {};
    // "inden 4 uger efter, at vi har modtaget din ansøgning" is the authority's own time, not the citizen's.
    if (/\b(?:vi|we|wir)\s+(?:har\s+|have\s+|haben\s+)?(?:modtag|receiv|erhalt)/i.test(m.match[0])) continue;
    const word = (g.n1 ?? g.n2 ?? g.n3 ?? g.n4 ?? '').toLowerCase();
    const count = /^\d+$/.test(word) ? Number(word) : COUNT_WORDS[word];
    if (count === undefined || count === 0) continue;
    const unit = unitOf(g.u1 ?? g.u2 ?? g.u3 ?? g.u4 ?? '');
    const end = periodEnd(from.day, count, unit);
    const rule: DateRule = {
      kind: unit === 'weeks' ? 'weeks-after-receipt' : unit === 'days' ? 'days-after-receipt' : 'months-after-receipt',
      count,
      from: from.day,
      fromIs: from.is,
      ...(end.movedFrom ? { movedFrom: end.movedFrom } : {}),
    };
    const sentence = sentenceAround(m.context, m.match.index, m.match.index + m.match[0].length).text;
    out.push(foundSpan({ meaning: meaningOf(sentence), date: end.date, rule }, m, text));
  }
  return out;
}

const HOURS_CUE = /(telefon|træffe|åbningstid|åben|hours|sprechzeit|öffnungszeit)[^\n]*$/i;
const APPOINTMENT_CUE =
  /(møde|samtale|indkald|undersøg|konsultation|behandling|aftale|besøg|tid hos|din tid|mødetid|tidspunkt|appointment|meeting|interview|examination|termin|untersuchung|gespräch|einladung)/i;
const PLACE_LABEL =
  /(?:^|\n|\t)(?:sted|mødested|adresse|fremmøde|place|location|address|ort|adresse)\s*:\s*(?<place>[^\n\t]+)(?:\n(?<more>\d{4}\s+[^\n\t]+))?/i;
const PLACE_IN_SENTENCE = /\s(?:på|hos|i|at|in|im|bei)\s+(?<place>[A-ZÆØÅ][^.\n]*?(?:,\s*\d{4}\s+[A-ZÆØÅ][\wæøåÆØÅ ]*?)?)(?=\.\s|\.$|\.\n|$|\n)/;

function placeAfter(content: string, from: number, sentenceEnd: number): string | undefined {
  const window = content.slice(from, from + 240);
  const labelled = PLACE_LABEL.exec(window);
  if (labelled?.groups?.place) return [labelled.groups.place, labelled.groups.more].filter(Boolean).join(', ').trim();
  const inSentence = PLACE_IN_SENTENCE.exec(content.slice(from, sentenceEnd).replace(/\s+/g, ' '));
  // A trailing lower-case word is the sentence's verb ("im Rathaus, … Aabenraa ein"), not the place.
  return inSentence?.groups?.place
    ?.replace(/(?:\s+[a-zæøåäöüß]+)+$/, '')
    .replace(/[\s,]+$/, '')
    .trim();
}

const PLACE_LABELS = new RegExp(PLACE_LABEL.source, 'gi');

/** A labelled place on the lines just above the date ("Mødested: …" over "Tid: …"): the nearest one. */
function placeBefore(content: string, dateStart: number): string | undefined {
  const window = content.slice(Math.max(0, dateStart - 200), dateStart);
  let nearest: RegExpExecArray | undefined;
  for (const m of window.matchAll(PLACE_LABELS)) nearest = m;
  return nearest?.groups?.place ? [nearest.groups.place, nearest.groups.more].filter(Boolean).join(', ').trim() : undefined;
}

function appointments(text: LetterText, days: readonly DayMatch[], letterDate: Found<string> | undefined, kind: LetterKind): Found<MeaningfulDate>[] {
  const out: Found<MeaningfulDate>[] = [];
  for (const d of days) {
    if (letterDate && d.page === letterDate.page && d.match.index === letterDate.start) continue;
    const content = text.pages[d.page] ?? '';
    const dateEnd = d.match.index + d.match[0].length;
    // The time follows the date within a short stretch without another date in it.
    const nextDate = days.find((o) => o.page === d.page && o.match.index > d.match.index);
    const limit = Math.min(dateEnd + 90, nextDate?.match.index ?? Infinity);
    TIME_PATTERN.lastIndex = dateEnd;
    const t = TIME_PATTERN.exec(content);
    if (!t || t.index >= limit) continue;
    const lineStart = content.lastIndexOf('\n', t.index - 1) + 1;
    if (HOURS_CUE.test(content.slice(lineStart, t.index))) continue;
    const time = timeOfMatch(t);
    if (!time) continue;
    const sentence = sentenceAround(content, d.match.index, t.index + t[0].length);
    const before = content.slice(Math.max(0, d.match.index - 120), d.match.index);
    if (kind !== 'summons' && !APPOINTMENT_CUE.test(sentence.text) && !APPOINTMENT_CUE.test(before)) continue;
    const place = placeAfter(content, t.index + t[0].length, Math.max(sentence.end, t.index + t[0].length)) ?? placeBefore(content, d.match.index);
    out.push(
      found({ meaning: 'appointment', date: d.day, time, ...(place ? { place } : {}), rule: { kind: 'stated' } }, d.page, d.match.index, t.index + t[0].length),
    );
  }
  return out;
}

function statedDeadlines(text: LetterText, days: readonly DayMatch[]): Found<MeaningfulDate>[] {
  const out: Found<MeaningfulDate>[] = [];
  for (const d of days) {
    const content = text.pages[d.page] ?? '';
    const lineStart = Math.max(content.lastIndexOf('\n', d.match.index - 1), content.lastIndexOf('\t', d.match.index - 1)) + 1;
    const before = content.slice(Math.max(lineStart - 40, 0, d.match.index - 60), d.match.index).replace(/\s+/g, ' ');
    // "den" and a weekday may stand between the cue and the date ("senest mandag den 14. januar").
    const trimmed = before.replace(/(?:(?:man|tirs|ons|tors|fre|lør|søn)dag\s+)?(?:den\s+)?$/i, '');
    if (!DEADLINE_CUE.test(trimmed)) continue;
    const sentence = sentenceAround(content, d.match.index, d.match.index + d.match[0].length).text;
    const meaning = meaningOf(sentence);
    // A date the authority sets itself ("Vi følger op på din sag senest den …") is no deadline for the citizen.
    const labelled = /:\s*$/.test(trimmed);
    if (!labelled && (!CITIZEN.test(sentence) || (meaning === 'other-deadline' && OWN_ACTION.test(sentence)))) continue;
    out.push(foundAt({ meaning, date: d.day, rule: { kind: 'stated' } }, d));
  }
  return out;
}

/** Every date with a meaning, in reading order, without repeating the same meaning and day. */
export function readDates(text: LetterText, kind: LetterKind, letterDate: Found<string> | undefined, context: ReadingContext): Found<MeaningfulDate>[] {
  const days = allDays(text);
  const from = context.receivedOn
    ? { day: context.receivedOn, is: 'received' as const }
    : letterDate
      ? { day: letterDate.value, is: 'letter-date' as const }
      : undefined;
  const all = [...appointments(text, days, letterDate, kind), ...statedDeadlines(text, days), ...relativeDeadlines(text, from)];
  all.sort((a, b) => a.page - b.page || a.start - b.start);
  const seen = new Set<string>();
  return all.filter((f) => {
    const key = `${f.value.meaning} ${f.value.date} ${f.value.time ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
