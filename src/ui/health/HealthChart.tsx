/**
 * One health chart as an SVG picture with a text summary for screen readers (role=img, title
 * and desc), and the same figures as a table behind a toggle. Days are placed on a time axis,
 * so a gap in the data shows as a gap.
 */
import { useMemo, useState } from 'preact/hooks';
import { WindowedTable } from '../components/WindowedList';
import '../components/chart.css';
import { t, tn, type MessageKey } from '../i18n/index';
import { dayText, numberText, shortDayText, unitText } from './format';
import { drawnPoints, niceScale, summarise, type Series, type SeriesPoint } from './series';

const W = 640;
const H = 240;
const PAD = { left: 56, right: 12, top: 14, bottom: 34 };
const DAY_MS = 86_400_000;

const TITLE: Record<Series['chart'], MessageKey> = {
  steps: 'health.chart.steps',
  weight: 'health.chart.weight',
  'heart-rate': 'health.chart.heartRate',
  'resting-heart-rate': 'health.chart.restingHeartRate',
  'blood-pressure': 'health.chart.bloodPressure',
};

const dayIndex = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

export function chartTitle(series: Series): string {
  return t(TITLE[series.chart]);
}

/** The sentence a screen reader hears instead of the picture. */
export function chartSummary(series: Series, points: readonly SeriesPoint[]): string {
  const s = summarise(points);
  if (!s) return t('health.chart.noData');
  const unit = unitText(series.unit, series.metric);
  const digits = series.chart === 'weight' ? 1 : 0;
  const base = {
    from: dayText(s.from),
    to: dayText(s.to),
    unit,
    mean: numberText(s.mean, digits),
    high: numberText(s.highest.value, digits),
    highDay: dayText(s.highest.date),
    low: numberText(s.lowest.value, digits),
    lowDay: dayText(s.lowest.date),
    latest: numberText(s.latest.value, digits),
  };
  if (series.chart === 'blood-pressure') {
    return tn('health.chart.summaryBp', s.days, { ...base, latestSecond: numberText(s.latest.second ?? 0) });
  }
  return tn(series.chart === 'steps' ? 'health.chart.summarySum' : 'health.chart.summaryMean', s.days, base);
}

function valueCell(series: Series, p: SeriesPoint): string {
  const digits = series.chart === 'weight' ? 1 : 0;
  return numberText(p.value, digits);
}

export function HealthChart(props: { series: Series; points: readonly SeriesPoint[] }) {
  const { series } = props;
  // Drawn from weeks or months once the days would not fit; the summary and the table keep the days.
  const drawn = useMemo(() => drawnPoints(props.points), [props.points]);
  const points = drawn.points;
  const days = useMemo(() => [...props.points].reverse(), [props.points]);
  const [showTable, setShowTable] = useState(false);
  const id = `chart-${series.chart}`;
  const title = chartTitle(series);
  const unit = unitText(series.unit, series.metric);
  if (points.length === 0) {
    return (
      <section class="health-chart" aria-labelledby={`${id}-h`}>
        <h4 id={`${id}-h`}>{title}</h4>
        <p class="empty-list">{t('health.chart.noData')}</p>
      </section>
    );
  }
  // The axis spans the days themselves; drawn weeks or months sit on their middle day within it.
  const first = dayIndex(props.points[0]!.date);
  const last = dayIndex(props.points.at(-1)!.date);
  const span = last - first + 1;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const values = points.flatMap((p) => [p.value, p.min ?? p.value, p.max ?? p.value, p.second ?? p.value]);
  const scale = series.chart === 'steps' ? niceScale(0, Math.max(...values)) : niceScale(Math.min(...values), Math.max(...values));
  const band = plotW / span;
  const x = (date: string) => PAD.left + (dayIndex(date) - first + 0.5) * band;
  const y = (v: number) => PAD.top + plotH - ((v - scale.min) / (scale.max - scale.min)) * plotH;
  const ticks = Array.from({ length: Math.round((scale.max - scale.min) / scale.step) + 1 }, (_, i) => scale.min + i * scale.step);
  const labelDays = [props.points[0]!, props.points[Math.floor(props.points.length / 2)]!, props.points.at(-1)!].filter((p, i, all) => all.indexOf(p) === i);
  const line = (pick: (p: SeriesPoint) => number | undefined) =>
    points.flatMap((p) => (pick(p) === undefined ? [] : [`${x(p.date).toFixed(1)},${y(pick(p)!).toFixed(1)}`])).join(' ');
  const bar = Math.max(1, band * drawn.days * 0.75);
  const dots = points.length <= 120;

  return (
    <section class="health-chart" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{title}</h4>
      <figure class="chart">
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          class={`chart-svg health-svg health-svg-${series.chart}`}
          data-testid={id}
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{chartSummary(series, props.points)}</desc>
          {ticks.map((v) => (
            <g key={v}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} class="grid-line" />
              <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end" class="axis-label">
                {numberText(v, scale.step < 1 ? 1 : 0)}
              </text>
            </g>
          ))}
          {series.chart === 'steps' &&
            points.map((p) => (
              <rect
                key={p.date}
                x={x(p.date) - bar / 2}
                y={y(p.value)}
                width={bar}
                height={Math.max(0, y(scale.min) - y(p.value))}
                class="bar"
                data-date={p.date}
              />
            ))}
          {series.chart === 'heart-rate' && points.some((p) => p.min !== undefined) && (
            <polygon
              class="range"
              points={`${line((p) => p.max)} ${line((p) => p.min)
                .split(' ')
                .reverse()
                .join(' ')}`}
            />
          )}
          {series.chart !== 'steps' && <polyline class="line" points={line((p) => p.value)} />}
          {series.chart === 'blood-pressure' && <polyline class="line second" points={line((p) => p.second)} />}
          {series.chart !== 'steps' && dots && points.map((p) => <circle key={p.date} cx={x(p.date)} cy={y(p.value)} r={2.5} class="dot" />)}
          {/* The lower number too: one reading makes no line, only dots. */}
          {series.chart === 'blood-pressure' &&
            dots &&
            points.map((p) => (p.second === undefined ? null : <circle key={`${p.date}-2`} cx={x(p.date)} cy={y(p.second)} r={2.5} class="dot second" />))}
          {labelDays.map((p) => (
            <text key={p.date} x={x(p.date)} y={H - PAD.bottom + 18} text-anchor="middle" class="axis-label">
              {shortDayText(p.date)}
            </text>
          ))}
          <line x1={PAD.left} x2={W - PAD.right} y1={y(scale.min)} y2={y(scale.min)} class="axis-line" />
        </svg>
        <figcaption>{series.chart === 'blood-pressure' ? t('health.chart.bpLegend') : unit ? t('health.chart.unit', { unit }) : null}</figcaption>
      </figure>
      <button type="button" aria-expanded={showTable} aria-controls={`${id}-table`} onClick={() => setShowTable(!showTable)}>
        {showTable ? t('health.chart.hideTable') : t('health.chart.showTable')}
      </button>
      <div id={`${id}-table`} hidden={!showTable}>
        {showTable && (
          <WindowedTable
            id={`${id}-days`}
            class="health-table"
            caption={title}
            items={days}
            keyOf={(p) => p.date}
            rowAttrs={(p) => ({ 'data-date': p.date })}
            head={
              <>
                <th scope="col">{t('health.table.day')}</th>
                {series.chart === 'blood-pressure' ? (
                  <>
                    <th scope="col">{t('health.table.systolic')}</th>
                    <th scope="col">{t('health.table.diastolic')}</th>
                  </>
                ) : (
                  <th scope="col">{unit ? t('health.table.valueIn', { unit }) : t('health.table.value')}</th>
                )}
                {series.chart === 'heart-rate' && (
                  <>
                    <th scope="col">{t('health.table.lowest')}</th>
                    <th scope="col">{t('health.table.highest')}</th>
                  </>
                )}
              </>
            }
            renderRow={(p) => (
              <>
                <th scope="row">{dayText(p.date)}</th>
                <td class="num">{valueCell(series, p)}</td>
                {series.chart === 'blood-pressure' && <td class="num">{numberText(p.second ?? 0)}</td>}
                {series.chart === 'heart-rate' && (
                  <>
                    <td class="num">{p.min === undefined ? '' : numberText(p.min)}</td>
                    <td class="num">{p.max === undefined ? '' : numberText(p.max)}</td>
                  </>
                )}
              </>
            )}
          />
        )}
      </div>
    </section>
  );
}
