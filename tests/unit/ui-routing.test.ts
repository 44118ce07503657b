import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRoute, OVERVIEW_VIEWS, parseRoute, SECTIONS, type OverviewRoute, type VaultRoute } from '../../src/ui/routing/route';

const RUNS = process.env.SLOW === '1' ? 5000 : 200;

const id = fc.string({ minLength: 1, maxLength: 24, unit: 'grapheme' });
const overviewRoute: fc.Arbitrary<OverviewRoute> = fc.oneof(
  fc.constantFrom(...OVERVIEW_VIEWS.filter((v) => v !== 'payments')).map((view) => ({ view })),
  fc.option(id, { nil: undefined }).map((focus) => (focus === undefined ? { view: 'payments' as const } : { view: 'payments' as const, focus })),
  fc.record({ view: fc.constantFrom('case' as const, 'document' as const), id }),
);
const route: fc.Arbitrary<VaultRoute> = fc.oneof(
  fc.record({ section: fc.constant('overview' as const), profileId: fc.option(id, { nil: null }), overview: overviewRoute }),
  fc.record({
    section: fc.constantFrom(...SECTIONS.filter((s) => s !== 'overview')),
    profileId: fc.option(id, { nil: null }),
    overview: fc.constant(null),
  }),
  fc.record({ section: fc.constant('letters' as const), profileId: fc.option(id, { nil: null }), overview: fc.constant(null), ownCase: id }),
);

describe('the vault page’s addresses', () => {
  it('writes each screen as a short, readable address', () => {
    expect(formatRoute({ section: 'overview', profileId: null, overview: { view: 'now' } })).toBe('#/overview');
    expect(formatRoute({ section: 'overview', profileId: 'p1', overview: { view: 'case', id: 'c 1/ø' } })).toBe('#/overview/case/c%201%2F%C3%B8?p=p1');
    expect(formatRoute({ section: 'overview', profileId: 'p1', overview: { view: 'payments', focus: 'x' } })).toBe('#/overview/payments?focus=x&p=p1');
    expect(formatRoute({ section: 'backup', profileId: null, overview: null })).toBe('#/backup');
    expect(formatRoute({ section: 'letters', profileId: 'p1', overview: null, ownCase: 'o 1' })).toBe('#/letters/case/o%201?p=p1');
  });

  it('reads back every route it writes (round trip)', () => {
    fc.assert(
      fc.property(route, (r) => {
        const parsed = parseRoute(formatRoute(r));
        expect(parsed).toEqual(r);
        expect(formatRoute(parsed!)).toBe(formatRoute(r));
      }),
      { numRuns: RUNS },
    );
  });

  it('writes back exactly every address it accepts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (hash) => {
        const parsed = parseRoute(`#/${hash}`);
        if (parsed) expect(formatRoute(parsed)).toBe(`#/${hash}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses addresses it would not write', () => {
    for (const hash of [
      '',
      '#',
      '#overview',
      '#/nowhere',
      '#/overview/now',
      '#/overview/case',
      '#/overview/case/',
      '#/overview/case/a/b',
      '#/letters/case',
      '#/letters/case/',
      '#/letters/case/a/b',
      '#/letters/document/a',
      '#/notes/case/a',
      '#/letters/case/a?focus=x',
      '#/overview/cases/x',
      '#/overview/calendar?focus=x',
      '#/notes/x',
      '#/notes?focus=x',
      '#/notes?q=x',
      '#/notes?p=',
      '#/notes?p=a&p=b',
      '#/notes?p=a=b',
      '#/overview/payments?p=a&focus=x',
      '#/overview/case/%E0%A4%A',
      '#/overview/case/%61',
    ]) {
      expect(parseRoute(hash), hash).toBeNull();
    }
  });
});
