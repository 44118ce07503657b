/** The municipality's cases: a case chosen goes whole, then parts of it can be left out. */
import type { ShareOptions } from '../../../messaging/sharing-api';
import { countText, t } from '../../i18n/index';
import { toggleCase, toggleCasePart, type CasePart, type ShareChoice } from './choice';
import { Check } from './controls';
import type { Change } from './flow';

export function CasesFieldset(props: { cases: ShareOptions['cases']; parts: readonly CasePart[]; choice: ShareChoice; change: Change }) {
  const { choice, change } = props;
  return (
    <fieldset>
      <legend>{t('sharing.wizard.cases')}</legend>
      {props.cases.map((c) => {
        const chosen = choice.data.cases.get(c.id);
        return (
          <div key={c.id}>
            <Check
              id={`case-${c.id}`}
              label={`${c.title} (${c.caseNumber})`}
              checked={chosen !== undefined}
              onChange={(on) => change((s) => toggleCase(s, c.id, on, props.parts))}
            />
            {chosen && (
              <fieldset class="nested">
                <legend>{t('sharing.wizard.caseParts', { title: c.title })}</legend>
                {props.parts.map((p) => (
                  <Check
                    key={p}
                    id={`case-${c.id}-${p}`}
                    label={t(`sharing.wizard.part.${p}`, { count: countText(c.counts[p] ?? 0) })}
                    checked={chosen.parts.has(p)}
                    onChange={(on) => change((s) => toggleCasePart(s, c.id, p, on))}
                  />
                ))}
              </fieldset>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
