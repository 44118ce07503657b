/**
 * Health data as the vault shows it: a chart per measure (bars for a day's total such as steps,
 * a line for a measured value such as weight) with the same figures as a table, then the
 * measurements and test results, and the clinical records, each kind in words.
 */
import type { SeriesPoint } from '../shared/chart-scale';
import { dateText, monthText, numberText, textOf } from './format';
import { cellText, isObject, itemsOf, periodOf } from './parts';
import type { Block, Chart, Column, Table } from './types';
import { CLINICAL_KIND, FHIR_STATUS, HEALTH_METRIC, HEALTH_UNIT, label, word, type LabelKey, type Language } from './words';

type Rec = Record<string, unknown>;

const column = (key: LabelKey, language: Language, numeric = false, params: Record<string, string> = {}): Column => ({
  label: label(key, language, params),
  numeric,
});
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

export const unitWords = (unit: unknown, language: Language): string =>
  typeof unit === 'string' ? (Object.hasOwn(HEALTH_UNIT, unit) ? HEALTH_UNIT[unit]![language] : textOf(unit)) : '';

/** Metrics whose day is a total rather than the mean of its readings. */
const TOTALS = new Set(['steps', 'distance', 'active-energy', 'sleep']);

function chart(title: string, unit: string, bars: boolean, points: SeriesPoint[], language: Language, monthly: boolean): Chart {
  const dayText = (date: string) => (monthly ? monthText(date.slice(0, 7), language) : dateText(date, language));
  let low = points[0];
  let high = points[0];
  for (const p of points) {
    if (p.value < low!.value) low = p;
    if (p.value > high!.value) high = p;
  }
  const value = (p: SeriesPoint) => `${numberText(p.value, language, 1)}${unit ? ` ${unit}` : ''}`;
  const summary =
    points.length === 0 || !low || !high
      ? ''
      : label('chartSummary', language, {
          count: points.length,
          from: dayText(points[0]!.date),
          to: dayText(points.at(-1)!.date),
          low: `${value(low)} (${dayText(low.date)})`,
          high: `${value(high)} (${dayText(high.date)})`,
          latest: value(points.at(-1)!),
        });
  return { title, unit, bars, monthly, points, summary };
}

/** `{view: 'health-summary', metric, unit, months: [{month, days, mean, min, max, total}]}`. */
export function healthSummaryBlock(h: Rec, language: Language): Block {
  const metric = word(HEALTH_METRIC, h.metric, language);
  const unit = unitWords(h.unit, language);
  const total = typeof h.metric === 'string' && TOTALS.has(h.metric);
  const months = itemsOf(h.months).filter((m) => typeof m.month === 'string' && /^\d{4}-\d{2}$/.test(m.month));
  const heading = label('healthPerMonth', language, { metric });
  const points = months.flatMap((m) => {
    const value = num(total ? m.total : m.mean);
    return value === undefined ? [] : [{ date: `${String(m.month)}-15`, value }];
  });
  const table: Table = {
    caption: heading,
    columns: [
      column('month', language),
      column('daysWithData', language, true),
      column('mean', language, true),
      column('lowest', language, true),
      column('highest', language, true),
      column('total', language, true),
    ],
    rowCount: months.length,
    row: (i) => {
      const m = months[i]!;
      return [
        monthText(m.month, language),
        numberText(m.days, language, 0),
        numberText(m.mean, language),
        numberText(m.min, language),
        numberText(m.max, language),
        numberText(m.total, language),
      ];
    },
    totals: [],
  };
  return { kind: 'figures', heading, facts: [], charts: [chart(heading, unit, total, points, language, true)], tables: [table] };
}

/** A day a row; the day's lowest and highest only for measured values (a day's steps have none). */
function dailyTable(caption: string, unit: string, days: Rec[], language: Language): Table {
  const range = days.some((d) => num(d.min) !== undefined || num(d.max) !== undefined);
  return {
    caption,
    columns: [
      column('date', language),
      unit ? column('valueIn', language, true, { unit }) : column('value', language, true),
      ...(range ? [column('lowest', language, true), column('highest', language, true)] : []),
    ],
    rowCount: days.length,
    row: (i) => {
      const d = days[i]!;
      const cells = [dateText(d.date, language), numberText(d.value, language)];
      return range ? [...cells, numberText(d.min, language), numberText(d.max, language)] : cells;
    },
    totals: [],
  };
}

function valueText(value: unknown, language: Language): string {
  if (!isObject(value)) return '';
  const unit = unitWords(value.unit, language);
  if (typeof value.number === 'number') return `${numberText(value.number, language)}${unit ? ` ${unit}` : ''}`;
  return textOf(value.text);
}

const nameOf = (name: unknown, language: Language): string => (isObject(name) ? textOf(name[language]) || textOf(name.da) : textOf(name));

/** `{from, to, daily?, observations?, clinical?}`: charts and tables of the days, then the rest. */
export function healthRecordsBlock(h: Rec, language: Language): Block {
  const charts: Chart[] = [];
  const tables: Table[] = [];
  for (const group of itemsOf(h.daily)) {
    const metric = word(HEALTH_METRIC, group.metric, language);
    const unit = unitWords(group.unit, language);
    const days = itemsOf(group.days).filter((d) => typeof d.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d.date) && num(d.value) !== undefined);
    const points = days.map((d) => ({
      date: String(d.date),
      value: d.value as number,
      ...(num(d.min) !== undefined ? { min: d.min as number } : {}),
      ...(num(d.max) !== undefined ? { max: d.max as number } : {}),
    }));
    charts.push(chart(metric, unit, typeof group.metric === 'string' && TOTALS.has(group.metric), points, language, false));
    tables.push(dailyTable(metric, unit, days, language));
  }
  const observations = itemsOf(h.observations);
  if (observations.length > 0) {
    tables.push({
      caption: label('observations', language),
      columns: [column('date', language), column('measurement', language), column('value', language, true), column('status', language)],
      rowCount: observations.length,
      row: (i) => {
        const o = observations[i]!;
        const parts = itemsOf(o.components).map((c) => `${nameOf(c.name, language)}: ${valueText(c.value, language)}`);
        return [
          dateText(o.effective, language),
          cellText(nameOf(o.name, language)),
          cellText([valueText(o.value, language), ...parts].filter(Boolean).join('; ')),
          word(FHIR_STATUS, o.status, language),
        ];
      },
      totals: [],
    });
  }
  const clinical = itemsOf(h.clinical);
  if (clinical.length > 0) {
    tables.push({
      caption: label('clinical', language),
      columns: [column('documentKind', language), column('text', language), column('status', language), column('date', language), column('detail', language)],
      rowCount: clinical.length,
      row: (i) => {
        const c = clinical[i]!;
        return [
          word(CLINICAL_KIND, c.resourceType, language),
          cellText(textOf(c.title)),
          c.status === undefined ? '' : word(FHIR_STATUS, c.status, language),
          dateText(c.date, language),
          cellText(textOf(c.detail)),
        ];
      },
      totals: [],
    });
  }
  const period = periodOf(dateText(h.from, language), dateText(h.to, language), language);
  return { kind: 'figures', heading: label('health', language), facts: period ? [{ label: label('period', language), value: period }] : [], charts, tables };
}
