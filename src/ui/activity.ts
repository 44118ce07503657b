/**
 * Tells the background the user is active (keyboard, pointer) so auto-lock counts from the last
 * real use, not the last message; at most once a minute, because every call costs a write.
 */
import { callVault } from '../messaging/client';
import { bestEffort } from '../shared/best-effort';

export const TOUCH_INTERVAL_MS = 60_000;

export function watchActivity(target: EventTarget = window, now: () => number = Date.now): () => void {
  let last = -Infinity;
  const onInput = () => {
    if (now() - last < TOUCH_INTERVAL_MS) return;
    last = now();
    void bestEffort(callVault('touch', {}), 'a locked vault refuses it: nothing to postpone');
  };
  const events = ['keydown', 'pointerdown'] as const;
  for (const name of events) target.addEventListener(name, onInput, { passive: true });
  return () => {
    for (const name of events) target.removeEventListener(name, onInput);
  };
}
