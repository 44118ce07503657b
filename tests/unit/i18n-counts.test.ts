/**
 * Counts and amounts in words: Intl.PluralRules picks `1 ny postering`, never `1 nye posteringer`;
 * the pairs are typed (PluralKey), so a base without both forms does not compile; and an amount
 * in kroner ending a sentence gets no second point.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUES, countText, setLanguage, tn, type Language, type MessageKey } from '../../src/ui/i18n/index';

afterEach(() => setLanguage('da'));

describe('tn', () => {
  it('picks the singular for one and the plural otherwise, in Danish', () => {
    setLanguage('da');
    expect(tn('money.import.done', 1, { account: 'Lønkonto' })).toBe('1 ny postering er gemt på Lønkonto.');
    expect(tn('money.import.done', 0, { account: 'Lønkonto' })).toBe('0 nye posteringer er gemt på Lønkonto.');
    // The count is written as the language writes numbers.
    expect(tn('money.import.done', 45000, { account: 'Lønkonto' })).toBe('45.000 nye posteringer er gemt på Lønkonto.');
    expect(tn('money.import.cutOff.keep', 1)).toBe('Læs den ene hele række ind');
  });

  it('and in English', () => {
    setLanguage('en');
    expect(tn('money.import.done', 1, { account: 'Savings' })).toBe('1 new transaction was saved to Savings.');
    expect(tn('money.import.done', 45000, { account: 'Savings' })).toBe('45,000 new transactions were saved to Savings.');
  });
});

describe('the health summary counts its unreadable rows', () => {
  it('one row, several rows', () => {
    setLanguage('da');
    expect(tn('health.summary.issues', 1)).toBe('1 række kunne ikke læses og bliver ikke gemt:');
    expect(tn('health.summary.issues', 2)).toBe('2 rækker kunne ikke læses og bliver ikke gemt:');
  });
});

describe('amounts in kroner at the end of a sentence', () => {
  it('take no second point ("kr.." never shows)', async () => {
    const { translate } = await import('../../src/ui/i18n/index');
    const text = translate('da', 'money.chart.summary', { from: 'januar 2026', to: 'marts 2026', total: '1.000,00 kr.', top: 'Dagligvarer 600,00 kr.' });
    expect(text).not.toContain('kr..');
    expect(text).toBe('Forbrug fra januar 2026 til marts 2026: i alt 1.000,00 kr. Største kategorier: Dagligvarer 600,00 kr.');
  });
});

describe('the money screens count transactions', () => {
  it('in the list summary and while saving', () => {
    setLanguage('da');
    expect(tn('money.list.summary', 1, { in: '0,00 kr.', out: '-5,00 kr.' })).toBe('1 postering · ind 0,00 kr. · ud -5,00 kr.');
    expect(tn('money.import.saving', 1)).toBe('Gemmer 1 postering …');
    expect(tn('money.import.saving', 1500)).toBe('Gemmer 1.500 posteringer …');
  });
});

describe('every count on the screens', () => {
  it('reads right for 0, 1 and many, in both languages', () => {
    setLanguage('da');
    expect(tn('settings.autoLockSaved', 1)).toBe('Gemt. Datarummet låses efter 1 minut uden brug.');
    expect(tn('search.count', 1)).toBe('1 resultat');
    expect(tn('search.count', 0)).toBe('0 resultater');
    expect(tn('calendar.dayCount', 1)).toBe('1 aftale eller frist');
    expect(tn('sharing.item.decisions', 1)).toBe('1 afgørelse');
    expect(tn('sharing.item.documents', 1)).toBe('1 dokument');
    expect(tn('money.preview.import', 1)).toBe('Gem 1 postering');
    expect(tn('money.mapping.resultCount', 1, { skipped: '0' })).toBe('1 række kan læses, 0 springes over.');
    expect(tn('sharing.item.food-budget', 1)).toBe('1 måneds madbudget (beløb pr. måned)');
    expect(tn('muni.syncDone', 1)).toBe('Færdig: 1 oplysning er hentet eller opdateret.');
    expect(tn('health.log.days', 1)).toBe('1 dag');
    setLanguage('en');
    expect(tn('settings.autoLockSaved', 1)).toBe('Saved. The vault locks after 1 minute without use.');
    expect(tn('search.count', 1)).toBe('1 result');
    expect(tn('search.count', 0)).toBe('0 results');
    expect(tn('muni.rejected', 1)).toBe('1 item did not carry a valid signature and was not saved.');
  });

  it('writes the number as the language does', () => {
    setLanguage('da');
    expect(tn('search.count', 1234)).toBe('1.234 resultater');
    expect(countText(1234)).toBe('1.234');
    setLanguage('en');
    expect(tn('search.count', 1234)).toBe('1,234 results');
    expect(countText(1234)).toBe('1,234');
  });
});

/** Placeholders that stand for a number of things (or a number read as one). */
const COUNT_PARAMS = ['count', 'rows', 'minutes', 'n', 'ok', 'skipped', 'shown', 'total', 'days', 'months', 'observations', 'workouts', 'step', 'rate'];
const COUNT_PLACEHOLDER = new RegExp(`\\{(?:${COUNT_PARAMS.join('|')})\\}`);
/** A count shown as a label's value ("Dage med målinger: 3", "Afgørelser (3)") has no noun after it. */
const LABEL_VALUE = /: \{count\}|\(\{count\}\)/g;

/** Texts with a number that still read right for any number, and why. */
const NOT_A_PLURAL: Record<string, string> = {
  'health.progress.speed': 'sizes in MB and a rate with a unit ("rækker/s"): no counted noun',
  'money.mapping.column': 'a column number, not a count',
  'window.range': '"Viser {from}–{to} af {total}": row numbers, no counted noun',
  'sharing.wizard.step': '"Trin {step} af {count}": a step number, no counted noun',
  'sharing.wizard.chosenOf': '"{chosen} af {total}": the noun is in {chosen}, already in its plural form (tn)',
  'money.chart.summary': '{total} is an amount in kroner, already formatted',
  'letters.import.reading': '"Læser {done} af {total}: brev.pdf": which file of how many, no counted noun',
  'letters.import.readingPage': '"… (side {page} af {pages})": which file and page, no counted noun',
  'letters.review.position': '"Brev {n} af {total}": a position, like a step number',
  'letters.review.page': '"Side {n}": a page number',
};

describe('no count escapes the plural forms', () => {
  it('every text with a count placeholder is a .one/.other pair, a label value or allowed with a reason', () => {
    const offenders: string[] = [];
    for (const [language, catalogue] of Object.entries(CATALOGUES) as [Language, Record<MessageKey, string>][]) {
      for (const [key, text] of Object.entries(catalogue)) {
        if (!COUNT_PLACEHOLDER.test(text.replace(LABEL_VALUE, '')) || Object.hasOwn(NOT_A_PLURAL, key)) continue;
        const pair = /^(.+)\.(one|other)$/.exec(key);
        const sibling = pair && `${pair[1]}.${pair[2] === 'one' ? 'other' : 'one'}`;
        if (!sibling || !Object.hasOwn(catalogue, sibling)) offenders.push(`${language} ${key}: ${text}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('each pair writes its count through {count}, so tn formats it', () => {
    for (const catalogue of Object.values(CATALOGUES)) {
      for (const [key, text] of Object.entries(catalogue)) {
        if (key.endsWith('.other') && COUNT_PLACEHOLDER.test(text)) expect(text, key).toContain('{count}');
      }
    }
  });

  it('the allow-list names only texts that exist and still have a number', () => {
    for (const key of Object.keys(NOT_A_PLURAL)) {
      expect(Object.hasOwn(CATALOGUES.da, key), key).toBe(true);
      expect(COUNT_PLACEHOLDER.test(CATALOGUES.da[key as MessageKey]), key).toBe(true);
    }
  });

  it('would catch a new "{count} things"', () => {
    const text = '{count} ting';
    expect(COUNT_PLACEHOLDER.test(text.replace(LABEL_VALUE, ''))).toBe(true);
    expect(COUNT_PLACEHOLDER.test('Dage med målinger: {count}'.replace(LABEL_VALUE, ''))).toBe(false);
  });
});
