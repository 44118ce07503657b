import { describe, expect, it } from 'vitest';
import { CATALOGUE, explainStatus, explainTopic, LANGUAGES, type Language } from '../../src/municipal/plain-language/index';
import { allKleTopics } from '../../src/municipal/kle/index';

describe('explainTopic', () => {
  it('explains a catalogued topic in Danish, with the official title beside it', () => {
    expect(explainTopic('32.24.04', 'da')).toMatchObject({
      code: '32.24.04',
      officialTitle: 'Hjælp til forsørgelse (kontanthjælp mv.)',
      plainTitle: 'Kontanthjælp',
      source: 'catalogue',
      titleLanguage: 'da',
    });
    expect(explainTopic('32.24.04', 'da')?.explanation).toMatch(/^Kontanthjælp er penge til at leve for/);
    expect(explainTopic('32.24.04', 'da')?.tips.length).toBeGreaterThan(0);
  });

  it('explains the same topic in English; the official title stays Danish', () => {
    const topic = explainTopic('15.20.38', 'en');
    expect(topic).toMatchObject({
      officialTitle: 'Befordringsgodtgørelse - tillægsydelser',
      plainTitle: 'Travel costs for job centre activities',
      source: 'catalogue',
      titleLanguage: 'en',
    });
    expect(topic?.explanation).toMatch(/travel costs/);
  });

  it('falls back to the official title, without its phase-out note, for an uncatalogued topic', () => {
    expect(explainTopic('05.09.20', 'en')).toEqual({
      code: '05.09.20',
      officialTitle: 'Fjernelse af køretøjer',
      plainTitle: 'Fjernelse af køretøjer',
      explanation: null,
      tips: [],
      source: 'official-title',
      titleLanguage: 'da',
    });
    expect(explainTopic('32.24.03', 'da')).toMatchObject({
      officialTitle: 'Kontanthjælpsloft [udgår 2026]',
      plainTitle: 'Kontanthjælpsloft',
      source: 'official-title',
      phasedOutIn: 2026,
    });
  });

  it('marks a catalogued topic that KLE is phasing out', () => {
    expect(explainTopic('15.17.22', 'da')).toMatchObject({ source: 'catalogue', phasedOutIn: 2029 });
  });

  it('uses the title the municipality sent for a code this KLE edition lacks', () => {
    expect(explainTopic('32.24.99', 'da', { reportedTitle: '  Et nyt emne  ' })).toMatchObject({
      officialTitle: null,
      plainTitle: 'Et nyt emne',
      source: 'reported-title',
      titleLanguage: 'da',
    });
  });

  it('ignores the reported title when the code is known', () => {
    expect(explainTopic('05.09.20', 'da', { reportedTitle: 'Noget andet' })?.plainTitle).toBe('Fjernelse af køretøjer');
  });

  it('falls back to the group title for an unknown code in a known group', () => {
    expect(explainTopic('32.24.99', 'en')).toMatchObject({
      officialTitle: null,
      plainTitle: 'Ydelser efter lov om aktiv socialpolitik mv.',
      explanation: null,
      source: 'group-title',
      titleLanguage: 'da',
    });
    expect(explainTopic('32.24.99', 'da', { reportedTitle: '   ' })?.source).toBe('group-title');
  });

  it('says "unknown topic" in the asked language when even the group is unknown', () => {
    expect(explainTopic('99.99.99', 'da')).toMatchObject({
      officialTitle: null,
      plainTitle: 'Ukendt emne (KLE 99.99.99)',
      source: 'unknown',
      titleLanguage: 'da',
    });
    expect(explainTopic('99.99.99', 'en')?.plainTitle).toBe('Unknown topic (KLE 99.99.99)');
  });

  it.each(['32.24.4', '32.24', '', ' 32.24.04', 'kontanthjælp'])('returns null for the malformed code %j', (code) => {
    expect(explainTopic(code, 'da')).toBeNull();
    expect(explainTopic(code, 'en', { reportedTitle: 'Kontanthjælp' })).toBeNull();
  });

  it('refuses a language it does not have', () => {
    expect(() => explainTopic('32.24.04', 'de' as Language)).toThrow(TypeError);
    expect(() => explainStatus('decided', 'de' as Language)).toThrow(/lang/);
  });

  it('answers every official topic in both languages, from the catalogue exactly where there is an entry', () => {
    const catalogued = new Set(CATALOGUE.map((entry) => entry.code));
    for (const lang of LANGUAGES) {
      for (const { code, title } of allKleTopics()) {
        const topic = explainTopic(code, lang);
        expect(topic?.officialTitle).toBe(title);
        expect(topic?.source).toBe(catalogued.has(code) ? 'catalogue' : 'official-title');
        expect(topic?.plainTitle.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('explainStatus', () => {
  it('explains a decided case in Danish, with the appeal deadline as a tip', () => {
    const status = explainStatus('decided', 'da');
    expect(status).toMatchObject({ status: 'decided', title: 'Afgjort' });
    expect(status.tips.join(' ')).toMatch(/klage/i);
  });

  it('explains a status in English', () => {
    expect(explainStatus('awaiting-citizen', 'en')).toMatchObject({ status: 'awaiting-citizen', title: 'Waiting for you' });
  });

  it.each([null, undefined, '', 'DECIDED', 'on-hold', 'toString', '__proto__'])('explains the missing or unrecognised status %j as unknown', (value) => {
    expect(explainStatus(value, 'da')).toMatchObject({ status: 'unknown', title: 'Status ukendt' });
  });
});
