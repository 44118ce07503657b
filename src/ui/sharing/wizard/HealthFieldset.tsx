/** Health data: monthly summaries per metric, or the imported data as it is (daily figures, observations, clinical items). */
import type { ShareOptions } from '../../../messaging/sharing-api';
import { countText, t } from '../../i18n/index';
import { metricText } from '../words';
import { setMonths, toggleClinical, toggleHealthMetric, toggleHealthRecords, toggleItem, toggleObservations, type ShareChoice } from './choice';
import { Check, MonthsField } from './controls';
import type { Change } from './flow';

export function HealthFieldset(props: { health: ShareOptions['health']; choice: ShareChoice; change: Change }) {
  const { choice, change } = props;
  return (
    <fieldset>
      <legend>{t('sharing.wizard.health')}</legend>
      {props.health.map((h) => (
        <Check
          key={h.metric}
          id={`health-${h.metric}`}
          label={t('sharing.wizard.healthMetric', { metric: metricText(h.metric) })}
          checked={choice.data.health.has(h.metric)}
          onChange={(on) => change((c) => toggleItem(c, 'health', h.metric, on))}
        />
      ))}
    </fieldset>
  );
}

export function HealthRecordsFieldset(props: { options: ShareOptions; choice: ShareChoice; change: Change }) {
  const { options, change } = props;
  const chosen = props.choice.data.healthRecords;
  return (
    <fieldset>
      <legend>{t('sharing.wizard.healthRecords')}</legend>
      <Check
        id="health-records"
        label={t('sharing.wizard.healthRecordsToggle')}
        checked={chosen !== null}
        onChange={(on) => change((c) => toggleHealthRecords(c, on))}
      />
      {chosen && (
        <fieldset class="nested">
          <legend>{t('sharing.wizard.healthRecordsWhich')}</legend>
          <p class="hint">{t('sharing.wizard.healthRecordsHint')}</p>
          <MonthsField value={chosen.months} onChange={(months) => change((c) => setMonths(c, 'healthRecords', months))} />
          {options.health
            .filter((h) => h.metric !== 'other')
            .map((h) => (
              <Check
                key={h.metric}
                id={`health-daily-${h.metric}`}
                label={t('sharing.wizard.healthDaily', { metric: metricText(h.metric) })}
                checked={chosen.metrics.has(h.metric)}
                onChange={(on) => change((c) => toggleHealthMetric(c, h.metric, on))}
              />
            ))}
          {options.healthRecords.observations > 0 && (
            <Check
              id="health-observations"
              label={t('sharing.wizard.healthObservations', { count: countText(options.healthRecords.observations) })}
              checked={chosen.observations}
              onChange={(on) => change((c) => toggleObservations(c, on))}
            />
          )}
          {options.healthRecords.clinical.map((k) => (
            <Check
              key={k.type}
              id={`health-clinical-${k.type}`}
              label={t(`sharing.wizard.clinical.${k.type}`, { count: countText(k.count) })}
              checked={chosen.clinical.has(k.type)}
              onChange={(on) => change((c) => toggleClinical(c, k.type, on))}
            />
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}
