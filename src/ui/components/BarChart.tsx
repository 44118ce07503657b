/**
 * The one bar chart: a column per month, each a stack of segments, as an SVG picture for sighted
 * readers. It is role=img, named by its title and described by a sentence for screen readers;
 * callers put the same figures in a table beside it. Month labels under every column (or every
 * nth when there are many), with the year under January and the first column.
 */
import type { JSX } from 'preact';
import { niceAxis } from '../../overview/payments';
import { shortMonthText } from '../municipal/format';
import './chart.css';

const W = 640;
const PAD = { left: 84, right: 12, top: 16, bottom: 40 };

export interface BarSegment {
  /** Unique within its column. */
  key: string;
  /** In øre (or the currency's minor unit); a zero segment is not drawn. */
  value: number;
  class?: string;
  fill?: string;
  /** Written as `data-category`, for finding a segment in tests and styles. */
  category?: string;
}

export interface BarColumn {
  /** YYYY-MM */
  month: string;
  /** Bottom to top. */
  segments: readonly BarSegment[];
}

export interface BarChartProps {
  columns: readonly BarColumn[];
  height: number;
  /** Ids of the `<title>` and `<desc>` elements: unique on the page. */
  titleId: string;
  descId: string;
  title: string;
  /** What a screen reader hears instead of the picture. */
  description: string;
  /** The axis labels, from a value in minor units. */
  valueText: (minor: number) => string;
  class: string;
}

export function BarChart(props: BarChartProps): JSX.Element {
  const { columns, height: H } = props;
  const total = (c: BarColumn) => c.segments.reduce((sum, s) => sum + s.value, 0);
  const axis = niceAxis(Math.max(...columns.map(total)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const band = plotW / columns.length;
  const bar = Math.max(2, Math.min(40, band * 0.7));
  const y = (minor: number) => PAD.top + plotH - (minor / axis.max) * plotH;
  const ticks = Array.from({ length: Math.round(axis.max / axis.step) + 1 }, (_, i) => i * axis.step);
  const labelEvery = Math.ceil(columns.length / 12);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${props.titleId} ${props.descId}`} class={`chart-svg ${props.class}`}>
      <title id={props.titleId}>{props.title}</title>
      <desc id={props.descId}>{props.description}</desc>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} class="grid-line" />
          <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end" class="axis-label">
            {props.valueText(v)}
          </text>
        </g>
      ))}
      {columns.map((column, i) => {
        const x = PAD.left + i * band + (band - bar) / 2;
        let stacked = 0;
        return (
          <g key={column.month} data-month={column.month}>
            {column.segments.map((s) => {
              if (s.value === 0) return null;
              const from = stacked;
              stacked += s.value;
              return (
                <rect key={s.key} x={x} y={y(stacked)} width={bar} height={y(from) - y(stacked)} class={s.class} fill={s.fill} data-category={s.category} />
              );
            })}
            {i % labelEvery === 0 && (
              <text x={x + bar / 2} y={H - PAD.bottom + 16} text-anchor="middle" class="axis-label">
                {shortMonthText(column.month)}
              </text>
            )}
            {i % labelEvery === 0 && (column.month.endsWith('-01') || i === 0) && (
              <text x={x + bar / 2} y={H - PAD.bottom + 32} text-anchor="middle" class="axis-label">
                {column.month.slice(0, 4)}
              </text>
            )}
          </g>
        );
      })}
      <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} class="axis-line" />
    </svg>
  );
}
