/**
 * The wizard's choice of case material: all of a case, whole parts, and single decisions,
 * documents, payments and activities — what the "all" boxes show (all, some, none) and what the
 * choice asks to leave, which the stored selection's schema must accept.
 */
import { describe, expect, it } from 'vitest';
import { SelectionItem, ShareSelection } from '../../src/records/sharing/selection';
import {
  caseCoverage,
  caseRecordChosen,
  chosenInPart,
  newChoice,
  partCoverage,
  problemAt,
  selectionOf,
  toggleCase,
  toggleCasePart,
  toggleCaseRecord,
  type ShareChoice,
} from '../../src/ui/sharing/wizard/choice';

const TODAY = '2026-12-07';
const start = (): ShareChoice => newChoice([{ id: 'r' }], TODAY);
const DOCS = Array.from({ length: 27 }, (_, i) => `thomas-dok-${String(i + 1).padStart(4, '0')}`);
const COUNTS = { decisions: 2, documents: DOCS.length, payments: 0, activities: 3 };
const pick = (c: ShareChoice, ...ids: string[]) => ids.reduce((s, id) => toggleCaseRecord(s, 'rehab', 'documents', id, true, DOCS), c);

describe('single records of a case', () => {
  it('takes three documents alone: the case is partly chosen, and only those three are asked for', () => {
    const c = pick(start(), DOCS[19]!, DOCS[2]!, DOCS[7]!);
    const chosen = c.data.cases.get('rehab');
    expect(caseCoverage(chosen, COUNTS)).toBe('some');
    expect(partCoverage(chosen, 'documents', DOCS.length)).toBe('some');
    expect(partCoverage(chosen, 'decisions', 2)).toBe('none');
    expect(chosenInPart(chosen, 'documents', DOCS.length)).toBe(3);
    expect(caseRecordChosen(chosen, 'documents', DOCS[2]!)).toBe(true);
    expect(caseRecordChosen(chosen, 'documents', DOCS[3]!)).toBe(false);
    const items = selectionOf(c.data, TODAY);
    expect(items).toEqual([{ type: 'case', caseId: 'rehab', parts: [], only: { documents: [DOCS[2], DOCS[7], DOCS[19]] } }]);
    expect(ShareSelection.parse({ items })).toEqual({ items });
    expect(problemAt('data', c, { recipientIds: ['r'], today: TODAY })).toBeNull();
  });

  it('makes a part whole when its last missing record is taken, and keeps the rest when one leaves a whole part', () => {
    const all = pick(start(), ...DOCS);
    expect(all.data.cases.get('rehab')?.parts.has('documents')).toBe(true);
    expect(all.data.cases.get('rehab')?.picked.size).toBe(0);
    expect(selectionOf(all.data, TODAY)).toEqual([{ type: 'case', caseId: 'rehab', parts: ['documents'] }]);

    const allButOne = toggleCaseRecord(toggleCase(start(), 'rehab', true), 'rehab', 'documents', DOCS[0]!, false, DOCS);
    const chosen = allButOne.data.cases.get('rehab');
    expect(caseCoverage(chosen, COUNTS)).toBe('some');
    expect(chosenInPart(chosen, 'documents', DOCS.length)).toBe(26);
    const [item] = selectionOf(allButOne.data, TODAY);
    expect(item).toEqual({ type: 'case', caseId: 'rehab', parts: ['decisions', 'payments', 'activities'], only: { documents: DOCS.slice(1) } });
  });

  it('"all of this case" takes every part whole and drops single picks; off leaves nothing of the case', () => {
    const some = pick(start(), DOCS[0]!);
    const whole = toggleCase(some, 'rehab', true);
    expect(caseCoverage(whole.data.cases.get('rehab'), COUNTS)).toBe('all');
    expect(whole.data.cases.get('rehab')?.picked.size).toBe(0);
    expect(toggleCase(whole, 'rehab', false).data.cases.has('rehab')).toBe(false);
    expect(caseCoverage(undefined, COUNTS)).toBe('none');
  });

  it('a whole part replaces its single picks, and taking the last record away leaves the case out', () => {
    const some = pick(start(), DOCS[0]!, DOCS[1]!);
    const part = toggleCasePart(some, 'rehab', 'documents', true);
    expect(part.data.cases.get('rehab')?.picked.has('documents')).toBe(false);
    expect(partCoverage(part.data.cases.get('rehab'), 'documents', DOCS.length)).toBe('all');
    expect(toggleCasePart(part, 'rehab', 'documents', false).data.cases.has('rehab')).toBe(false);
    const none = toggleCaseRecord(toggleCaseRecord(some, 'rehab', 'documents', DOCS[0]!, false, DOCS), 'rehab', 'documents', DOCS[1]!, false, DOCS);
    expect(none.data.cases.has('rehab')).toBe(false);
    expect(selectionOf(none.data, TODAY)).toEqual([]);
    expect(problemAt('data', none, { recipientIds: ['r'], today: TODAY })).toBe('dataMissing');
  });

  it('mixes single records of two parts with a whole third part', () => {
    let c = toggleCasePart(start(), 'rehab', 'activities', true);
    c = toggleCaseRecord(c, 'rehab', 'decisions', 'afg-2', true, ['afg-1', 'afg-2']);
    c = pick(c, DOCS[5]!);
    expect(selectionOf(c.data, TODAY)).toEqual([
      { type: 'case', caseId: 'rehab', parts: ['activities'], only: { decisions: ['afg-2'], documents: [DOCS[5]] } },
    ]);
  });
});

describe('the stored selection of a case', () => {
  it('still reads a selection stored before single records could be chosen', () => {
    const old = { type: 'case', caseId: 'c1', parts: ['decisions', 'documents'] };
    expect(SelectionItem.parse(old)).toEqual(old);
  });

  it('refuses a part both whole and picked, a record named twice, an empty pick and a malformed id', () => {
    const bad = [
      { type: 'case', caseId: 'c1', parts: ['documents'], only: { documents: ['d1'] } },
      { type: 'case', caseId: 'c1', parts: [], only: { documents: ['d1', 'd1'] } },
      { type: 'case', caseId: 'c1', parts: [], only: { documents: [] } },
      { type: 'case', caseId: 'c1', parts: [], only: { documents: ['../etc'] } },
      { type: 'case', caseId: 'c1', parts: [], only: { letters: ['d1'] } },
      { type: 'case', caseId: 'c1', parts: ['documents', 'documents'] },
    ];
    for (const item of bad) expect(SelectionItem.safeParse(item).success, JSON.stringify(item)).toBe(false);
  });
});
