/**
 * Where a chart's marks go, worked out once for both drawings (the page's SVG and index.html's):
 * a rounded axis, days on a time axis so a gap shows as a gap, and weeks or months in place of
 * days once the days would not fit (src/shared/chart-scale.ts, as the vault's charts draw).
 */
import { drawnPoints, niceScale } from '../shared/chart-scale';
import { numberText } from './format';
import type { Chart } from './types';
import type { Language } from './words';

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 240;
const PAD = { left: 56, right: 12, top: 14, bottom: 34 };
const DAY_MS = 86_400_000;

export interface ChartGeometry {
  ticks: { y: number; text: string }[];
  bars: { x: number; y: number; width: number; height: number }[];
  /** The line's points ("x,y x,y …"), empty for bars. */
  line: string;
  dots: { x: number; y: number }[];
  xLabels: { x: number; text: string }[];
  baseline: { x1: number; x2: number; y: number };
}

const localeOf = (language: Language) => (language === 'en' ? 'en-GB' : 'da-DK');
/** "3. mar." under a day, "mar. 2026" under a month. */
const shortDay = (date: string, language: Language) =>
  new Intl.DateTimeFormat(localeOf(language), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
const shortMonth = (date: string, language: Language) =>
  new Intl.DateTimeFormat(localeOf(language), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

const dayIndex = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/** The marks of `chart`, or null when it has nothing to draw. */
export function chartGeometry(chart: Chart, language: Language): ChartGeometry | null {
  if (chart.points.length === 0) return null;
  const labelOf = chart.monthly ? (date: string) => shortMonth(date, language) : (date: string) => shortDay(date, language);
  const drawn = drawnPoints(chart.points);
  const points = drawn.points;
  const first = dayIndex(chart.points[0]!.date);
  const span = dayIndex(chart.points.at(-1)!.date) - first + 1;
  const plotW = CHART_WIDTH - PAD.left - PAD.right;
  const plotH = CHART_HEIGHT - PAD.top - PAD.bottom;
  let low = Infinity;
  let high = -Infinity;
  for (const p of points) {
    low = Math.min(low, p.min ?? p.value, p.value);
    high = Math.max(high, p.max ?? p.value, p.value);
  }
  const scale = chart.bars ? niceScale(0, Math.max(high, 0)) : niceScale(low, high);
  const band = plotW / span;
  const x = (date: string) => PAD.left + (dayIndex(date) - first + 0.5) * band;
  const y = (v: number) => PAD.top + plotH - ((v - scale.min) / (scale.max - scale.min)) * plotH;
  const round = (n: number) => Math.round(n * 10) / 10;
  const tickCount = Math.round((scale.max - scale.min) / scale.step) + 1;
  const ticks = Array.from({ length: tickCount }, (_, i) => scale.min + i * scale.step).map((v) => ({
    y: round(y(v)),
    text: numberText(v, language, scale.step < 1 ? 1 : 0),
  }));
  const barWidth = Math.max(1, band * drawn.days * 0.75);
  const labelDays = [chart.points[0]!, chart.points[Math.floor(chart.points.length / 2)]!, chart.points.at(-1)!].filter((p, i, all) => all.indexOf(p) === i);
  return {
    ticks,
    bars: chart.bars
      ? points.map((p) => ({
          x: round(x(p.date) - barWidth / 2),
          y: round(y(p.value)),
          width: round(barWidth),
          height: round(Math.max(0, y(scale.min) - y(p.value))),
        }))
      : [],
    line: chart.bars ? '' : points.map((p) => `${round(x(p.date))},${round(y(p.value))}`).join(' '),
    dots: chart.bars || points.length > 120 ? [] : points.map((p) => ({ x: round(x(p.date)), y: round(y(p.value)) })),
    xLabels: labelDays.map((p) => ({ x: round(x(p.date)), text: labelOf(p.date) })),
    baseline: { x1: PAD.left, x2: CHART_WIDTH - PAD.right, y: round(y(scale.min)) },
  };
}
