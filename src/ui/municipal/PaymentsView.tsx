/** Payments: a bar chart of monthly totals (with the same figures as a table) and every payment. */
import { useEffect } from 'preact/hooks';
import type { Item } from '../../overview/model';
import { monthlyPayments, niceAxis, type MonthTotal } from '../../overview/payments';
import type { Payment } from '../../municipal/api/schemas';
import { t } from '../i18n/index';
import { dayText, kroner, monthText, periodText, shortMonthText, wholeKroner } from './format';
import { CorrectAction } from '../own/CorrectAction';
import { targetOf } from '../own/corrections';

const W = 640;
const H = 260;
const PAD = { left: 84, right: 12, top: 16, bottom: 40 };

/** The chart is a picture for sighted readers; screen readers get its summary and the table below. */
function PaymentChart(props: { series: MonthTotal[] }) {
  const { series } = props;
  const axis = niceAxis(Math.max(...series.map((m) => m.paid + m.scheduled)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const band = plotW / series.length;
  const bar = Math.max(2, Math.min(40, band * 0.7));
  const y = (ore: number) => PAD.top + plotH - (ore / axis.max) * plotH;
  const ticks = Array.from({ length: Math.round(axis.max / axis.step) + 1 }, (_, i) => i * axis.step);
  const labelEvery = Math.ceil(series.length / 12);
  const desc = t('payments.chartDesc', { from: monthText(series[0]!.month), to: monthText(series.at(-1)!.month) });
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title chart-desc" class="payment-chart">
        <title id="chart-title">{t('payments.chartTitle')}</title>
        <desc id="chart-desc">{desc}</desc>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} class="grid-line" />
            <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end" class="axis-label">
              {wholeKroner(v)}
            </text>
          </g>
        ))}
        {series.map((m, i) => {
          const x = PAD.left + i * band + (band - bar) / 2;
          return (
            <g key={m.month} data-month={m.month}>
              {m.paid > 0 && <rect x={x} y={y(m.paid)} width={bar} height={y(0) - y(m.paid)} class="bar-paid" />}
              {m.scheduled > 0 && <rect x={x} y={y(m.paid + m.scheduled)} width={bar} height={y(0) - y(m.scheduled)} class="bar-scheduled" />}
              {i % labelEvery === 0 && (
                <text x={x + bar / 2} y={H - PAD.bottom + 16} text-anchor="middle" class="axis-label">
                  {shortMonthText(m.month)}
                </text>
              )}
              {i % labelEvery === 0 && (m.month.endsWith('-01') || i === 0) && (
                <text x={x + bar / 2} y={H - PAD.bottom + 32} text-anchor="middle" class="axis-label">
                  {m.month.slice(0, 4)}
                </text>
              )}
            </g>
          );
        })}
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} class="axis-line" />
      </svg>
      <figcaption>
        <span class="legend legend-paid" aria-hidden="true" /> {t('payments.paidSum')}
        <span class="legend legend-scheduled" aria-hidden="true" /> {t('payments.scheduledSum')}
      </figcaption>
    </figure>
  );
}

export function PaymentsView(props: { payments: Item<Payment>[]; focus?: string; profileId: string }) {
  const series = monthlyPayments(props.payments);
  const all = [...props.payments].sort((a, b) => b.record.payoutDate.localeCompare(a.record.payoutDate));
  useEffect(() => {
    if (props.focus) document.getElementById(`payment-${props.focus}`)?.focus();
  }, [props.focus]);
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
              <th scope="col" class="num">{t('payments.paidSum')}</th>
              <th scope="col" class="num">{t('payments.scheduledSum')}</th>
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
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="payments-all">
        <table class="data">
          <caption id="payments-all">{t('payments.all')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('payments.date')}</th>
              <th scope="col">{t('payments.benefit')}</th>
              <th scope="col">{t('payments.period')}</th>
              <th scope="col" class="num">{t('payments.gross')}</th>
              <th scope="col" class="num">{t('payments.tax')}</th>
              <th scope="col" class="num">{t('payments.net')}</th>
              <th scope="col">{t('payments.status')}</th>
              <th scope="col">{t('own.correct.column')}</th>
            </tr>
          </thead>
          <tbody>
            {all.map(({ vaultId, origin, record: p }) => (
              <tr key={vaultId} id={`payment-${vaultId}`} tabIndex={-1} class={props.focus === vaultId ? 'highlight' : undefined}>
                <td>{dayText(p.payoutDate)}</td>
                <td>{p.benefit.name}</td>
                <td>{periodText(p.period.from, p.period.to)}</td>
                <td class="num">{kroner(p.gross.ore)}</td>
                <td class="num">{p.taxWithheld ? kroner(p.taxWithheld.ore) : ''}</td>
                <td class="num">{kroner(p.net.ore)}</td>
                <td>{t(`payments.status.${p.status}`)}</td>
                <td>
                  <CorrectAction profileId={props.profileId} target={targetOf('payments', { vaultId, origin, record: p }, `${p.benefit.name}, ${dayText(p.payoutDate)}`)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

