/**
 * The long views answered in the background: search, payments and the bank transactions. Each
 * is built once per set of group versions from lists decoded once (view-cache.ts) — the search
 * index folded, the payments sorted and summed per month, the transactions sorted and their
 * spending summed — and a request gets one window of rows and the aggregates, so the page
 * decodes, sorts and draws a page, whatever the history's length.
 */
import type { ViewHandlers } from '../messaging/handlers';
import type { SearchHitView, ViewMoneyResult } from '../messaging/views-api';
import type { Case, KleRef, Payment } from '../municipal/api/schemas';
import { explainTopic, LANGUAGES, type Language } from '../municipal/plain-language/index';
import { NOT_SPENDING } from '../importers/bank/index';
import { OVERVIEW_KINDS, OVERVIEW_LISTS, overviewLists, type ListRecords } from '../overview/from-records';
import { EMPTY_OVERVIEW, type Item } from '../overview/model';
import { monthlyPayments, type MonthTotal } from '../overview/payments';
import { buildSearchIndex, hitTargets, searchGroups, type HitTarget, type SearchDoc } from '../overview/search';
import { spendingByCurrency, totalsByCurrency } from '../overview/spending';
import { bankAccountKind, bankTransactionKind, categoryRuleKind } from '../records/money/index';
import { bestEffort } from '../shared/best-effort';
import { sliceWindow } from '../shared/row-window';
import type { DamagedRecord, Vault, VaultRecord } from '../vault/index';
import { Derived, ViewCache } from './view-cache';

/** A topic's plain title in `language`, or the title the municipality reported. */
const plainTitle = (kle: KleRef, language: Language): string => explainTopic(kle.code, language, { reportedTitle: kle.title })?.plainTitle ?? kle.title;

interface SearchIndex {
  docs: SearchDoc[];
  target: (doc: SearchDoc) => HitTarget;
  cases: Map<string, Case>;
  damaged: DamagedRecord[];
}

interface PaymentsList {
  /** Newest first. */
  sorted: Item<Payment>[];
  /** Each payment's row in `sorted`. */
  row: Map<string, number>;
  series: MonthTotal[];
  damaged: DamagedRecord[];
}

type TransactionRecord = ViewMoneyResult['filtered']['rows'][number];

interface MoneyLists extends Omit<ViewMoneyResult, 'filtered'> {
  /** Newest first, then in the statement's order. */
  transactions: TransactionRecord[];
}

// ISO dates sort as plain strings; localeCompare's collation costs most of a 100k-row sort.
const newestPayment = (a: Item<Payment>, b: Item<Payment>) =>
  a.record.payoutDate < b.record.payoutDate ? 1 : a.record.payoutDate > b.record.payoutDate ? -1 : 0;
const newestTransaction = (a: TransactionRecord, b: TransactionRecord) =>
  a.data.date < b.data.date ? 1 : a.data.date > b.data.date ? -1 : a.data.line - b.data.line;

export class ViewService {
  private readonly cache: ViewCache;
  private readonly search: Derived<SearchIndex>;
  private readonly payments: Derived<PaymentsList>;
  private readonly money: Derived<MoneyLists>;

  constructor(vault: Vault) {
    this.cache = new ViewCache(vault);
    this.search = new Derived(this.cache, Object.values(OVERVIEW_KINDS), (profileId) => this.buildSearch(profileId));
    this.payments = new Derived(this.cache, [OVERVIEW_KINDS.payments], (profileId) => this.buildPayments(profileId));
    this.money = new Derived(this.cache, [bankAccountKind, bankTransactionKind, categoryRuleKind], (profileId) => this.buildMoney(profileId));
  }

  /**
   * Builds the profile's views ahead of the first click (after *Now* was answered, say), one
   * after another so the page's own work keeps a core; a failure waits for the view's request.
   */
  async warm(profileId: string): Promise<void> {
    await bestEffort(this.search.get(profileId), 'search builds its index when it is opened');
    await bestEffort(this.payments.get(profileId), 'payments are read when they are opened');
    await bestEffort(this.money.get(profileId), 'transactions are read when they are opened');
  }

  readonly handlers: ViewHandlers = {
    viewSearch: async ({ profileId, query, language, limit, kind, offset }) => {
      const index = await this.search.get(profileId);
      const { total, groups } = searchGroups(index.docs, query, { limit, kind, offset: offset ?? 0 });
      const view = ({ doc }: { doc: SearchDoc }): SearchHitView => {
        const theCase = doc.kind === 'case' ? index.cases.get(doc.vaultId) : undefined;
        const title = theCase ? `${plainTitle(theCase.kle, language)} – ${doc.title}` : doc.title;
        return { kind: doc.kind, vaultId: doc.vaultId, title, date: doc.date, target: index.target(doc) };
      };
      return { query, total, groups: groups.map((g) => ({ ...g, hits: g.hits.map(view) })), damaged: index.damaged };
    },

    viewPayments: async ({ profileId, offset, limit, focus }) => {
      const list = await this.payments.get(profileId);
      const focused = focus === undefined ? undefined : list.row.get(focus);
      const from = focused === undefined ? offset : Math.floor(focused / limit) * limit;
      return { ...sliceWindow(list.sorted, from, limit), series: list.series, damaged: list.damaged };
    },

    viewMoney: async ({ profileId, month, category, account, offset, limit }) => {
      const { transactions, ...lists } = await this.money.get(profileId);
      const narrowed =
        month || category || account
          ? transactions.filter(
              (r) => (!month || r.data.date.startsWith(month)) && (!category || r.data.category === category) && (!account || r.data.accountId === account),
            )
          : transactions;
      const window = sliceWindow(narrowed, offset, limit);
      // Each currency summed on its own: a euro row is neither added to the kroner nor left out.
      return { ...lists, filtered: { ...window, totals: totalsByCurrency(narrowed.map((r) => r.data)) } };
    },

    viewMoneyIds: async ({ profileId }) => (await this.money.get(profileId)).transactions.map((r) => r.id),
  };

  private async buildSearch(profileId: string): Promise<SearchIndex> {
    const damaged: DamagedRecord[] = [];
    const list: ListRecords = async (kind) => {
      const listed = await this.cache.list(profileId, kind);
      damaged.push(...listed.damaged);
      return listed;
    };
    const data = { ...EMPTY_OVERVIEW, ...(await overviewLists(list, OVERVIEW_LISTS)).lists };
    // A topic is found by its plain words in either language: the index serves pages in both.
    const describeTopic = (code: string) => LANGUAGES.map((language) => plainTitle({ code, title: code }, language)).join(' ');
    return {
      docs: buildSearchIndex(data, describeTopic),
      target: hitTargets(data),
      cases: new Map(data.cases.map((c) => [c.vaultId, c.record])),
      damaged,
    };
  }

  private async buildPayments(profileId: string): Promise<PaymentsList> {
    const listed = await this.cache.list(profileId, OVERVIEW_KINDS.payments);
    const sorted = listed.records.map((r): Item<Payment> => ({ vaultId: r.id, origin: r.data.provenance.origin, record: r.data.record })).sort(newestPayment);
    return { sorted, row: new Map(sorted.map((p, i) => [p.vaultId, i])), series: monthlyPayments(sorted), damaged: listed.damaged };
  }

  private async buildMoney(profileId: string): Promise<MoneyLists> {
    const [accounts, transactions, rules] = await Promise.all([
      this.cache.list(profileId, bankAccountKind),
      this.cache.list(profileId, bankTransactionKind),
      this.cache.list(profileId, categoryRuleKind),
    ]);
    const sorted: VaultRecord<TransactionRecord['data']>[] = [...transactions.records].sort(newestTransaction);
    const rows = sorted.map((r) => r.data);
    return {
      accounts: [...accounts.records].sort((a, b) => a.data.label.localeCompare(b.data.label)),
      rules: rules.records,
      count: sorted.length,
      months: [...new Set(rows.map((r) => r.date.slice(0, 7)))].sort().reverse(),
      categories: [...new Set(rows.map((r) => r.category))],
      // One chart per currency: amounts in different currencies are never added, nor left out.
      spending: spendingByCurrency(rows, { notSpending: NOT_SPENDING }),
      transactions: sorted,
      damaged: accounts.damaged.length + transactions.damaged.length + rules.damaged.length,
    };
  }
}
