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

describe('FHIR words in the page language', () => {
  it('statuses and UCUM units are Danish on the Danish page, and as written when unknown', async () => {
    const { statusText, ucumText } = await import('../../src/ui/health/format');
    setLanguage('da');
    expect(statusText('active')).toBe('aktiv');
    expect(statusText('completed')).toBe('afsluttet');
    expect(statusText('some-new-code')).toBe('some-new-code');
    expect(ucumText('mm[Hg]')).toBe('mmHg');
    expect(ucumText('Cel')).toBe('°C');
    expect(ucumText('kg/m2')).toBe('kg/m²');
    expect(ucumText('furlong')).toBe('furlong');
    setLanguage('en');
    expect(statusText('on-hold')).toBe('on hold');
    expect(ucumText('mmol/L')).toBe('mmol/L');
  });

  it('an observation shows its value and its components together, units readable', async () => {
    const { valueText } = await import('../../src/ui/health/HealthLists');
    setLanguage('da');
    expect(valueText({ number: 95, unit: '%' })).toBe('95 %');
    expect(valueText({ number: 120, unit: 'mm[Hg]' })).toBe('120 mmHg');
  });
});

describe('no English health or status word in the Danish UI', () => {
  const ENGLISH =
    /\b(active|inactive|completed|stopped|resolved|unknown|other|heart rate|flow rate|vo2 ?max|variability|measurement|steps|sleep|oxygen|blood pressure|entered in error)\b/i;

  it('in the Danish catalogue of the health screens, the FHIR statuses, units and resource names', async () => {
    const { da } = await import('../../src/ui/i18n/da');
    const { FHIR_STATUS, UCUM_UNITS } = await import('../../src/ui/i18n/fhir-words');
    const { FHIR_RESOURCE_NAMES, OTHER_RESOURCES } = await import('../../src/ui/i18n/fhir-resources');
    const danish: [string, string][] = [
      ...Object.entries(da).filter(([k]) => k.startsWith('health.')),
      ...Object.entries(FHIR_STATUS).map(([k, v]): [string, string] => [k, v.da]),
      ...Object.entries(UCUM_UNITS).map(([k, v]): [string, string] => [k, v.da]),
      ...Object.entries(FHIR_RESOURCE_NAMES).flatMap(([k, v]): [string, string][] => [
        [k, v.da.one],
        [k, v.da.other],
      ]),
      [`other`, OTHER_RESOURCES.da.other],
    ];
    for (const [key, text] of danish) expect(text, key).not.toMatch(ENGLISH);
  });

  it('in the Danish names of the health kinds the vault stores', async () => {
    const { METRICS } = await import('../../src/importers/health/index');
    for (const [metric, { label }] of Object.entries(METRICS)) expect(label.da, metric).not.toMatch(ENGLISH);
  });
});

describe('ownClockText', () => {
  it('shows a workout on the clock the phone wrote, as the day totals count days', async () => {
    const { ownClockText } = await import('../../src/ui/health/format');
    setLanguage('da');
    // 23:30 in Tokyo is 15:30 in Copenhagen the same day; the phone's clock said 23:30.
    expect(ownClockText('2026-03-01T23:30:00+09:00')).toMatch(/1\. marts 2026.*23[.:]30/);
    expect(ownClockText('2026-03-01T07:05:00-05:00')).toMatch(/1\. marts 2026.*07[.:]05/);
    expect(ownClockText('2026-03-01')).toBe('1. marts 2026');
  });
});
