/** The approval screen's plain words for each kind of item, and sharing's refusals mapped to texts. */
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/ui/i18n/index';
import { caseName, copyText, entryText, itemText, logCheckText, logText, revocationHint, sharingError } from '../../src/ui/sharing/words';
import { da as DA } from '../../src/ui/i18n/da';
import { explainTopic } from '../../src/municipal/plain-language/index';
import { SharingError, VaultError } from '../../src/messaging/errors';
import { nextEntry } from '../../src/sharing/transparency-log';

describe('approval items in Danish', () => {
  it('say what leaves, with counts', () => {
    setLanguage('da');
    expect(itemText({ type: 'food-budget', label: '', counts: { months: 12 } })).toBe('12 måneders madbudget (beløb pr. måned)');
    expect(itemText({ type: 'case', label: '15.20.38 Befordringsgodtgørelse', counts: { decisions: 1, documents: 3 } })).toBe(
      'Sag 15.20.38 Befordringsgodtgørelse: 1 afgørelse, 3 dokumenter',
    );
    // A scope that carries the case's topic names the case in plain words, with its number.
    const topic = { code: '15.20.38', title: 'Befordringsgodtgørelse' };
    expect(itemText({ type: 'case', label: '15.20.38 Befordringsgodtgørelse', counts: { documents: 3 }, details: ['2026-152038-23757'], topic })).toBe(
      `Sag ${explainTopic('15.20.38', 'da')!.plainTitle} (2026-152038-23757): 3 dokumenter`,
    );
    // The summary's box in the wizard names the case the same way, never by its official KLE title.
    expect(caseName(topic, '2026-152038-23757')).toBe(`${explainTopic('15.20.38', 'da')!.plainTitle} (2026-152038-23757)`);
    expect(caseName(topic, '2026-152038-23757')).not.toContain('Befordringsgodtgørelse');
    expect(entryText({ part: 'documents', title: 'Lægeattest (LÆ 265)', date: '2026-05-07' })).toBe('Dokument: Lægeattest (LÆ 265)');
    expect(itemText({ type: 'note', label: 'Kostplan', counts: { notes: 1 } })).toBe('Noten „Kostplan“');
    expect(
      itemText({ type: 'transactions', label: '2026-01-01 – 2026-03-31', counts: { transactions: 40 }, details: ['date', 'amount', 'groceries'] }),
    ).toMatch(/^40 posteringer \(2026-01-01 – 2026-03-31\) i .+, kun dato, beløb$/);
  });

  it('say which health data and which own file leave', () => {
    setLanguage('da');
    expect(
      itemText({
        type: 'health-records',
        label: '2026-01-01 – 2026-03-15',
        counts: { days: 40, observations: 2, clinical: 3 },
        details: ['steps', 'weight', 'observations', 'Condition', 'Immunization'],
      }),
    ).toBe(
      'Sundhedsdata (2026-01-01 – 2026-03-15): 40 dagsværdier (Skridt, Vægt); 2 målinger fra læge eller hospital; 3 journaloplysninger (diagnoser, vaccinationer)',
    );
    expect(itemText({ type: 'attachment', label: 'lægeerklæring.pdf', counts: { bytes: 1000 } })).toBe('Din fil „lægeerklæring.pdf“');
    setLanguage('en');
    expect(itemText({ type: 'health-records', label: 'x', counts: { clinical: 1 }, details: ['AllergyIntolerance'] })).toBe(
      'Health data (x): 1 clinical record (allergies)',
    );
    setLanguage('da');
  });

  it('log lines name kinds and counts, not data', () => {
    setLanguage('da');
    const entry = nextEntry(null, {
      type: 'import',
      at: '2026-01-01T00:00:00.000Z',
      profileId: 'p',
      summary: { what: 'records', counts: { 'bank-transaction': 12, 'health-daily': 2 } },
    });
    expect(logText(entry)).toBe('Indlæst: 12 posteringer, 2 sundhedsposter');
  });

  it('refusals from sharing get their own words by their own codes; others the common ones', () => {
    setLanguage('en');
    expect(sharingError(new SharingError('recipient-is-self', 'detail'))).toMatch(/^That is your own key\. You cannot share with yourself/);
    expect(sharingError(new VaultError('bad-request', 'recipient-is-self'))).toBe('The action could not be carried out. Reload the page and try again.');
    expect(sharingError(new TypeError('boom'))).toMatch(/./);
    setLanguage('da');
  });

  it('name the standard-format copies on the approval screen', () => {
    setLanguage('da');
    expect(copyText({ path: 'files/transactions.csv', size: 10 })).toBe('transactions.csv – de samme posteringer til regneark (Excel, Numbers) i dansk format');
    expect(copyText({ path: 'files/transactions.ofx', size: 10 })).toMatch(/^transactions\.ofx – .*\(OFX\)$/);
    expect(copyText({ path: 'files/other.bin', size: 10 })).toBe('other.bin');
    expect(copyText({ path: 'files/activities.ics', size: 10 })).toBe('activities.ics – de samme aftaler og frister til en kalender (iCalendar)');
    expect(copyText({ path: 'files/health.fhir.json', size: 10 })).toMatch(/^health\.fhir\.json – .*FHIR R4/);
    expect(copyText({ path: 'files/documents/2026-02-11-afgoerelse.pdf', size: 300 * 1024 })).toBe('2026-02-11-afgoerelse.pdf – selve dokumentet (300 kB)');
  });
});

describe('what withdrawing a share does, on the approval screen', () => {
  it('promises a notice only to a recipient with a revocation endpoint', () => {
    setLanguage('da');
    const notified = revocationHint({ name: 'Aarhus Kommune', endpoints: { bundle: 'https://a.example/b', revocation: 'https://a.example/r' } });
    expect(notified).toBe(DA['sharing.wizard.approveHonest']);
    expect(notified).toContain('får de besked');
    const fileOnly = revocationHint({ name: 'Advokat Lund', endpoints: {} });
    expect(fileOnly).not.toContain('får de besked');
    expect(fileOnly).toContain('Advokat Lund kan ikke få beskeder fra Handlerum');
    expect(fileOnly).toContain('må du selv fortælle dem det');
    // A recipient who takes bundles but has no way to hear of a withdrawal is not told either.
    expect(revocationHint({ name: 'Advokat Lund', endpoints: { bundle: 'https://a.example/b' } })).toBe(fileOnly);
    setLanguage('en');
    expect(revocationHint({ name: 'Lawyer Lund', endpoints: {} })).toContain('you must tell them yourself');
  });
});

describe('the check of the log', () => {
  it('says what failed: cut lines from where, a changed signature, no signature; and what to do', () => {
    setLanguage('da');
    const failed = (reason: 'cut' | 'signature' | 'unsigned' | 'hash', brokenAt: number) => ({ valid: false as const, count: 2, brokenAt, reason, detail: '' });
    expect(
      logCheckText({ valid: true, count: 3, head: { seq: 3, hash: 'h' }, signer: { signingKey: 'k', fingerprint: 'f' }, signedAt: '2026-12-07T04:00:00.000Z' }),
    ).toBe('Loggen er hel: 3 linjer, ingen er ændret eller fjernet.');
    expect(logCheckText(failed('cut', 3))).toMatch(/^Loggen er ikke hel: de nyeste linjer, fra linje 3, er fjernet\..* Gendan fra en sikkerhedskopi/);
    expect(logCheckText(failed('signature', 0))).toContain('underskriften af dens slutning passer ikke');
    expect(logCheckText(failed('unsigned', 0))).toContain('ikke underskrevet');
    expect(logCheckText(failed('hash', 2))).toMatch(/^Loggen er ikke hel: linje 2 er ændret eller mangler\./);
    setLanguage('en');
    expect(logCheckText(failed('cut', 5))).toMatch(/^The log is not whole: the newest lines, from line 5 on, have been removed\..* Restore from a backup/);
    setLanguage('da');
  });
});
