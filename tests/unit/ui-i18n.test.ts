import { describe, expect, it } from 'vitest';
import { da } from '../../src/ui/i18n/da';
import { en } from '../../src/ui/i18n/en';
import { languageFor, translate } from '../../src/ui/i18n/index';

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('UI catalogues', () => {
  it('have exactly the same keys in Danish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
  });

  it('have no empty texts', () => {
    for (const [language, catalogue] of Object.entries({ da, en })) {
      for (const [key, text] of Object.entries(catalogue)) expect(text.trim(), `${language} ${key}`).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(da) as (keyof typeof da)[]) expect(placeholders(en[key]), key).toEqual(placeholders(da[key]));
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('da', 'notes.title', { name: 'Søren' })).toBe('Noter for Søren');
    expect(translate('en', 'notes.title', { name: 'Søren' })).toBe('Notes for Søren');
    expect(translate('en', 'notes.title')).toBe('Notes for {name}');
  });
});

describe('languageFor', () => {
  it('chooses English for English browsers and Danish for everything else', () => {
    expect(['en', 'en-US', 'en-GB', 'en_US'].map(languageFor)).toEqual(['en', 'en', 'en', 'en']);
    expect(['da', 'da-DK', 'de-DE', 'eng', 'fr', '', undefined].map(languageFor)).toEqual(['da', 'da', 'da', 'da', 'da', 'da', 'da']);
  });
});
