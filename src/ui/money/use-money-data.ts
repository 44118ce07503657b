/**
 * Loads the profile's accounts, transactions and rules, and again whenever the background reports
 * a change to one of them — except the page's own import, which is shown from what it wrote
 * (src/ui/money/own-writes.ts).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { onVaultEvent } from '../../messaging/client';
import { listRecords } from '../../messaging/record-client';
import { errorMessage } from '../errors';
import { LoadQueue } from './load-queue';
import { byLabel, MONEY_KINDS, newestFirst, type MoneyData } from './model';
import { OwnWrites, withWritten, type Written } from './own-writes';

const KINDS = new Set<string>(Object.values(MONEY_KINDS).map((kind) => kind.name));

export async function loadMoney(profileId: string): Promise<MoneyData> {
  const [accounts, transactions, rules] = await Promise.all([
    listRecords(profileId, MONEY_KINDS.accounts),
    listRecords(profileId, MONEY_KINDS.transactions),
    listRecords(profileId, MONEY_KINDS.rules),
  ]);
  return {
    accounts: accounts.records.sort(byLabel),
    transactions: transactions.records.sort(newestFirst),
    rules: rules.records,
    damaged: accounts.damaged.length + transactions.damaged.length + rules.damaged.length,
  };
}

/** The page's own write under way: `saved()` shows it as written, `failed()` forgets it and reads the list again. */
export interface OwnWrite {
  saved(): void;
  failed(): void;
  cancelled(): void;
}

export function useMoneyData(profileId: string): {
  data: MoneyData | null;
  error: string | null;
  /** Call before sending the write: its change event may come before its answer. */
  ownWrite: (written: Written) => OwnWrite;
} {
  const [data, setData] = useState<MoneyData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loads = useRef(new LoadQueue());
  const own = useRef(new OwnWrites());
  const shown = useRef(data);
  shown.current = data;
  const reload = () =>
    loads.current.load(async () => {
      try {
        setData(await loadMoney(profileId));
        setError(null);
      } catch (caught) {
        setError(errorMessage(caught));
      }
    });
  const reloadAfterChange = () => {
    loads.current.changed();
    void reload();
  };
  const ownWrite = (written: Written): OwnWrite => {
    const forget = own.current.expect(written);
    return {
      saved: () => {
        // A load under way may have read the list before this write: it is followed by one that reads it after.
        if (shown.current === null || loads.current.busy) return reloadAfterChange();
        setData(withWritten(shown.current, written));
      },
      failed: () => {
        // The write may have been stored even so (it failed after its commit): the list says.
        forget();
        reloadAfterChange();
      },
      cancelled: forget,
    };
  };
  useEffect(() => {
    loads.current = new LoadQueue();
    own.current = new OwnWrites();
    void reload();
    return onVaultEvent((event) => {
      if (event.type !== 'changed' || !event.changes.some((c) => c.profileId === profileId && KINDS.has(c.kind))) return;
      if (own.current.consume(event.changes, KINDS)) return;
      reloadAfterChange();
    });
  }, [profileId]);
  return { data, error, ownWrite };
}
