/**
 * A bundle read as a person reads it (src/receiver-view): Thomas's case material in Danish
 * words with no internal ids or enum values, unknown values as neutral words, Danish dates and
 * amounts, figures with totals, summaries as headed text, and the CLI's index.html escaping
 * everything a sender wrote.
 */
import { describe, expect, it } from 'vitest';
import { readableHtml } from '../../src/receiver-view/html';
import { MAX_PRINTED_ROWS } from '../../src/receiver-view/parts';
import { readableView, type Block, type ReadableView, type Table } from '../../src/receiver-view/model';
import { dateText, moneyText } from '../../src/receiver-view/format';
import { categoryWords, OUTCOME, partWords, word } from '../../src/receiver-view/words';
import { thomasCaseMaterial } from './receiver-view-fixtures';

/** Every string a reader could see in a view, table cells included. */
function texts(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => texts(v, out));
  else if (typeof value === 'object' && value !== null) {
    if ('row' in value && typeof (value as Table).row === 'function') {
      const table = value as Table;
      for (let i = 0; i < table.rowCount; i++) texts(table.row(i), out);
    }
    Object.values(value).forEach((v) => texts(v, out));
  }
  return out;
}

const HEADER = {
  issuer: 'Thomas Nørgaard Jensen',
  recipient: 'Karen Lund',
  purpose: 'Min sag om rehabilitering',
  what: 'Sagsakter',
  issuedAt: '2026-03-10T09:00:00Z',
  validFrom: '2026-03-10T09:00:00Z',
  validUntil: '2027-03-10T09:00:00Z',
  checkedAt: new Date('2026-03-11T10:00:00Z'),
};

const caseBlocks = (view: ReadableView) => view.blocks.filter((b): b is Extract<Block, { kind: 'case' }> => b.kind === 'case');

describe("Thomas's case material", () => {
  const material = thomasCaseMaterial();
  const view = readableView(material.data, 'da');
  const all = texts(view.blocks);

  it('shows no internal id and no enum value anywhere', () => {
    // Only the municipality's own web addresses (an appointment's "change it" link) may name one.
    expect(all.filter((t) => /thomas-(dok|sag|afg|udb|akt)/.test(t) && !t.startsWith('http'))).toEqual([]);
    const raw = [
      'awaiting-citizen',
      'in-progress',
      'journal-note',
      'internal',
      'incoming',
      'outgoing',
      'power-of-attorney',
      'lawyer',
      'granted',
      'paid',
      'planned',
      'appointment',
      'deadline',
    ];
    expect(all.filter((t) => raw.includes(t))).toEqual([]);
  });

  it('tells each case as the case page does, in Danish words', () => {
    const [rehab, cash] = caseBlocks(view);
    const fact = (block: typeof rehab, label: string) => block!.view.facts.find((f) => f.label === label)?.value;
    expect(fact(rehab, 'Status')).toBe('Venter på borgeren');
    expect(fact(rehab, 'Emne (KLE)')).toMatch(/^\d{2}\.\d{2}\.\d{2} /);
    expect(rehab!.view.representatives.join('\n')).toContain('Karen Lund, Advokat, Lund & Birk Advokater, med fuldmagt');
    expect(rehab!.view.documents).toHaveLength(27);
    const note = rehab!.view.documents!.find((d) => d.facts.some((f) => f.value === 'Journalnotat'))!;
    expect(note.facts).toContainEqual({ label: 'Retning', value: 'Kommunens eget notat' });
    expect(note.text!.length).toBeGreaterThan(100);
    // Every document is there by its title, with its whole text, or its PDF named.
    for (const d of material.documents) {
      const shown = caseBlocks(view)
        .flatMap((b) => b.view.documents ?? [])
        .find((v) => v.title === d.title)!;
      expect(shown, d.title).toBeDefined();
      if (d.text !== null) expect(shown.text).toBe(d.text);
      if (d.pdf !== null) expect(shown.pdf?.path).toBe(d.pdf);
    }
    expect(cash!.view.decisions!.length).toBeGreaterThan(0);
    const decision = cash!.view.decisions![0]!;
    expect(decision.facts[0]).toEqual({ label: 'Udfald', value: 'Bevilget' });
    expect(decision.appeal?.facts.find((f) => f.label === 'Klagefrist')?.value).toMatch(/^\d{1,2}\. \p{L}+ \d{4}$/u);
    expect(decision.appeal?.link?.href).toBe('https://ast.dk/klage');
    const payments = cash!.view.payments!;
    expect(payments.columns.map((c) => c.label)).toEqual(['Udbetalt', 'Ydelse', 'Periode', 'Før skat', 'Skat', 'Udbetalt beløb', 'Status']);
    expect(payments.row(0)[6]).toMatch(/^(Udbetalt|Planlagt|Tilbageholdt|Krævet tilbage)$/);
    expect(payments.row(0)[5]).toMatch(/^[\d.]+,\d{2}\u00a0kr\.$/);
  });

  it('writes the same as a self-contained index.html with every document', () => {
    const html = readableHtml(view, HEADER, [{ path: 'data.json', size: 1234 }, ...material.files.map((f) => ({ path: f.path, size: f.bytes.length }))]);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/thomas-(dok|sag)/);
    const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    for (const d of material.documents) {
      expect(html).toContain(escapeHtml(d.title));
      if (d.text) expect(html).toContain(escapeHtml(d.text));
      if (d.pdf) expect(html).toContain(`href="${d.pdf}"`);
    }
  });
});

describe('words and formats', () => {
  it('writes dates and amounts the Danish way, and English when asked', () => {
    expect(dateText('2026-03-10', 'da')).toBe('10. marts 2026');
    expect(dateText('2026-03-10T09:30:00+01:00', 'da')).toBe('10. marts 2026 kl. 09.30');
    expect(moneyText(105050, 'DKK', 'da')).toBe('1.050,50\u00a0kr.');
    expect(moneyText(-2500, 'DKK', 'da')).toBe('-25,00\u00a0kr.');
    expect(dateText('2026-03-10', 'en')).toBe('10 March 2026');
    expect(dateText('not a date', 'da')).toBe('not a date');
  });

  it('names a reduced benefit as reduced, in both languages', () => {
    expect(word(OUTCOME, 'reduced', 'da')).toBe('Nedsat');
    expect(word(OUTCOME, 'reduced', 'en')).toBe('Reduced');
  });

  it('gives a value it does not know a neutral word, never the value', () => {
    const data = {
      cases: [
        {
          case: {
            title: 'Sag',
            status: 'frozen-by-newer-server',
            kle: { code: '32.24.04', title: 'Kontanthjælp' },
            statusHistory: [{ status: 'teleported', at: '2026-01-02T10:00:00Z' }],
          },
          decisions: [{ title: 'Afgørelse', outcome: 'maybe', decidedAt: '2026-01-03' }],
          documents: [{ title: 'Brev', kind: 'hologram', direction: 'sideways', date: '2026-01-04', content: { format: 'text', text: 'Hej' } }],
          activities: [{ title: 'Møde', kind: 'party', status: 'postponed', startsAt: '2026-01-05T10:00:00Z', changeUrl: 'javascript:alert(1)' }],
        },
      ],
    };
    const view = readableView(data, 'da');
    const all = texts(view.blocks);
    for (const raw of ['frozen-by-newer-server', 'teleported', 'maybe', 'hologram', 'sideways', 'party', 'postponed']) expect(all).not.toContain(raw);
    expect(all).toEqual(expect.arrayContaining(['Ukendt status', 'Anden afgørelse', 'Dokument', 'Ikke oplyst', 'Aftale eller frist']));
    // A javascript: address is no link.
    expect(caseBlocks(view)[0]!.view.activities![0]!.link).toBeNull();
    expect(readableView(data, 'en').blocks.length).toBe(1);
    expect(texts(readableView(data, 'en').blocks)).toContain('Unknown status');
  });

  it('shows transactions in words with money in, money out and the net', () => {
    const data = {
      transactions: [
        {
          from: '2026-01-01',
          to: '2026-01-31',
          categories: [],
          fields: ['date', 'amount', 'text', 'category'],
          rows: [
            { date: '2026-01-02', amountMinor: -45050, currency: 'DKK', text: 'Netto', category: 'groceries' },
            { date: '2026-01-15', amountMinor: 1200000, currency: 'DKK', text: 'Kontanthjælp', category: 'public-benefits' },
            { date: '2026-01-20', amountMinor: -1000, currency: 'DKK', text: 'Ukendt', category: 'space-travel' },
          ],
        },
      ],
    };
    const [block] = readableView(data, 'da').blocks;
    if (block?.kind !== 'figures') throw new Error('expected figures');
    const table = block.tables[0]!;
    expect(table.columns.map((c) => c.label)).toEqual(['Dato', 'Tekst', 'Kategori', 'Beløb']);
    expect(table.row(0)).toEqual(['2. januar 2026', 'Netto', 'Dagligvarer', '-450,50\u00a0kr.']);
    expect(table.row(2)[2]).toBe('Anden kategori');
    expect(table.totals).toEqual([
      { label: 'Antal posteringer', value: '3' },
      { label: 'Penge ind', value: '12.000,00\u00a0kr.' },
      { label: 'Penge ud', value: '460,50\u00a0kr.' },
      { label: 'Netto', value: '11.539,50\u00a0kr.' },
    ]);
  });

  it('reads a plain list of rows as one table, and names data categories in words', () => {
    const rows = [{ date: '2026-12-01', amountMinor: -12345, currency: 'DKK', text: 'Føtex Aarhus' }];
    const blocks = readableView({ transactions: rows }, 'da').blocks;
    expect(blocks).toHaveLength(1);
    if (blocks[0]?.kind !== 'figures') throw new Error('expected figures');
    expect(blocks[0].tables[0]!.row(0)).toEqual(['1. december 2026', 'Føtex Aarhus', '-123,45\u00a0kr.']);
    expect(categoryWords(['case-material', 'notes', 'x-secret-kind', 'y-other'], 'da')).toBe('Sagsakter, Noter, Andre data');
    expect(categoryWords(['case-summary'], 'da')).toBe('Resumé af en sag');
    // What a provenance entry covers is data.json's keys: words, never the keys themselves.
    expect(partWords(['caseSummaries', 'notes', 'x-secret-part', 'healthRecords', 'health'], 'da')).toBe('Resuméer, Noter, Andre data, Sundhedsdata');
    expect(partWords(['caseSummaries'], 'en')).toBe('Summaries');
  });

  it('renders any text summary as headed text with its points', () => {
    const data = { caseFileSummaries: [{ title: 'Resumé af sagens akter', text: 'Sagen handler om…', points: ['Første punkt', { text: 'Andet punkt' }] }] };
    const [block] = readableView(data, 'da').blocks;
    expect(block).toEqual({
      kind: 'text',
      heading: 'Resuméer',
      items: [{ title: 'Resumé af sagens akter', meta: '', text: 'Sagen handler om…', points: ['Første punkt', 'Andet punkt'] }],
    });
    expect(readableView({ mystery: [{ a: 1 }] }, 'da').blocks).toEqual([{ kind: 'unknown', heading: 'Andre data' }]);
  });

  it("shows a case summary's points under their sections, with their sources and what it covers", () => {
    const summary = {
      view: 'case-summary',
      title: 'Resumé af sagen „Rehabiliteringsteam“',
      caseNumber: '2026-4711',
      language: 'da',
      method: 'handlerum-extractive-1',
      asOf: '2026-12-01',
      points: [
        { section: 'about', text: 'Sagen handler om afklaring af arbejdsevne.', sources: [{ documentTitle: 'Sagen', date: '2026-01-05', recordType: 'case' }] },
        {
          section: 'highlights',
          text: '„Du har ret til en bisidder.“',
          sources: [{ documentTitle: 'Indkaldelse', date: '2026-03-02', recordType: 'document', sentence: 3 }],
        },
        { section: 'about', text: 'Sagsakten har 2 dokumenter.', sources: [] },
        { section: 'x-secret-section', text: 'Noget andet.', sources: [] },
      ],
      covers: [
        { documentTitle: 'Indkaldelse', date: '2026-03-02' },
        { documentTitle: 'Lægeattest', date: '2026-02-10' },
      ],
    };
    const [block] = readableView({ caseSummaries: [summary] }, 'da').blocks;
    if (block?.kind !== 'summary') throw new Error(`expected a summary, got ${block?.kind}`);
    expect(block.heading).toBe('Resuméer');
    const [item] = block.items;
    expect(item!.title).toBe('Resumé af sagen „Rehabiliteringsteam“');
    expect(item!.facts.map((f) => [f.label, f.value])).toEqual([
      ['Sagsnummer', '2026-4711'],
      ['Lavet', '1. december 2026'],
      ['Lavet af', expect.stringContaining('ikke kommunens tekst')],
    ]);
    // Sections in the order their first point comes; an unknown section gets a neutral word.
    expect(item!.sections).toEqual([
      {
        heading: 'Hvad sagen handler om',
        points: [
          { text: 'Sagen handler om afklaring af arbejdsevne.', sources: ['Sagen, 5. januar 2026'] },
          { text: 'Sagsakten har 2 dokumenter.', sources: [] },
        ],
      },
      {
        heading: 'Vigtige sætninger fra sagens dokumenter',
        points: [{ text: '„Du har ret til en bisidder.“', sources: ['Indkaldelse, 2. marts 2026, sætning 4'] }],
      },
      { heading: 'Andet', points: [{ text: 'Noget andet.', sources: [] }] },
    ]);
    expect(item!.covers).toEqual(['Indkaldelse, 2. marts 2026', 'Lægeattest, 10. februar 2026']);
    expect(JSON.stringify(block)).not.toMatch(/x-secret-section|highlights|handlerum-extractive|case-summary/);

    const en = readableView({ caseSummaries: [summary] }, 'en').blocks[0];
    if (en?.kind !== 'summary') throw new Error('expected a summary');
    expect(en.items[0]!.sections.map((s) => s.heading)).toEqual(['What the case is about', "Key sentences from the case's documents", 'Other']);

    // The CLI's index.html says the same, escaped.
    const html = readableHtml(readableView({ caseSummaries: [{ ...summary, title: '<b>Resumé</b>' }] }, 'da'), HEADER, []);
    expect(html).toContain('<h3>&lt;b&gt;Resumé&lt;/b&gt;</h3>');
    expect(html).toContain('<h4>Hvad sagen handler om</h4>');
    expect(html).toContain('Kilder: Indkaldelse, 2. marts 2026, sætning 4');
    expect(html).toContain('<h4>Resuméet bygger på disse dokumenter (2)</h4>');
    expect(html).toContain('<li>Lægeattest, 10. februar 2026</li>');
  });

  it('charts health figures and lists them as tables', () => {
    const data = {
      healthRecords: [
        {
          from: '2026-01-01',
          to: '2026-01-03',
          daily: [
            {
              metric: 'steps',
              unit: 'count',
              days: [
                { date: '2026-01-01', value: 4000 },
                { date: '2026-01-03', value: 6500 },
              ],
            },
          ],
          clinical: [{ id: 'condition-1', resourceType: 'Condition', title: 'Slidgigt', status: 'active', date: '2025-06-01' }],
        },
      ],
      health: [{ view: 'health-summary', metric: 'weight', unit: 'kg', months: [{ month: '2026-01', days: 20, mean: 82.5, min: 81, max: 84, total: 1650 }] }],
    };
    const [records, summary] = readableView(data, 'da').blocks;
    if (records?.kind !== 'figures' || summary?.kind !== 'figures') throw new Error('expected figures');
    expect(records.charts[0]).toMatchObject({
      title: 'Skridt',
      unit: 'skridt',
      bars: true,
      points: [
        { date: '2026-01-01', value: 4000 },
        { date: '2026-01-03', value: 6500 },
      ],
    });
    expect(records.charts[0]!.summary).toContain('Laveste 4.000 skridt');
    // A day's steps are a total: no lowest and highest columns.
    expect(records.tables[0]!.columns.map((c) => c.label)).toEqual(['Dato', 'Værdi (skridt)']);
    expect(records.tables[0]!.row(1)).toEqual(['3. januar 2026', '6.500']);
    expect(records.tables[1]!.row(0)).toEqual(['Diagnose', 'Slidgigt', 'Aktiv', '1. juni 2025', '']);
    expect(texts(records)).not.toContain('condition-1');
    expect(summary.heading).toBe('Vægt pr. måned');
    expect(summary.tables[0]!.row(0)).toEqual(['januar 2026', '20', '82,5', '81', '84', '1.650']);
  });
});

describe('index.html', () => {
  it('escapes everything a sender wrote and links only to http(s) and its own files', () => {
    const evil = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
    const data = {
      notes: [{ title: evil, body: `${evil}\nline two`, createdAt: '2026-01-01T10:00:00Z', updatedAt: '2026-01-01T10:00:00Z' }],
      cases: [
        {
          case: { title: evil, status: 'closed', kle: { code: '32.24.04', title: evil } },
          activities: [{ title: 'Møde', kind: 'appointment', startsAt: '2026-01-05T10:00:00Z', changeUrl: 'javascript:alert(3)' }],
          documents: [{ id: 'x', title: 'PDF', kind: 'document', date: '2026-01-04', content: { format: 'pdf' } }],
          documentFiles: [{ documentId: 'x', file: 'files/documents/a "b" <c>.pdf' }],
        },
      ],
    };
    const html = readableHtml(readableView(data, 'da'), { ...HEADER, issuer: evil }, [{ path: 'files/documents/a "b" <c>.pdf', size: 10 }]);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('href="files/documents/a%20%22b%22%20%3Cc%3E.pdf"');
  });

  it('writes a long table up to a limit and says where the rest is', () => {
    const rows = Array.from({ length: MAX_PRINTED_ROWS + 5 }, (_, i) => ({ date: '2026-01-02', amountMinor: -i, currency: 'DKK' }));
    const html = readableHtml(readableView({ transactions: [{ from: '2026-01-01', to: '2026-01-31', rows }] }, 'da'), HEADER, []);
    expect(html.match(/<tr>/g)).toHaveLength(MAX_PRINTED_ROWS + 1);
    expect(html).toContain('Her vises de første 20.000 af 20.005 rækker.');
  });
});
