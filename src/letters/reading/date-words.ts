/**
 * Dates and times as letters write them: "12. januar 2027", "mandag den 12. jan. 2027",
 * "12.01.2027", "12-01-2027", "2027-01-12", "12 January 2027", "January 12, 2027",
 * "12. Januar 2027"; times as "kl. 9.45", "kl. 09:45", "at 9:45", "um 9:45 Uhr".
 */

const MONTHS: Readonly<Record<string, number>> = {
  januar: 1,
  jan: 1,
  january: 1,
  februar: 2,
  feb: 2,
  february: 2,
  marts: 3,
  mar: 3,
  march: 3,
  märz: 3,
  maerz: 3,
  april: 4,
  apr: 4,
  maj: 5,
  may: 5,
  mai: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
  dezember: 12,
  dez: 12,
};

const MONTH_WORD = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** One pattern, four shapes; each alternative sets its own named groups. */
export const DATE_PATTERN = new RegExp(
  [
    `(?<![\\d.])(?<d1>\\d{1,2})\\.?\\s+(?<m1>${MONTH_WORD})\\.?\\s+(?<y1>\\d{4})(?!\\d)`,
    `(?<![\\w])(?<m2>${MONTH_WORD})\\.?\\s+(?<d2>\\d{1,2}),?\\s+(?<y2>\\d{4})(?!\\d)`,
    `(?<![\\d.\\-/])(?<d3>\\d{1,2})[./-](?<m3>\\d{1,2})[./-](?<y3>\\d{4})(?![\\d\\-])`,
    `(?<![\\d.\\-])(?<y4>\\d{4})-(?<m4>\\d{2})-(?<d4>\\d{2})(?![\\d.\\-])`,
  ].join('|'),
  'gid',
);

const pad = (n: number): string => String(n).padStart(2, '0');

/** A real calendar day as YYYY-MM-DD, or null ("31. februar" is not a day). */
export function calendarDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The day a DATE_PATTERN match names, or null. */
export function dayOfMatch(match: RegExpExecArray): string | null {
  const g = match.groups ?? {};
  const monthOf = (word: string | undefined) => (word === undefined ? undefined : MONTHS[word.toLowerCase()]);
  const year = Number(g.y1 ?? g.y2 ?? g.y3 ?? g.y4);
  const month = g.m1 !== undefined || g.m2 !== undefined ? monthOf(g.m1 ?? g.m2) : Number(g.m3 ?? g.m4);
  const day = Number(g.d1 ?? g.d2 ?? g.d3 ?? g.d4);
  return month === undefined ? null : calendarDay(year, month, day);
}

/** "kl. 9.45", "kl. 09:45", "klokken 10", "at 9:45", "um 9:45 Uhr", "9.45-10.30" start. */
export const TIME_PATTERN = /\b(?:(?:kl\.?|klokken)\s*(?<h>\d{1,2})(?:[.:](?<min>\d{2}))?|(?:at|um)\s+(?<h2>\d{1,2})[.:](?<min2>\d{2}))(?![\d])/gi;

export function timeOfMatch(match: RegExpExecArray): string | null {
  const hour = Number(match.groups?.h ?? match.groups?.h2);
  const minute = Number(match.groups?.min ?? match.groups?.min2 ?? 0);
  return hour < 24 && minute < 60 ? `${pad(hour)}:${pad(minute)}` : null;
}

/** Small counts written as words, as letters often do ("inden fire uger"). */
export const COUNT_WORDS: Readonly<Record<string, number>> = {
  en: 1,
  et: 1,
  én: 1,
  one: 1,
  einem: 1,
  einen: 1,
  eines: 1,
  to: 2,
  two: 2,
  zwei: 2,
  tre: 3,
  three: 3,
  drei: 3,
  fire: 4,
  four: 4,
  vier: 4,
  fem: 5,
  five: 5,
  fünf: 5,
  seks: 6,
  six: 6,
  sechs: 6,
  otte: 8,
  eight: 8,
  acht: 8,
  fjorten: 14,
  fourteen: 14,
  vierzehn: 14,
};
