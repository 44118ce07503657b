import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { shortenAtWord } from '../../src/shared/shorten';
import { setLanguage } from '../../src/ui/i18n/index';
import type { Profile } from '../../src/ui/profiles';
import { callingName, possessive } from '../../src/ui/words/possessive';
import { whoseText } from '../../src/ui/words/whose';

const profile = (name: string, relation: string): Profile => ({ id: 'p', createdAt: '', updatedAt: '', data: { name, relation } }) as Profile;

describe('whose data: the possessive of a name', () => {
  it('adds -s in Danish, or only an apostrophe after s, x and z', () => {
    expect(possessive('Lea', 'da')).toBe('Leas');
    expect(possessive('Emil', 'da')).toBe('Emils');
    expect(possessive('Thomas', 'da')).toBe("Thomas'");
    expect(possessive('Max', 'da')).toBe("Max'");
    expect(possessive('Inez', 'da')).toBe("Inez'");
    expect(possessive('JONAS', 'da')).toBe("JONAS'");
    expect(possessive(' Åse ', 'da')).toBe('Åses');
  });

  it("adds 's in English", () => {
    expect(possessive('Lea', 'en')).toBe("Lea's");
    expect(possessive('Thomas', 'en')).toBe("Thomas's");
  });

  it('refuses an empty name', () => {
    expect(() => possessive('  ', 'da')).toThrow(RangeError);
  });

  it('calls a person by their first name', () => {
    expect(callingName('Lea Kjær Olsen')).toBe('Lea');
    expect(callingName('  Anne-Marie  Holm ')).toBe('Anne-Marie');
  });
});

describe('whose data: headings', () => {
  afterEach(() => setLanguage('da'));

  it('speaks to the citizen on their own profile, and names the child or the person helped on theirs', () => {
    expect(whoseText(profile('Mette Kjær Olsen', 'self'), 'now.openCases', 'now.openCasesOf')).toBe('Dine åbne sager');
    expect(whoseText(profile('Lea Kjær Olsen', 'child'), 'now.openCases', 'now.openCasesOf')).toBe('Leas åbne sager');
    expect(whoseText(profile('Thomas Nørgaard', 'helped'), 'access.title', 'access.titleOf')).toBe("Hvem har set Thomas' data");
    expect(whoseText(profile('Lea', 'child'), 'now.noOpenCases', 'now.noOpenCasesOf')).toBe('Lea har ingen åbne sager.');
    expect(whoseText(null, 'access.title', 'access.titleOf')).toBe('Hvem har set mine data');
    expect(whoseText(profile('Max Holm', 'child'), 'cases.title', 'cases.titleOf')).toBe("Max' sager");
    expect(whoseText(profile('Lea', 'child'), 'now.noDeadlines', 'now.noDeadlinesOf')).toBe('Lea har ingen kommende frister.');
    setLanguage('en');
    expect(whoseText(profile('Lea', 'child'), 'access.title', 'access.titleOf')).toBe("Who looked at Lea's data");
    expect(whoseText(profile('Lea', 'other'), 'now.openCases', 'now.openCasesOf')).toBe("Lea's open cases");
  });
});

describe('titles shortened at a word boundary', () => {
  it('keeps a short title as it is, white space tidied', () => {
    expect(shortenAtWord('Journalnotat: Samtale', 40)).toBe('Journalnotat: Samtale');
    expect(shortenAtWord('  To \n linjer ', 40)).toBe('To linjer');
  });

  it('cuts before the word that does not fit, with an ellipsis', () => {
    const title = 'Journalnotat: Borgeren fortæller om smerter i ryggen efter arbejdsprøvningen';
    expect(shortenAtWord(title, 40)).toBe('Journalnotat: Borgeren fortæller om…');
    expect(shortenAtWord('Samtale om arbejdsprøvning', 12)).toBe('Samtale om…');
    // A cut just before a space keeps the whole last word.
    expect(shortenAtWord('abc def ghi', 8)).toBe('abc def…');
    // No dangling punctuation before the ellipsis.
    expect(shortenAtWord('Status, plan og næste skridt', 10)).toBe('Status…');
  });

  it('cuts inside a word only when one word fills most of the room', () => {
    expect(shortenAtWord('Arbejdsmarkedsuddannelsesforløb', 10)).toBe('Arbejdsma…');
  });

  it('never gives more than max letters, and never cuts a word it keeps', () => {
    const word = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(...'abcæøå🙂éxyz') });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.integer({ min: 2, max: 60 }), (words, max) => {
        const text = words.join(' ');
        const short = shortenAtWord(text, max);
        expect([...short].length).toBeLessThanOrEqual(max);
        if (short === text) return;
        expect(short.endsWith('…')).toBe(true);
        const kept = short.slice(0, -1).split(' ');
        const longest = Math.max(...words.map((w) => [...w].length));
        // Every kept word but a lone cut-off one is a whole word of the text.
        if (kept.length > 1 || longest < max / 2) kept.slice(0, -1).forEach((w, i) => expect(w).toBe(words[i]));
      }),
      { numRuns: process.env.SLOW === '1' ? 5000 : 300 },
    );
  });

  it('refuses a room too small to say anything', () => {
    expect(() => shortenAtWord('abc', 1)).toThrow(RangeError);
    expect(() => shortenAtWord('abc', 2.5)).toThrow(RangeError);
  });
});
