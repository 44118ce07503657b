import { describe, expect, it } from 'vitest';
import { buildSearchIndex, foldDanish, groupHits, hitTargets, search, searchGroups } from '../../src/overview/search';
import { fixtureData } from './support/overview-fixtures';

describe('Danish-aware folding', () => {
  it('ignores case and folds accents', () => {
    expect(foldDanish('CAFÉ Crème')).toBe(foldDanish('cafe creme'));
    expect(foldDanish('  Samtale \n i   JOBCENTRET ')).toBe('samtale i jobcentret');
  });

  it('keeps æ, ø and å apart from a and o', () => {
    expect(foldDanish('Ærø')).toBe('ærø');
    expect(foldDanish('Åbenrå')).not.toBe(foldDanish('Abenra'));
    expect(foldDanish('sø')).not.toBe(foldDanish('so'));
    expect(foldDanish('hær')).not.toBe(foldDanish('har'));
  });

  it('treats the old spelling aa as å', () => {
    expect(foldDanish('Aabenraa')).toBe(foldDanish('Åbenrå'));
    expect(foldDanish('AAGE')).toBe('åge');
  });

  it('reads ae, oe and aa as æ, ø and å, both ways', () => {
    expect(foldDanish('kontanthjaelp')).toBe(foldDanish('kontanthjælp'));
    expect(foldDanish('Noergaard')).toBe(foldDanish('Nørgård'));
    expect(foldDanish('laegeattest')).toBe(foldDanish('Lægeattest'));
    expect(foldDanish('Nørgaard')).toBe('nørgård');
    expect(foldDanish('KONTANTHJÆLP')).toBe('kontanthjælp');
    // A pair is read left to right, the same way on both sides.
    expect(foldDanish('kaae')).toBe(foldDanish('kåe'));
    expect(foldDanish('kaae')).not.toBe(foldDanish('kaæ'));
  });

  it('folds accents but never æ, ø or å to a plain letter', () => {
    expect(foldDanish('Andrée Sørensen')).toBe(foldDanish('andree soerensen'));
    expect(foldDanish('Zoë')).toBe(foldDanish('Zoe'));
    expect(foldDanish('laegeattest')).not.toBe(foldDanish('lagattest'));
    expect(foldDanish('Noergaard')).not.toBe(foldDanish('Norgard'));
  });

  it('reads ä and ö as æ and ø, and a decomposed å as å', () => {
    expect(foldDanish('Kär Möller')).toBe('kær møller');
    expect(foldDanish('Vestera\u030A')).toBe('vesterå');
  });
});

describe('search across everything', () => {
  const docs = buildSearchIndex(fixtureData(), (code) => (code === '32.24.04' ? 'Kontanthjælp' : null));

  it('finds records of every kind, grouped by kind', () => {
    const groups = groupHits(search(docs, 'kontanthjælp').hits);
    expect(groups.map((g) => g.kind)).toEqual(['case', 'decision', 'payment', 'document']);
  });

  it('finds a case by the plain-language title of its topic', () => {
    expect(search(docs, 'kontanthjælp').hits.some((h) => h.doc.vaultId === 'v-case-cash')).toBe(true);
  });

  it('finds the same records whether æ, ø and å are typed or spelt ae, oe and aa', () => {
    const ids = (q: string) => search(docs, q).hits.map((h) => h.doc.vaultId);
    expect(ids('kontanthjælp').length).toBeGreaterThan(0);
    expect(ids('KONTANTHJAELP')).toEqual(ids('kontanthjælp'));
    expect(ids('kontanthjalp')).toEqual([]);
  });

  it('finds Nørgaard by Noergaard and a lægeattest by laegeattest, and the reverse', () => {
    const data = fixtureData();
    const first = data.documents[0]!;
    const spelt = (title: string, vaultId: string) => ({ ...first, vaultId, record: { ...first.record, title } });
    data.documents = [spelt('Lægeattest fra Thomas Nørgaard', 'v-danish'), spelt('Laegeattest fra Thomas Noergaard', 'v-ascii')];
    const folded = buildSearchIndex(data);
    const ids = (q: string) =>
      search(folded, q)
        .hits.map((h) => h.doc.vaultId)
        .sort();
    expect(ids('Noergaard')).toEqual(['v-ascii', 'v-danish']);
    expect(ids('laegeattest')).toEqual(['v-ascii', 'v-danish']);
    expect(ids('Nørgård')).toEqual(['v-ascii', 'v-danish']);
    expect(ids('lægeattest')).toEqual(['v-ascii', 'v-danish']);
    expect(ids('Norgaard')).toEqual([]);
  });

  it('matches "aa" for "å", accents and case folded, and every word must match', () => {
    expect(search(docs, 'aaboulevarden').hits.map((h) => h.doc.vaultId)).toEqual(['v-doc-1']);
    expect(search(docs, 'CAFE').hits.map((h) => h.doc.vaultId)).toEqual(['v-doc-1']);
    expect(search(docs, 'vestera').hits).toEqual([]);
    expect(search(docs, 'samtale jobcentret').hits.map((h) => h.doc.kind)).toEqual(['activity', 'activity']);
    expect(search(docs, 'samtale tandlæge').hits).toEqual([]);
    expect(search(docs, '   ').hits).toEqual([]);
  });

  it('ranks a title that starts with the query, then a title word, then anywhere; ties newest first', () => {
    expect(search(docs, 'kontanthjælp').hits.map((h) => [h.doc.kind, h.score])).toEqual([
      ['payment', 3],
      ['payment', 3],
      ['payment', 3],
      ['document', 2],
      ['decision', 2],
      ['case', 0],
    ]);
    expect(search(docs, 'sanne holm').hits.map((h) => h.doc.kind)).toEqual(['access-log', 'case']);
  });

  it('caps the hits but counts every match', () => {
    const result = search(docs, 'kontanthjælp', 2);
    expect(result.total).toBe(6);
    expect(result.hits.map((h) => h.score)).toEqual([3, 3]);
    expect(search(docs, 'xyz')).toEqual({ hits: [], total: 0 });
  });

  it('finds the access log by who, unit and reason', () => {
    expect(search(docs, 'nexus').hits.map((h) => h.doc.kind)).toEqual(['access-log']);
    expect(search(docs, 'behandling af din').hits.map((h) => h.doc.kind)).toEqual(['access-log']);
  });
});

describe('search a window at a time', () => {
  /** Many payments, so one group has pages: every third named Boligstøtte, the rest Kontanthjælp. */
  function longData() {
    const data = fixtureData();
    const first = data.payments[0]!;
    data.payments = Array.from({ length: 95 }, (_, i) => {
      const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const name = i % 3 === 0 ? 'Boligstøtte' : 'Kontanthjælp';
      return { ...first, vaultId: `v-pay-${i}`, record: { ...first.record, id: `pay-${i}`, payoutDate: day, benefit: { ...first.record.benefit, name } } };
    });
    return data;
  }
  const docs = buildSearchIndex(longData(), (code) => (code === '32.24.04' ? 'Kontanthjælp' : null));
  const all = (q: string) => groupHits(search(docs, q, docs.length).hits);

  it('gives each group its count and the same hits, in the same order, as the whole search', () => {
    const { total, groups } = searchGroups(docs, 'kontanthjaelp', { limit: 20 });
    expect(total).toBe(search(docs, 'kontanthjælp').total);
    const whole = all('kontanthjælp');
    expect(groups.map((g) => [g.kind, g.total])).toEqual(whole.map((g) => [g.kind, g.hits.length]));
    for (const g of groups) expect(g.hits).toEqual(whole.find((w) => w.kind === g.kind)!.hits.slice(0, 20));
    expect(groups.find((g) => g.kind === 'payment')!.total).toBeGreaterThan(20);
  });

  it('pages one group from an offset and leaves the others at their first hits', () => {
    const whole = all('kontanthjælp').find((g) => g.kind === 'payment')!.hits;
    const { groups } = searchGroups(docs, 'kontanthjælp', { limit: 20, kind: 'payment', offset: 40 });
    const payments = groups.find((g) => g.kind === 'payment')!;
    expect(payments.start).toBe(40);
    expect(payments.hits).toEqual(whole.slice(40, 60));
    expect(groups.find((g) => g.kind === 'case')!.start).toBe(0);
  });

  it('keeps an offset past the end inside the group, and answers an empty query with nothing', () => {
    const { groups } = searchGroups(docs, 'boligstøtte', { limit: 10, kind: 'payment', offset: 10_000 });
    const payments = groups.find((g) => g.kind === 'payment')!;
    expect(payments.total).toBe(32);
    expect(payments.start).toBe(31);
    expect(payments.hits).toHaveLength(1);
    expect(searchGroups(docs, '   ', { limit: 10 })).toEqual({ total: 0, groups: [] });
  });

  it('leads a decision to its case, a payment to its row, and an activity without a held case to the calendar', () => {
    const data = fixtureData();
    const target = hitTargets(data);
    const byId = new Map(buildSearchIndex(data).map((d) => [d.vaultId, d]));
    expect(target(byId.get('v-dec-1')!)).toEqual({ view: 'case', id: 'v-case-cash' });
    expect(target(byId.get('v-pay-1')!)).toEqual({ view: 'payments', focus: 'v-pay-1' });
    expect(target(byId.get('v-doc-1')!)).toEqual({ view: 'document', id: 'v-doc-1' });
    const orphan = hitTargets({ ...data, cases: [] });
    expect(orphan(byId.get('v-dec-1')!)).toEqual({ view: 'cases' });
    expect(orphan(byId.get('v-act-1')!)).toEqual({ view: 'calendar' });
  });
});
