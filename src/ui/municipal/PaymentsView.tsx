/**
 * Payments: a bar chart of monthly totals (with the same figures as a table) and every payment,
 * a page at a time; a payment asked for from another view opens on its page, focused.
 */
import { useMemo } from 'preact/hooks';
import type { Item } from '../../overview/model';
import { monthlyPayments, type MonthTotal } from '../../overview/payments';
import { BarChart } from '../components/BarChart';
import { WindowedTable } from '../components/WindowedList';
import type { Payment } from '../../municipal/api/schemas';
import { t } from '../i18n/index';
import { dayText, kroner, monthText, periodText, wholeKroner } from './format';
import { CorrectAction } from '../own/CorrectAction';
import { targetOf } from '../own/corrections';

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

export function PaymentsView(props: { payments: Item<Payment>[]; focus?: string | undefined; profileId: string }) {
  // Sorted and summed once per list, not on every page turn.
  const series = useMemo(() => monthlyPayments(props.payments), [props.payments]);
  const all = useMemo(() => [...props.payments].sort((a, b) => b.record.payoutDate.localeCompare(a.record.payoutDate)), [props.payments]);
  if (all.length === 0) return <p class="empty-list">{t('payments.none')}</p>;
  return (
    <>
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
      <WindowedTable
        id="payments-all"
        items={all}
        keyOf={(p) => p.vaultId}
        focusKey={props.focus}
        caption={t('payments.all')}
        rowAttrs={(p) => ({ id: `payment-${p.vaultId}`, class: props.focus === p.vaultId ? 'highlight' : undefined })}
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
                profileId={props.profileId}
                target={targetOf('payments', { vaultId, origin, record: p }, `${p.benefit.name}, ${dayText(p.payoutDate)}`)}
              />
            </td>
          </>
        )}
      />
    </>
  );
}
