/**
 * Counts in words for the health summary: what a FHIR file held that is not imported, named in
 * the page's language with the plural Intl.PluralRules picks, and never by an English code in
 * the Danish page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { notKeptText } from '../../src/ui/health/format';
import { setLanguage, translate } from '../../src/ui/i18n/index';

afterEach(() => setLanguage('da'));

describe('notKeptText', () => {
  it('names each kind with its count in Danish, most first, singular and plural', () => {
    setLanguage('da');
    expect(notKeptText({ DocumentReference: 1, FamilyMemberHistory: 2 })).toBe('2 familiehistorikker, 1 dokumentreference');
    expect(translate('da', 'health.summary.notImported', { list: notKeptText({ FamilyMemberHistory: 2, DocumentReference: 1 }) })).toBe(
      '2 familiehistorikker, 1 dokumentreference blev ikke importeret: Handlerum viser dem ikke endnu.',
    );
  });

  it('in English too', () => {
    setLanguage('en');
    expect(notKeptText({ FamilyMemberHistory: 1, ServiceRequest: 3 })).toBe('3 referrals, 1 family history');
  });

  it('sums types it has no name for as other entries, never showing their code', () => {
    setLanguage('da');
    const text = notKeptText({ Basic: 1, Linkage: 1, Encounter: 1 });
    expect(text).toBe('1 kontakt med sundhedsvæsenet, 2 andre oplysninger');
    expect(text).not.toMatch(/Basic|Linkage/);
    expect(notKeptText({ Basic: 1 })).toBe('1 anden oplysning');
    expect(notKeptText({ Basic: 1200 })).toBe('1.200 andre oplysninger');
    expect(notKeptText({})).toBe('');
  });
});
