/**
 * "Et resumé af sagen" in a share: the wizard's choice asks for it, the bundle's data carries it
 * as text with its points' sources and the documents it covers, and provenance marks it as the
 * citizen's own (it is not the municipality's signed data).
 */
import { describe, expect, it } from 'vitest';
import { buildShare, type CaseSource, type ShareSources } from '../../src/sharing/content';
import type { MunicipalStored } from '../../src/sharing/derived';
import { buildThomas } from '../../src/municipality-server/data/personas/thomas';
import { NO_DATA, newChoice, problemAt, selectionOf, toggleItem } from '../../src/ui/sharing/wizard/choice';
import { KLE, TODAY } from './municipality-test-helpers';

const ORIGIN = 'https://kommune.example';
const stored = (record: { id: string; type: string; version: number }): MunicipalStored => ({
  record: record as MunicipalStored['record'],
  provenance: { origin: ORIGIN, signatureId: 'sig', digest: 'x'.repeat(43) },
});

function thomasSources(): ShareSources {
  const data = buildThomas({ today: TODAY, kle: KLE, baseUrl: ORIGIN });
  const rehab = data.records.cases.find((c) => c.kle.code === '15.17.18')!;
  const mine = <T extends { caseId?: string | undefined; id: string; type: string; version: number }>(list: T[]) =>
    list.filter((r) => r.caseId === rehab.id).map(stored);
  const source: CaseSource = {
    case: stored(rehab),
    decisions: mine(data.records.decisions),
    documents: mine(data.records.documents),
    payments: [],
    activities: mine(data.records.activities),
  };
  return {
    notes: new Map(),
    cases: new Map([['rehab', source]]),
    transactions: [],
    health: [],
    signatures: new Map(),
    municipalityName: () => 'Vesterå Kommune',
  };
}

describe('a case summary in a share', () => {
  it('leaves as text: title, points with their sources, and the 27 documents it covers', () => {
    const built = buildShare([{ type: 'case-summary', caseId: 'rehab' }], thomasSources(), TODAY);
    const [view] = built.data.caseSummaries as {
      title: string;
      points: { section: string; text: string; sources: { documentTitle: string; date: string }[] }[];
      covers: unknown[];
    }[];
    expect(view!.title).toBe('Resumé af sagen „Rehabiliteringsteam – afklaring af arbejdsevne“');
    expect(view!.covers).toHaveLength(27);
    const quote = view!.points.find((p) => p.section === 'highlights')!;
    expect(quote.sources[0]).toMatchObject({ documentTitle: expect.any(String), date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), recordType: 'document' });
    expect(built.items).toEqual([
      expect.objectContaining({ type: 'case-summary', label: view!.title, counts: { points: view!.points.length, documents: 27 } }),
    ]);
    expect(built.items[0]!.details).toHaveLength(27);
    // Only the summary leaves: no case record, no signed provenance, no files.
    expect(Object.keys(built.data)).toEqual(['caseSummaries']);
    expect(built.files).toEqual([]);
    expect(built.provenance).toEqual([{ attestedBy: 'citizen', source: expect.stringContaining('Resumé'), covers: ['caseSummaries'] }]);
    expect(built.categories).toEqual(['case-summary']);
  });

  it('a case that is gone is refused, not summarised from nothing', () => {
    expect(() => buildShare([{ type: 'case-summary', caseId: 'other' }], thomasSources(), TODAY)).toThrow(/no longer in the vault/);
  });

  it('the wizard asks for it alone or beside the case', () => {
    const choice = toggleItem(newChoice([{ id: 'r' }], TODAY), 'caseSummaries', 'rehab', true);
    expect(selectionOf(choice.data, TODAY)).toEqual([{ type: 'case-summary', caseId: 'rehab' }]);
    expect(problemAt('data', choice, { recipientIds: ['r'], today: TODAY })).toBeNull();
    expect(selectionOf(NO_DATA, TODAY)).toEqual([]);
  });
});
