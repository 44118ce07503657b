/** A modal "are you sure?": the safe choice (cancel) gets focus first. */
import { useId } from 'preact/hooks';
import { t } from '../i18n/index';
import { ModalDialog } from './ModalDialog';

export function ConfirmDialog(props: { message: string; confirmLabel: string; onConfirm: () => void; onCancel: () => void }) {
  const id = useId();
  return (
    <ModalDialog labelId={`${id}-text`} initialFocus="button.cancel" onCancel={props.onCancel}>
      <p id={`${id}-text`}>{props.message}</p>
      <div class="actions">
        <button type="button" class="cancel" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" class="danger" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
