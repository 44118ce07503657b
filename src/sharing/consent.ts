/**
 * The consent receipt a bundle carries (ISO/IEC TS 27560 in shape): who consents, to whom, for
 * what, until when, and how consent is withdrawn and the data deleted, in plain Danish and
 * English; when a representative shares, also on whose behalf and on what basis. Pure: the
 * terms come from the approved preview.
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
  /** Set when the one sharing acts for the profile's person rather than being that person. */
  representation?: RepresentationTerms | undefined;
}

/** Someone acting for the citizen, and the basis the municipality's sign-in established. */
export interface RepresentationTerms {
  basis: 'power-of-attorney' | 'custody';
  /** The representative's name as the municipality knows it. */
  representative: string;
  /** The municipality whose sign-in established the basis. */
  vouchedBy: string;
  /** The power of attorney's id at the municipality. */
  reference?: string | undefined;
  /** The data categories the power covers (API categories such as `payments`). */
  categories?: readonly string[] | undefined;
  /** The power's last day (a Danish calendar day), when it has one. */
  validUntil?: string | undefined;
}

/** The Citizen Data API's categories in words; a category a later API adds is named as it is. */
const CATEGORY_WORDS: Partial<Record<string, { da: string; en: string }>> = {
  cases: { da: 'sager', en: 'cases' },
  decisions: { da: 'afgørelser', en: 'decisions' },
  payments: { da: 'udbetalinger', en: 'payments' },
  activities: { da: 'aftaler og frister', en: 'appointments and deadlines' },
  documents: { da: 'dokumenter', en: 'documents' },
  'access-log': { da: 'loggen over opslag', en: 'the access log' },
};

function representationOf(r: RepresentationTerms, onBehalfOf: string): NonNullable<ConsentReceipt['representation']> {
  const until = r.validUntil ? { da: `, gyldig til og med ${r.validUntil}`, en: `, valid until ${r.validUntil} inclusive` } : { da: '', en: '' };
  const ref = r.reference ? { da: ` (${r.reference})`, en: ` (${r.reference})` } : { da: '', en: '' };
  const covers = r.categories?.length
    ? {
        da: ` til ${r.categories.map((c) => CATEGORY_WORDS[c]?.da ?? c).join(', ')}`,
        en: ` for ${r.categories.map((c) => CATEGORY_WORDS[c]?.en ?? c).join(', ')}`,
      }
    : { da: '', en: '' };
  const text =
    r.basis === 'custody'
      ? {
          da: `${r.representative} deler på vegne af ${onBehalfOf} som forælder med forældremyndighed, som ${r.vouchedBy} har bekræftet ved login.`,
          en: `${r.representative} shares on behalf of ${onBehalfOf} as a parent with custody, as confirmed by ${r.vouchedBy} at sign-in.`,
        }
      : {
          da: `${r.representative} deler på vegne af ${onBehalfOf} med en fuldmagt${ref.da}${covers.da}${until.da}, som ${r.vouchedBy} har bekræftet ved login.`,
          en: `${r.representative} shares on behalf of ${onBehalfOf} with a power of attorney${ref.en}${covers.en}${until.en}, as confirmed by ${r.vouchedBy} at sign-in.`,
        };
  return {
    basis: r.basis,
    onBehalfOf,
    representative: r.representative,
    ...(r.reference ? { reference: r.reference } : {}),
    ...(r.categories?.length ? { categories: [...r.categories] } : {}),
    ...(r.validUntil ? { validUntil: r.validUntil } : {}),
    vouchedBy: r.vouchedBy,
    text,
  };
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
    controller: terms.representation ? { name: terms.representation.representative, role: 'representative' } : { name: terms.profileName, role: 'citizen' },
    piiPrincipal: { name: terms.profileName },
    ...(terms.representation ? { representation: representationOf(terms.representation, terms.profileName) } : {}),
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
