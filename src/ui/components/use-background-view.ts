/**
 * A view answered by the background: asks again when the question changes (`deps`) and when the
 * background reports a change to one of `kinds` in the profile (a sync's burst of pages gathered
 * into one question), and keeps only the answer to the latest question: a slow answer to an
 * older one (a search typed further meanwhile) is dropped. The last answer stays shown while
 * the next is on its way.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { onVaultEvent } from '../../messaging/client';
import { errorMessage } from '../errors';

/** A burst of change events (a sync writes page after page) asks once, this long after the last. */
const CHANGE_PAUSE_MS = 400;

export interface BackgroundView<T> {
  answer: T | null;
  error: string | null;
  /** Asks the current question again. */
  refresh: () => void;
}

export function useBackgroundView<T>(profileId: string, kinds: ReadonlySet<string>, ask: () => Promise<T>, deps: readonly unknown[]): BackgroundView<T> {
  const [state, setState] = useState<{ profileId: string; answer: T | null; error: string | null }>({ profileId, answer: null, error: null });
  const latest = useRef(0);
  const question = useRef(ask);
  question.current = ask;
  const run = () => {
    const mine = ++latest.current;
    question.current().then(
      (answer) => mine === latest.current && setState({ profileId, answer, error: null }),
      (caught: unknown) =>
        mine === latest.current && setState((s) => ({ profileId, answer: s.profileId === profileId ? s.answer : null, error: errorMessage(caught) })),
    );
  };

  // Asked before paint, in the render's own task: asked after the frame, an answer to the last
  // question could still arrive and be drawn in between — a page the keys have already moved
  // past, whose drawing takes the focus off the list's rows.
  useLayoutEffect(run, [profileId, ...deps]);

  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | null = null;
    const stop = onVaultEvent((event) => {
      if (event.type !== 'changed' || !event.changes.some((c) => c.profileId === profileId && kinds.has(c.kind))) return;
      if (pending) clearTimeout(pending);
      pending = setTimeout(run, CHANGE_PAUSE_MS);
    });
    return () => {
      // An answer still on its way belongs to a question no one asks any more.
      latest.current++;
      if (pending) clearTimeout(pending);
      stop();
    };
  }, [profileId]);

  // Another profile's answer is never shown while this one's is on its way.
  const mine = state.profileId === profileId;
  return { answer: mine ? state.answer : null, error: mine ? state.error : null, refresh: run };
}
