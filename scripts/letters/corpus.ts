/** Every test letter, registered in one place (the accuracy test reads the files this lists). */
import { decisionLetters } from './corpus-decisions';
import { hearingAndSummonsLetters } from './corpus-hearings-summons';
import { languageAndScanLetters } from './corpus-languages';
import { otherLetters } from './corpus-others';
import type { TestLetter } from './spec';

export const LETTERS: readonly TestLetter[] = [...decisionLetters, ...hearingAndSummonsLetters, ...otherLetters, ...languageAndScanLetters];
