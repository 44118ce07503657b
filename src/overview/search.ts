/**
 * Search across everything synced, the Danish way: case does not matter, accents are folded
 * (é → e), and the spellings Danes type on a keyboard without æ, ø and å mean those letters,
 * both ways: "kontanthjaelp" finds "kontanthjælp", "Noergaard" finds "Nørgård", "Aabenraa"
 * finds "Åbenrå", and the other way round. Both sides fold to the one-letter forms, so æ, ø and å
 * stay letters of their own and never match a plain a or o ("hær" is not "har", "Åbenrå" is not
 * "Abenra"). ä and ö, which Danes read as æ and ø, fold to them.
 */
import type { OverviewData } from './model';
import { activityAt, indexOverview } from './model';

const KEEP = { å: '\u0001', æ: '\u0002', ø: '\u0003' } as const;
const DANISH_LETTER: Readonly<Record<string, string>> = { aa: 'å', ae: 'æ', oe: 'ø' };

/** The folded form of a text, for matching only (never shown). */
export function foldDanish(text: string): string {
  return (
    text
      .toLocaleLowerCase('da')
      .normalize('NFC')
      .replace(/å/g, KEEP.å)
      .replace(/[æä]/g, KEEP.æ)
      .replace(/[øö]/g, KEEP.ø)
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/\u0001/g, 'å')
      .replace(/\u0002/g, 'æ')
      .replace(/\u0003/g, 'ø')
      // Left to right, one pair at a time: "kaae" is "kåe" whichever side it comes from.
      .replace(/aa|ae|oe/g, (pair) => DANISH_LETTER[pair]!)
      .replace(/\s+/g, ' ')
      .trim()
  );
}

export type SearchKind = 'case' | 'decision' | 'payment' | 'activity' | 'document' | 'access-log';
export const SEARCH_KINDS: readonly SearchKind[] = ['case', 'decision', 'activity', 'payment', 'document', 'access-log'];

export interface SearchDoc {
  kind: SearchKind;
  vaultId: string;
  origin: string;
  title: string;
  /** ISO date or instant, for ordering equal matches newest first. */
  date: string;
  foldedTitle: string;
  /** Folded title and every other searchable field, space separated. */
  foldedText: string;
}

function doc(kind: SearchKind, vaultId: string, origin: string, title: string, date: string, fields: (string | undefined | null)[]): SearchDoc {
  const foldedTitle = foldDanish(title);
  return { kind, vaultId, origin, title, date, foldedTitle, foldedText: [foldedTitle, ...fields.filter(Boolean).map((f) => foldDanish(f!))].join(' ') };
}

type Describe = (code: string) => string | null;

/** How each list's items become search documents. */
const DOCS_OF: { [N in keyof OverviewData]: (items: OverviewData[N], describeTopic: Describe) => SearchDoc[] } = {
  cases: (items, describeTopic) =>
    items.map(({ vaultId, origin, record: c }) =>
      doc('case', vaultId, origin, c.title, c.openedAt, [
        c.caseNumber,
        c.kle.code,
        c.kle.title,
        describeTopic(c.kle.code),
        c.unit.name,
        c.caseworker?.name,
        c.authority.name,
      ]),
    ),
  decisions: (items) =>
    items.map(({ vaultId, origin, record: d }) =>
      doc('decision', vaultId, origin, d.title, d.decidedAt, [d.outcomeText, ...d.legalBasis, ...d.basis.map((b) => b.description)]),
    ),
  payments: (items, describeTopic) =>
    items.map(({ vaultId, origin, record: p }) =>
      doc('payment', vaultId, origin, p.benefit.name, p.payoutDate, [p.payer.name, p.kle?.code, p.kle ? describeTopic(p.kle.code) : null]),
    ),
  activities: (items) =>
    items.map(({ vaultId, origin, record: a }) => {
      const where = a.kind === 'appointment' ? [a.location?.name, a.location?.address] : [a.action];
      return doc('activity', vaultId, origin, a.title, activityAt(a), [a.description, a.source.name, a.contact?.name, ...where]);
    }),
  documents: (items) =>
    items.map(({ vaultId, origin, record: d }) =>
      doc('document', vaultId, origin, d.title, d.date, [d.author?.name, d.content.format === 'text' ? d.content.text : null]),
    ),
  accessLog: (items) =>
    items.map(({ vaultId, origin, record: e }) =>
      doc('access-log', vaultId, origin, e.what, e.at, [e.actor.name, e.actor.role, e.unit.name, e.system, e.reason]),
    ),
};

/**
 * The search documents of some items of one list (all of them, or a slice: an index can be built
 * a part at a time). `describeTopic` adds the plain-language title of a KLE code, so
 * "kontanthjælp" finds a case the municipality titled otherwise.
 */
export function searchDocsOf<N extends keyof OverviewData>(list: N, items: OverviewData[N], describeTopic: Describe = () => null): SearchDoc[] {
  return DOCS_OF[list](items, describeTopic);
}

/** Newer first: the order of `newestFirst`, for a sort made in parts. */
export const newerDoc = (a: SearchDoc, b: SearchDoc): number => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);
/** Sorts documents in place newest first, as search expects its index (see `search`). */
export const newestFirst = (docs: SearchDoc[]): SearchDoc[] => docs.sort(newerDoc);

/** The search documents for everything synced, newest first (see `searchDocsOf`). */
export function buildSearchIndex(data: OverviewData, describeTopic: Describe = () => null): SearchDoc[] {
  const lists = Object.keys(DOCS_OF) as (keyof OverviewData)[];
  return newestFirst(lists.flatMap((list) => searchDocsOf(list, data[list], describeTopic)));
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
}

export interface SearchResult {
  /** The best `limit` hits, best first. */
  hits: SearchHit[];
  /** How many documents matched in all. */
  total: number;
}

/**
 * Every document containing every word of the query (folded). Ranked: a title starting with the
 * query, then a word of the title starting with it, then the title containing it, then elsewhere;
 * ties newest first. The index is kept newest first (see buildSearchIndex), so ranking is a
 * stable split into four buckets, with no sort per query: a short query matching most of 100,000
 * records stays fast.
 */
export function search(docs: readonly SearchDoc[], query: string, limit = 200): SearchResult {
  const folded = foldDanish(query);
  if (folded === '') return { hits: [], total: 0 };
  const words = folded.split(' ');
  const buckets: SearchHit[][] = [[], [], [], []];
  let total = 0;
  for (const d of docs) {
    if (!words.every((w) => d.foldedText.includes(w))) continue;
    total++;
    const score = rank(d, folded, words);
    if (buckets[score]!.length < limit) buckets[score]!.push({ doc: d, score });
  }
  return { hits: [...buckets[3]!, ...buckets[2]!, ...buckets[1]!, ...buckets[0]!].slice(0, limit), total };
}

/** Hits grouped by kind, in the fixed order of SEARCH_KINDS, empty groups left out. */
export function groupHits(hits: readonly SearchHit[]): { kind: SearchKind; hits: SearchHit[] }[] {
  return SEARCH_KINDS.map((kind) => ({ kind, hits: hits.filter((h) => h.doc.kind === kind) })).filter((g) => g.hits.length > 0);
}

/** Where a hit leads: its own page, or the page that shows it (the overview's routes). */
export type HitTarget =
  | { view: 'case'; id: string }
  | { view: 'document'; id: string }
  | { view: 'payments'; focus: string }
  | { view: 'cases' }
  | { view: 'calendar' }
  | { view: 'access' };

/** Where each document leads: a decision or an activity to the page of its case, when the case is held. */
export function hitTargets(data: OverviewData): (doc: SearchDoc) => HitTarget {
  const index = indexOverview(data);
  const decisions = new Map(data.decisions.map((d) => [d.vaultId, d]));
  const activities = new Map(data.activities.map((a) => [a.vaultId, a]));
  const caseOf = (item: { origin: string; record: { caseId?: string | undefined } } | undefined) => item && index.case(item.origin, item.record.caseId);
  return (doc) => {
    switch (doc.kind) {
      case 'case':
        return { view: 'case', id: doc.vaultId };
      case 'document':
        return { view: 'document', id: doc.vaultId };
      case 'payment':
        return { view: 'payments', focus: doc.vaultId };
      case 'decision': {
        const owner = caseOf(decisions.get(doc.vaultId));
        return owner ? { view: 'case', id: owner.vaultId } : { view: 'cases' };
      }
      case 'activity': {
        const owner = caseOf(activities.get(doc.vaultId));
        return owner ? { view: 'case', id: owner.vaultId } : { view: 'calendar' };
      }
      case 'access-log':
        return { view: 'access' };
    }
  };
}

/** One kind's hits: how many there are, and the window of them from `start`. */
export interface SearchGroup {
  kind: SearchKind;
  total: number;
  start: number;
  hits: SearchHit[];
}

/**
 * The hits grouped by kind (in the order of SEARCH_KINDS, empty groups left out), each group a
 * window of `limit` hits in the order of `search`: the group `kind` from `offset`, every other
 * group from its first hit. Only the windows leave here, so a short query that matches most of a
 * long history costs one pass over the index and a few rows to draw.
 */
export function searchGroups(
  docs: readonly SearchDoc[],
  query: string,
  window: { limit: number; kind?: SearchKind | undefined; offset?: number },
): { total: number; groups: SearchGroup[] } {
  const folded = foldDanish(query);
  if (folded === '') return { total: 0, groups: [] };
  const words = folded.split(' ');
  const buckets = new Map<SearchKind, SearchHit[][]>(SEARCH_KINDS.map((kind) => [kind, [[], [], [], []]]));
  let total = 0;
  for (const d of docs) {
    if (!words.every((w) => d.foldedText.includes(w))) continue;
    total++;
    const score = rank(d, folded, words);
    buckets.get(d.kind)![score]!.push({ doc: d, score });
  }
  const groups: SearchGroup[] = [];
  for (const kind of SEARCH_KINDS) {
    const [b0, b1, b2, b3] = buckets.get(kind)!;
    const hits = [...b3!, ...b2!, ...b1!, ...b0!];
    if (hits.length === 0) continue;
    const offset = kind === window.kind ? (window.offset ?? 0) : 0;
    const start = Math.max(0, Math.min(offset, hits.length - 1));
    groups.push({ kind, total: hits.length, start, hits: hits.slice(start, start + window.limit) });
  }
  return { total, groups };
}

/** 3: the title starts with the query; 2: a word of the title does; 1: the title holds every word; 0: elsewhere. */
function rank(d: SearchDoc, folded: string, words: readonly string[]): number {
  if (d.foldedTitle.startsWith(folded)) return 3;
  if (d.foldedTitle.includes(` ${folded}`)) return 2;
  return words.every((w) => d.foldedTitle.includes(w)) ? 1 : 0;
}
