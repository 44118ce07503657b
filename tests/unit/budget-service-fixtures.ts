/**
 * Thomas's food-budget bundle, made with the real createBundle: the monthly food budget view,
 * his diet plan note, and the standard CSV copy of the budget. Shared by the budget service's
 * unit tests and the receiver page's end-to-end test.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { createBundle, generateIdentity, recipientFingerprint, type ConsentReceipt, type CreateBundleInput } from '../../src/bundle';

export const THOMAS = 'Thomas Nielsen';
export const DIET_PLAN = { title: 'Kostplan fra diætisten', body: 'Morgen: havregrød. Frokost: rugbrød med fisk. Aften: grøntsager og kylling.' };

/** Groceries spent per month, in øre (what the vault's food-budget view computes). */
export const FOOD_MONTHS = [
  { month: '2026-08', spentMinor: 312_450 },
  { month: '2026-09', spentMinor: 298_710 },
  { month: '2026-10', spentMinor: 305_120 },
];
export const FOOD_AVERAGE = Math.round(FOOD_MONTHS.reduce((s, m) => s + m.spentMinor, 0) / FOOD_MONTHS.length);

export const foodBudgetView = () => ({
  view: 'monthly-food-budget',
  category: 'groceries',
  currency: 'DKK',
  months: FOOD_MONTHS,
  averageMinor: FOOD_AVERAGE,
  last3: FOOD_MONTHS,
  last3AverageMinor: FOOD_AVERAGE,
});

export const FOOD_CSV = ['month,spent,currency', ...FOOD_MONTHS.map((m) => `${m.month},${(m.spentMinor / 100).toFixed(2)},DKK`)].join('\r\n') + '\r\n';

export interface ThomasKeys {
  signingSecretKey: Uint8Array;
  recipient: { identity: string; recipient: string };
}

export const newKeys = (recipient = generateIdentity()): ThomasKeys => ({ signingSecretKey: ed25519.utils.randomSecretKey(), recipient });

function consent(recipientName: string, ageRecipient: string, issuedAt: Date, expiresAt: Date): ConsentReceipt {
  return {
    schemaVersion: 'ISO/IEC TS 27560:2023',
    receiptId: 'receipt-0001',
    consentTimestamp: issuedAt.toISOString(),
    language: 'da',
    jurisdiction: 'DK',
    controller: { name: THOMAS, role: 'citizen' },
    piiPrincipal: { name: THOMAS },
    recipients: [{ name: recipientName, fingerprint: recipientFingerprint(ageRecipient) }],
    purposes: [{ code: 'food-budget', text: { da: 'Lægge et madbudget', en: 'Making a food budget' }, legalBasis: 'consent' }],
    dataCategories: ['food-budget', 'diet-plan'],
    termination: { expiresAt: expiresAt.toISOString(), text: { da: 'Delingen udløber af sig selv.', en: 'The share ends by itself.' } },
    withdrawal: { text: { da: 'Træk delingen tilbage under Deling i din vault.', en: 'Revoke the share under Sharing in your vault.' } },
    deletion: { text: { da: 'Skriv til modtageren og bed om sletning.', en: 'Write to the recipient and ask for deletion.' } },
  };
}

export interface BundleOptions {
  keys: ThomasKeys;
  /** The age recipient the bundle is encrypted to (default: the keys' recipient). */
  encryptTo?: string;
  recipientName?: string;
  issuedAt?: Date;
  expiresAt?: Date;
  notBefore?: Date;
  recipientEndpoint?: string;
  withDietPlan?: boolean;
  id?: string;
}

export function thomasBundleInput(options: BundleOptions): CreateBundleInput {
  const issuedAt = options.issuedAt ?? new Date();
  const expiresAt = options.expiresAt ?? new Date(issuedAt.getTime() + 30 * 24 * 3600_000);
  const ageRecipient = options.encryptTo ?? options.keys.recipient.recipient;
  const name = options.recipientName ?? 'Føtex Madbudget';
  // The shape the vault's buildShare gives: one list per kind of item.
  const data: Record<string, unknown> = { foodBudget: [foodBudgetView()] };
  if (options.withDietPlan ?? true) data.notes = [DIET_PLAN];
  return {
    issuer: { signingSecretKey: options.keys.signingSecretKey, name: THOMAS },
    recipient: { kind: 'x25519', ageRecipient, name },
    issuedAt,
    expiresAt,
    ...(options.notBefore ? { notBefore: options.notBefore } : {}),
    ...(options.id ? { id: options.id } : {}),
    content: {
      purpose: { code: 'food-budget', text: { da: 'Lægge et madbudget', en: 'Making a food budget' } },
      scope: {
        description: { da: 'Madbudget pr. måned i 3 måneder og kostplan', en: 'Food budget per month for 3 months and diet plan' },
        categories: ['food-budget', 'diet-plan'],
      },
      data,
      files: [{ path: 'files/food-budget.csv', mediaType: 'text/csv', bytes: new TextEncoder().encode(FOOD_CSV) }],
      provenance: [
        { attestedBy: 'citizen', source: 'Danske Bank CSV-udtræk', covers: ['foodBudget'] },
        { attestedBy: 'citizen', source: 'Egen note', covers: ['notes'] },
      ],
      consent: consent(name, ageRecipient, issuedAt, expiresAt),
      ...(options.recipientEndpoint ? { recipientEndpoint: options.recipientEndpoint } : {}),
    },
  };
}

export const thomasBundle = (options: BundleOptions): Promise<Uint8Array> => createBundle(thomasBundleInput(options));

/** The bundle with one byte changed in the middle (inside the encrypted payload). */
export function tamper(bundle: Uint8Array): Uint8Array {
  const copy = bundle.slice();
  const at = Math.floor(copy.length * 0.75);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}
