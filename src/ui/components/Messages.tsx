/**
 * Live regions. They stay in the DOM even when empty: screen readers announce changes to a
 * region that already exists, not one that appears with its text.
 */
import type { ComponentChildren } from 'preact';

export function StatusLine(props: { children?: ComponentChildren }) {
  return (
    <div role="status" class={props.children ? 'status' : 'status empty'}>
      {props.children}
    </div>
  );
}

export function AlertLine(props: { children?: ComponentChildren }) {
  return (
    <div role="alert" class={props.children ? 'alert' : 'alert empty'}>
      {props.children}
    </div>
  );
}

/** An indeterminate progress bar with its text, for waits such as deriving a key. */
export function Busy(props: { label: string }) {
  return (
    <div class="busy">
      <progress aria-label={props.label} />
      <span>{props.label}</span>
    </div>
  );
}

/** Progress and outcome of one action: busy text in the status region, errors as alerts. */
export function ActionFeedback(props: { busy: string | null; done?: string | null; error: string | null }) {
  return (
    <div class="feedback">
      <StatusLine>{props.busy ? <Busy label={props.busy} /> : props.done}</StatusLine>
      <AlertLine>{props.error}</AlertLine>
    </div>
  );
}
