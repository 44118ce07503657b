/**
 * A decision's outcome: granted, partly granted, reduced, refused or stopped. Read only in decisions
 * (a hearing's "vi overvejer at stoppe" is not yet an outcome), from the first sentence that
 * states one; the more specific wording wins within that sentence.
 */
import { found, sentenceAround } from './text';
import type { Found, LetterKind, LetterText, Outcome } from './types';

const OUTCOMES: readonly { outcome: Outcome; pattern: RegExp }[] = [
  {
    outcome: 'partly-granted',
    pattern:
      /\b(delvist\s+bevilget|delvis\s+bevilling|bevilger\s+(?:dig\s+)?delvist|delvist\s+imødekommet|giver\s+dig\s+delvist|får\s+delvist|partly\s+granted|partially\s+granted|teilweise\s+bewilligt)/i,
  },
  // A benefit cut, not ended: "nedsættes", "nedsat", "nedsættelse af". Not "varigt nedsat
  // funktionsevne" or "din arbejdsevne er ikke varigt nedsat", which describe the citizen.
  {
    outcome: 'reduced',
    pattern:
      /\b(nedsættelse\s+af|nedsætter|nedsættes|(?<!evne[a-zæøå]*\s+(?:[a-zæøå]+\s+){0,3})nedsat(?!\s+(?:[a-zæøå]+\s+)?[a-zæøå]*evne)|(?:will\s+be|is|has\s+been)\s+reduced|gekürzt)/i,
  },
  {
    outcome: 'refused',
    pattern:
      /\b(afslag|afslår|giver\s+dig\s+ikke|kan\s+ikke\s+bevilge|bevilger\s+ikke|får\s+ikke|imødekommer\s+ikke|refused|rejected|we\s+cannot\s+grant|abgelehnt)/i,
  },
  { outcome: 'stopped', pattern: /\b(ophører|stopper|standser|frakender|bortfalder|ophør\s+af|stop\s+af|stopped|will\s+end|eingestellt)/i },
  {
    outcome: 'granted',
    pattern:
      /\b(bevilget|bevilger|bevilling\s+af|imødekommet|giver\s+dig|får\s+(?:du\s+)?(?:hjælp|tilskud|boligstøtte|kontanthjælp|støtte)|granted|bewilligt)/i,
  },
];

export function readOutcome(text: LetterText, kind: LetterKind): Found<Outcome> | undefined {
  if (kind !== 'decision') return undefined;
  for (const [page, content] of text.pages.entries()) {
    // The earliest statement of any outcome; its sentence decides which one.
    let first: { index: number; length: number } | undefined;
    for (const { pattern } of OUTCOMES) {
      const m = pattern.exec(content);
      if (m && (!first || m.index < first.index)) first = { index: m.index, length: m[0].length };
    }
    if (!first) continue;
    const sentence = sentenceAround(content, first.index, first.index + first.length);
    for (const { outcome, pattern } of OUTCOMES) {
      const m = pattern.exec(sentence.text);
      if (m) return found(outcome, page, sentence.start + m.index, sentence.start + m.index + m[0].length);
    }
  }
  return undefined;
}
