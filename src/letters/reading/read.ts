/**
 * Reading a letter, locally and deterministically: the same text always gives the same
 * reading. Each part is its own module; this one only puts them together. A letter in a
 * language other than Danish is read for what does not depend on Danish words (numbers, dates,
 * amounts, contact) and its kind from its own words; nothing is guessed from Danish phrases.
 */
import { readAmounts } from './amounts';
import { readContact } from './contact';
import { readDates, readLetterDate } from './dates';
import { readKind } from './kind';
import { readKle } from './kle';
import { readLanguage } from './language';
import { readCaseNumbers, readJournalNumbers } from './numbers';
import { readOutcome } from './outcome';
import { readRules } from './rules';
import { readSender } from './sender';
import type { LetterReading, LetterText, ReadingContext } from './types';

export function readLetter(text: LetterText, context: ReadingContext = {}): LetterReading {
  const language = readLanguage(text);
  const kind = readKind(text, language);
  const letterDate = readLetterDate(text);
  const caseNumbers = readCaseNumbers(text);
  const sender = readSender(text);
  const journalNumbers = readJournalNumbers(text);
  const kle = readKle(text, caseNumbers, journalNumbers);
  const outcome = readOutcome(text, kind);
  const contact = readContact(text);
  return {
    language,
    kind,
    ...(sender ? { sender } : {}),
    ...(letterDate ? { letterDate } : {}),
    caseNumbers,
    journalNumbers,
    ...(kle ? { kle } : {}),
    dates: readDates(text, kind, letterDate, context),
    amounts: readAmounts(text, language),
    ...(outcome ? { outcome } : {}),
    rules: readRules(text),
    ...(contact ? { contact } : {}),
  };
}
