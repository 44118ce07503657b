/**
 * The long lists answered from the view cache: search, payments, the access log and the bank
 * transactions. Each is made once per version of its kinds — the search index folded, the
 * payments sorted and summed per month, the access log sorted, the transactions sorted and their
 * spending summed — and a request gets one window of rows and the aggregates, so the page
 * decodes, sorts and draws a page, whatever the history's length.
 */
import type { ViewHandlers } from '../../messaging/handlers';
import type { ListViewMethod, SearchHitView, ViewMoneyResult } from '../../messaging/list-view-api';
import type { AccessLogEntry, Case, KleRef, Payment } from '../../municipal/api/schemas';
import { explainTopic, LANGUAGES, type Language } from '../../municipal/plain-language/index';
import { NOT_SPENDING } from '../../importers/bank/index';
import { OVERVIEW_KINDS, OVERVIEW_LISTS, type OverviewList } from '../../overview/from-records';
import type { Item, OverviewData } from '../../overview/model';
import { monthlyPayments, type MonthTotal } from '../../overview/payments';
import { hitTargets, newerDoc, searchDocsOf, searchGroups, type HitTarget, type SearchDoc } from '../../overview/search';
import { spendingByCurrency, totalsByCurrency } from '../../overview/spending';
import { bankAccountKind, bankTransactionKind, categoryRuleKind, readTransaction, transactionCurrency } from '../../records/money/index';
import { windowOf } from '../../shared/row-source';
import type { DamagedRecord } from '../../vault/index';
import { overviewOfHeld } from './overview-lists';
import { sortPaced } from './paced-sort';
import type { ModelSpec, Pace, ViewCache } from './view-cache';

/** A topic's plain title in `language`, or the title the municipality reported. */
const plainTitle = (kle: KleRef, language: Language): string => explainTopic(kle.code, language, { reportedTitle: kle.title })?.plainTitle ?? kle.title;

interface SearchIndex {
  docs: SearchDoc[];
  target: (doc: SearchDoc) => HitTarget;
  cases: Map<string, Case>;
  damaged: readonly DamagedRecord[];
}

interface PaymentsList {
  /** Newest first. */
  sorted: Item<Payment>[];
  series: MonthTotal[];
  damaged: readonly DamagedRecord[];
}

interface AccessLogList {
  /** Newest first. */
  sorted: Item<AccessLogEntry>[];
  damaged: readonly DamagedRecord[];
}

type TransactionRecord = ViewMoneyResult['filtered']['rows'][number];

interface MoneyLists extends Omit<ViewMoneyResult, 'filtered'> {
  /** Newest first, then in the statement's order. */
  transactions: TransactionRecord[];
}

const SEARCH_KINDS = OVERVIEW_LISTS.map((name) => OVERVIEW_KINDS[name]);
const MONEY_KINDS = [bankAccountKind, bankTransactionKind, categoryRuleKind];

// ISO dates sort as plain strings; localeCompare's collation costs most of a 100k-row sort.
const newestPayment = (a: Item<Payment>, b: Item<Payment>) =>
  a.record.payoutDate < b.record.payoutDate ? 1 : a.record.payoutDate > b.record.payoutDate ? -1 : 0;
const newestAccess = (a: Item<AccessLogEntry>, b: Item<AccessLogEntry>) => (a.record.at < b.record.at ? 1 : a.record.at > b.record.at ? -1 : 0);
const newestTransaction = (a: TransactionRecord, b: TransactionRecord) =>
  a.data.date < b.data.date ? 1 : a.data.date > b.data.date ? -1 : a.data.line - b.data.line;

/** Items folded into search documents between two paces: a few milliseconds of work. */
const SEARCH_SLICE = 500;

/** The search index, folded a kind and a slice at a time (folding is most of the work). */
async function searchDocs(data: OverviewData, pace: Pace): Promise<SearchDoc[]> {
  // A topic is found by its plain words in either language: the index serves pages in both.
  const describeTopic = (code: string) => LANGUAGES.map((language) => plainTitle({ code, title: code }, language)).join(' ');
  const docs: SearchDoc[] = [];
  const add = async <N extends OverviewList>(list: N) => {
    const items = data[list];
    for (let from = 0; from < items.length; from += SEARCH_SLICE) {
      docs.push(...searchDocsOf(list, items.slice(from, from + SEARCH_SLICE) as OverviewData[N], describeTopic));
      await pace();
    }
  };
  for (const list of OVERVIEW_LISTS) await add(list);
  return sortPaced(docs, newerDoc, pace);
}

export const SEARCH_MODEL: ModelSpec<SearchIndex> = {
  key: 'search',
  kinds: SEARCH_KINDS,
  compute: async (lists, pace) => {
    const data = await overviewOfHeld(lists, OVERVIEW_LISTS);
    const docs = await searchDocs(data, pace);
    await pace();
    return {
      docs,
      target: hitTargets(data),
      cases: new Map(data.cases.map((c) => [c.vaultId, c.record])),
      damaged: lists.damaged,
    };
  },
};

export const PAYMENTS_MODEL: ModelSpec<PaymentsList> = {
  key: 'payments',
  kinds: [OVERVIEW_KINDS.payments],
  compute: async (lists, pace) => {
    const sorted = await sortPaced((await overviewOfHeld(lists, ['payments'])).payments.slice(), newestPayment, pace);
    await pace();
    return { sorted, series: monthlyPayments(sorted), damaged: lists.damaged };
  },
};

export const ACCESS_LOG_MODEL: ModelSpec<AccessLogList> = {
  key: 'access-log',
  kinds: [OVERVIEW_KINDS.accessLog],
  compute: async (lists, pace) => ({
    sorted: await sortPaced((await overviewOfHeld(lists, ['accessLog'])).accessLog.slice(), newestAccess, pace),
    damaged: lists.damaged,
  }),
};

export const MONEY_MODEL: ModelSpec<MoneyLists> = {
  key: 'money',
  kinds: MONEY_KINDS,
  compute: async (lists, pace) => {
    const transactions = await sortPaced([...lists.of(bankTransactionKind).records], newestTransaction, pace);
    await pace();
    const rows = transactions.map((r) => readTransaction(r.data));
    await pace();
    return {
      accounts: [...lists.of(bankAccountKind).records].sort((a, b) => a.data.label.localeCompare(b.data.label)),
      rules: lists.of(categoryRuleKind).records,
      count: transactions.length,
      months: [...new Set(rows.map((r) => r.date.slice(0, 7)))].sort().reverse(),
      categories: [...new Set(rows.map((r) => r.category))],
      // One chart per currency: amounts in different currencies are never added, nor left out.
      spending: spendingByCurrency(rows, { notSpending: NOT_SPENDING }),
      transactions,
      damaged: lists.damaged.length,
    };
  },
};

const searchIndex = (cache: ViewCache, profileId: string) => cache.model(profileId, SEARCH_MODEL);
const paymentsList = (cache: ViewCache, profileId: string) => cache.model(profileId, PAYMENTS_MODEL);
const accessLog = (cache: ViewCache, profileId: string) => cache.model(profileId, ACCESS_LOG_MODEL);
const moneyLists = (cache: ViewCache, profileId: string) => cache.model(profileId, MONEY_MODEL);

export function listViewHandlers(cacheOf: () => ViewCache): Pick<ViewHandlers, ListViewMethod> {
  return {
    viewSearch: async ({ profileId, query, language, count, kind, start }) => {
      // An empty query is the page preparing the index while the citizen types: a view opened
      // meanwhile goes first.
      if (query.trim() === '') await cacheOf().warm(profileId, [SEARCH_MODEL]);
      const index = await searchIndex(cacheOf(), profileId);
      const { total, groups } = searchGroups(index.docs, query, { limit: count, kind, offset: start ?? 0 });
      const view = ({ doc }: { doc: SearchDoc }): SearchHitView => {
        const theCase = doc.kind === 'case' ? index.cases.get(doc.vaultId) : undefined;
        const title = theCase ? `${plainTitle(theCase.kle, language)} – ${doc.title}` : doc.title;
        return { kind: doc.kind, vaultId: doc.vaultId, title, date: doc.date, target: index.target(doc) };
      };
      return { query, total, groups: groups.map((g) => ({ ...g, hits: g.hits.map(view) })), damaged: [...index.damaged] };
    },

    viewPayments: async ({ profileId, ...request }) => {
      const list = await paymentsList(cacheOf(), profileId);
      return { ...windowOf(list.sorted, (p) => p.vaultId, request), series: list.series, damaged: [...list.damaged] };
    },

    // A window like the payments': the whole log (thousands of entries) is never packed into one answer.
    viewAccessLog: async ({ profileId, ...request }) => {
      const list = await accessLog(cacheOf(), profileId);
      return { ...windowOf(list.sorted, (e) => e.vaultId, request), damaged: [...list.damaged] };
    },

    viewMoney: async ({ profileId, month, category, account, ...request }) => {
      const { transactions, ...lists } = await moneyLists(cacheOf(), profileId);
      const narrowed =
        month || category || account
          ? transactions.filter(
              (r) => (!month || r.data.date.startsWith(month)) && (!category || r.data.category === category) && (!account || r.data.accountId === account),
            )
          : transactions;
      // Each currency summed on its own: a euro row is neither added to the kroner nor left out.
      return {
        ...lists,
        filtered: {
          ...windowOf(narrowed, (r) => r.id, request),
          totals: totalsByCurrency(narrowed.map((r) => ({ amountMinor: r.data.amountMinor, currency: transactionCurrency(r.data) }))),
        },
      };
    },

    viewMoneyIds: async ({ profileId }) => (await moneyLists(cacheOf(), profileId)).transactions.map((r) => r.id),
  };
}
