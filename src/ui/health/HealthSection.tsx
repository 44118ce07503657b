/**
 * "Sundhed": importing health files, and what they hold — charts of daily steps, weight, heart
 * rate and blood pressure, the FHIR observations, clinical items and workouts, and where each
 * import came from.
 */
import { useEffect, useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import { listRecords } from '../../messaging/record-client';
import { healthClinicalKind, healthDailyKind, healthImportKind, healthObservationKind, healthWorkoutKind } from '../../records/health/index';
import type { DamagedRecord, VaultRecord } from '../../vault/public-types';
import { AlertLine } from '../components/Messages';
import { errorMessage } from '../errors';
import { t } from '../i18n/index';
import type { Profile } from '../profiles';
import { DamageAlert } from '../vault/DamageAlert';
import { HealthChart } from './HealthChart';
import { isCumulative } from '../../importers/health/index';
import { ClinicalList, ImportLog, MeasureList, ObservationList, WorkoutList } from './HealthLists';
import { ImportPanel } from './ImportPanel';
import type { ClinicalData, DailyData, ImportLogData, ObservationData, WorkoutData } from './records';
import { chartSeries, inRange, otherMeasures, RANGES, type ChartId, type Range } from './series';
import './health.css';

interface HealthData {
  daily: VaultRecord<DailyData>[];
  observations: VaultRecord<ObservationData>[];
  clinical: VaultRecord<ClinicalData>[];
  workouts: VaultRecord<WorkoutData>[];
  imports: VaultRecord<ImportLogData>[];
  damaged: DamagedRecord[];
}

const CHARTS: ChartId[] = ['steps', 'weight', 'heart-rate', 'resting-heart-rate', 'blood-pressure'];
const RANGE_KEY = { '30d': 'health.range.30d', '90d': 'health.range.90d', '1y': 'health.range.1y', all: 'health.range.all' } as const;

async function loadHealth(profileId: string): Promise<HealthData> {
  const [daily, observations, clinical, workouts, imports] = await Promise.all([
    listRecords(profileId, healthDailyKind),
    listRecords(profileId, healthObservationKind),
    listRecords(profileId, healthClinicalKind),
    listRecords(profileId, healthWorkoutKind),
    listRecords(profileId, healthImportKind),
  ]);
  return {
    daily: daily.records,
    observations: observations.records,
    clinical: clinical.records,
    workouts: workouts.records,
    imports: imports.records,
    damaged: [daily, observations, clinical, workouts, imports].flatMap((l) => l.damaged),
  };
}

export function HealthSection(props: { profile: Profile }) {
  const { profile } = props;
  const [data, setData] = useState<HealthData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [range, setRange] = useState<Range>('90d');

  const load = () => loadHealth(profile.id).then(setData, (caught: unknown) => setError(errorMessage(caught)));
  useEffect(() => void load(), [profile.id]);

  const discardDamaged = async () => {
    if (!data) return;
    const byKind = new Map<string, string[]>();
    for (const d of data.damaged) byKind.set(d.kind, [...(byKind.get(d.kind) ?? []), d.ref]);
    try {
      for (const [kind, refs] of byKind) await callVault('discardDamaged', { profileId: profile.id, kind, refs });
      await load();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  const series = data
    ? CHARTS.map((chart) =>
        chartSeries(
          data.daily.map((r) => r.data),
          chart,
        ),
      ).filter((s) => s !== null)
    : [];
  const measures = data
    ? otherMeasures(
        data.daily.map((r) => r.data),
        isCumulative,
      )
    : [];
  const hasAny = data && (series.length > 0 || measures.length > 0 || data.observations.length + data.clinical.length + data.workouts.length > 0);

  return (
    <>
      <h2 id="section-heading" tabIndex={-1}>
        {t('health.title', { name: profile.data.name })}
      </h2>
      <p>{t('health.intro')}</p>
      {data && data.damaged.length > 0 && <DamageAlert damaged={data.damaged} profileName={profile.data.name} onRemove={discardDamaged} />}
      <ImportPanel profile={profile} onSaved={() => void load()} />
      <AlertLine>{error}</AlertLine>
      {data && !hasAny && <p class="empty-list">{t('health.empty')}</p>}
      {series.length > 0 && (
        <section aria-labelledby="health-charts-h" class="health-charts">
          <h3 id="health-charts-h">{t('health.charts.title')}</h3>
          <div class="field">
            <label for="health-range">{t('health.range.label')}</label>
            <select autocomplete="off" id="health-range" value={range} onChange={(e) => setRange(e.currentTarget.value as Range)}>
              {RANGES.map((r) => (
                <option key={r} value={r}>
                  {t(RANGE_KEY[r])}
                </option>
              ))}
            </select>
          </div>
          {series.map((s) => (
            <HealthChart key={s.chart} series={s} points={inRange(s.points, range)} />
          ))}
        </section>
      )}
      {measures.length > 0 && (
        <section aria-labelledby="health-measures-h">
          <h3 id="health-measures-h">{t('health.measures.title')}</h3>
          <MeasureList measures={measures} />
        </section>
      )}
      {data && data.observations.length > 0 && (
        <section aria-labelledby="health-observations-h">
          <h3 id="health-observations-h">{t('health.observations.title')}</h3>
          <ObservationList records={data.observations} />
        </section>
      )}
      {data && data.clinical.length > 0 && (
        <section aria-labelledby="health-clinical-h">
          <h3 id="health-clinical-h">{t('health.clinical.title')}</h3>
          <ClinicalList records={data.clinical} />
        </section>
      )}
      {data && data.workouts.length > 0 && (
        <section aria-labelledby="health-workouts-h">
          <h3 id="health-workouts-h">{t('health.workouts.title')}</h3>
          <WorkoutList records={data.workouts} />
        </section>
      )}
      {data && data.imports.length > 0 && (
        <section aria-labelledby="health-log-h">
          <h3 id="health-log-h">{t('health.log.title')}</h3>
          <ImportLog records={data.imports} />
        </section>
      )}
    </>
  );
}
