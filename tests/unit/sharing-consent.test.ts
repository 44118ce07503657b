/** The consent receipt a bundle carries: its words for each way a share ends, and its shape. */
import { describe, expect, it } from 'vitest';
import { generateIdentity, recipientFingerprint } from '../../src/bundle/index';
import { ConsentReceipt } from '../../src/bundle/schemas';
import { consentReceipt, type ConsentTerms } from '../../src/sharing/consent';

const fingerprint = recipientFingerprint(generateIdentity().recipient);

const terms: ConsentTerms = {
  receiptId: 'bundle-0123456789abcdef',
  profileName: 'Thomas',
  recipient: { name: 'Diætist Hansen', fingerprint },
  purpose: 'Kostvejledning',
  notBefore: '2026-03-15T10:00:00.000Z',
  expiresAt: '2026-04-30T21:59:59.000Z',
  untilCase: null,
  categories: ['food-budget'],
};

describe('the consent receipt', () => {
  it('names the citizen, the recipient, the purpose and the data, and fits the bundle schema', () => {
    const receipt = consentReceipt(terms);
    expect(ConsentReceipt.safeParse(receipt).success).toBe(true);
    expect(receipt).toMatchObject({
      receiptId: terms.receiptId,
      consentTimestamp: terms.notBefore,
      controller: { name: 'Thomas', role: 'citizen' },
      piiPrincipal: { name: 'Thomas' },
      recipients: [{ name: 'Diætist Hansen', fingerprint }],
      purposes: [{ code: 'citizen-stated', text: { da: 'Kostvejledning', en: 'Kostvejledning' }, legalBasis: 'consent' }],
      dataCategories: ['food-budget'],
      termination: { expiresAt: terms.expiresAt },
    });
  });

  it('says the last day of a dated share, and the case and its latest day for a case-bound one', () => {
    expect(consentReceipt(terms).termination.text).toEqual({ da: 'Indtil 2026-04-30.', en: 'Until 2026-04-30.' });
    expect(consentReceipt({ ...terms, untilCase: { caseNumber: '2026-0042' } }).termination.text).toEqual({
      da: 'Indtil sag 2026-0042 lukkes, dog senest 2026-04-30.',
      en: 'Until case 2026-0042 closes, at the latest 2026-04-30.',
    });
  });

  it('gives the revocation endpoint only when the recipient has one, and always the deletion duty', () => {
    expect(consentReceipt(terms).withdrawal).not.toHaveProperty('endpoint');
    expect(consentReceipt({ ...terms, endpoint: undefined }).withdrawal).not.toHaveProperty('endpoint');
    const withEndpoint = consentReceipt({ ...terms, endpoint: 'https://diaetist.example/revoke' });
    expect(withEndpoint.withdrawal.endpoint).toBe('https://diaetist.example/revoke');
    expect(ConsentReceipt.safeParse(withEndpoint).success).toBe(true);
    expect(withEndpoint.deletion.text.da).toMatch(/slette/);
    expect(withEndpoint.deletion.text.en).toMatch(/delete/);
  });
});

describe('the consent receipt of a representative', () => {
  const power = {
    basis: 'power-of-attorney' as const,
    representative: 'Sofie Nørgaard',
    vouchedBy: 'Vesterå Kommune',
    reference: 'poa-thomas-sofie',
    categories: ['activities', 'payments'],
    validUntil: '2027-06-30',
  };

  it('names the representative as the one who decides, and says on whose behalf and on what basis', () => {
    const receipt = consentReceipt({ ...terms, representation: power });
    expect(ConsentReceipt.safeParse(receipt).success).toBe(true);
    expect(receipt.controller).toEqual({ name: 'Sofie Nørgaard', role: 'representative' });
    expect(receipt.piiPrincipal).toEqual({ name: 'Thomas' });
    expect(receipt.representation).toMatchObject({
      basis: 'power-of-attorney',
      onBehalfOf: 'Thomas',
      representative: 'Sofie Nørgaard',
      reference: 'poa-thomas-sofie',
      categories: ['activities', 'payments'],
      validUntil: '2027-06-30',
      vouchedBy: 'Vesterå Kommune',
    });
    expect(receipt.representation!.text.da).toBe(
      'Sofie Nørgaard deler på vegne af Thomas med en fuldmagt (poa-thomas-sofie) til aftaler og frister, udbetalinger, gyldig til og med 2027-06-30, som Vesterå Kommune har bekræftet ved login.',
    );
    expect(receipt.representation!.text.en).toBe(
      'Sofie Nørgaard shares on behalf of Thomas with a power of attorney (poa-thomas-sofie) for appointments and deadlines, payments, valid until 2027-06-30 inclusive, as confirmed by Vesterå Kommune at sign-in.',
    );
  });

  it('words custody apart, and leaves out what a basis does not have', () => {
    const receipt = consentReceipt({ ...terms, representation: { basis: 'custody', representative: 'Mette Kjær Olsen', vouchedBy: 'Vesterå Kommune' } });
    expect(ConsentReceipt.safeParse(receipt).success).toBe(true);
    expect(receipt.representation).not.toHaveProperty('reference');
    expect(receipt.representation).not.toHaveProperty('validUntil');
    expect(receipt.representation!.text.da).toMatch(/som forælder med forældremyndighed/);
  });

  it('keeps a citizen’s own receipt as it was, and older receipts still parse', () => {
    const own = consentReceipt(terms);
    expect(own).not.toHaveProperty('representation');
    expect(own.controller.role).toBe('citizen');
    expect(ConsentReceipt.safeParse(own).success).toBe(true);
    // A representative must say on what basis, and the basis goes only with a representative.
    expect(ConsentReceipt.safeParse({ ...own, controller: { name: 'Sofie', role: 'representative' } }).success).toBe(false);
    const represented = consentReceipt({ ...terms, representation: power });
    expect(ConsentReceipt.safeParse({ ...represented, controller: { name: 'Thomas', role: 'citizen' } }).success).toBe(false);
  });
});
