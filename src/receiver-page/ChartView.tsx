/** A chart of the bundle's figures as SVG, with its summary sentence for screen readers and paper. */
import type { JSX } from 'preact';
import { CHART_HEIGHT, CHART_WIDTH, chartGeometry } from '../receiver-view/chart';
import type { Chart } from '../receiver-view/model';
import { getLanguage } from './i18n';

export function ChartView({ chart }: { chart: Chart }): JSX.Element | null {
  const g = chartGeometry(chart, getLanguage());
  if (!g) return null;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`} role="img" aria-label={`${chart.title}. ${chart.summary}`}>
        {g.ticks.map((tick) => (
          <g key={tick.y}>
            <line x1={g.baseline.x1} x2={g.baseline.x2} y1={tick.y} y2={tick.y} class="grid" />
            <text x={g.baseline.x1 - 6} y={tick.y + 4} text-anchor="end">
              {tick.text}
            </text>
          </g>
        ))}
        {g.bars.map((b, i) => (
          <rect key={i} x={b.x} y={b.y} width={b.width} height={b.height} class="bar" />
        ))}
        {g.line && <polyline points={g.line} class="line" />}
        {g.dots.map((d, i) => (
          <circle key={i} cx={d.x} cy={d.y} r={2.5} class="dot" />
        ))}
        {g.xLabels.map((l) => (
          <text key={l.x} x={l.x} y={CHART_HEIGHT - 16} text-anchor="middle">
            {l.text}
          </text>
        ))}
        <line x1={g.baseline.x1} x2={g.baseline.x2} y1={g.baseline.y} y2={g.baseline.y} class="axis" />
      </svg>
      <figcaption>{chart.summary}</figcaption>
    </figure>
  );
}
