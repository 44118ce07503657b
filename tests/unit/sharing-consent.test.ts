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
