/**
 * Search across everything synced, the Danish way: case does not matter, accents are folded
 * (é → e), and the spellings Danes type on a keyboard without æ, ø and å mean those letters,
 * both ways: "kontanthjaelp" finds "kontanthjælp", "Noergaard" finds "Nørgård", "Aabenraa"
 * finds "Åbenrå", and the other way round. Both sides fold to the one-letter forms, so æ, ø and å
 * stay letters of their own and never match a plain a or o ("hær" is not "har", "Åbenrå" is not
 * "Abenra"). ä and ö, which Danes read as æ and ø, fold to them.
 */
import type { OverviewData } from './model';
import { activityAt } from './model';

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

/**
 * The search documents for everything synced. `describeTopic` adds the plain-language title of a
 * KLE code, so "kontanthjælp" finds a case the municipality titled otherwise.
 */
export function buildSearchIndex(data: OverviewData, describeTopic: (code: string) => string | null = () => null): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const { vaultId, origin, record: c } of data.cases) {
    docs.push(
      doc('case', vaultId, origin, c.title, c.openedAt, [
        c.caseNumber,
        c.kle.code,
        c.kle.title,
        describeTopic(c.kle.code),
        c.unit.name,
        c.caseworker?.name,
        c.authority.name,
      ]),
    );
  }
  for (const { vaultId, origin, record: d } of data.decisions) {
    docs.push(doc('decision', vaultId, origin, d.title, d.decidedAt, [d.outcomeText, ...d.legalBasis, ...d.basis.map((b) => b.description)]));
  }
  for (const { vaultId, origin, record: p } of data.payments) {
    docs.push(doc('payment', vaultId, origin, p.benefit.name, p.payoutDate, [p.payer.name, p.kle?.code, p.kle ? describeTopic(p.kle.code) : null]));
  }
  for (const { vaultId, origin, record: a } of data.activities) {
    const where = a.kind === 'appointment' ? [a.location?.name, a.location?.address] : [a.action];
    docs.push(doc('activity', vaultId, origin, a.title, activityAt(a), [a.description, a.source.name, a.contact?.name, ...where]));
  }
  for (const { vaultId, origin, record: d } of data.documents) {
    docs.push(doc('document', vaultId, origin, d.title, d.date, [d.author?.name, d.content.format === 'text' ? d.content.text : null]));
  }
  for (const { vaultId, origin, record: e } of data.accessLog) {
    docs.push(doc('access-log', vaultId, origin, e.what, e.at, [e.actor.name, e.actor.role, e.unit.name, e.system, e.reason]));
  }
  // Newest first, once: search keeps this order within a rank.
  return docs.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
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
    let score = 0;
    if (d.foldedTitle.startsWith(folded)) score = 3;
    else if (d.foldedTitle.includes(` ${folded}`)) score = 2;
    else if (words.every((w) => d.foldedTitle.includes(w))) score = 1;
    if (buckets[score]!.length < limit) buckets[score]!.push({ doc: d, score });
  }
  return { hits: [...buckets[3]!, ...buckets[2]!, ...buckets[1]!, ...buckets[0]!].slice(0, limit), total };
}

/** Hits grouped by kind, in the fixed order of SEARCH_KINDS, empty groups left out. */
export function groupHits(hits: readonly SearchHit[]): { kind: SearchKind; hits: SearchHit[] }[] {
  return SEARCH_KINDS.map((kind) => ({ kind, hits: hits.filter((h) => h.doc.kind === kind) })).filter((g) => g.hits.length > 0);
}
