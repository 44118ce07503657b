/**
 * Payments: a bar chart of monthly totals (with the same figures as a table) and every payment,
 * a page at a time; a payment asked for from another view opens on its page, focused. The
 * background holds the sorted list and the monthly totals and answers one page of rows.
 */
import { useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import { OVERVIEW_KINDS } from '../../overview/from-records';
import type { MonthTotal } from '../../overview/payments';
import { BarChart } from '../components/BarChart';
import { Busy, AlertLine } from '../components/Messages';
import { useBackgroundView } from '../components/use-background-view';
import { DEFAULT_PAGE_SIZE } from '../components/use-row-window';
import { PagedTable } from '../components/WindowedList';
import { t } from '../i18n/index';
import { dayText, kroner, monthText, periodText, wholeKroner } from './format';
import { CorrectAction } from '../own/CorrectAction';
import { targetOf } from '../own/corrections';
import { OverviewDamage } from './OverviewDamage';

const PAYMENT_KINDS: ReadonlySet<string> = new Set([OVERVIEW_KINDS.payments.name]);

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

export function PaymentsView(props: { focus?: string | undefined; profileId: string; profileName: string }) {
  const { profileId, focus } = props;
  // The payment asked for decides the first page shown; a page turn moves on from there.
  const [turned, setTurned] = useState<{ focus: string | undefined; start: number } | null>(null);
  const from = turned && turned.focus === focus ? turned.start : undefined;
  const { answer, error, refresh } = useBackgroundView(
    profileId,
    PAYMENT_KINDS,
    () => callVault('viewPayments', { profileId, start: from ?? 0, count: DEFAULT_PAGE_SIZE, ...(from === undefined ? { focusKey: focus } : {}) }),
    [from, focus],
  );
  const turn = (start: number) => setTurned({ focus, start });
  if (!answer) return error ? <AlertLine>{error}</AlertLine> : <Busy label={t('overview.loading')} />;
  const { series } = answer;
  const damage = <OverviewDamage profileId={profileId} profileName={props.profileName} damaged={answer.damaged} onRemoved={refresh} />;
  if (answer.total === 0)
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
      <PaymentChart series={series} />
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
            {series.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthText(m.month)}</th>
                <td class="num">{kroner(m.paid)}</td>
                <td class="num">{m.scheduled ? kroner(m.scheduled) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <PagedTable
        id="payments-all"
        page={answer}
        onWindow={turn}
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
