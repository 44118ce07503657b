/** The Money section: read in bank statements, spending per month by category, the transactions and the citizen's rules. */
import { useMemo } from 'preact/hooks';
import { AlertLine } from '../components/Messages';
import { t } from '../i18n/index';
import type { Profile } from '../profiles';
import { citizenRules, NOT_SPENDING } from './categories';
import { ImportPanel } from './ImportPanel';
import { SpendingChart } from './SpendingChart';
import { monthlySpending, spendingByCurrency } from './spending';
import { RulesList, TransactionList } from './TransactionList';
import { useMoneyData } from './use-money-data';
import './money.css';

export function MoneySection(props: { profile: Profile }) {
  const { profile } = props;
  const { data, error, ownWrite } = useMoneyData(profile.id);
  const existingIds = useMemo(() => new Set(data?.transactions.map((r) => r.id) ?? []), [data]);
  const rules = useMemo(() => citizenRules(data?.rules ?? []), [data]);
  // One chart per currency: amounts in different currencies are never added, nor left out.
  const spending = useMemo(
    () =>
      spendingByCurrency(
        (data?.transactions ?? []).map((r) => r.data),
        { notSpending: NOT_SPENDING },
      ),
    [data],
  );
  return (
    <>
      <h2 id="section-heading" tabIndex={-1}>
        {t('money.title', { name: profile.data.name })}
      </h2>
      <p>{t('money.intro')}</p>
      <AlertLine>{error}</AlertLine>
      {data === null ? (
        <p>{t('money.loading')}</p>
      ) : (
        <>
          <ImportPanel profileId={profile.id} accounts={data.accounts} existingIds={existingIds} rules={rules} ownWrite={ownWrite} />
          {data.transactions.length === 0 ? (
            <p class="empty-list">{t('money.empty')}</p>
          ) : (
            <>
              {spending.length === 0 ? (
                <SpendingChart summary={monthlySpending([])} />
              ) : (
                spending.map(({ currency, summary }) => <SpendingChart key={currency} summary={summary} currency={currency} />)
              )}
              <TransactionList profileId={profile.id} accounts={data.accounts} transactions={data.transactions} rules={data.rules} />
              <RulesList profileId={profile.id} rules={data.rules} transactions={data.transactions} />
            </>
          )}
        </>
      )}
    </>
  );
}
