/**
 * A number that moves when the background reports a change to one of `kinds` in the profile: a
 * view that asks the background for what it shows asks again when it moves. A sync writes page
 * after page, so a burst of changes moves it once.
 */
import { useEffect, useState } from 'preact/hooks';
import { onVaultEvent } from '../../messaging/client';
import { OVERVIEW_KINDS } from '../../overview/from-records';
import { letterEventKind } from '../../records/letters/index';
import { calendarEventKind } from '../../records/own/index';

/** What the calendar is made of; the cases name the entries' case links. */
export const CALENDAR_KIND_NAMES: readonly string[] = [
  OVERVIEW_KINDS.activities,
  OVERVIEW_KINDS.decisions,
  OVERVIEW_KINDS.cases,
  letterEventKind,
  calendarEventKind,
].map((kind) => kind.name);

/** What a case page is made of. */
export const CASE_KIND_NAMES: readonly string[] = (['cases', 'decisions', 'payments', 'activities', 'documents'] as const).map(
  (list) => OVERVIEW_KINDS[list].name,
);

const GATHER_MS = 400;

/** `kinds` should be a constant (its identity is not watched). */
export function useKindsVersion(profileId: string, kinds: readonly string[]): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | null = null;
    const stop = onVaultEvent((event) => {
      if (event.type !== 'changed' || !event.changes.some((c) => c.profileId === profileId && kinds.includes(c.kind))) return;
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => setVersion((n) => n + 1), GATHER_MS);
    });
    return () => {
      if (pending) clearTimeout(pending);
      stop();
    };
  }, [profileId]);
  return version;
}
