/**
 * Spending by category per month: stacked bars as an SVG picture for sighted readers, a text
 * summary for screen readers (role=img with title and description), and the same figures as a
 * table behind a toggle.
 */
import { CATEGORIES } from '../../importers/bank/index';
import { niceAxis } from '../../overview/payments';
import { t } from '../i18n/index';
import { categoryLabel } from './categories';
import { amountText, monthText, shortMonthText, wholeAmount, wholeKroner } from './money-format';
import type { SpendingSummary } from './spending';

const W = 640;
const H = 280;
const PAD = { left: 84, right: 12, top: 16, bottom: 40 };

/** One colour per category, fixed by the catalogue's order, distinguishable on white. */
const PALETTE = ['#1b6b3a', '#8a4b08', '#1f4e9c', '#a3238e', '#c0392b', '#5b2c83', '#00796b', '#b8860b', '#455a64', '#6d4c41', '#2e7d32', '#283593', '#ad1457', '#00838f', '#827717', '#616161'];
const COLOUR = new Map(CATEGORIES.map((c, i) => [c.id as string, PALETTE[i % PALETTE.length]!]));
export const categoryColour = (id: string): string => COLOUR.get(id) ?? '#616161';

/** One chart per currency: kroner as before, another currency with its code in the heading and its own ids. */
export function SpendingChart(props: { summary: SpendingSummary; currency?: string }) {
  const { months, categories, total } = props.summary;
  const currency = props.currency ?? 'DKK';
  const kroner = currency === 'DKK';
  const id = (name: string) => (kroner ? name : `${name}-${currency}`);
  const money = (minor: number) => amountText(minor, currency);
  if (months.length === 0) return <p class="empty-list">{t('money.chart.none')}</p>;
  const axis = niceAxis(Math.max(...months.map((m) => m.total)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const band = plotW / months.length;
  const bar = Math.max(2, Math.min(40, band * 0.7));
  const y = (ore: number) => PAD.top + plotH - (ore / axis.max) * plotH;
  const ticks = Array.from({ length: Math.round(axis.max / axis.step) + 1 }, (_, i) => i * axis.step);
  const labelEvery = Math.ceil(months.length / 12);
  const top = categories
    .slice(0, 3)
    .map((c) => `${categoryLabel(c.category)} ${money(c.total)}`)
    .join(', ');
  const summary = t('money.chart.summary', { from: monthText(months[0]!.month), to: monthText(months.at(-1)!.month), total: money(total), top });
  return (
    <section class="money-chart" aria-labelledby={id('money-chart-heading')} data-currency={currency}>
      <h3 id={id('money-chart-heading')}>{kroner ? t('money.chart.heading') : t('money.chart.headingCurrency', { currency })}</h3>
      <p class="hint">{t('money.chart.note')}</p>
      <figure class="chart">
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id('money-chart-title')} ${id('money-chart-desc')}`} class="spending-chart">
          <title id={id('money-chart-title')}>{t('money.chart.title')}</title>
          <desc id={id('money-chart-desc')}>{summary}</desc>
          {ticks.map((v) => (
            <g key={v}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} class="grid-line" />
              <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end" class="axis-label">
                {kroner ? wholeKroner(v) : wholeAmount(v, currency)}
              </text>
            </g>
          ))}
          {months.map((m, i) => {
            const x = PAD.left + i * band + (band - bar) / 2;
            let stacked = 0;
            return (
              <g key={m.month} data-month={m.month}>
                {categories.map(({ category }) => {
                  const value = m.byCategory.get(category) ?? 0;
                  if (value === 0) return null;
                  const from = stacked;
                  stacked += value;
                  return <rect key={category} x={x} y={y(stacked)} width={bar} height={y(from) - y(stacked)} fill={categoryColour(category)} data-category={category} />;
                })}
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
          <ul class="money-legend" aria-label={t('money.chart.legend')}>
            {categories.map(({ category }) => (
              <li key={category}>
                <span class="legend" style={{ background: categoryColour(category) }} aria-hidden="true" /> {categoryLabel(category)}
              </li>
            ))}
          </ul>
        </figcaption>
      </figure>
      <details class="chart-table">
        <summary>{t('money.chart.showTable')}</summary>
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby={id('money-chart-table')}>
          <table class="data">
            <caption id={id('money-chart-table')}>{kroner ? t('money.chart.table') : t('money.chart.tableCurrency', { currency })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('money.chart.month')}</th>
                {categories.map(({ category }) => (
                  <th key={category} scope="col" class="num">
                    {categoryLabel(category)}
                  </th>
                ))}
                <th scope="col" class="num">
                  {t('money.chart.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{monthText(m.month)}</th>
                  {categories.map(({ category }) => (
                    <td key={category} class="num">
                      {m.byCategory.has(category) ? money(m.byCategory.get(category)!) : ''}
                    </td>
                  ))}
                  <td class="num">{money(m.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
