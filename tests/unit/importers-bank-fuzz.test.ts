/**
 * Fuzzing the bank importers: random bytes and random mutations of every fixture go into
 * detect, parse and preview. Each must return, or throw an ImportError — never another error,
 * never hang (vitest's timeout catches a hang). SLOW=1 for many runs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { detectBankFile, parseBankFile, previewCsv, transactionKeys, categorise, type BankStatement } from '../../src/importers/bank/index';
import { ImportError } from '../../src/importers/types';

const RUNS = process.env['SLOW'] === '1' ? 5_000 : 150;
// Many runs take minutes: give them the time.
if (process.env['SLOW'] === '1') vi.setConfig({ testTimeout: 600_000 });
const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/bank');
const FIXTURES = readdirSync(DIR)
  .filter((f) => /\.(csv|xml|ofx)$/.test(f))
  .map((f) => new Uint8Array(readFileSync(join(DIR, f))));

function wellFormed(s: BankStatement): void {
  for (const t of s.transactions) {
    expect(Number.isSafeInteger(t.amountMinor)).toBe(true);
    expect(t.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof t.text).toBe('string');
    expect(Number.isInteger(t.line) && t.line >= 1).toBe(true);
  }
  for (const i of s.issues) expect(['warning', 'skipped']).toContain(i.severity);
  // Downstream helpers must cope with whatever came out.
  expect(transactionKeys('a', s.transactions)).toHaveLength(s.transactions.length);
  for (const t of s.transactions.slice(0, 20)) categorise(t);
}

function survive(bytes: Uint8Array): void {
  try {
    detectBankFile(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
  }
  try {
    wellFormed(parseBankFile(bytes, { today: '2025-12-01' }));
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
  }
  try {
    const p = previewCsv(bytes, 5);
    expect(p.rows.length).toBeLessThanOrEqual(5);
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
  }
}

/** A fixture with a few bytes overwritten, inserted or removed. */
const mutated = fc
  .record({
    file: fc.nat({ max: FIXTURES.length - 1 }),
    edits: fc.array(
      fc.record({
        kind: fc.constantFrom('set', 'insert', 'delete', 'special'),
        at: fc.nat(),
        byte: fc.integer({ min: 0, max: 255 }),
        special: fc.constantFrom(...[0x22, 0x3b, 0x2c, 0x0a, 0x0d, 0x3c, 0x3e, 0x2f, 0x2d, 0x2e, 0x20, 0xc3, 0xef, 0x26]),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  })
  .map(({ file, edits }) => {
    const bytes = [...FIXTURES[file]!];
    for (const e of edits) {
      const at = bytes.length === 0 ? 0 : e.at % bytes.length;
      if (e.kind === 'set') bytes[at] = e.byte;
      else if (e.kind === 'insert') bytes.splice(at, 0, e.byte);
      else if (e.kind === 'special') bytes.splice(at, 0, e.special);
      else bytes.splice(at, 1);
    }
    return Uint8Array.from(bytes);
  });

/** A fixture cut at a random point (truncated downloads). */
const truncated = fc.record({ file: fc.nat({ max: FIXTURES.length - 1 }), keep: fc.double({ min: 0, max: 1, noNaN: true }) }).map(({ file, keep }) => {
  const f = FIXTURES[file]!;
  return f.subarray(0, Math.floor(f.length * keep));
});

describe('fuzz', () => {
  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => survive(bytes)),
      { numRuns: RUNS },
    );
  });

  it('random text of CSV-ish characters', () => {
    const chars = fc.constantFrom(...'0123456789;,."\n\r -/æøåReserveretDatoTekstBeløbSaldo\t'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 600 }), (cs) => survive(new TextEncoder().encode(cs.join('')))),
      { numRuns: RUNS },
    );
  });

  it('mutated fixtures', () => {
    fc.assert(
      fc.property(mutated, (bytes) => survive(bytes)),
      { numRuns: RUNS * 3 },
    );
  });

  it('truncated fixtures', () => {
    fc.assert(
      fc.property(truncated, (bytes) => survive(bytes)),
      { numRuns: RUNS },
    );
  });
});
