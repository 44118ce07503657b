/**
 * What the CLI prints cannot steer a terminal: for any text a sender signs (random strings
 * salted with escape sequences, C1 controls and bidi overrides), the printed lines hold no
 * control or bidi character, show each one visibly, and its JSON reads back to the same value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summaryLines } from '../../src/receiver/cli-text';
import type { BundleSummary } from '../../src/receiver/sdk';
import { hostileText, UNSAFE } from './support/hostile-text';
import { terminalJson, visible } from '../../src/receiver/terminal';

const RUNS = process.env.SLOW === '1' ? 5_000 : 300;

const summaryOf = (text: string): BundleSummary => ({
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  issuer: { name: text, fingerprint: `${'f'.repeat(42)}E` },
  recipient: { kind: 'x25519', fingerprint: `${'r'.repeat(42)}E`, name: text },
  purpose: { code: 'budget', text: { da: text, en: text } },
  scope: { description: { da: text, en: text }, categories: ['budget'] },
  issuedAt: '2026-12-01T10:00:00.000Z',
  validFrom: '2026-12-01T10:00:00.000Z',
  validUntil: '2026-12-31T23:00:00.000Z',
  statusPlace: null,
  files: [{ path: 'data.json', mediaType: 'application/json', size: 1 }],
});

describe('text for the terminal', () => {
  it('visible() leaves no control or bidi character and keeps every other character', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const shown = visible(text);
        expect(shown).not.toMatch(UNSAFE);
        // Nothing but the unsafe characters changes: removing their escapes gives the safe rest.
        expect(shown.replace(/\\x[0-9a-f]{2}|\\u[0-9a-f]{4}/g, '')).toBe(
          text.replace(new RegExp(UNSAFE.source, 'g'), '').replace(/\\x[0-9a-f]{2}|\\u[0-9a-f]{4}/g, ''),
        );
      }),
      { numRuns: RUNS },
    );
    expect(visible('Føtex\u001b[2J')).toBe('Føtex\\x1b[2J');
    expect(visible('a\u202eb')).toBe('a\\u202eb');
    expect(visible('Thomas Nielsen, Åbyhøj')).toBe('Thomas Nielsen, Åbyhøj');
  });

  it('terminalJson() is JSON that reads back to the same value and holds no raw control or bidi character', () => {
    fc.assert(
      fc.property(fc.dictionary(hostileText, hostileText, { maxKeys: 4 }), (value) => {
        const text = terminalJson(value);
        expect(text).not.toMatch(UNSAFE);
        expect(JSON.parse(text)).toEqual(value);
      }),
      { numRuns: RUNS },
    );
  });

  it('the summary is one safe line per fact, whatever the sender signed', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom('da' as const, 'en' as const), (text, lang) => {
        const lines = summaryLines(summaryOf(text), lang);
        expect(lines).toHaveLength(9);
        for (const line of lines) expect(line).not.toMatch(UNSAFE);
        // A forged line cannot start: every line begins with the CLI's own label.
        expect(lines.slice(1).map((l) => l.split(':')[0])).toEqual(
          lang === 'en'
            ? ['From', 'To', 'Purpose', 'Scope', 'Valid from', 'Valid until', 'Files', 'Status']
            : ['Fra', 'Til', 'Formål', 'Omfang', 'Gælder fra', 'Gælder til', 'Filer', 'Status'],
        );
      }),
      { numRuns: RUNS },
    );
  });
});
