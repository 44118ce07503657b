/**
 * Counts and amounts in words: Intl.PluralRules picks `1 ny postering`, never `1 nye posteringer`;
 * the pairs are typed (PluralKey), so a base without both forms does not compile; and an amount
 * in kroner ending a sentence gets no second point.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage, tn } from '../../src/ui/i18n/index';

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
