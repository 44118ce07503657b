/**
 * The long lists' part of the view API (merged into `ApiArgs` in api.ts, beside view-api.ts):
 * search, payments, the access log and the bank transactions, answered by the background from
 * lists it decoded once, so a page receives one window of rows and the aggregates its charts
 * draw, never a whole history.
 * The answers hold decrypted data, like `listRecords`: the router answers them only while the
 * vault is open, to the extension's own pages.
 */
import { z } from 'zod';
import type { AccessLogEntry, Payment } from '../municipal/api/schemas';
import type { Item } from '../overview/model';
import type { MonthTotal } from '../overview/payments';
import { SEARCH_KINDS, type HitTarget, type SearchKind } from '../overview/search';
import type { SpendingSummary } from '../overview/spending';
import type { KindData } from '../records/kind';
import type { bankAccountKind, bankTransactionKind, categoryRuleKind } from '../records/money/index';
import type { DamagedRecord, VaultRecord } from '../vault/public-types';
import type { RowWindowAnswer } from '../shared/row-source';
import { RowWindowArgs } from './view-api';

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);
const Kind = z.custom<SearchKind>((k) => typeof k === 'string' && (SEARCH_KINDS as readonly string[]).includes(k), 'a search kind');

export const ListViewApiArgs = {
  /**
   * Searches the profile's synced records (the folding rules of src/overview/search.ts): the
   * count of hits, and per kind its count and `count` hits — of `kind` from `start`, of the
   * others from the first. `language` is the page's: a case is also found, and shown, by the
   * plain words of its topic in that language.
   */
  viewSearch: z.object({
    profileId: Id,
    query: z.string().max(500),
    language: z.enum(['da', 'en']),
    count: RowWindowArgs.count,
    kind: Kind.optional(),
    start: RowWindowArgs.start.optional(),
  }),
  /** A window of the payments, newest first (`focusKey`: a payment's vault id), and the monthly totals of all of them. */
  viewPayments: z.object({ profileId: Id, ...RowWindowArgs }),
  /** A window of the municipality's access log, newest first (`focusKey`: an entry's vault id). */
  viewAccessLog: z.object({ profileId: Id, ...RowWindowArgs }),
  /**
   * The bank transactions, newest first, narrowed by month (`YYYY-MM`), category and account (an
   * empty string: any): a window of them, the sums of the narrowed rows, and what the filters
   * and the spending charts need over every row.
   */
  viewMoney: z.object({
    profileId: Id,
    month: z.string().regex(/^(\d{4}-\d{2})?$/),
    category: z.string().max(60),
    account: z.string().max(128),
    ...RowWindowArgs,
  }),
  /** The ids of every stored bank transaction: an import marks a row whose id is among them as a duplicate. */
  viewMoneyIds: z.object({ profileId: Id }),
} satisfies Record<string, z.ZodType>;

/** A search hit as a page shows it: the title in the page's language, and where it leads. */
export interface SearchHitView {
  kind: SearchKind;
  vaultId: string;
  title: string;
  /** ISO date or instant. */
  date: string;
  target: HitTarget;
}

export interface ViewSearchResult {
  /** The query answered (a page drops answers to queries it no longer shows). */
  query: string;
  /** Hits of every kind. */
  total: number;
  /** Kinds with hits, in the order of SEARCH_KINDS: how many each has, and the window asked for. */
  groups: { kind: SearchKind; total: number; start: number; hits: SearchHitView[] }[];
  /** Records of the searched kinds that could not be read (left out, named by kind). */
  damaged: DamagedRecord[];
}

export interface ViewPaymentsResult extends RowWindowAnswer<Item<Payment>> {
  /** Every month from the first payment to the last, for the chart and its table. */
  series: MonthTotal[];
  damaged: DamagedRecord[];
}

export interface ViewAccessLogResult extends RowWindowAnswer<Item<AccessLogEntry>> {
  damaged: DamagedRecord[];
}

export type AccountRecord = VaultRecord<KindData<typeof bankAccountKind>>;
export type TransactionRecord = VaultRecord<KindData<typeof bankTransactionKind>>;
export type RuleRecord = VaultRecord<KindData<typeof categoryRuleKind>>;

export interface ViewMoneyResult {
  /** By label. */
  accounts: AccountRecord[];
  rules: RuleRecord[];
  /** Transactions stored, of every month, category and account. */
  count: number;
  /** Months with transactions, newest first, and the categories used: the filters' choices. */
  months: string[];
  categories: string[];
  /** Spending per month, one summary per currency (kroner first), over every row. */
  spending: { currency: string; summary: SpendingSummary }[];
  /** The narrowed rows: how many, their money in and out per currency, and the window asked for. */
  filtered: RowWindowAnswer<TransactionRecord> & { totals: { currency: string; moneyIn: number; moneyOut: number }[] };
  /** Money records that could not be read (left out, counted). */
  damaged: number;
}

export interface ListViewApiResults {
  viewSearch: ViewSearchResult;
  viewPayments: ViewPaymentsResult;
  viewAccessLog: ViewAccessLogResult;
  viewMoney: ViewMoneyResult;
  viewMoneyIds: string[];
}

export type ListViewMethod = keyof typeof ListViewApiArgs;
