/**
 * Payments: a bar chart of monthly totals (with the same figures as a table) and every payment,
 * a page at a time; a payment asked for from another view opens on its page, focused. The
 * background holds the sorted list and the monthly totals and answers one page of rows; the
 * pages next to the one shown are fetched ahead, and the chart and month table are drawn from
 * the first answer, not again as the rows move.
 */
import { callVault } from '../../messaging/client';
import { OVERVIEW_KINDS } from '../../overview/from-records';
import type { MonthTotal } from '../../overview/payments';
import { BarChart } from '../components/BarChart';
import { Kept } from '../components/Kept';
import { Busy, AlertLine } from '../components/Messages';
import { DEFAULT_PAGE_SIZE } from '../components/use-row-window';
import { useWindowSource } from '../components/use-window-source';
import { WindowedTable } from '../components/WindowedList';
import { t } from '../i18n/index';
import { dayText, kroner, monthText, periodText, wholeKroner } from './format';
import { CorrectAction } from '../own/CorrectAction';
import { targetOf } from '../own/corrections';
import { OverviewDamage } from './OverviewDamage';
import { useKindsVersion } from './use-kinds-version';

const PAYMENT_KIND_NAMES: readonly string[] = [OVERVIEW_KINDS.payments.name];

/** The chart is a picture for sighted readers; screen readers get its summary and the table below. */
function PaymentChart(props: { series: MonthTotal[] }) {
  const { series } = props;
  const desc = t('payments.chartDesc', { from: monthText(series[0]!.month), to: monthText(series.at(-1)!.month) });
  return (
    <figure class="chart">
      <BarChart
        class="payment-chart"
        height={260}
        titleId="chart-title"
        descId="chart-desc"
        title={t('payments.chartTitle')}
        description={desc}
        valueText={wholeKroner}
        columns={series.map((m) => ({
          month: m.month,
          segments: [
            { key: 'paid', value: m.paid, class: 'bar-paid' },
            { key: 'scheduled', value: m.scheduled, class: 'bar-scheduled' },
          ],
        }))}
      />
      <figcaption>
        <span class="legend legend-paid" aria-hidden="true" /> {t('payments.paidSum')}
        <span class="legend legend-scheduled" aria-hidden="true" /> {t('payments.scheduledSum')}
      </figcaption>
    </figure>
  );
}

/** The chart's figures as a table, for screen readers and anyone who wants the numbers. */
function MonthTable(props: { series: MonthTotal[] }) {
  return (
    <details class="chart-table">
      <summary>{t('payments.showTable')}</summary>
      <table class="data">
        <caption>{t('payments.monthTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('payments.month')}</th>
            <th scope="col" class="num">
              {t('payments.paidSum')}
            </th>
            <th scope="col" class="num">
              {t('payments.scheduledSum')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.series.map((m) => (
            <tr key={m.month}>
              <th scope="row">{monthText(m.month)}</th>
              <td class="num">{kroner(m.paid)}</td>
              <td class="num">{m.scheduled ? kroner(m.scheduled) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function PaymentsView(props: { focus?: string | undefined; profileId: string; profileName: string }) {
  const { profileId, focus } = props;
  const version = useKindsVersion(profileId, PAYMENT_KIND_NAMES);
  const { source, first, error, reload } = useWindowSource((request) => callVault('viewPayments', { profileId, ...request }), [profileId, version], {
    size: DEFAULT_PAGE_SIZE,
    focusKey: focus,
  });
  if (!first) return error ? <AlertLine>{error}</AlertLine> : <Busy label={t('overview.loading')} />;
  const damage = <OverviewDamage profileId={profileId} profileName={props.profileName} damaged={first.damaged} onRemoved={reload} />;
  if (first.total === 0)
    return (
      <>
        {damage}
        <p class="empty-list">{t('payments.none')}</p>
      </>
    );
  return (
    <>
      {damage}
      <AlertLine>{error}</AlertLine>
      <p>{t('payments.intro')}</p>
      {/* Drawn again only for new totals: a change elsewhere in the view leaves 120 months of bars alone. */}
      <Kept
        deps={[first.series]}
        draw={() => (
          <>
            <PaymentChart series={first.series} />
            <MonthTable series={first.series} />
          </>
        )}
      />
      <WindowedTable
        id="payments-all"
        source={source}
        initial={first}
        version={version}
        keyOf={(p) => p.vaultId}
        focusKey={props.focus}
        caption={t('payments.all')}
        rowAttrs={(p) => ({ id: `payment-${p.vaultId}`, class: props.focus === p.vaultId ? 'highlight' : undefined })}
        rowDeps={[profileId]}
        head={
          <>
            <th scope="col">{t('payments.date')}</th>
            <th scope="col">{t('payments.benefit')}</th>
            <th scope="col">{t('payments.period')}</th>
            <th scope="col" class="num">
              {t('payments.gross')}
            </th>
            <th scope="col" class="num">
              {t('payments.tax')}
            </th>
            <th scope="col" class="num">
              {t('payments.net')}
            </th>
            <th scope="col">{t('payments.status')}</th>
            <th scope="col">{t('own.correct.column')}</th>
          </>
        }
        renderRow={({ vaultId, origin, record: p }) => (
          <>
            <td>{dayText(p.payoutDate)}</td>
            <td>{p.benefit.name}</td>
            <td>{periodText(p.period.from, p.period.to)}</td>
            <td class="num">{kroner(p.gross.ore)}</td>
            <td class="num">{p.taxWithheld ? kroner(p.taxWithheld.ore) : ''}</td>
            <td class="num">{kroner(p.net.ore)}</td>
            <td>{t(`payments.status.${p.status}`)}</td>
            <td>
              <CorrectAction
                profileId={profileId}
                target={targetOf('payments', { vaultId, origin, record: p }, `${p.benefit.name}, ${dayText(p.payoutDate)}`)}
              />
            </td>
          </>
        )}
      />
    </>
  );
}
