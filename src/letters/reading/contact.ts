/**
 * Whom to contact: the caseworker's name, phone, e-mail and telephone hours, from the labels
 * letterheads and closings use ("Sagsbehandler:", "Direkte tlf.:", "E-mail:", "Telefontid:").
 */
import { found } from './text';
import type { Contact, Found, LetterText } from './types';

const NAME_LABEL =
  /\b(?:Sagsbehandler|Kontaktperson|Din kontaktperson|Rådgiver|Caseworker|Contact person|Ansprechpartner(?:in)?|Sachbearbeiter(?:in)?)\s*:?\s*(?<name>[A-ZÆØÅ][\wæøåÆØÅ.-]+(?: [A-ZÆØÅ][\wæøåÆØÅ.-]+){1,3})/;
const CLOSING =
  /\b(?:Med venlig hilsen|Venlig hilsen|Kind regards|Yours sincerely|Mit freundlichen Grüßen)\s*\n(?<name>[A-ZÆØÅ][\wæøåÆØÅ.-]+(?: [A-ZÆØÅ][\wæøåÆØÅ.-]+){1,3})\s*(?:\n|$)/;
const PHONE = /\b(?:Direkte tlf|Direkte telefon|Tlf|Telefon|Phone|Tel|Telefonnummer)\.?\s*(?:nr\.?)?\s*:?\s*(?<phone>(?:\+45\s?)?\d{2}(?:\s?\d{2}){3})(?!\d)/i;
const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/;
const HOURS = /\b(?:Telefontid(?:er)?|Telefonåbningstid|Træffetid|Du kan ringe|Phone hours|Telefonische Sprechzeiten?)\s*:?\s*(?<hours>[^\n\t]{4,80})/i;

/** A closing signed by the organisation, not a person ("Med venlig hilsen / Hjertecentret"). */
const ORGANISATION =
  /(kommune|danmark|styrelse|region|hospital|sygehus|afdeling|ambulatori|center|centret|lægehuset|lægerne|klinik|service|forvaltning|team|kontor)/i;

interface Hit {
  readonly start: number;
  readonly end: number;
}

export function readContact(text: LetterText): Found<Contact> | undefined {
  for (const [page, content] of text.pages.entries()) {
    const hits: Hit[] = [];
    const take = (pattern: RegExp, group?: string): string | undefined => {
      const m = pattern.exec(content);
      if (!m) return undefined;
      hits.push({ start: m.index, end: m.index + m[0].length });
      return (group ? m.groups?.[group] : m[0])?.trim();
    };
    const signed = CLOSING.exec(content)?.groups?.name;
    const name = take(NAME_LABEL, 'name') ?? (signed && !ORGANISATION.test(signed) ? take(CLOSING, 'name') : undefined);
    const phone = take(PHONE, 'phone')?.replace(/^\+45/, '').replace(/\D/g, '');
    const email = take(EMAIL);
    const hours = take(HOURS, 'hours')?.replace(/[.\s]+$/, '');
    if (hits.length === 0) continue;
    const contact: Contact = { ...(name ? { name } : {}), ...(phone ? { phone } : {}), ...(email ? { email } : {}), ...(hours ? { hours } : {}) };
    return found(contact, page, Math.min(...hits.map((h) => h.start)), Math.max(...hits.map((h) => h.end)));
  }
  return undefined;
}
