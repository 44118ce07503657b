/**
 * Amounts in kroner ("1.234,56 kr.", "kr. 1.234,56", "DKK 1.234", "-350,00 kr."; in an English
 * letter "DKK 1,234.56") with what they are for when the letter says so on the same line: the
 * cell before the amount in a table row, or a label ending in ":" before it. A number that does
 * not fit the letter's own notation is left unread rather than misread.
 */
import { found, matchAll } from './text';
import type { Amount, Found, LetterLanguage, LetterText } from './types';

function amountPattern(thousands: string, decimal: string): RegExp {
  const t = `\\${thousands}`;
  const d = `\\${decimal}`;
  const number = (n: string) => `(?<sign${n}>[-–]\\s?)?(?<int${n}>\\d{1,3}(?:${t}\\d{3})+|\\d+)(?:${d}(?<dec${n}>\\d{2}|-))?(?![\\d]|[.,]\\d)`;
  return new RegExp(`(?<![\\w.,])(?:${number('')}\\s?(?:kr\\.?|kroner|DKK)(?![\\wæøå])|(?:kr\\.|DKK)\\s?${number('2')})`, 'gi');
}

const DANISH = amountPattern('.', ',');
const ENGLISH = amountPattern(',', '.');

function oreOf(groups: Record<string, string | undefined>, thousands: string): number | null {
  const int = groups.int ?? groups.int2;
  if (int === undefined) return null;
  const dec = groups.dec ?? groups.dec2;
  const ore = Number(int.split(thousands).join('')) * 100 + (dec && dec !== '-' ? Number(dec) : 0);
  if (!Number.isSafeInteger(ore)) return null;
  return (groups.sign ?? groups.sign2) ? -ore : ore;
}

function purposeBefore(content: string, index: number): string | undefined {
  const lineStart = content.lastIndexOf('\n', index - 1) + 1;
  const line = content.slice(lineStart, index);
  const cells = line.split('\t').map((c) => c.trim());
  // A table row: the row's first cell names the amount ("Boligstøtte pr. måned	1.234,00 kr.").
  if (cells.length > 1 && cells[0] && /[a-zæøå]/i.test(cells[0])) return cells[0].replace(/:$/, '');
  const label = /([A-ZÆØÅ][^.:\t]{2,60}):\s*$/.exec(line);
  return label?.[1]?.trim();
}

export function readAmounts(text: LetterText, language: LetterLanguage): Found<Amount>[] {
  const english = language === 'en';
  const out: Found<Amount>[] = [];
  for (const m of matchAll(text, english ? ENGLISH : DANISH)) {
    const ore = oreOf(m.match.groups ?? {}, english ? ',' : '.');
    if (ore === null) continue;
    const purpose = purposeBefore(text.pages[m.page] ?? '', m.match.index);
    out.push(found({ ore, ...(purpose ? { purpose } : {}) }, m.page, m.match.index, m.match.index + m.match[0].length));
  }
  return out;
}
