/**
 * The stored transactions: filtered by month, category and account (by the background, which
 * answers one page of rows and the narrowed rows' sums), with a category choice on each row. A
 * choice made here is the citizen's and stays; right after it, the citizen can make it a rule
 * ("always use this category for …"), which also re-sorts the rows no one chose for.
 */
import { useId, useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import { listRecords } from '../../messaging/record-client';
import type { ViewMoneyResult } from '../../messaging/list-view-api';
import { transactionCurrency } from '../../records/money/index';
import { ActionFeedback } from '../components/Messages';
import { PagedTable } from '../components/WindowedList';
import { useAction } from '../components/use-action';
import { t, tn } from '../i18n/index';
import { accountLabel, categoryLabel, categoryOptions, citizenRules, recategoriseOps, setCategoryOp, suggestMatch } from './categories';
import { MONEY_KINDS, type RuleRecord, type TransactionRecord } from './model';
import { amountText, dayText, monthText } from './money-format';
import { TransactionHeads } from './TransactionHeads';
import { toBase64Url } from '../../shared/base64url';
import { randomBytes } from '../../shared/bytes';

/** Rows per page: a row with its category choice is some thirty elements. */
export const MONEY_PAGE = 50;

function Filter(props: { label: string; value: string; options: [string, string][]; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select autocomplete="off" id={id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{t('money.list.all')}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

function RuleOffer(props: { row: TransactionRecord; onCreate: (match: string) => Promise<void> }) {
  const [match, setMatch] = useState(suggestMatch(props.row.data.text, props.row.data.counterparty));
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = (event: Event) => {
    event.preventDefault();
    if (match.trim().length < 2) return setError(t('money.list.ruleTooShort'));
    setError(null);
    void props.onCreate(match.trim());
  };
  return (
    <form autocomplete="off" class="money-rule-offer" onSubmit={submit} noValidate aria-labelledby={`${id}-offer`}>
      <p id={`${id}-offer`}>{t('money.list.ruleOffer', { category: categoryLabel(props.row.data.category) })}</p>
      <div class="field">
        <label for={id}>{t('money.list.ruleMatch')}</label>
        <input
          autocomplete="off"
          id={id}
          type="text"
          value={match}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => setMatch(e.currentTarget.value)}
        />
        {error && (
          <p class="field-error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
      <button type="submit">{t('money.list.ruleCreate')}</button>
    </form>
  );
}

/** What the list shows: any month, category and account when empty. */
export interface MoneyFilter {
  month: string;
  category: string;
  account: string;
}

export const NO_FILTER: MoneyFilter = { month: '', category: '', account: '' };

/** Every stored row, for a change that re-sorts them all (a rule added or removed). */
async function allTransactions(profileId: string): Promise<TransactionRecord[]> {
  return (await listRecords(profileId, MONEY_KINDS.transactions)).records;
}

export function TransactionList(props: {
  profileId: string;
  view: ViewMoneyResult;
  filter: MoneyFilter;
  onFilter: (filter: MoneyFilter) => void;
  /** Asks for the window of rows from `start`. */
  onWindow: (start: number) => void;
}) {
  const { accounts, months, filtered } = props.view;
  const { month, category, account } = props.filter;
  const setFilter = (change: Partial<MoneyFilter>) => props.onFilter({ ...props.filter, ...change });
  // The row just given a category by hand, as it now is: the rule offer is about it.
  const [offerRow, setOfferRow] = useState<TransactionRecord | null>(null);
  const action = useAction();
  const used = new Set(props.view.categories);
  // Each currency summed on its own: a euro row is neither added to the kroner nor left out.
  const moneyIn = filtered.totals.map((x) => amountText(x.moneyIn, x.currency)).join(' + ');
  const moneyOut = filtered.totals.map((x) => amountText(x.moneyOut, x.currency)).join(' + ');

  const changeCategory = async (row: TransactionRecord, next: string) => {
    const ok = await action.run(
      t('common.working'),
      async () => {
        await callVault('writeRecords', { ops: [setCategoryOp(props.profileId, row, next)] });
        return true;
      },
      t('money.list.saved'),
    );
    if (ok) setOfferRow({ ...row, data: { ...row.data, category: next, categoryByCitizen: true } });
  };

  const createRule = async (row: TransactionRecord, match: string) => {
    const id = toBase64Url(randomBytes(16));
    const data = { match, category: row.data.category, createdAt: new Date().toISOString() };
    const rules = citizenRules([{ ...row, id, kind: 'category-rule', data }, ...props.view.rules]);
    let count = 0;
    await action.run(
      t('common.working'),
      async () => {
        const ops = recategoriseOps(props.profileId, await allTransactions(props.profileId), rules);
        count = ops.length;
        // The rule and the rows it re-sorts in one write: never a rule without its effect.
        await callVault('writeRecords', { ops: [{ op: 'put', profileId: props.profileId, kind: 'category-rule', id, data }, ...ops] });
      },
      () => tn('money.list.ruleCreated', count, { category: categoryLabel(row.data.category) }),
    );
    setOfferRow(null);
  };

  return (
    <section class="money-list" aria-labelledby="money-list-heading">
      <h3 id="money-list-heading">{t('money.list.heading')}</h3>
      <div class="money-filters">
        <Filter label={t('money.list.filterMonth')} value={month} options={months.map((m) => [m, monthText(m)])} onChange={(v) => setFilter({ month: v })} />
        <Filter
          label={t('money.list.filterCategory')}
          value={category}
          options={categoryOptions()
            .filter((c) => used.has(c.id))
            .map((c) => [c.id, c.label])}
          onChange={(v) => setFilter({ category: v })}
        />
        {accounts.length > 1 && (
          <Filter
            label={t('money.list.filterAccount')}
            value={account}
            options={accounts.map((a) => [a.id, a.data.label])}
            onChange={(v) => setFilter({ account: v })}
          />
        )}
      </div>
      <p data-testid="money-list-summary">{tn('money.list.summary', filtered.total, { in: moneyIn, out: moneyOut })}</p>
      <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
      {offerRow && <RuleOffer key={offerRow.id} row={offerRow} onCreate={(match) => createRule(offerRow, match)} />}
      {filtered.total === 0 ? (
        <p class="empty-list">{t('money.list.none')}</p>
      ) : (
        <PagedTable
          id="money-list"
          class="money-rows"
          size={MONEY_PAGE}
          page={filtered}
          onWindow={props.onWindow}
          keyOf={(row) => row.id}
          caption={t('money.list.heading')}
          head={
            <>
              <TransactionHeads />
              <th scope="col">{t('money.col.category')}</th>
              {accounts.length > 1 && <th scope="col">{t('money.col.account')}</th>}
            </>
          }
          renderRow={(row) => {
            const date = dayText(row.data.date);
            return (
              <>
                <td>{date}</td>
                <td>{row.data.text}</td>
                <td class="num">{amountText(row.data.amountMinor, transactionCurrency(row.data))}</td>
                <td>
                  <select
                    autocomplete="off"
                    aria-label={t('money.list.categoryFor', { text: row.data.text, date })}
                    value={row.data.category}
                    onChange={(e) => void changeCategory(row, e.currentTarget.value)}
                  >
                    {categoryOptions().map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                  {row.data.categoryByCitizen && <span class="meta"> ({t('money.list.byYou')})</span>}
                </td>
                {accounts.length > 1 && <td>{accountLabel(accounts, row.data.accountId)}</td>}
              </>
            );
          }}
        />
      )}
    </section>
  );
}

export function RulesList(props: { profileId: string; rules: RuleRecord[] }) {
  const action = useAction();
  const remove = async (rule: RuleRecord) => {
    const remaining = citizenRules(props.rules.filter((r) => r.id !== rule.id));
    await action.run(
      t('common.working'),
      async () => {
        const ops = recategoriseOps(props.profileId, await allTransactions(props.profileId), remaining);
        await callVault('writeRecords', { ops: [{ op: 'delete', profileId: props.profileId, kind: 'category-rule', id: rule.id }, ...ops] });
      },
      t('money.rules.deleted'),
    );
  };
  return (
    <section class="money-rules" aria-labelledby="money-rules-heading">
      <h3 id="money-rules-heading">{t('money.rules.heading')}</h3>
      <p class="hint">{t('money.rules.intro')}</p>
      {props.rules.length === 0 ? (
        <p class="empty-list">{t('money.rules.none')}</p>
      ) : (
        <ul class="money-rule-list">
          {props.rules.map((rule) => (
            <li key={rule.id}>
              {t('money.rules.rule', { match: rule.data.match, category: categoryLabel(rule.data.category) })}{' '}
              <button type="button" class="danger" aria-label={t('money.rules.delete', { match: rule.data.match })} onClick={() => void remove(rule)}>
                {t('common.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
    </section>
  );
}
