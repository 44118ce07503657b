import { describe, expect, it } from 'vitest';
import { buildSearchIndex, foldDanish, groupHits, search } from '../../src/overview/search';
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
