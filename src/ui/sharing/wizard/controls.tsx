/** The wizard's small form controls: a checkbox with its label beside it, and a field for a number of months. */
import { TextField } from '../../components/Field';
import { t } from '../../i18n/index';
import { MONTHS_MAX, MONTHS_MIN } from './choice';

/**
 * A checkbox and its label on one line; `secondary` is quieter text inside the label (a date, a
 * code). `mixed` shows that some, not all, of what the box stands for is chosen.
 */
export function Check(props: { id: string; label: string; secondary?: string; checked: boolean; mixed?: boolean; onChange: (on: boolean) => void }) {
  return (
    <div class="wizard-check">
      <input
        autocomplete="off"
        id={props.id}
        type="checkbox"
        checked={props.checked}
        indeterminate={props.mixed === true}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label for={props.id}>
        {props.label}
        {props.secondary && <span class="secondary"> {props.secondary}</span>}
      </label>
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
