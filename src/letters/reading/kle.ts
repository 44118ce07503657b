/**
 * The KLE topic where it can be told: a topic code embedded in the case number
 * ("27.12.04-A23-3-25", "2025-29.09.12-…") or, failing that, in the journal number (many
 * municipalities file by KLE code and give only "J.nr. 32.24.04-P19-7-26") that exists in the KLE
 * table, else a plain-language catalogue title named in the letter's subject ("Afgørelse om
 * boligstøtte").
 */
import { findKleTopic, parseKleTopicCode } from '../../municipal/kle/index';
import { CATALOGUE } from '../../municipal/plain-language/index';
import { subjectLine } from './kind';
import { found } from './text';
import type { Found, KleFinding, LetterText } from './types';

const CODE_IN_NUMBER = /(?<![\d.])(\d{2}\.\d{2}\.\d{2})(?![\d])/;

/** Catalogue titles, longest first so "Nedsat kontanthjælp" wins over "Kontanthjælp". */
let titles: readonly { code: string; title: string; pattern: RegExp }[] | undefined;

function catalogueTitles() {
  titles ??= CATALOGUE.map((entry) => ({
    code: entry.code,
    title: entry.da.title,
    pattern: new RegExp(`(?<![\\wæøå])${entry.da.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\wæøå])`, 'i'),
  })).sort((a, b) => b.title.length - a.title.length);
  return titles;
}

export function readKle(text: LetterText, caseNumbers: readonly Found<string>[], journalNumbers: readonly Found<string>[]): Found<KleFinding> | undefined {
  const numbered = [...caseNumbers.map((n) => ({ n, from: 'case-number' as const })), ...journalNumbers.map((n) => ({ n, from: 'journal-number' as const }))];
  for (const { n: number, from } of numbered) {
    const m = CODE_IN_NUMBER.exec(number.value);
    const code = m?.[1] ? parseKleTopicCode(m[1]) : null;
    const topic = code ? findKleTopic(code) : undefined;
    if (topic && m)
      return found({ code: topic.code, title: topic.shortTitle, from }, number.page, number.start + m.index, number.start + m.index + m[0].length);
  }
  const subject = subjectLine(text);
  if (!subject) return undefined;
  for (const entry of catalogueTitles()) {
    const m = entry.pattern.exec(subject);
    if (!m) continue;
    const start = (text.pages[0] ?? '').indexOf(subject) + m.index;
    const topic = findKleTopic(entry.code);
    return found({ code: entry.code, title: topic?.shortTitle ?? entry.title, from: 'title' }, 0, start, start + m[0].length);
  }
  return undefined;
}
