/**
 * Summaries made locally: Thomas's 27-document rehabilitation case from the reference
 * municipality, and small hand-made cases. Every quoted point must be the very sentence its
 * source names; the same case and day must give the same summary.
 */
import { describe, expect, it } from 'vitest';
import type { Activity, Case, Decision, Document } from '../../src/municipal/api/schemas';
import { buildThomas } from '../../src/municipality-server/data/personas/thomas';
import { splitSentences, summariseCase, summariseDocument, type CaseFile, type LetterFacts } from '../../src/summaries/index';
import { readLetter } from '../../src/letters/reading/read';
import { KLE, TODAY } from './municipality-test-helpers';

function thomasRehab(): CaseFile {
  const data = buildThomas({ today: TODAY, kle: KLE, baseUrl: 'http://127.0.0.1:8787' });
  const rehab = data.records.cases.find((c) => c.kle.code === '15.17.18')!;
  return {
    case: rehab,
    decisions: data.records.decisions.filter((d) => d.caseId === rehab.id),
    activities: data.records.activities.filter((a) => a.caseId === rehab.id),
    documents: data.records.documents.filter((d) => d.caseId === rehab.id),
  };
}

/** Each quoted point is the sentence its source names, in that document's text. */
function expectQuotesTraceable(file: CaseFile, points: ReturnType<typeof summariseCase>['points']) {
  const byId = new Map(file.documents.map((d) => [d.id, d]));
  for (const p of points.filter((x) => x.section === 'highlights')) {
    const [source] = p.sources;
    const doc = byId.get(source!.recordId)!;
    expect(doc.content.format).toBe('text');
    const sentence = splitSentences(doc.content.format === 'text' ? doc.content.text : '')[source!.sentence!];
    expect(p.text.slice(1, -1)).toBe(sentence);
    expect(source!.documentTitle).toBe(doc.title);
  }
}

describe("Thomas's rehabilitation case (27 documents)", () => {
  const file = thomasRehab();
  const da = summariseCase(file, { today: TODAY, language: 'da' });

  it('covers every document of the case file, in date order', () => {
    expect(file.documents).toHaveLength(27);
    expect(da.covers).toHaveLength(27);
    expect(da.covers.map((c) => c.date)).toEqual([...da.covers.map((c) => c.date)].sort());
    expect(da.points.find((p) => p.section === 'about' && p.text.includes('27 dokumenter'))?.sources).toHaveLength(27);
  });

  it('says what it is about, that nothing is decided yet, what to do by when, and whom to contact', () => {
    const text = (section: string) => da.points.filter((p) => p.section === section).map((p) => p.text);
    expect(text('about')[0]).toContain('Rehabiliteringsteam – afklaring af arbejdsevne');
    expect(text('decided')).toEqual(['Der er endnu ikke truffet nogen afgørelse i sagen.']);
    expect(text('todo')).toEqual([
      'Senest 15. marts 2026: Send dine bemærkninger til din rådgiver i jobcentret.',
      expect.stringMatching(/^23\. marts 2026 kl\. 10\.00: Møde i rehabiliteringsteamet, Jobcenter Vesterå/),
    ]);
    expect(text('contact')[0]).toMatch(/^Din sagsbehandler er Jonas Bech Andersen, .*tlf\. 72 36 41 57/);
    expect(text('contact')[1]).toBe('Karen Lund (advokat, Lund & Birk Advokater) repræsenterer dig i sagen.');
    const todoSources = da.points.filter((p) => p.section === 'todo').flatMap((p) => p.sources.map((s) => s.recordType));
    expect(todoSources).toEqual(['activity', 'activity']);
  });

  it('quotes five informative sentences, each linked to its document and sentence', () => {
    const quotes = da.points.filter((p) => p.section === 'highlights');
    expect(quotes).toHaveLength(5);
    expectQuotesTraceable(file, da.points);
    // The turning points of the file are among them: the specialist's statement is asked for.
    expect(quotes.some((q) => q.text.includes('speciallægeerklæring'))).toBe(true);
  });

  it('is deterministic, and written in English when asked', () => {
    expect(JSON.stringify(summariseCase(thomasRehab(), { today: TODAY, language: 'da' }))).toBe(JSON.stringify(da));
    const en = summariseCase(file, { today: TODAY, language: 'en' });
    expect(en.title).toBe('Summary of the case "Rehabiliteringsteam – afklaring af arbejdsevne"');
    expect(en.points.find((p) => p.section === 'todo')!.text).toBe('By 15 March 2026: Send dine bemærkninger til din rådgiver i jobcentret.');
    expect(en.points.filter((p) => p.section === 'highlights').map((p) => p.sources[0])).toEqual(
      da.points.filter((p) => p.section === 'highlights').map((p) => p.sources[0]),
    );
  });

  it('a later day drops what has passed', () => {
    const later = summariseCase(file, { today: '2026-03-20', language: 'da' });
    expect(later.points.filter((p) => p.section === 'todo').map((p) => p.text)).toEqual([expect.stringMatching(/^23\. marts 2026/)]);
  });
});

const CASE: Case = {
  type: 'case',
  id: 'c1',
  version: 1,
  updatedAt: '2026-11-01T10:00:00Z',
  caseNumber: '2026-15.20.38-001',
  title: 'Befordringsgodtgørelse',
  kle: { code: '15.20.38', title: 'Befordringsgodtgørelse' },
  status: 'decided',
  statusHistory: [{ status: 'decided', at: '2026-11-20T10:00:00Z' }],
  openedAt: '2026-10-01',
  authority: { name: 'Vesterå Kommune' },
  unit: { name: 'Jobcenter Vesterå' },
  representatives: [],
};
const doc = (id: string, date: string, text: string): Document => ({
  type: 'document',
  id,
  version: 1,
  updatedAt: `${date}T10:00:00Z`,
  kind: 'document',
  caseId: 'c1',
  title: `Brev ${id}`,
  date,
  direction: 'outgoing',
  content: { format: 'text', text },
});
const DECISION: Decision = {
  type: 'decision',
  id: 'd1',
  version: 1,
  updatedAt: '2026-11-20T10:00:00Z',
  caseId: 'c1',
  decidedAt: '2026-11-20',
  title: 'Afslag på befordringsgodtgørelse',
  outcome: 'refused',
  outcomeText: 'Du får ikke dækket udgifter til kørsel.',
  legalBasis: ['Lov om aktiv beskæftigelsesindsats § 82'],
  basis: [{ kind: 'document', documentId: 'b1', description: 'Din kørselsliste' }],
  appeal: { deadline: '2026-12-18', body: 'Ankestyrelsen', submitTo: 'Vesterå Kommune', howTo: 'Skriv til os.' },
};
const activity = (id: string, dueAt: string, status: Activity['status']): Activity => ({
  type: 'activity',
  id,
  version: 1,
  updatedAt: '2026-11-01T10:00:00Z',
  kind: 'deadline',
  title: `Frist ${id}`,
  status,
  source: { id: 'momentum', name: 'Momentum', category: 'job-centre' },
  dueAt,
  caseId: 'c1',
});

describe('small cases', () => {
  const file: CaseFile = {
    case: CASE,
    decisions: [DECISION],
    activities: [
      activity('past', '2026-11-01T22:59:00Z', 'planned'),
      activity('off', '2026-12-20T22:59:00Z', 'cancelled'),
      activity('open', '2026-12-10T22:59:00Z', 'planned'),
    ],
    documents: [doc('b1', '2026-10-15', 'Kørselsliste for oktober. Der er kørt 14 ture til genoptræning.')],
  };

  it('a refusal: what, why, the rules, and the appeal deadline ahead; passed and cancelled deadlines left out', () => {
    const s = summariseCase(file, { today: '2026-12-07', language: 'da' });
    const decided = s.points.find((p) => p.section === 'decided')!;
    expect(decided.text).toBe(
      '20. november 2026: Afslag på befordringsgodtgørelse – afslag. Du får ikke dækket udgifter til kørsel. Afgørelsen bygger på Lov om aktiv beskæftigelsesindsats § 82. Kommunen har lagt vægt på: Din kørselsliste.',
    );
    expect(decided.sources.map((x) => [x.recordType, x.recordId])).toEqual([
      ['decision', 'd1'],
      ['document', 'b1'],
    ]);
    expect(s.points.filter((p) => p.section === 'todo').map((p) => p.text)).toEqual([
      'Senest 10. december 2026: Frist open',
      'Du kan klage over „Afslag på befordringsgodtgørelse“ til Ankestyrelsen. Klagefristen er 18. december 2026.',
    ]);
    expect(s.points.find((p) => p.section === 'contact')!.text).toBe('Sagen nævner ingen sagsbehandler.');
  });

  it("a letter reader's findings add a date and an outcome, linked to the sentence they were read from", () => {
    const letter = doc('l1', '2026-12-01', 'Vi har modtaget din ansøgning. Du skal svare senest den 5. januar 2027. Med venlig hilsen.');
    const offset = letter.content.format === 'text' ? letter.content.text.indexOf('senest') : 0;
    const reader = (text: string): LetterFacts => ({
      kind: 'hearing',
      dates: text.includes('senest') ? [{ value: { meaning: 'answer-by', date: '2027-01-05' }, page: 0, start: offset }] : [],
      rules: [],
    });
    const s = summariseCase({ ...file, decisions: [], documents: [letter], readFacts: reader }, { today: '2026-12-07', language: 'da' });
    const point = s.points.find((p) => p.text.startsWith('Svarfrist'))!;
    expect(point.text).toBe('Svarfrist: 5. januar 2027 (Brev l1).');
    expect(point.sources).toEqual([{ recordType: 'document', recordId: 'l1', documentTitle: 'Brev l1', date: '2026-12-01', sentence: 1 }]);
  });

  it('a reduced benefit read from a letter is told as reduced, in Danish and English', () => {
    const letter = doc('l2', '2026-12-01', 'Afgørelse om boligstøtte. Vi nedsætter din boligstøtte fra 1. januar 2027.');
    const reader = (): LetterFacts => ({ kind: 'decision', dates: [], rules: [], outcome: { value: 'reduced', page: 0, start: 30 } });
    const decided = (language: 'da' | 'en') =>
      summariseCase({ ...file, decisions: [], documents: [letter], readFacts: reader }, { today: '2026-12-07', language }).points.find(
        (p) => p.section === 'decided',
      )!.text;
    expect(decided('da')).toMatch(/Brev l2 – nedsat\.$/);
    expect(decided('en')).toMatch(/Brev l2 – reduced\.$/);
  });

  it('one document: what it is and its sentences; a PDF without text says so', () => {
    const text = summariseDocument(doc('b1', '2026-10-15', 'Kørselsliste for oktober. Der er kørt 14 ture til genoptræning i egen bil.'), { language: 'da' });
    expect(text.points.map((p) => p.section)).toEqual(['about', 'highlights']);
    const pdf: Document = { ...doc('p1', '2026-10-15', ''), content: { format: 'pdf', href: '/x', sha256: 'A'.repeat(43), bytes: 10 } };
    expect(summariseDocument(pdf, { language: 'en' }).points[1]!.text).toMatch(/is not in the vault/);
  });
});

describe('sentences', () => {
  it('does not split after Danish abbreviations or ordinals', () => {
    expect(splitSentences('Han kan gå ca. 300 meter. Mødet er den 3. Marts kl. 9.45 på 2. sal. Se f.eks. § 11.')).toEqual([
      'Han kan gå ca. 300 meter.',
      'Mødet er den 3. Marts kl. 9.45 på 2. sal.',
      'Se f.eks. § 11.',
    ]);
  });
});

describe('with the letter reader', () => {
  it("Thomas's case: the letters in it add nothing false; a hearing letter's answer-by date is found and sourced", () => {
    const file = thomasRehab();
    const withReader = summariseCase({ ...file, readFacts: (text) => readLetter({ pages: [text] }) }, { today: TODAY, language: 'da' });
    expect(withReader.points.filter((p) => p.section === 'todo')).toEqual(
      summariseCase(file, { today: TODAY, language: 'da' }).points.filter((p) => p.section === 'todo'),
    );
    const hearing = doc(
      'h1',
      '2026-12-01',
      'Vi overvejer at stoppe din ydelse. Du kan komme med bemærkninger. Svar os venligst senest den 5. januar 2027. Med venlig hilsen Jobcentret.',
    );
    const s = summariseCase({ ...file, documents: [hearing], readFacts: (text) => readLetter({ pages: [text] }) }, { today: '2026-12-07', language: 'da' });
    const found = s.points.find((p) => p.section === 'todo' && p.text.includes('5. januar 2027'))!;
    expect(found.sources).toEqual([{ recordType: 'document', recordId: 'h1', documentTitle: 'Brev h1', date: '2026-12-01', sentence: 2 }]);
  });
});
