/**
 * Meta-tests of the plain-language catalogue: every entry names a real KLE topic with its exact
 * official title, is written in both languages, stays short and plain, and the topics citizens
 * meet most are all there.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findKleTopic } from '../../src/municipal/kle/index';
import { CATALOGUE, CATALOGUE_THEMES, LANGUAGES, type PlainText } from '../../src/municipal/plain-language/index';

const LIMITS = { title: 60, explanation: 400, sentences: 3, tip: 220, tipSentences: 2, tips: 3 } as const;

// Legal shorthand and officialese a citizen should not have to decode.
const BANNED: Record<'da' | 'en', readonly string[]> = {
  da: [
    'jf.',
    'jævnfør',
    'stk.',
    '§',
    'pkt.',
    'iht.',
    'i henhold til',
    'vedr.',
    'mht.',
    'ift.',
    'bl.a.',
    'm.v.',
    'mv.',
    'ifm.',
    'evt.',
    'ca.',
    'f.eks.',
    'osv.',
    'såfremt',
    'herunder',
    'nærværende',
    'påhviler',
    'ansøger',
    'borgeren',
  ],
  en: ['e.g.', 'i.e.', 'etc.', 'pursuant', 'hereinafter', 'aforementioned', 'shall', 'the citizen', 'applicant', '§'],
};

// Abbreviations a citizen knows without explanation; every other one must be spelled out in
// the same text, as "skolefritidsordning (SFO)".
const KNOWN_ABBREVIATIONS = new Set(['EU', 'ID']);

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A banned word counts only where a word starts ("gift." is not "ift.").
const bannedPattern = (word: string): RegExp => new RegExp(`(?<![\\p{L}])${escape(word)}`, 'iu');

const sentences = (text: string): string[] => text.split(/(?<=[.!?])\s+(?=[A-ZÆØÅ0-9])/);
const texts = (plain: PlainText): string[] => [plain.title, plain.explanation, ...(plain.tips ?? [])];

const entries = CATALOGUE.map((entry) => [entry.code, entry] as const);

describe('plain-language catalogue: the plainness checks themselves', () => {
  it('find legal shorthand where a word starts, and only there', () => {
    expect('Se jf. loven').toMatch(bannedPattern('jf.'));
    expect('efter § 85').toMatch(bannedPattern('§'));
    expect('Bl.a. derfor').toMatch(bannedPattern('bl.a.'));
    expect('blive gift.').not.toMatch(bannedPattern('ift.'));
  });

  it('count sentences without splitting on "fx" or numbers', () => {
    expect(sentences('Én. To! Tre?')).toHaveLength(3);
    expect(sentences('Du kan fx få 5 timer. Det er godt.')).toHaveLength(2);
  });
});

describe('plain-language catalogue: registry', () => {
  it('has at least 60 topics', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(60);
  });

  it('has each code once', () => {
    const seen = new Map<string, number>();
    for (const { code } of CATALOGUE) seen.set(code, (seen.get(code) ?? 0) + 1);
    expect([...seen].filter(([, count]) => count > 1).map(([code]) => code)).toEqual([]);
  });

  it('registers every theme file in topics/', () => {
    const files = readdirSync(new URL('../../src/municipal/plain-language/topics/', import.meta.url))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => name.replace(/\.ts$/, ''));
    expect(Object.keys(CATALOGUE_THEMES).sort()).toEqual(files.sort());
    for (const [theme, list] of Object.entries(CATALOGUE_THEMES)) expect(list.length, theme).toBeGreaterThan(0);
  });

  it.each(LANGUAGES)('gives every topic a distinct plain title in %s', (lang) => {
    const titles = CATALOGUE.map((entry) => entry[lang].title);
    expect(titles.filter((title, index) => titles.indexOf(title) !== index)).toEqual([]);
  });
});

describe.each(entries)('plain-language catalogue: %s', (code, entry) => {
  it('names an official KLE topic with its exact official title', () => {
    const official = findKleTopic(code);
    expect(official, `${code} is not in kle-topics.tsv`).not.toBeNull();
    expect(entry.officialTitle).toBe(official?.title);
  });

  it.each(LANGUAGES)('is written in %s, short and plain', (lang) => {
    const plain = entry[lang];
    expect(plain.title.trim()).toBe(plain.title);
    expect(plain.title.length).toBeGreaterThan(1);
    expect(plain.title.length).toBeLessThanOrEqual(LIMITS.title);
    expect(plain.title).not.toMatch(/[.:;]$/);

    expect(plain.explanation.trim()).toBe(plain.explanation);
    expect(plain.explanation.length).toBeGreaterThan(20);
    expect(plain.explanation.length).toBeLessThanOrEqual(LIMITS.explanation);
    expect(sentences(plain.explanation).length).toBeLessThanOrEqual(LIMITS.sentences);
    expect(plain.explanation).toMatch(/[.!]$/);

    expect((plain.tips ?? []).length).toBeLessThanOrEqual(LIMITS.tips);
    for (const tip of plain.tips ?? []) {
      expect(tip.trim()).toBe(tip);
      expect(tip.length).toBeGreaterThan(5);
      expect(tip.length).toBeLessThanOrEqual(LIMITS.tip);
      expect(sentences(tip).length).toBeLessThanOrEqual(LIMITS.tipSentences);
      expect(tip).toMatch(/[.!]$/);
    }
  });

  it.each(LANGUAGES)('uses no legal shorthand or officialese in %s', (lang) => {
    for (const text of texts(entry[lang])) {
      for (const word of BANNED[lang]) expect(text, `"${word}" in: ${text}`).not.toMatch(bannedPattern(word));
    }
  });

  it.each(LANGUAGES)('explains every abbreviation it uses in %s', (lang) => {
    const plain = entry[lang];
    const all = texts(plain).join('\n');
    for (const text of texts(plain)) {
      for (const [abbreviation] of text.matchAll(/\b[A-ZÆØÅ]{2,}\b/g)) {
        if (KNOWN_ABBREVIATIONS.has(abbreviation)) continue;
        expect(all, `${abbreviation} is not explained`).toContain(`(${abbreviation})`);
      }
    }
  });

  it('has the same number of tips in both languages, and different texts', () => {
    expect((entry.en.tips ?? []).length).toBe((entry.da.tips ?? []).length);
    expect(entry.en.explanation).not.toBe(entry.da.explanation);
  });

  it('keeps Danish letters out of the English text', () => {
    for (const text of texts(entry.en)) expect(text).not.toMatch(/[æøåÆØÅ]/);
  });
});

describe('plain-language catalogue: coverage of the topics citizens meet most', () => {
  // The areas the catalogue promises, each with the KLE topics a citizen meets there.
  const promised: Record<string, readonly string[]> = {
    'employment and the job centre': ['15.23.07', '15.20.20', '15.20.01', '15.18.05'],
    'cash benefit': ['32.24.04'],
    'housing support': ['32.06.08', '32.06.04'],
    'disability aids': ['27.60.04', '27.60.08', '27.60.16', '27.60.24'],
    transport: ['15.20.38', '17.21.01', '27.60.28', '29.27.00'],
    'day care': ['28.09.40', '28.77.08'],
    school: ['17.20.01', '17.03.08'],
    'elderly care': ['27.34.10', '27.36.04', '27.42.08'],
    health: ['29.03.04', '29.12.08', '29.18.00', '29.21.04'],
    passports: ['23.09.02'],
    'driving licences': ['23.09.04'],
    rehabilitation: ['15.17.18'],
    'resource programme': ['15.17.22', '32.24.28'],
    'sickness benefit': ['32.30.04', '15.17.06'],
    'child benefits': ['32.12.04', '32.10.04'],
    pensions: ['32.03.04', '32.03.16'],
    'flex job': ['15.20.24'],
    'support for children and families': ['34.10.10', '34.15.25', '34.25.00'],
    'your data and who acts for you': ['23.25.10', '23.25.15', '23.30.15', '23.30.10'],
  };

  it.each(Object.entries(promised))('covers %s', (_area, codes) => {
    const catalogued = new Set(CATALOGUE.map((entry) => entry.code));
    expect(codes.filter((code) => !catalogued.has(code))).toEqual([]);
  });

  it("covers both of Thomas's cases from the vision: travel allowance and cash benefit", () => {
    const codes = CATALOGUE.map((entry) => entry.code);
    expect(codes).toEqual(expect.arrayContaining(['15.20.38', '32.24.04']));
  });
});
