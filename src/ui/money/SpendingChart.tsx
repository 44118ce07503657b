/**
 * Spending by category per month: stacked bars as an SVG picture for sighted readers, a text
 * summary for screen readers (role=img with title and description), and the same figures as a
 * table behind a toggle.
 */
import { CATEGORIES } from '../../importers/bank/index';
import { BarChart } from '../components/BarChart';
import { t } from '../i18n/index';
import { categoryLabel } from './categories';
import { amountText, monthText, wholeAmount, wholeKroner } from './money-format';
import type { SpendingSummary } from '../../overview/spending';

/** One colour per category, fixed by the catalogue's order, distinguishable on white. */
const PALETTE = [
  '#1b6b3a',
  '#8a4b08',
  '#1f4e9c',
  '#a3238e',
  '#c0392b',
  '#5b2c83',
  '#00796b',
  '#b8860b',
  '#455a64',
  '#6d4c41',
  '#2e7d32',
  '#283593',
  '#ad1457',
  '#00838f',
  '#827717',
  '#616161',
];
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
        <BarChart
          class="spending-chart"
          height={280}
          titleId={id('money-chart-title')}
          descId={id('money-chart-desc')}
          title={t('money.chart.title')}
          description={summary}
          valueText={(v) => (kroner ? wholeKroner(v) : wholeAmount(v, currency))}
          columns={months.map((m) => ({
            month: m.month,
            segments: categories.map(({ category }) => ({ key: category, value: m.byCategory[category] ?? 0, fill: categoryColour(category), category })),
          }))}
        />
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
                      {Object.hasOwn(m.byCategory, category) ? money(m.byCategory[category]!) : ''}
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
