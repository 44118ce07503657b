/** Loads the profile's accounts, transactions and rules, and again whenever the background reports a change to one of them. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { onVaultEvent } from '../../messaging/client';
import { listRecords } from '../../messaging/record-client';
import { errorMessage } from '../errors';
import { LoadQueue } from './load-queue';
import { MONEY_KINDS, type AccountRecord, type RuleRecord, type TransactionRecord } from './model';

export interface MoneyData {
  accounts: AccountRecord[];
  transactions: TransactionRecord[];
  rules: RuleRecord[];
  /** Records that could not be read (left out, counted). */
  damaged: number;
}

const KINDS = new Set<string>(Object.values(MONEY_KINDS).map((kind) => kind.name));

export async function loadMoney(profileId: string): Promise<MoneyData> {
  const [accounts, transactions, rules] = await Promise.all([
    listRecords(profileId, MONEY_KINDS.accounts),
    listRecords(profileId, MONEY_KINDS.transactions),
    listRecords(profileId, MONEY_KINDS.rules),
  ]);
  // ISO dates sort as plain strings; localeCompare's collation costs most of a 100k-row sort.
  const byDate = (a: TransactionRecord, b: TransactionRecord) => (a.data.date < b.data.date ? 1 : a.data.date > b.data.date ? -1 : a.data.line - b.data.line);
  return {
    accounts: accounts.records.sort((a, b) => a.data.label.localeCompare(b.data.label)),
    transactions: transactions.records.sort(byDate),
    rules: rules.records,
    damaged: accounts.damaged.length + transactions.damaged.length + rules.damaged.length,
  };
}

export function useMoneyData(profileId: string): { data: MoneyData | null; error: string | null; reload: () => Promise<void> } {
  const [data, setData] = useState<MoneyData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loads = useRef(new LoadQueue());
  // A large import ends with the background's change event and the import's own reload; one
  // load of a 100k-row list serves both, since it starts after the write was stored.
  const reload = () =>
    loads.current.load(async () => {
      try {
        setData(await loadMoney(profileId));
        setError(null);
      } catch (caught) {
        setError(errorMessage(caught));
      }
    });
  useEffect(() => {
    loads.current = new LoadQueue();
    void reload();
    return onVaultEvent((event) => {
      if (event.type === 'changed' && event.changes.some((c) => c.profileId === profileId && KINDS.has(c.kind))) {
        loads.current.changed();
        void reload();
      }
    });
  }, [profileId]);
  return { data, error, reload };
}
