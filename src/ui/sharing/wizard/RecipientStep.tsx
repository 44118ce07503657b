/** Step 1: who receives the data, each recipient shown with the start of its key's fingerprint. */
import type { RecipientSummary } from '../../../messaging/sharing-api';
import { t } from '../../i18n/index';
import { pickRecipient, type ShareChoice } from './choice';
import type { Change } from './flow';

export function RecipientStep(props: { recipients: RecipientSummary[]; choice: ShareChoice; change: Change }) {
  return (
    <fieldset>
      <legend>{t('sharing.wizard.recipient')}</legend>
      {props.recipients.map((r) => (
        <div class="check" key={r.id}>
          <input
            autocomplete="off"
            id={`pick-${r.id}`}
            type="radio"
            name="recipient"
            checked={props.choice.recipientId === r.id}
            onChange={() => props.change((c) => pickRecipient(c, r.id))}
          />
          <label for={`pick-${r.id}`}>
            {r.name} <span class="mono">({r.fingerprintGroups.slice(0, 3).join(' ')} …)</span>
          </label>
        </div>
      ))}
    </fieldset>
  );
}
