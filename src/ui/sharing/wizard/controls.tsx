/** The wizard's small form controls: a labelled checkbox and a field for a number of months. */
import { TextField } from '../../components/Field';
import { t } from '../../i18n/index';
import { MONTHS_MAX, MONTHS_MIN } from './choice';

export function Check(props: { id: string; label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <div class="check">
      <input autocomplete="off" id={props.id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.currentTarget.checked)} />
      <label for={props.id}>{props.label}</label>
    </div>
  );
}

/** How many months back a choice covers; the choice brings what is typed into range. */
export function MonthsField(props: { value: number; onChange: (typed: number) => void }) {
  return (
    <TextField
      type="number"
      min={MONTHS_MIN}
      max={MONTHS_MAX}
      label={t('sharing.wizard.months')}
      value={String(props.value)}
      onInput={(v) => props.onChange(Number(v))}
    />
  );
}
