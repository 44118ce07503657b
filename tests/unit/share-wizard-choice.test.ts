/** The share wizard's choice: its transitions, what it asks to leave, and when it may go on. */
import { describe, expect, it } from 'vitest';
import type { ShareOptions, SharePreview } from '../../src/messaging/sharing-api';
import { SelectionItem } from '../../src/records/sharing/selection';
import { danishToday } from '../../src/shared/danish-time';
import { da } from '../../src/ui/i18n/da';
import { en } from '../../src/ui/i18n/en';
import {
  chooseExpiryKind,
  earliestExpiry,
  lastMonths,
  newChoice,
  offeredCaseParts,
  offersHealthRecords,
  offersNothing,
  openCases,
  pickRecipient,
  PROBLEMS,
  problemAt,
  requestOf,
  selectionOf,
  setExpiryCap,
  setExpiryCase,
  setExpiryDate,
  setMonths,
  toggleCase,
  toggleCasePart,
  toggleClinical,
  toggleFoodBudget,
  toggleHealthMetric,
  toggleHealthRecords,
  toggleItem,
  toggleObservations,
  toggleSpending,
  toggleTransactionCategory,
  toggleTransactionField,
  toggleTransactions,
  STEPS,
  writePurpose,
  type ShareChoice,
} from '../../src/ui/sharing/wizard/choice';
import { COUNTED_STEPS, startWizard, stepAfter, stepBefore, stepNumber, wizardReducer } from '../../src/ui/sharing/wizard/flow';

const TODAY = '2026-12-07';
const RECIPIENTS = [{ id: 'r-lawyer' }, { id: 'r-kommune' }];
const context = { recipientIds: RECIPIENTS.map((r) => r.id), today: TODAY };
const start = (): ShareChoice => newChoice(RECIPIENTS, TODAY);

function options(patch: Partial<ShareOptions> = {}): ShareOptions {
  return {
    notes: [],
    cases: [],
    transactions: null,
    health: [],
    healthRecords: { observations: 0, clinical: [] },
    attachments: [],
    municipalInbox: false,
    basis: null,
    ...patch,
  };
}

describe('a new choice', () => {
  it('picks the first recipient and runs for 30 Danish days', () => {
    const c = start();
    expect(c.recipientId).toBe('r-lawyer');
    expect(c.purpose).toBe('');
    expect(c.expiry).toEqual({ kind: 'date', date: '2027-01-06', caseId: '', maxDays: 365 });
    expect(selectionOf(c.data, TODAY)).toEqual([]);
    expect(newChoice([], TODAY).recipientId).toBe('');
  });

  it('counts days from the Danish date, not the UTC one, just after midnight in Copenhagen', () => {
    // 23:30 UTC on New Year's Eve is 00:30 on 1 January in Copenhagen.
    const today = danishToday(Date.parse('2026-12-31T23:30:00Z'));
    expect(today).toBe('2027-01-01');
    expect(newChoice(RECIPIENTS, today).expiry.date).toBe('2027-01-31');
    expect(earliestExpiry(today)).toBe('2027-01-02');
    const lastDayTomorrowInUtc = setExpiryDate(newChoice(RECIPIENTS, today), '2027-01-01');
    expect(problemAt('expiry', lastDayTomorrowInUtc, { ...context, today })).toBe('expiryMissing');
    // Summer time: 22:30 UTC on 30 June is already 1 July in Copenhagen.
    expect(danishToday(Date.parse('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });
});

describe('transitions', () => {
  it('never change the choice they are given', () => {
    const before = toggleItem(start(), 'notes', 'n1', true);
    const after = toggleItem(toggleCase(toggleTransactions(before, true), 'case-1', true), 'notes', 'n1', false);
    expect([...before.data.notes]).toEqual(['n1']);
    expect(before.data.cases.size).toBe(0);
    expect(before.data.transactions).toBeNull();
    expect(after.data.notes.size).toBe(0);
    expect(toggleCasePart(after, 'case-1', 'documents', false).data.cases.get('case-1')?.parts.has('documents')).toBe(false);
    expect(after.data.cases.get('case-1')?.parts.has('documents')).toBe(true);
  });

  it('take a whole case, then parts away, and the case away', () => {
    let c = toggleCase(start(), 'case-1', true);
    expect(selectionOf(c.data, TODAY)).toEqual([{ type: 'case', caseId: 'case-1', parts: ['decisions', 'documents', 'payments', 'activities'] }]);
    c = toggleCasePart(c, 'case-1', 'payments', false);
    c = toggleCasePart(c, 'case-1', 'decisions', false);
    c = toggleCasePart(c, 'case-1', 'decisions', true);
    expect(selectionOf(c.data, TODAY)).toEqual([{ type: 'case', caseId: 'case-1', parts: ['decisions', 'documents', 'activities'] }]);
    expect(selectionOf(toggleCase(c, 'case-1', false).data, TODAY)).toEqual([]);
  });

  it('bring months into 1–36 whole months, and leave unchosen things unchosen', () => {
    let c = toggleFoodBudget(start(), true);
    expect(c.data.foodBudget).toBe(12);
    expect(setMonths(c, 'foodBudget', 0).data.foodBudget).toBe(1);
    expect(setMonths(c, 'foodBudget', 99).data.foodBudget).toBe(36);
    expect(setMonths(c, 'foodBudget', Number.NaN).data.foodBudget).toBe(1);
    expect(setMonths(c, 'foodBudget', -4).data.foodBudget).toBe(1);
    expect(setMonths(c, 'foodBudget', 2.7).data.foodBudget).toBe(2);
    expect(setMonths(c, 'spending', 5).data.spending).toBeNull();
    expect(setMonths(c, 'transactions', 5).data.transactions).toBeNull();
    expect(setMonths(c, 'healthRecords', 5).data.healthRecords).toBeNull();
    c = toggleFoodBudget(c, false);
    expect(c.data.foodBudget).toBeNull();
  });

  it('keep both expiry answers when switching between a date and a case', () => {
    let c = setExpiryDate(start(), '2027-02-01');
    c = setExpiryCase(chooseExpiryKind(c, 'until-case'), 'case-1');
    expect(requestOf(c, TODAY).expiry).toEqual({ kind: 'until-case', caseId: 'case-1', maxDays: 365 });
    // The cap the citizen picks goes with the case, and stays when switching back and forth.
    c = setExpiryCap(c, 91);
    expect(requestOf(c, TODAY).expiry).toEqual({ kind: 'until-case', caseId: 'case-1', maxDays: 91 });
    c = chooseExpiryKind(c, 'date');
    expect(requestOf(c, TODAY).expiry).toEqual({ kind: 'date', date: '2027-02-01' });
    expect(chooseExpiryKind(c, 'until-case').expiry.caseId).toBe('case-1');
  });
});

describe('what the choice asks to leave', () => {
  it('counts whole months back from the Danish month', () => {
    expect(lastMonths(12, '2027-01-01')).toEqual({ from: '2026-01', to: '2026-12' });
    expect(lastMonths(1, '2026-03-15')).toEqual({ from: '2026-02', to: '2026-02' });
    expect(lastMonths(3, '2026-02-28')).toEqual({ from: '2025-11', to: '2026-01' });
  });

  it('lists every kind of item in a fixed order, with periods that end today', () => {
    let c = start();
    c = toggleItem(c, 'attachments', 'a1', true);
    c = toggleItem(c, 'health', 'steps', true);
    c = toggleHealthRecords(c, true);
    c = toggleHealthMetric(toggleHealthMetric(c, 'weight', true), 'steps', true);
    c = toggleObservations(c, true);
    c = toggleClinical(toggleClinical(c, 'Immunization', true), 'Condition', true);
    c = toggleTransactions(c, true);
    c = toggleTransactionField(toggleTransactionField(c, 'category', true), 'date', false);
    c = toggleTransactionCategory(toggleTransactionCategory(c, 'rent', true), 'groceries', true);
    c = setMonths(toggleSpending(c, true), 'spending', 2);
    c = toggleFoodBudget(c, true);
    c = toggleCase(c, 'case-1', true);
    c = toggleItem(c, 'notes', 'n1', true);
    const items = selectionOf(c.data, TODAY);
    expect(items).toEqual([
      { type: 'note', noteId: 'n1' },
      { type: 'case', caseId: 'case-1', parts: ['decisions', 'documents', 'payments', 'activities'] },
      { type: 'food-budget', months: 12 },
      { type: 'monthly-spending', from: '2026-10', to: '2026-11' },
      { type: 'transactions', from: '2026-09-01', to: TODAY, categories: ['groceries', 'rent'], fields: ['amount', 'category'] },
      { type: 'health-summary', kind: 'steps', from: '2025-12-01', to: TODAY },
      { type: 'health-records', from: '2026-09-01', to: TODAY, metrics: ['steps', 'weight'], observations: true, clinical: ['Condition', 'Immunization'] },
      { type: 'attachment', attachmentId: 'a1' },
    ]);
    for (const item of items) expect(SelectionItem.safeParse(item).success, item.type).toBe(true);
  });

  it('sends the trimmed purpose, the chosen recipient and the expiry', () => {
    const c = writePurpose(pickRecipient(toggleItem(start(), 'notes', 'n1', true), 'r-kommune'), '  Madbudget \n');
    expect(requestOf(c, TODAY)).toEqual({
      recipientId: 'r-kommune',
      purpose: 'Madbudget',
      selection: { items: [{ type: 'note', noteId: 'n1' }] },
      expiry: { kind: 'date', date: '2027-01-06' },
    });
  });
});

describe('going on', () => {
  it('needs a recipient that exists', () => {
    expect(problemAt('recipient', start(), context)).toBeNull();
    expect(problemAt('recipient', pickRecipient(start(), 'r-gone'), context)).toBe('recipientMissing');
    expect(problemAt('recipient', newChoice([], TODAY), { ...context, recipientIds: [] })).toBe('recipientMissing');
  });

  it('needs a purpose with more than spaces', () => {
    expect(problemAt('purpose', writePurpose(start(), '   '), context)).toBe('purposeMissing');
    expect(problemAt('purpose', writePurpose(start(), 'Klage'), context)).toBeNull();
  });

  it('needs some data, health data of some kind when that is on, and a field of the transactions', () => {
    expect(problemAt('data', start(), context)).toBe('dataMissing');
    const withNote = toggleItem(start(), 'notes', 'n1', true);
    expect(problemAt('data', withNote, context)).toBeNull();
    expect(problemAt('data', toggleHealthRecords(withNote, true), context)).toBe('healthRecordsMissing');
    expect(problemAt('data', toggleHealthRecords(start(), true), context)).toBe('healthRecordsMissing');
    expect(problemAt('data', toggleObservations(toggleHealthRecords(start(), true), true), context)).toBeNull();
    expect(selectionOf(toggleHealthRecords(withNote, true).data, TODAY)).toHaveLength(1);
    const noFields = toggleTransactionField(toggleTransactionField(toggleTransactions(start(), true), 'date', false), 'amount', false);
    expect(problemAt('data', noFields, context)).toBe('fieldsMissing');
    expect(problemAt('data', toggleTransactionField(noFields, 'text', true), context)).toBeNull();
    // A case with every part taken away still names the case.
    expect(problemAt('data', toggleCasePart(toggleCase(start(), 'c', true), 'c', 'documents', false), context)).toBeNull();
  });

  it('needs a last day after today, or a case to run until', () => {
    expect(problemAt('expiry', start(), context)).toBeNull();
    expect(problemAt('expiry', setExpiryDate(start(), TODAY), context)).toBe('expiryMissing');
    expect(problemAt('expiry', setExpiryDate(start(), '2026-12-01'), context)).toBe('expiryMissing');
    expect(problemAt('expiry', setExpiryDate(start(), ''), context)).toBe('expiryMissing');
    expect(problemAt('expiry', setExpiryDate(start(), '2026-12-08'), context)).toBeNull();
    const untilCase = chooseExpiryKind(start(), 'until-case');
    expect(problemAt('expiry', untilCase, context)).toBe('expiryCaseLabel');
    expect(problemAt('expiry', setExpiryCase(untilCase, 'case-1'), context)).toBeNull();
  });

  it('says every refusal in both languages', () => {
    for (const problem of PROBLEMS) {
      expect(da[`sharing.wizard.${problem}`], problem).toBeTruthy();
      expect(en[`sharing.wizard.${problem}`], problem).toBeTruthy();
    }
  });
});

describe('what the profile offers', () => {
  it('runs a share until a case only while the case is open', () => {
    const counts = { decisions: 0, documents: 0, payments: 0, activities: 0 };
    const cases = [
      { id: 'open', caseNumber: '1', title: 'A', kle: { code: '15.17.18', title: 'A' }, status: 'open', counts, records: [] },
      { id: 'closed', caseNumber: '2', title: 'B', kle: { code: '15.20.38', title: 'B' }, status: 'closed', counts, records: [] },
    ];
    expect(openCases(options({ cases })).map((c) => c.id)).toEqual(['open']);
  });

  it('knows when there is nothing to share, and when imported health data can go as it is', () => {
    expect(offersNothing(options())).toBe(true);
    expect(offersNothing(options({ attachments: [{ id: 'a', fileName: 'x.pdf', size: 1 }] }))).toBe(false);
    expect(offersNothing(options({ healthRecords: { observations: 1, clinical: [] } }))).toBe(false);
    expect(offersHealthRecords(options())).toBe(false);
    expect(offersHealthRecords(options({ healthRecords: { observations: 0, clinical: [{ type: 'Condition', count: 1 }] } }))).toBe(true);
    expect(offersHealthRecords(options({ health: [{ metric: 'steps', unit: 'count', from: '2026-01-01', to: '2026-02-01' }] }))).toBe(true);
  });
});

describe('the wizard steps', () => {
  const preview = {
    recipient: { id: 'r-lawyer', name: 'Advokat', fingerprint: 'x' },
    purpose: 'p',
    items: [],
    notBefore: '',
    expiresAt: '',
    untilCase: null,
    files: [],
    channels: { endpoint: null, municipalInbox: false },
  } satisfies SharePreview;

  it('count five steps and move one at a time', () => {
    expect(COUNTED_STEPS).toBe(5);
    expect(STEPS.map(stepNumber)).toEqual([1, 2, 3, 4, 5, 5]);
    expect(stepAfter('data')).toBe('expiry');
    expect(stepBefore('data')).toBe('purpose');
    expect(stepBefore('recipient')).toBe('recipient');
    expect(stepAfter('done')).toBe('done');
  });

  it('forget a refusal when the step changes, and keep the choice', () => {
    let s = startWizard(RECIPIENTS, TODAY);
    s = wizardReducer(s, { type: 'change', change: (c) => writePurpose(c, 'Klage') });
    s = wizardReducer(s, { type: 'refuse', problem: 'purposeMissing' });
    expect(s.problem).toBe('purposeMissing');
    s = wizardReducer(s, { type: 'go', step: 'data' });
    expect(s).toMatchObject({ step: 'data', problem: null });
    expect(s.choice.purpose).toBe('Klage');
  });

  it('show the approval after the preview and the bundle after it is made', () => {
    let s = wizardReducer(startWizard(RECIPIENTS, TODAY), { type: 'refuse', problem: 'expiryMissing' });
    s = wizardReducer(s, { type: 'previewed', preview });
    expect(s).toMatchObject({ step: 'approve', problem: null, preview });
    const created = { grantId: 'g', fileName: 'f.age', transferId: 't', chunkCount: 1 };
    s = wizardReducer(s, { type: 'created', created });
    expect(s).toMatchObject({ step: 'done', created, preview });
  });
});

describe('a representative’s share', () => {
  it('offers only the case parts the power of attorney covers, and a case chosen takes only those', () => {
    expect(offeredCaseParts(options())).toEqual(['decisions', 'documents', 'payments', 'activities']);
    const covered = options({ basis: { kind: 'power-of-attorney', covers: ['cases', 'payments', 'activities'] } });
    const parts = offeredCaseParts(covered);
    expect(parts).toEqual(['payments', 'activities']);
    const chosen = toggleCase(start(), 'case-1', true, parts);
    expect([...chosen.data.cases.get('case-1')!.parts]).toEqual(['payments', 'activities']);
    expect(
      offeredCaseParts(options({ basis: { kind: 'custody', covers: ['cases', 'decisions', 'payments', 'activities', 'documents', 'access-log'] } })),
    ).toHaveLength(4);
  });
});
