/** Step 3: which data — notes, cases, money, health, own files — each group only when the profile has some. */
import type { ShareOptions } from '../../../messaging/sharing-api';
import { Busy } from '../../components/Messages';
import { locale, t } from '../../i18n/index';
import { sizeText } from '../../own/attachments';
import { CasesFieldset } from './CasesFieldset';
import { offeredCaseParts, offersHealthRecords, offersNothing, toggleItem, type ShareChoice } from './choice';
import { Check } from './controls';
import type { Change } from './flow';
import { HealthFieldset, HealthRecordsFieldset } from './HealthFieldset';
import { MoneyFieldset } from './MoneyFieldset';
import { SummaryFieldset } from './SummaryFieldset';

export function DataStep(props: { options: ShareOptions | null; choice: ShareChoice; change: Change }) {
  const { options, choice, change } = props;
  return (
    <>
      <p class="hint">{t('sharing.wizard.dataHint')}</p>
      {!options && <Busy label={t('common.working')} />}
      {options && offersNothing(options) && <p>{t('sharing.wizard.nothing')}</p>}
      {options && options.notes.length > 0 && (
        <fieldset>
          <legend>{t('sharing.wizard.notes')}</legend>
          {options.notes.map((n) => (
            <Check
              key={n.id}
              id={`note-${n.id}`}
              label={n.title}
              checked={choice.data.notes.has(n.id)}
              onChange={(on) => change((c) => toggleItem(c, 'notes', n.id, on))}
            />
          ))}
        </fieldset>
      )}
      {options && options.cases.length > 0 && <CasesFieldset cases={options.cases} parts={offeredCaseParts(options)} choice={choice} change={change} />}
      {options && options.cases.length > 0 && <SummaryFieldset cases={options.cases} choice={choice} change={change} />}
      {options?.transactions && <MoneyFieldset categories={options.transactions.categories} choice={choice} change={change} />}
      {options && options.health.length > 0 && <HealthFieldset health={options.health} choice={choice} change={change} />}
      {options && offersHealthRecords(options) && <HealthRecordsFieldset options={options} choice={choice} change={change} />}
      {options && options.attachments.length > 0 && (
        <fieldset>
          <legend>{t('sharing.wizard.attachments')}</legend>
          {options.attachments.map((a) => (
            <Check
              key={a.id}
              id={`attachment-${a.id}`}
              label={t('sharing.wizard.attachment', { name: a.fileName, size: sizeText(a.size, locale()) })}
              checked={choice.data.attachments.has(a.id)}
              onChange={(on) => change((c) => toggleItem(c, 'attachments', a.id, on))}
            />
          ))}
        </fieldset>
      )}
    </>
  );
}
