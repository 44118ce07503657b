/** Step 2: what the recipient may use the data for, in the citizen's own words. */
import { TextAreaField } from '../../components/Field';
import { t } from '../../i18n/index';
import { writePurpose, type ShareChoice } from './choice';
import type { Change } from './flow';

export function PurposeStep(props: { choice: ShareChoice; change: Change; error: string | null }) {
  return (
    <TextAreaField
      label={t('sharing.wizard.purposeLabel')}
      hint={t('sharing.wizard.purposeHint')}
      value={props.choice.purpose}
      onInput={(purpose) => props.change((c) => writePurpose(c, purpose))}
      rows={2}
      error={props.error}
    />
  );
}
