import { describe, expect, it } from 'vitest';
import { CaseStatus } from '../../src/municipal/api/schemas';
import { CASE_STATUSES, LANGUAGES, STATUS_ENTRIES, explainStatus } from '../../src/municipal/plain-language/index';

describe('case statuses', () => {
  it('are exactly the statuses the Citizen Data API sends', () => {
    expect([...CASE_STATUSES].sort()).toEqual([...CaseStatus.options].sort());
  });

  it('are each explained once, plus "unknown"', () => {
    const explained = STATUS_ENTRIES.map((entry) => entry.status);
    expect(explained.sort()).toEqual([...CASE_STATUSES, 'unknown'].sort());
  });

  it.each(STATUS_ENTRIES.map((entry) => [entry.status, entry] as const))('%s is explained in both languages', (status, entry) => {
    for (const lang of LANGUAGES) {
      const plain = entry[lang];
      expect(plain.title.length, `${status} ${lang}`).toBeGreaterThan(2);
      expect(plain.title.length).toBeLessThanOrEqual(40);
      expect(plain.explanation.length).toBeGreaterThan(20);
      expect(plain.explanation.length).toBeLessThanOrEqual(400);
      expect(plain.explanation.split(/(?<=[.!?])\s+(?=[A-ZÆØÅ])/).length).toBeLessThanOrEqual(3);
      expect(plain.tips?.length, `${status} ${lang}: what the citizen can do`).toBeGreaterThan(0);
      for (const tip of plain.tips ?? []) expect(tip.trim().length).toBeGreaterThan(5);
      expect(`${plain.explanation} ${(plain.tips ?? []).join(' ')}`).not.toMatch(/§|\bjf\.|\bstk\./);
    }
    expect(entry.en.tips?.length).toBe(entry.da.tips?.length);
    expect(entry.en.title).not.toBe(entry.da.title);
    for (const text of [entry.en.title, entry.en.explanation, ...(entry.en.tips ?? [])]) expect(text).not.toMatch(/[æøå]/i);
  });

  it('give every API status its own explanation, never the "unknown" one', () => {
    for (const status of CaseStatus.options) {
      for (const lang of LANGUAGES) expect(explainStatus(status, lang).status).toBe(status);
    }
  });

  it('have distinct titles in each language', () => {
    for (const lang of LANGUAGES) {
      const titles = STATUS_ENTRIES.map((entry) => entry[lang].title);
      expect(new Set(titles).size).toBe(titles.length);
    }
  });
});
