import { describe, expect, it } from 'vitest';
import { OVERVIEW_KINDS, OVERVIEW_LISTS, overviewFromRecords, overviewLists, type ListRecords } from '../../src/overview/from-records';
import type { KindData, RecordKind } from '../../src/records/kind';
import { EMPTY_OVERVIEW } from '../../src/overview/model';
import { listsFor } from '../../src/ui/municipal/view-lists';
import { fixtureData } from './support/overview-fixtures';

const PROVENANCE = { signatureId: 'pHmMovubcf2QLIoEP4X6iQ', digest: 'b3a3Cm599jxjlDw1_2-gK2vMEJomydqczEWx13AMP1g' };

/** A record list as the vault gives it, from the fixture's items, with one damaged record per kind; counts what was read. */
function fakeVault() {
  const data = fixtureData();
  const read: string[] = [];
  const list: ListRecords = async <K extends RecordKind>(kind: K) => {
    read.push(kind.name);
    const name = OVERVIEW_LISTS.find((n) => OVERVIEW_KINDS[n].name === kind.name)!;
    const items: { vaultId: string; origin: string; record: unknown }[] = data[name];
    const records = items.map((i) => ({
      id: i.vaultId,
      data: kind.schema.parse({ record: i.record, provenance: { ...PROVENANCE, origin: i.origin }, generation: 1 }) as KindData<K>,
    }));
    return { records, damaged: [`damaged ${kind.name}`] };
  };
  return { data, read, list };
}

describe('reading the overview from records', () => {
  it('reads only the lists a view asks for, each kind once', async () => {
    const vault = fakeVault();
    const { lists, damaged } = await overviewLists(vault.list, ['payments']);
    expect(vault.read).toEqual(['municipal-payment']);
    expect(Object.keys(lists)).toEqual(['payments']);
    expect(lists.payments).toEqual(vault.data.payments);
    expect(damaged).toEqual(['damaged municipal-payment']);
  });

  it('reads every list for the whole overview, counting what could not be read', async () => {
    const vault = fakeVault();
    const { data, damaged } = await overviewFromRecords(vault.list);
    expect(vault.read.sort()).toEqual(
      Object.values(OVERVIEW_KINDS)
        .map((k) => k.name)
        .sort(),
    );
    expect(data).toEqual({ ...EMPTY_OVERVIEW, ...vault.data });
    expect(damaged).toBe(OVERVIEW_LISTS.length);
  });
});

describe('the lists each overview view reads', () => {
  it('reads one kind for the cases, none for Now, the calendar, a case, payments, the access log and search (the background answers them)', () => {
    expect(listsFor({ view: 'payments' })).toEqual([]);
    expect(listsFor({ view: 'access' })).toEqual([]);
    expect(listsFor({ view: 'cases' })).toEqual(['cases']);
    expect(listsFor({ view: 'calendar' })).toEqual([]);
    expect(listsFor({ view: 'case', id: 'v-case' })).toEqual([]);
    expect(listsFor({ view: 'now' })).toEqual([]);
    expect(listsFor({ view: 'search' })).toEqual([]);
  });
});
