/**
 * Case and journal numbers after their labels ("Sagsnr.: 27.12.04-A23-3-25", "J.nr. 2025-1234",
 * "Vores ref.: …"), verbatim; a number the footer repeats is found once.
 */
import { foundAt, matchAll } from './text';
import type { Found, LetterText } from './types';

const VALUE = '(?<value>[A-Za-z0-9][A-Za-z0-9./_-]*\\d[A-Za-z0-9./_-]*|\\d[A-Za-z0-9./_-]*)';
const CASE = new RegExp(
  `\\b(?:Sagsnr|Sagsnummer|Sags nr|Sag nr|Vores ref|Vor ref|Case no|Case number|Our ref|Aktenzeichen|Unser Zeichen)\\.?\\s*:?\\s*${VALUE}`,
  'gid',
);
const JOURNAL = new RegExp(`\\b(?:J\\.\\s?nr|Journalnr|Journalnummer|Jour\\.nr|Journal no)\\.?\\s*:?\\s*${VALUE}`, 'gid');

function numbers(text: LetterText, pattern: RegExp): Found<string>[] {
  const out: Found<string>[] = [];
  for (const m of matchAll(text, pattern)) {
    const value = (m.match.groups?.value ?? '').replace(/[./-]+$/, '');
    if (value.length < 3 || out.some((f) => f.value === value)) continue;
    out.push(foundAt(value, m, 1));
  }
  return out;
}

export const readCaseNumbers = (text: LetterText): Found<string>[] => numbers(text, CASE);
export const readJournalNumbers = (text: LetterText): Found<string>[] => numbers(text, JOURNAL);
