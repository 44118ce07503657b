/**
 * The receiver page's data view stays bounded whatever data.json holds: any JSON (deep, wide,
 * hostile text) is described without throwing; a table's cells are made only for the rows asked
 * for, so 600,000 rows cost one page; parts, columns and cell texts stop at their limits and the
 * view says it is incomplete; no control or bidi character reaches a cell. And a withdrawal
 * notice counts only when the bundle's own issuer signed it for this bundle.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRevocation, MAX_DATA_DEPTH } from '../../src/bundle';
import { describeData, MAX_CELL_TEXT, MAX_PARTS, type Cell, type DataSection } from '../../src/receiver-page/data-view';
import { checkNotice } from '../../src/receiver-page/revocation-check';
import { KEYS, TIMES } from '../../scripts/make-bundle-vectors';
import { ed25519Jwk } from '../../src/bundle/keys';
import { hostileText, UNSAFE } from './support/hostile-text';

const RUNS = process.env.SLOW === '1' ? 2_000 : 150;

const all = (sections: DataSection[]): DataSection[] => sections.flatMap((s) => [s, ...all(s.sections)]);
const parts = (sections: DataSection[]): number => all(sections).reduce((n, s) => n + 1 + s.fields.length + s.tables.length, 0);

/** Every cell a reader could see: fields, and the first and last row of each table. */
function cells(sections: DataSection[]): Cell[] {
  return all(sections).flatMap((s) => [
    ...s.fields.map((f) => f.value),
    ...s.tables.flatMap((t) => (t.rowCount === 0 ? [] : [...t.row(0), ...t.row(t.rowCount - 1)])),
  ]);
}

const nestedValue = (depth: number): unknown => {
  let value: unknown = 'bund';
  for (let i = 1; i < depth; i++) value = i % 2 ? [value] : { inner: value };
  return value;
};

describe('the data view’s bounds', () => {
  it('describes any JSON object (hostile text, deep and wide) without throwing, with safe and short cells', () => {
    const json = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'medium', maxDepth: 12 },
        hostileText,
        fc.integer(),
        fc.double({ noNaN: true }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 6 }),
        fc.dictionary(hostileText, tie('node'), { maxKeys: 5 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(hostileText, json, { maxKeys: 6 }), fc.constantFrom('da' as const, 'en' as const), (data, language) => {
        const view = describeData(data, language);
        for (const cell of cells(view.sections)) {
          if (cell.kind !== 'text') continue;
          expect(cell.text.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
          expect(cell.text.replace(/[\n\t]/g, '')).not.toMatch(UNSAFE);
        }
        for (const section of all(view.sections)) {
          expect(section.title.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
          for (const f of section.fields) expect(f.label).not.toMatch(UNSAFE);
          for (const table of section.tables) {
            expect(table.columns.length).toBeLessThanOrEqual(40);
            if (table.rowCount > 0) expect(table.row(table.rowCount - 1)).toHaveLength(table.columns.length);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('600,000 rows are one table whose cells are made only for the rows asked for', () => {
    const rows = Array.from({ length: 600_000 }, (_, i) => ({ date: '2026-01-02', amountMinor: -i, text: `Netto ${i}`, currency: 'DKK' }));
    const view = describeData({ transactions: rows }, 'da');
    const table = view.sections[0]!.tables[0]!;
    expect(view.complete).toBe(true);
    expect(table.rowCount).toBe(600_000);
    // The description holds no cells: they are made by row(i) when a page is shown.
    expect(JSON.stringify(view).length).toBeLessThan(1_000);
    expect(table.row(599_999)).toEqual([
      { kind: 'date', iso: '2026-01-02' },
      { kind: 'money', minor: -599_999, currency: 'DKK' },
      { kind: 'text', text: 'Netto 599999' },
    ]);
  }, 30_000);

  it('data nested to the receiver’s depth limit is described, deep parts as a bounded one-line summary', () => {
    const view = describeData({ deep: nestedValue(MAX_DATA_DEPTH), list: [nestedValue(MAX_DATA_DEPTH)] }, 'en');
    const texts = cells(view.sections).filter((c): c is Extract<Cell, { kind: 'text' }> => c.kind === 'text');
    expect(texts.length).toBeGreaterThan(0);
    for (const cell of texts) expect(cell.text.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
  });

  it('too many parts, columns or list items: shown in part, and the view says so', () => {
    const manyRecords = {
      cases: Array.from({ length: 5_000 }, (_, i) => ({ case: { title: `Sag ${i}` }, decisions: [{ title: 'x', parts: [{ a: { b: 1 } }] }] })),
    };
    const wide = { rows: Array.from({ length: 100 }, (_, i) => ({ [`key${i}`]: i })) };
    const longList = { tags: Array.from({ length: 1_000 }, (_, i) => `tag${i}`) };
    for (const data of [manyRecords, wide, longList]) {
      const view = describeData(data, 'da');
      expect(view.complete).toBe(false);
      expect(parts(view.sections)).toBeLessThanOrEqual(MAX_PARTS + 10);
    }
    expect(describeData({ rows: Array.from({ length: 10 }, (_, i) => ({ a: i, b: `${i}` })) }, 'da').complete).toBe(true);
  });
});

describe('withdrawal notices on the page', () => {
  const manifest = { id: 'AAAAAAAAAAAAAAAAAAAAAA', issuer: { name: 'Thomas Nielsen', jwk: ed25519Jwk(KEYS.issuer.signingSecretKey) } };
  const notice = (signer: Uint8Array, bundleId = manifest.id) => createRevocation({ signingSecretKey: signer, bundleId, revokedAt: TIMES.during });

  it('counts the issuer’s notice for this bundle, and says why any other does not count', () => {
    expect(checkNotice(`${notice(KEYS.issuer.signingSecretKey)}\n`, manifest)).toEqual({ ok: true, revokedAt: TIMES.during.toISOString() });
    expect(checkNotice(notice(KEYS.issuer.signingSecretKey, 'BBBBBBBBBBBBBBBBBBBBBB'), manifest)).toEqual({ ok: false, problem: 'otherBundle' });
    expect(checkNotice(notice(KEYS.otherIssuer.signingSecretKey), manifest)).toEqual({ ok: false, problem: 'wrong-issuer' });
    const genuine = notice(KEYS.issuer.signingSecretKey);
    const forged = `${genuine.slice(0, -4)}${genuine.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    expect(checkNotice(forged, manifest)).toEqual({ ok: false, problem: 'bad-signature' });
    // Several notices, one per line (as a receiver keeps them): the one that counts wins.
    expect(checkNotice(`${notice(KEYS.otherIssuer.signingSecretKey)}\n${genuine}\n`, manifest)).toMatchObject({ ok: true });
  });

  it('any other text is not a notice, and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.string()), (text) => {
        expect(checkNotice(text, manifest)).toEqual({ ok: false, problem: 'malformed' });
      }),
      { numRuns: RUNS },
    );
  });
});
