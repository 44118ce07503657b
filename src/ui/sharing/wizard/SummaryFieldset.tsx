/**
 * "Et resumé af sagen": a case's summary, made by Handlerum and sent as text, alone or beside the
 * case; the case named by its plain name and number, as in the list of cases above it.
 */
import type { ShareOptions } from '../../../messaging/sharing-api';
import { t, tn } from '../../i18n/index';
import { caseName } from '../words';
import { toggleItem, type ShareChoice } from './choice';
import { Check } from './controls';
import type { Change } from './flow';

export function SummaryFieldset(props: { cases: ShareOptions['cases']; choice: ShareChoice; change: Change }) {
  const { choice, change } = props;
  return (
    <fieldset>
      <legend>{t('sharing.wizard.summaries')}</legend>
      {props.cases.map((c) => (
        <div key={c.id}>
          <Check
            id={`summary-${c.id}`}
            label={t('sharing.wizard.summary', { title: caseName(c.kle, c.caseNumber) })}
            checked={choice.data.caseSummaries.has(c.id)}
            onChange={(on) => change((s) => toggleItem(s, 'caseSummaries', c.id, on))}
          />
          {choice.data.caseSummaries.has(c.id) && <p class="hint">{tn('sharing.wizard.summaryHint', c.counts.documents ?? 0)}</p>}
        </div>
      ))}
    </fieldset>
  );
}
