/**
 * What a representative's profile rests on, without a server: the municipality's refusals as
 * coded errors, what a connection keeps of the power and what an ended power does to it, the
 * words the profile shows, and what a representative may share.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/municipal/api/schemas';
import { HttpProblem } from '../../src/municipal/connector/http';
import { isPowerEnded, powerRefusal } from '../../src/municipal/connector/power-refusals';
import { endPower, powerBasisOf, withSession } from '../../src/municipal/connector/powers';
import type { ConnectionSummary } from '../../src/messaging/municipal-api';
import type { MunicipalConnectionData } from '../../src/records/municipal/index';
import { requireCovered, type ShareBasis } from '../../src/background/sharing/basis';
import { hasCode } from '../../src/messaging/errors';
import { endedLine, notCovered, powerLines, youthLine } from '../../src/ui/municipal/basis';
import { setLanguage } from '../../src/ui/i18n/index';

afterEach(() => setLanguage('da'));

const power = {
  type: 'power-of-attorney' as const,
  id: 'poa-thomas-signe',
  version: 1,
  updatedAt: '2026-11-01T10:00:00+01:00',
  grantor: { id: 'thomas', name: 'Thomas Nørgaard Jensen' },
  representative: { id: 'signe', name: 'Signe Nørgaard Holt' },
  categories: ['activities' as const, 'payments' as const],
  excludedTopics: [],
  validFrom: '2026-11-01',
  validUntil: '2027-06-30',
  status: 'active' as const,
};

const session = (over: Partial<Session> = {}): Session => ({
  actor: { id: 'signe', name: 'Signe Nørgaard Holt', birthDate: '1984-02-11', relation: 'power-of-attorney' },
  scope: 'citizen-data',
  youthRestricted: false,
  powerOfAttorney: power,
  ...over,
});

const conn = (over: Partial<MunicipalConnectionData> = {}): MunicipalConnectionData => ({
  origin: 'http://127.0.0.1:8787',
  municipality: { name: 'Vesterå Kommune', code: '999' },
  demo: true,
  endpoints: {
    authorization: 'http://127.0.0.1:8787/a',
    token: 'http://127.0.0.1:8787/t',
    jwks: 'http://127.0.0.1:8787/j',
    apiBase: 'http://127.0.0.1:8787/citizen/v1',
  },
  maxPageSize: 200,
  clientId: 'handlerum-extension',
  redirectUri: 'https://example.chromiumapp.org/municipality',
  citizen: { id: 'thomas', name: 'Thomas Nørgaard Jensen' },
  actor: { id: 'signe', name: 'Signe Nørgaard Holt', relation: 'power-of-attorney' },
  tokens: { accessToken: 'a', refreshToken: 'r', expiresAt: 0 },
  jwks: { keys: [] },
  resources: Object.fromEntries(
    ['cases', 'decisions', 'payments', 'activities', 'documents', 'access-log'].map((r) => [
      r,
      { cursor: null, generation: 0, complete: false, lastSyncedAt: null },
    ]),
  ) as MunicipalConnectionData['resources'],
  connectedAt: '2026-12-01T10:00:00.000Z',
  lastSync: null,
  ...over,
});

const summary = (over: Partial<ConnectionSummary> = {}): ConnectionSummary => ({
  id: 'c1',
  origin: 'http://127.0.0.1:8787',
  municipality: { name: 'Vesterå Kommune', code: '999' },
  demo: true,
  citizen: { id: 'thomas', name: 'Thomas Nørgaard Jensen' },
  actor: { id: 'signe', name: 'Signe Nørgaard Holt', relation: 'power-of-attorney' },
  power: powerBasisOf(session())!,
  powerEnded: null,
  givenPowers: [],
  heldBack: false,
  signedIn: true,
  connectedAt: '2026-12-01T10:00:00.000Z',
  lastSync: null,
  resources: [],
  ...over,
});

describe('the municipality’s refusals of a power of attorney', () => {
  it('become the vault’s own codes; other problems stay what they were', () => {
    const cases = [
      ['power-of-attorney-withdrawn', 403, 'power-withdrawn'],
      ['power-of-attorney-expired', 403, 'power-expired'],
      ['power-of-attorney-not-yet-valid', 403, 'power-not-yet-valid'],
      ['power-of-attorney-invalid', 403, 'power-invalid'],
      ['power-of-attorney-conflict', 409, 'power-conflict'],
      ['outside-power-of-attorney', 403, 'power-outside'],
    ] as const;
    for (const [problem, status, code] of cases) {
      const refusal = powerRefusal(new HttpProblem(problem, 'refused', { status }));
      expect(hasCode(refusal) && refusal.code).toBe(code);
      expect(refusal!.status).toBe(status);
    }
    expect(powerRefusal(new HttpProblem('server-error', 'boom', { status: 500 }))).toBeNull();
    expect(powerRefusal(new HttpProblem('self-only', 'no', { status: 403 }))).toBeNull();
    expect(powerRefusal(new Error('power-of-attorney-withdrawn'))).toBeNull();
  });

  it('ends the power for withdrawn, expired, not yet valid, invalid and overlapping — not for one resource outside it', () => {
    for (const code of ['power-withdrawn', 'power-expired', 'power-not-yet-valid', 'power-invalid', 'power-conflict']) expect(isPowerEnded(code)).toBe(true);
    for (const code of ['power-outside', 'sign-in-required', 'municipality-error', null]) expect(isPowerEnded(code)).toBe(false);
  });
});

describe('a representative’s connection', () => {
  it('keeps the power its session rests on, and nothing for someone acting as themselves or by custody', () => {
    expect(powerBasisOf(session())).toEqual({
      id: 'poa-thomas-signe',
      categories: ['activities', 'payments'],
      excludedTopics: [],
      validFrom: '2026-11-01',
      validUntil: '2027-06-30',
    });
    const self = session({ actor: { id: 'thomas', name: 'Thomas', birthDate: '1990-01-01', relation: 'self' }, powerOfAttorney: undefined });
    expect(powerBasisOf(self)).toBeUndefined();
    expect(withSession(conn({ power: powerBasisOf(session()) }), self)).not.toHaveProperty('power');
  });

  it('once the power has ended, drops the tokens and keeps the copy until the citizen chooses', () => {
    const ended = endPower(conn({ power: powerBasisOf(session()) }), 'power-withdrawn', '2026-12-07T10:00:00.000Z');
    expect(ended.tokens).toBeNull();
    expect(ended.powerEnded).toEqual({ code: 'power-withdrawn', at: '2026-12-07T10:00:00.000Z', copyKept: false });
    expect(ended.power?.id).toBe('poa-thomas-signe');
    // A choice already made stays made; a fresh /me (a new sign-in on a power that holds) clears the end.
    const kept = endPower({ ...ended, powerEnded: { ...ended.powerEnded!, copyKept: true } }, 'power-expired', '2026-12-08T10:00:00.000Z');
    expect(kept.powerEnded?.copyKept).toBe(true);
    expect(withSession(kept, session())).not.toHaveProperty('powerEnded');
  });
});

describe('the words under the heading', () => {
  it('name the power, what it covers, its last day and what is not shown', () => {
    expect(powerLines(summary())).toEqual([
      'Du handler for Thomas Nørgaard Jensen med en fuldmagt (poa-thomas-signe) fra 1. november 2026 til og med 30. juni 2027.',
      'Fuldmagten dækker aftaler og frister og udbetalinger.',
      'Ikke vist, fordi fuldmagten ikke dækker det: sager, afgørelser, dokumenter og loggen over, hvem der har set oplysningerne.',
    ]);
    setLanguage('en');
    const { validUntil: _last, ...untilWithdrawn } = summary().power!;
    const lines = powerLines(summary({ power: { ...untilWithdrawn, excludedTopics: [{ code: '29', title: 'Sundhed' }] } }));
    expect(lines[0]).toBe('You act for Thomas Nørgaard Jensen with a power of attorney (poa-thomas-signe) from 1 November 2026 until it is withdrawn.');
    expect(lines.at(-1)).toBe('Not shown either: topics about sundhed.');
  });

  it('say nothing of a power for the citizen themselves or a parent', () => {
    expect(powerLines(summary({ actor: { id: 'thomas', name: 'Thomas', relation: 'self' }, power: null }))).toEqual([]);
    expect(powerLines(summary({ actor: { id: 'mette', name: 'Mette', relation: 'custody' }, power: null }))).toEqual([]);
    expect(notCovered(['cases', 'decisions', 'payments', 'activities', 'documents', 'access-log'])).toEqual([]);
  });

  it('tell a young citizen that something is held back and whom to ask, only when the municipality says so', () => {
    expect(youthLine(summary({ heldBack: false }))).toBeNull();
    const line = youthLine(summary({ heldBack: true }))!;
    expect(line).toContain('holdt tilbage, indtil du fylder 18 år');
    expect(line).toContain('Borgerservice i Vesterå Kommune');
  });

  it('say plainly why the power ended; an unknown code reads as the plainest refusal', () => {
    expect(endedLine(summary())).toBeNull();
    expect(endedLine(summary({ powerEnded: { code: 'power-withdrawn', at: '2026-12-07T10:00:00.000Z', copyKept: false } }))).toMatch(
      /^Fuldmagten er trukket tilbage/,
    );
    expect(endedLine(summary({ powerEnded: { code: 'power-expired', at: '2026-12-07T10:00:00.000Z', copyKept: false } }))).toMatch(/^Fuldmagten er udløbet/);
    expect(endedLine(summary({ powerEnded: { code: 'power-from-the-future', at: '2026-12-07T10:00:00.000Z', copyKept: false } }))).toMatch(
      /^Kommunen kender ikke en fuldmagt/,
    );
  });
});

describe('what a representative may share', () => {
  const basis: ShareBasis = {
    representation: { basis: 'power-of-attorney', representative: 'Signe Nørgaard Holt', vouchedBy: 'Vesterå Kommune' },
    covers: ['cases', 'payments', 'activities'],
  };

  it('lets covered case parts through and refuses any part, or any case, the power does not cover', () => {
    expect(() => requireCovered(basis, [{ type: 'case', caseId: 'c1', parts: ['payments', 'activities'] }])).not.toThrow();
    expect(() => requireCovered(basis, [{ type: 'note', noteId: 'n1' }])).not.toThrow();
    const refused = (f: () => void) => {
      try {
        f();
      } catch (error) {
        return hasCode(error) ? error.code : 'other';
      }
      return null;
    };
    expect(refused(() => requireCovered(basis, [{ type: 'case', caseId: 'c1', parts: ['documents'] }]))).toBe('outside-power-of-attorney');
    expect(refused(() => requireCovered({ ...basis, covers: ['payments'] }, [{ type: 'case', caseId: 'c1', parts: [] }]))).toBe('outside-power-of-attorney');
    expect(refused(() => requireCovered(null, [{ type: 'case', caseId: 'c1', parts: ['documents'] }]))).toBeNull();
  });
});
