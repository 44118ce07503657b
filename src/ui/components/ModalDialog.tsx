/**
 * A modal built on <dialog>: the browser traps focus and Escape cancels; `initialFocus` names the
 * element that gets focus first, and focus returns to whatever opened the dialog.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export function ModalDialog(props: {
  /** The id of the element that names the dialog. */
  labelId: string;
  /** A selector inside the dialog for the element to focus first. */
  initialFocus: string;
  class?: string;
  onCancel: () => void;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    dialog?.querySelector<HTMLElement>(props.initialFocus)?.focus();
    return () => {
      dialog?.close();
      opener?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class={props.class}
      aria-labelledby={props.labelId}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      {props.children}
    </dialog>
  );
}
