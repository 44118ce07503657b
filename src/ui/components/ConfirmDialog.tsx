/**
 * A modal "are you sure?" built on <dialog>: the browser traps focus, Escape cancels, and focus
 * returns to the button that opened it. The safe choice (cancel) gets focus first.
 */
import { useEffect, useId, useRef } from 'preact/hooks';
import { t } from '../i18n/index';

export function ConfirmDialog(props: { message: string; confirmLabel: string; onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    dialog?.querySelector<HTMLButtonElement>('button.cancel')?.focus();
    return () => {
      dialog?.close();
      opener?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-text`}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <p id={`${id}-text`}>{props.message}</p>
      <div class="actions">
        <button type="button" class="cancel" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" class="danger" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
