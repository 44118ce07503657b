/**
 * An import the page wrote itself is shown from what it sent, not read back: a 100,000-row list
 * read back from the vault costs seconds, and the page already holds every row it wrote. The
 * background's change event for that write is recognised by its counts per kind and not
 * reloaded; any other change (another tab, a category chosen, a rule) still reloads as before.
 */
import type { KindChange } from '../../messaging/api';
import { byLabel, MONEY_KINDS, newestFirst, type AccountData, type MoneyData, type PutOf, type TransactionData, type TransactionRecord } from './model';

export interface Written {
  profileId: string;
  transactions: readonly PutOf<TransactionData>[];
  accounts: readonly PutOf<AccountData>[];
  /** When it was saved, ISO: the records' times as the page shows them until the next load. */
  at: string;
}

const recordOf = <T>(put: PutOf<T>, version: number, at: string) => ({
  id: put.id,
  kind: put.kind,
  profileId: put.profileId,
  v: version,
  createdAt: at,
  updatedAt: at,
  data: put.data,
});

/** Two lists sorted by `order` as one, in one pass: sorting 100,000 rows again costs more than the import's render. */
function mergeSorted<T>(a: readonly T[], b: readonly T[], order: (x: T, y: T) => number): T[] {
  const out = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < a.length && j < b.length) out[o++] = order(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!;
  while (i < a.length) out[o++] = a[i++]!;
  while (j < b.length) out[o++] = b[j++]!;
  return out;
}

/**
 * The data as the next load would give it (the records' times aside): the written rows among
 * the stored ones, each written account in place of the stored one with its id. An import never
 * writes a row that is stored already (duplicates are left out), so no row is there twice.
 */
export function withWritten(data: MoneyData, written: Written): MoneyData {
  const version = MONEY_KINDS.transactions.version;
  const rows: TransactionRecord[] = written.transactions.map((put) => recordOf(put, version, written.at)).sort(newestFirst);
  const replaced = new Map(written.accounts.map((put) => [put.id, put]));
  const accounts = data.accounts.map((stored) => {
    const put = replaced.get(stored.id);
    if (!put) return stored;
    replaced.delete(stored.id);
    return { ...stored, updatedAt: written.at, data: put.data };
  });
  for (const put of replaced.values()) accounts.push(recordOf(put, MONEY_KINDS.accounts.version, written.at));
  return { ...data, accounts: accounts.sort(byLabel), transactions: mergeSorted(data.transactions, rows, newestFirst) };
}

/** What the background reports for a write: records per kind, counted as the vault counts them (one per operation). */
function countsOf(written: Written): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (put: PutOf<unknown>) => counts.set(put.kind, (counts.get(put.kind) ?? 0) + 1);
  written.transactions.forEach(add);
  written.accounts.forEach(add);
  return counts;
}

/** The page's own writes whose change event is still to come. */
export class OwnWrites {
  private readonly expected = new Set<{ profileId: string; counts: Map<string, number> }>();

  /** Expects the event for `written`; the function returned forgets it (the write failed or was cancelled). */
  expect(written: Written): () => void {
    const entry = { profileId: written.profileId, counts: countsOf(written) };
    this.expected.add(entry);
    return () => this.expected.delete(entry);
  }

  /**
   * True when the changes to `kinds` in `changes` are exactly one expected write's (every kind
   * and count, nothing else): that write is then no longer expected. A write of another page
   * that happened to match would go unseen until the next change; it needs the same profile,
   * kinds and counts within the moments the own write is under way.
   */
  consume(changes: readonly KindChange[], kinds: ReadonlySet<string>): boolean {
    const relevant = changes.filter((c) => kinds.has(c.kind));
    for (const entry of this.expected) {
      const same = relevant.length === entry.counts.size && relevant.every((c) => c.profileId === entry.profileId && entry.counts.get(c.kind) === c.count);
      if (same) {
        this.expected.delete(entry);
        return true;
      }
    }
    return false;
  }
}
