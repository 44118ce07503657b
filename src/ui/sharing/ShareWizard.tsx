/**
 * The share wizard: recipient → purpose → which data → for how long → approval of exactly what
 * leaves → the bundle (download, send to the recipient, or to the municipality's inbox). Each
 * step's heading takes focus, so a screen reader announces where the citizen is. The choice and
 * its rules live in ./wizard/choice; this component holds the state and talks to the vault.
 */
import { useEffect, useReducer, useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import type { RecipientSummary, ShareOptions } from '../../messaging/sharing-api';
import { danishToday } from '../../shared/danish-time';
import { ActionFeedback } from '../components/Messages';
import { ScreenHeading } from '../components/ScreenHeading';
import { useAction } from '../components/use-action';
import { errorMessage } from '../errors';
import { t } from '../i18n/index';
import { ApproveStep } from './wizard/ApproveStep';
import { problemAt, requestOf, type Step } from './wizard/choice';
import { DataStep } from './wizard/DataStep';
import { DoneStep } from './wizard/DoneStep';
import { ExpiryStep } from './wizard/ExpiryStep';
import { COUNTED_STEPS, startWizard, stepAfter, stepBefore, stepNumber, wizardReducer, type Change } from './wizard/flow';
import { PurposeStep } from './wizard/PurposeStep';
import { RecipientStep } from './wizard/RecipientStep';

const HEADINGS = {
  recipient: 'sharing.wizard.recipient',
  purpose: 'sharing.wizard.purpose',
  data: 'sharing.wizard.data',
  expiry: 'sharing.wizard.expiry',
  approve: 'sharing.wizard.approve',
  done: 'sharing.wizard.done',
} as const satisfies Record<Step, string>;

export function ShareWizard(props: { profileId: string; recipients: RecipientSummary[]; onClose: () => void; onShared: () => void }) {
  const { profileId, recipients } = props;
  const [state, dispatch] = useReducer(wizardReducer, null, () => startWizard(recipients, danishToday()));
  const [options, setOptions] = useState<ShareOptions | null>(null);
  const action = useAction();
  const { step, choice, problem, preview, created } = state;
  const busy = action.busy !== null;

  useEffect(() => {
    callVault('shareOptions', { profileId }).then(setOptions, (e: unknown) => action.fail(errorMessage(e)));
  }, [profileId, action.fail]);

  const change: Change = (f) => dispatch({ type: 'change', change: f });
  const go = (next: Step) => {
    action.reset();
    dispatch({ type: 'go', step: next });
  };
  const request = (today: string) => ({ profileId, ...requestOf(choice, today) });

  const next = async (event: Event) => {
    event.preventDefault();
    const today = danishToday();
    const refused = problemAt(step, choice, { recipientIds: recipients.map((r) => r.id), today });
    if (refused) return dispatch({ type: 'refuse', problem: refused });
    if (step !== 'expiry') return go(stepAfter(step));
    const shown = await action.run(t('sharing.wizard.previewing'), () => callVault('sharePreview', request(today)));
    if (shown) dispatch({ type: 'previewed', preview: shown });
  };

  const approve = async () => {
    const made = await action.run(t('sharing.wizard.creating'), () => callVault('shareCreate', request(danishToday())));
    if (!made) return;
    dispatch({ type: 'created', created: made });
    props.onShared();
  };

  const problemText = problem && t(`sharing.wizard.${problem}`);
  const recipient = recipients.find((r) => r.id === choice.recipientId) ?? null;

  return (
    <section aria-labelledby="wizard-step" class="panel wizard">
      <p class="meta">{t('sharing.wizard.step', { step: stepNumber(step), count: COUNTED_STEPS })}</p>
      <ScreenHeading level={3} id="wizard-step" focusKey={step}>
        {t(HEADINGS[step])}
      </ScreenHeading>
      <form autocomplete="off" onSubmit={(e) => void next(e)} noValidate>
        {step === 'recipient' && <RecipientStep recipients={recipients} choice={choice} change={change} />}
        {step === 'purpose' && <PurposeStep choice={choice} change={change} error={problemText} />}
        {step === 'data' && <DataStep options={options} choice={choice} change={change} />}
        {step === 'expiry' && <ExpiryStep options={options} choice={choice} change={change} />}
        {step === 'approve' && preview && <ApproveStep preview={preview} recipient={recipient} />}
        {step === 'done' && created && <DoneStep profileId={profileId} created={created} preview={preview} action={action} />}
        {problemText && step !== 'purpose' && (
          <p class="field-error" role="alert">
            {problemText}
          </p>
        )}
        <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
        <div class="actions wizard-nav">
          {step !== 'recipient' && step !== 'done' && (
            <button type="button" onClick={() => go(stepBefore(step))} disabled={busy}>
              {t('sharing.wizard.back')}
            </button>
          )}
          {stepNumber(step) < COUNTED_STEPS && (
            <button type="submit" class="primary" disabled={busy}>
              {t('sharing.wizard.next')}
            </button>
          )}
          {step === 'approve' && (
            <button type="button" class="primary" onClick={() => void approve()} disabled={busy || !preview}>
              {t('sharing.wizard.approveButton')}
            </button>
          )}
          {step === 'done' ? (
            <button type="button" onClick={props.onClose}>
              {t('sharing.wizard.finish')}
            </button>
          ) : (
            <button type="button" onClick={props.onClose} disabled={busy}>
              {t('sharing.wizard.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
