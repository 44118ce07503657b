/**
 * Counts in words through Intl.PluralRules: `1 ny postering`, never `1 nye posteringer`. The
 * pairs are typed (PluralKey): a base without both forms does not compile.
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
