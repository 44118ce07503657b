/**
 * A sync checks each received record once: the record kind's check on the way into the vault
 * trusts the connector's check of that very object, and only of that object; origins found good
 * are remembered, bad ones are still refused. Reminders are rebuilt when their lead times change,
 * not on every write (each write counts towards the backup reminder in the same settings).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Case } from '../../src/municipal/api/schemas';
import { checkReceived, municipalCaseKind, MunicipalOrigin } from '../../src/records/municipal/index';
import { buildThomas } from '../../src/municipality-server/data/personas/thomas';
import { leadTimesChanged } from '../../src/background/reminders';
import { DEFAULT_SETTINGS } from '../../src/messaging/settings';
import { KLE, TODAY } from './municipality-test-helpers';

const ORIGIN = 'https://kommune.example';
const aCase = (): Record<string, unknown> => structuredClone(buildThomas({ today: TODAY, kle: KLE, baseUrl: ORIGIN }).records.cases[0]!);
const stored = (record: Record<string, unknown>) => ({
  record,
  provenance: { origin: ORIGIN, signatureId: 'sig-1', digest: 'A'.repeat(43) },
  generation: 0,
});

afterEach(() => vi.restoreAllMocks());

describe('a received record is checked once', () => {
  it('the kind does not check again an object the connector checked, and keeps it as it is', () => {
    const record = aCase();
    expect(checkReceived(Case, record).success).toBe(true);
    const check = vi.spyOn(Case, 'safeParse');
    const parsed = municipalCaseKind.schema.safeParse(stored(record));
    expect(parsed.success).toBe(true);
    expect(check).not.toHaveBeenCalled();
    expect(parsed.data?.record).toBe(record);
  });

  it('the kind still checks an object the connector did not check, and refuses a bad one', () => {
    const check = vi.spyOn(Case, 'safeParse');
    expect(municipalCaseKind.schema.safeParse(stored(aCase())).success).toBe(true);
    expect(check).toHaveBeenCalledTimes(1);
    const bad = { ...aCase(), status: 'not-a-status' };
    expect(municipalCaseKind.schema.safeParse(stored(bad)).success).toBe(false);
  });

  it('an object that failed the connector’s check is refused by the kind too', () => {
    const bad = { ...aCase(), title: 42 };
    expect(checkReceived(Case, bad).success).toBe(false);
    expect(municipalCaseKind.schema.safeParse(stored(bad)).success).toBe(false);
  });

  it('a resource object must be an object', () => {
    for (const record of [null, [], 'case', 7]) expect(municipalCaseKind.schema.safeParse({ ...stored({}), record }).success).toBe(false);
  });

  it('origins: a good one is remembered, bad ones are refused every time', () => {
    for (let i = 0; i < 2; i++) {
      expect(MunicipalOrigin.safeParse(ORIGIN).success).toBe(true);
      expect(MunicipalOrigin.safeParse(`${ORIGIN}/path`).success).toBe(false);
      expect(MunicipalOrigin.safeParse('ftp://kommune.example').success).toBe(false);
      expect(MunicipalOrigin.safeParse('kommune.example').success).toBe(false);
    }
  });
});

describe('reminders follow the lead times, not every settings change', () => {
  it('a write counted for the backup reminder changes no lead time', () => {
    expect(leadTimesChanged(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, changesSinceBackup: 1 })).toBe(false);
    expect(leadTimesChanged(undefined, { ...DEFAULT_SETTINGS, changesSinceBackup: 1 })).toBe(false);
  });

  it('new lead times, or none, are a change', () => {
    expect(leadTimesChanged(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, reminderLeadMinutes: [60] })).toBe(true);
    expect(leadTimesChanged(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, reminderLeadMinutes: [] })).toBe(true);
    expect(leadTimesChanged(undefined, { reminderLeadMinutes: [30] })).toBe(true);
  });
});
