/**
 * What kind of letter it is, from its subject and headings. The subject line (the first heading
 * of the body) weighs most; words anywhere decide only when the subject says nothing.
 */
import type { LetterKind, LetterLanguage, LetterText } from './types';

/** In order of precedence: an access reply may contain a decision, a hearing is not yet one. */
const KINDS: readonly { kind: LetterKind; pattern: RegExp }[] = [
  {
    kind: 'access-reply',
    pattern:
      /\b(aktindsigt|indsigt\s+i\s+(?:dine|de)\s+oplysninger|indsigtsanmodning|artikel\s+15|access\s+to\s+(?:your\s+)?(?:documents|data|files)|akteneinsicht)/i,
  },
  {
    kind: 'hearing',
    pattern: /\b(partshøring|høring\s+over|vi\s+overvejer\s+at|forvaltningslovens\s+§\s+19|§\s+19\s+i\s+forvaltningsloven|before\s+we\s+decide|anhörung)/i,
  },
  {
    kind: 'summons',
    pattern:
      /\b(indkaldelse|indkalder\s+dig|indkaldt\s+til|du\s+er\s+indkaldt|tid\s+til\s+(?:samtale|møde|undersøgelse|behandling|konsultation)|tid\s+til\s+(?:kontrol|årskontrol)|invitation\s+to\s+(?:a\s+)?(?:meeting|interview|appointment)|appointment|einladung|termin)\b/i,
  },
  {
    kind: 'payment-statement',
    pattern:
      /\b(udbetalingsspecifikation|specifikation\s+af\s+(?:din\s+)?udbetaling|udbetalingsmeddelelse|betalingsoversigt|oversigt\s+over\s+(?:dine\s+)?udbetalinger|payment\s+statement|zahlungsübersicht)/i,
  },
  {
    kind: 'receipt',
    pattern: /\b(kvittering|vi\s+har\s+modtaget\s+din\s+(?:ansøgning|klage|henvendelse|anmodning)|receipt|we\s+have\s+received\s+your|eingangsbestätigung)/i,
  },
  { kind: 'decision', pattern: /\b(afgørelse|bevilling|bevilget|afslag|klagevejledning|decision|bescheid|entscheidung)/i },
];

/** In the body, only words that name the letter itself (a GP's "bestil tid til en konsultation" is no summons). */
const BODY_KINDS: readonly { kind: LetterKind; pattern: RegExp }[] = [
  { kind: 'access-reply', pattern: /\b(aktindsigt|indsigt\s+i\s+(?:dine|de)\s+oplysninger|access\s+to\s+(?:your\s+)?(?:documents|data|files)|akteneinsicht)/i },
  { kind: 'hearing', pattern: /\b(partshøring|vi\s+overvejer\s+at|before\s+we\s+decide|anhörung)/i },
  { kind: 'summons', pattern: /\b(indkaldelse|indkalder\s+dig|du\s+er\s+indkaldt|einladung\s+zu)/i },
  { kind: 'payment-statement', pattern: /\b(udbetalingsspecifikation|specifikation\s+af\s+(?:din\s+)?udbetaling|payment\s+statement)/i },
  { kind: 'decision', pattern: /\b(klagevejledning|du\s+kan\s+klage|how\s+to\s+appeal|rechtsbehelfsbelehrung)/i },
  { kind: 'receipt', pattern: /\b(kvittering|vi\s+har\s+modtaget\s+din\s+(?:ansøgning|klage|henvendelse|anmodning)|we\s+have\s+received\s+your)/i },
];

const kindIn = (text: string, kinds = KINDS): LetterKind | undefined => kinds.find(({ pattern }) => pattern.test(text))?.kind;

/** The subject: the first line of the first page that reads as a heading ("Afgørelse om …", "Vedr.: …"). */
export function subjectLine(text: LetterText): string | undefined {
  const lines = (text.pages[0] ?? '').split('\n');
  return lines.find((line) =>
    /^(?:vedr\.?:?\s*|emne:\s*|subject:\s*|betreff:\s*)?(?:afgørelse|partshøring|indkaldelse|kvittering|svar på|aktindsigt|høring|udbetalings|specifikation|oversigt|decision|invitation|notice|bescheid|einladung|meddelelse|orientering|vedr|brev om|din|dit|om |vi har modtaget)/i.test(
      line.trim(),
    ),
  );
}

export function readKind(text: LetterText, language: LetterLanguage): LetterKind {
  if (language === 'other') return 'other';
  const subject = subjectLine(text);
  return (subject ? kindIn(subject) : undefined) ?? kindIn(text.pages.join('\n'), BODY_KINDS) ?? 'other';
}
