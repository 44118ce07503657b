/**
 * The consent receipt a bundle carries (ISO/IEC TS 27560 in shape): who consents, to whom, for
 * what, until when, and how consent is withdrawn and the data deleted, in plain Danish and
 * English. Pure: the terms come from the approved preview.
 */
import type { ConsentReceipt } from '../bundle/types';

export interface ConsentTerms {
  /** The bundle's id: the receipt is the consent to this one bundle. */
  receiptId: string;
  /** The citizen's (the profile's) name: both the controller and the person the data is about. */
  profileName: string;
  recipient: { name: string; fingerprint: string };
  purpose: string;
  /** When consent was given (the share's notBefore), as an ISO instant. */
  notBefore: string;
  /** When the bundle stops being valid; for a case-bound share, the latest date. */
  expiresAt: string;
  untilCase: { caseNumber: string } | null;
  categories: string[];
  /** Where the recipient takes revocation notices, if it has such an endpoint. */
  endpoint?: string | undefined;
}

export function consentReceipt(terms: ConsentTerms): ConsentReceipt {
  const day = terms.expiresAt.slice(0, 10);
  const until = terms.untilCase
    ? {
        da: `Indtil sag ${terms.untilCase.caseNumber} lukkes, dog senest ${day}.`,
        en: `Until case ${terms.untilCase.caseNumber} closes, at the latest ${day}.`,
      }
    : { da: `Indtil ${day}.`, en: `Until ${day}.` };
  return {
    schemaVersion: 'ISO/IEC TS 27560:2023',
    receiptId: terms.receiptId,
    consentTimestamp: terms.notBefore,
    language: 'da',
    jurisdiction: 'DK',
    controller: { name: terms.profileName, role: 'citizen' },
    piiPrincipal: { name: terms.profileName },
    recipients: [{ name: terms.recipient.name, fingerprint: terms.recipient.fingerprint }],
    purposes: [{ code: 'citizen-stated', text: { da: terms.purpose, en: terms.purpose }, legalBasis: 'consent' }],
    dataCategories: terms.categories,
    termination: { expiresAt: terms.expiresAt, text: until },
    withdrawal: {
      text: {
        da: 'Borgeren kan trække samtykket tilbage når som helst. Modtageren får da en underskrevet besked og må ikke længere bruge oplysningerne.',
        en: 'The citizen may withdraw consent at any time. The recipient then gets a signed notice and may no longer use the data.',
      },
      ...(terms.endpoint ? { endpoint: terms.endpoint } : {}),
    },
    deletion: {
      text: {
        da: 'Modtageren skal slette oplysningerne, når delingen udløber eller trækkes tilbage.',
        en: 'The recipient must delete the data when the share expires or is withdrawn.',
      },
    },
  };
}
