/**
 * The Money section: read in bank statements, spending per month by category, the transactions
 * and the citizen's rules. The background holds the rows, sorted, and answers the charts' sums
 * and one page of the narrowed list; the page never holds every row.
 */
import { useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import { monthlySpending } from '../../overview/spending';
import { AlertLine } from '../components/Messages';
import { useBackgroundView } from '../components/use-background-view';
import { t } from '../i18n/index';
import type { Profile } from '../profiles';
import { citizenRules } from './categories';
import { ImportPanel } from './ImportPanel';
import { MONEY_KINDS } from './model';
import { SpendingChart } from './SpendingChart';
import { MONEY_PAGE, NO_FILTER, RulesList, TransactionList, type MoneyFilter } from './TransactionList';
import './money.css';

const KINDS: ReadonlySet<string> = new Set(Object.values(MONEY_KINDS).map((kind) => kind.name));

export function MoneySection(props: { profile: Profile }) {
  const { profile } = props;
  const profileId = profile.id;
  const [filter, setFilter] = useState<MoneyFilter>(NO_FILTER);
  const [start, setStart] = useState(0);
  const { answer, error, refresh } = useBackgroundView(profileId, KINDS, () => callVault('viewMoney', { profileId, ...filter, start, count: MONEY_PAGE }), [
    filter.month,
    filter.category,
    filter.account,
    start,
  ]);
  const existingIds = async () => new Set(await callVault('viewMoneyIds', { profileId }));
  const narrow = (next: MoneyFilter) => (setFilter(next), setStart(0));
  return (
    <>
      <h2 id="section-heading" tabIndex={-1}>
        {t('money.title', { name: profile.data.name })}
      </h2>
      <p>{t('money.intro')}</p>
      <AlertLine>{error}</AlertLine>
      {answer === null ? (
        <p>{t('money.loading')}</p>
      ) : (
        <>
          <ImportPanel
            profileId={profileId}
            accounts={answer.accounts}
            existingIds={existingIds}
            rules={citizenRules(answer.rules)}
            onImported={async () => refresh()}
          />
          {answer.count === 0 ? (
            <p class="empty-list">{t('money.empty')}</p>
          ) : (
            <>
              {answer.spending.length === 0 ? (
                <SpendingChart summary={monthlySpending([])} />
              ) : (
                answer.spending.map(({ currency, summary }) => <SpendingChart key={currency} summary={summary} currency={currency} />)
              )}
              <TransactionList profileId={profileId} view={answer} filter={filter} onFilter={narrow} onWindow={setStart} />
              <RulesList profileId={profileId} rules={answer.rules} />
            </>
          )}
        </>
      )}
    </>
  );
}
