/** The FHIR observations with names and units, the clinical items by type, the workouts, and the import log. */
import { useMemo } from 'preact/hooks';
import type { VaultRecord } from '../../vault/public-types';
import { WindowedList, WindowedTable } from '../components/WindowedList';
import { getLanguage, t, tn, type MessageKey } from '../i18n/index';
import { activityName, dayText, metricName, numberText, ownClockText, sizeText, statusText, ucumText, unitText, whenText } from './format';
import type { MeasureSummary } from './series';
import type { ClinicalData, ImportLogData, ObservationData, WorkoutData } from './records';

type Value = NonNullable<ObservationData['value']>;

export function valueText(value: Value | undefined): string {
  if (!value) return '–';
  if (value.number !== undefined) return [numberText(value.number, 2), value.unit === undefined ? '' : ucumText(value.unit)].filter(Boolean).join(' ');
  return value.text ?? '–';
}

const byNewest =
  <T,>(get: (r: T) => string | undefined) =>
  (a: T, b: T) =>
    (get(b) ?? '').localeCompare(get(a) ?? '');

const recordKey = (r: { id: string }) => r.id;

export function ObservationList(props: { records: VaultRecord<ObservationData>[] }) {
  const language = getLanguage();
  // Sorted once per list, not on every page turn.
  const rows = useMemo(() => [...props.records].sort(byNewest((r) => r.data.effective)), [props.records]);
  if (rows.length === 0) return <p class="empty-list">{t('health.observations.empty')}</p>;
  return (
    <WindowedTable
      id="health-observations"
      class="health-table observations"
      items={rows}
      keyOf={recordKey}
      caption={t('health.observations.caption')}
      rowAttrs={({ data }) => ({ 'data-code': data.code.code ?? '' })}
      head={
        <>
          <th scope="col">{t('health.observations.name')}</th>
          <th scope="col">{t('health.observations.value')}</th>
          <th scope="col">{t('health.observations.when')}</th>
        </>
      }
      renderRow={({ data }) => (
        <>
          <th scope="row">{data.name[language]}</th>
          <td>
            {/* The main value and the components together: SpO₂ 95 % with its flow rate. */}
            {(data.value || !data.components?.length) && valueText(data.value)}
            {data.components && data.components.length > 0 && (
              <ul class="components">
                {data.components.map((c, i) => (
                  <li key={i}>
                    {c.name[language]}: {valueText(c.value)}
                  </li>
                ))}
              </ul>
            )}
          </td>
          <td>{data.effective ? whenText(data.effective) : '–'}</td>
        </>
      )}
    />
  );
}

const CLINICAL_GROUPS: { types: ClinicalData['resourceType'][]; key: MessageKey }[] = [
  { types: ['Condition'], key: 'health.clinical.conditions' },
  { types: ['MedicationStatement', 'MedicationRequest'], key: 'health.clinical.medications' },
  { types: ['AllergyIntolerance'], key: 'health.clinical.allergies' },
  { types: ['Immunization'], key: 'health.clinical.immunizations' },
  { types: ['Procedure'], key: 'health.clinical.procedures' },
  { types: ['DiagnosticReport'], key: 'health.clinical.reports' },
];

export function ClinicalList(props: { records: VaultRecord<ClinicalData>[] }) {
  const groups = useMemo(
    () =>
      CLINICAL_GROUPS.map((group) => ({
        ...group,
        items: props.records.filter((r) => group.types.includes(r.data.resourceType)).sort(byNewest((r) => r.data.date)),
      })),
    [props.records],
  );
  if (props.records.length === 0) return <p class="empty-list">{t('health.clinical.empty')}</p>;
  return (
    <>
      {groups.map((group) => {
        if (group.items.length === 0) return null;
        const headingId = `clinical-${group.types[0]}`;
        return (
          <section key={group.key} aria-labelledby={headingId}>
            <h4 id={headingId}>{t(group.key)}</h4>
            <WindowedList
              id={`${headingId}-list`}
              class="health-items"
              labelledBy={headingId}
              items={group.items}
              keyOf={recordKey}
              renderItem={({ data }) => (
                <>
                  <strong>{data.title}</strong>
                  {data.status && <> · {statusText(data.status)}</>}
                  {data.date && <> · {whenText(data.date)}</>}
                  {data.detail && <p class="meta">{data.detail}</p>}
                </>
              )}
            />
          </section>
        );
      })}
    </>
  );
}

export function WorkoutList(props: { records: VaultRecord<WorkoutData>[] }) {
  const rows = useMemo(() => [...props.records].sort(byNewest((r) => r.data.start)), [props.records]);
  if (rows.length === 0) return <p class="empty-list">{t('health.workouts.empty')}</p>;
  return (
    <WindowedTable
      id="health-workouts"
      class="health-table workouts"
      items={rows}
      keyOf={recordKey}
      caption={t('health.workouts.caption')}
      head={
        <>
          <th scope="col">{t('health.workouts.when')}</th>
          <th scope="col">{t('health.workouts.activity')}</th>
          <th scope="col">{t('health.workouts.minutes')}</th>
          <th scope="col">{t('health.workouts.km')}</th>
          <th scope="col">{t('health.workouts.kcal')}</th>
        </>
      }
      renderRow={({ data }) => (
        <>
          <th scope="row">{ownClockText(data.start)}</th>
          <td>{activityName(data.activity)}</td>
          <td class="num">{numberText(data.durationMinutes)}</td>
          <td class="num">{data.distanceKm === undefined ? '–' : numberText(data.distanceKm, 1)}</td>
          <td class="num">{data.energyKcal === undefined ? '–' : numberText(data.energyKcal)}</td>
        </>
      )}
    />
  );
}

export function ImportLog(props: { records: VaultRecord<ImportLogData>[] }) {
  const rows = useMemo(() => [...props.records].sort(byNewest((r) => r.data.importedAt)), [props.records]);
  if (rows.length === 0) return null;
  return (
    <WindowedList
      id="health-log-list"
      class="health-items"
      labelledBy="health-log-h"
      items={rows}
      keyOf={recordKey}
      renderItem={({ data }) =>
        t('health.log.line', {
          file: data.fileName,
          size: sizeText(data.bytes),
          when: whenText(data.importedAt),
          counts: [
            tn('health.log.days', data.counts.days),
            tn('health.log.observations', data.counts.observations),
            tn('health.log.workouts', data.counts.workouts),
          ].join(', '),
        })
      }
    />
  );
}

/** Every daily measure the charts do not show, as a table: name, latest day, average, days. */
export function MeasureList(props: { measures: readonly MeasureSummary[] }) {
  const rows = [...props.measures].sort((a, b) => metricName(a.metric, a.type).localeCompare(metricName(b.metric, b.type)));
  const figure = (m: MeasureSummary, value: number) =>
    [numberText(value, Math.abs(value) < 10 ? 2 : value < 100 ? 1 : 0), unitText(m.unit, m.metric)].filter(Boolean).join(' ');
  return (
    <table class="health-table measures">
      <caption>{t('health.measures.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('health.measures.name')}</th>
          <th scope="col">{t('health.measures.latest')}</th>
          <th scope="col">{t('health.measures.mean')}</th>
          <th scope="col">{t('health.measures.days')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.type} data-type={m.type}>
            <th scope="row">{metricName(m.metric, m.type)}</th>
            <td>
              {figure(m, m.latest.value)} · {dayText(m.latest.date)}
            </td>
            <td>{figure(m, m.mean)}</td>
            <td class="num">{numberText(m.days)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
