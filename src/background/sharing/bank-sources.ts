/**
 * The bank records sharing reads: what the wizard offers, and for a share the transactions when
 * a bank view or chosen transactions need them, and the bank accounts only when chosen
 * transactions are to name their account.
 */
import type { SelectionItem } from '../../records/sharing/selection';
import type { KindData, RecordKind } from '../../records/kind';
import { bankAccountKind, bankTransactionKind, readTransaction } from '../../records/money/index';
import type { AccountFields, TransactionFields } from '../../sharing/derived';
import type { VaultRecord } from '../../vault/index';

type List = <K extends RecordKind>(kind: K) => Promise<VaultRecord<KindData<K>>[]>;

/** A share's bank sources: the transactions, and the accounts by record id (empty unless named). */
export async function bankSources(
  items: readonly SelectionItem[],
  list: List,
): Promise<{ transactions: (TransactionFields & { text: string; accountId: string })[]; accounts: Map<string, AccountFields> }> {
  const needsBank = items.some((i) => i.type === 'monthly-spending' || i.type === 'food-budget' || i.type === 'transactions');
  const transactions = needsBank ? (await list(bankTransactionKind)).map((r) => readTransaction(r.data)) : [];
  const named = items.some((i) => i.type === 'transactions' && i.fields.includes('account'));
  const accounts = new Map(named ? (await list(bankAccountKind)).map((r) => [r.id, r.data] as const) : []);
  return { transactions, accounts };
}

/** What the wizard offers of the transactions: how many, from and to which day, in which categories. */
export async function transactionOptions(list: List): Promise<{ count: number; from: string; to: string; categories: string[] } | null> {
  const tx = (await list(bankTransactionKind)).map((r) => r.data);
  const dates = tx.map((t) => t.date).sort();
  return tx.length ? { count: tx.length, from: dates[0]!, to: dates.at(-1)!, categories: [...new Set(tx.map((t) => t.category))].sort() } : null;
}
