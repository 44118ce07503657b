/**
 * Who sent the letter, from its letterhead: the first sender name on the first page (the
 * letterhead comes first in reading order), with its unit when the letterhead names one.
 */
import { found } from './text';
import type { Found, LetterText, Sender, SenderKind } from './types';

const NAME = "[A-ZÆØÅ][\\wæøåÆØÅ'-]+";

/** Most specific first: a hospital of a region before the region itself. */
const SENDERS: readonly { kind: SenderKind; pattern: RegExp }[] = [
  { kind: 'udbetaling-danmark', pattern: /\bUdbetaling Danmark\b/ },
  { kind: 'skattestyrelsen', pattern: /\bSkattestyrelsen\b/ },
  { kind: 'ankestyrelsen', pattern: /\bAnkestyrelsen\b/ },
  {
    kind: 'hospital',
    pattern: new RegExp(
      `\\b(?:Rigshospitalet|Bispebjerg og Frederiksberg Hospital|(?:${NAME} )?Universitetshospital(?:et)?(?: ${NAME})?|Regionshospitalet ${NAME}|Hospitalsenhed ${NAME}|Sygehus ${NAME}|${NAME} Sygehus|${NAME} Hospital|Hospital ${NAME})`,
    ),
  },
  {
    kind: 'gp',
    pattern: new RegExp(
      `\\b(?:Lægehuset(?: ${NAME})*|Lægerne (?:i|på|ved) ${NAME}(?: ${NAME})?|Lægeklinikken(?: ${NAME})*|Lægepraksis(?:en)?(?: ${NAME})*|Læge ${NAME} ${NAME})`,
    ),
  },
  { kind: 'region', pattern: /\bRegion (?:Hovedstaden|Sjælland|Syddanmark|Midtjylland|Nordjylland)\b/ },
  { kind: 'municipality', pattern: new RegExp(`\\b(?:${NAME}s? Kommune|Københavns Kommune|Frederiksberg Kommune)\\b`) },
];

/**
 * A unit line: the letterhead's line under the sender's name, when it names a part of the
 * sender (no digits, as an address has; no label or e-mail, as the facts beside it have).
 */
const UNIT = /^[A-ZÆØÅ][^\d@:]{2,59}$/;

export function readSender(text: LetterText): Found<Sender> | undefined {
  const first = text.pages[0] ?? '';
  // The letterhead: the first lines of the first page, before the body starts.
  const head = first.slice(0, 1200);
  let best: { kind: SenderKind; index: number; name: string } | undefined;
  for (const { kind, pattern } of SENDERS) {
    const match = pattern.exec(head);
    if (match && (!best || match.index < best.index)) best = { kind, index: match.index, name: match[0] };
  }
  if (!best) return undefined;
  const lineEnd = first.indexOf('\n', best.index);
  // The name must end its cell: "Aarhus Kommune" heading a letterhead, not inside a sentence.
  const restOfCell = first
    .slice(best.index + best.name.length)
    .split(/[\n\t]/, 1)[0]
    ?.trim();
  const nextLine =
    lineEnd >= 0
      ? first
          .slice(lineEnd + 1)
          .split(/[\n\t]/, 1)[0]
          ?.trim()
      : undefined;
  const unit = restOfCell === '' && nextLine && UNIT.test(nextLine) ? nextLine : undefined;
  return found({ kind: best.kind, name: best.name, ...(unit ? { unit } : {}) }, 0, best.index, best.index + best.name.length);
}
