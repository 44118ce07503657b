/**
 * "Kom godt i gang": the three next steps on a new vault's overview. Each links to the screen
 * where it is done and says when it is done; real links, so each step has an address.
 */
import { AlertLine } from '../components/Messages';
import { t, type MessageKey } from '../i18n/index';
import { formatRoute, type Section } from '../routing/route';
import { NEXT_STEPS, useStepsDone, type NextStep } from './next-steps';
import './next-steps.css';

const STEP: Record<NextStep, { section: Section; label: MessageKey; text: MessageKey }> = {
  municipality: { section: 'municipality', label: 'steps.municipality', text: 'steps.municipalityText' },
  bank: { section: 'money', label: 'steps.bank', text: 'steps.bankText' },
  backup: { section: 'backup', label: 'steps.backup', text: 'steps.backupText' },
};

/** The steps for `profileId`; hidden once all three are done, unless `always` (a new vault's empty overview). */
export function NextSteps(props: { profileId: string; always?: boolean }) {
  const { done, error } = useStepsDone(props.profileId);
  if (error) return <AlertLine>{error}</AlertLine>;
  if (!done || (!props.always && NEXT_STEPS.every((s) => done[s]))) return null;
  return (
    <section class="panel next-steps" aria-labelledby="next-steps-title">
      <h3 id="next-steps-title">{t('steps.title')}</h3>
      <ol>
        {NEXT_STEPS.map((step) => (
          <li key={step} data-done={done[step] ? 'true' : 'false'}>
            <a href={formatRoute({ section: STEP[step].section, profileId: props.profileId, overview: null })}>{t(STEP[step].label)}</a>
            <span class={done[step] ? 'step-state done' : 'step-state'}>
              <span aria-hidden="true">{done[step] ? '✓ ' : '○ '}</span>
              {t(done[step] ? 'steps.done' : 'steps.todo')}
            </span>
            <p class="meta">{t(STEP[step].text)}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
