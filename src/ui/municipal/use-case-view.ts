/**
 * Loads one case page from the background (src/background/views/case-view.ts): the case and
 * what belongs to it, not the five kinds it is found in. Loads again when one of those kinds
 * changes.
 */
import { useEffect, useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import type { CaseView } from '../../messaging/view-api';
import { errorMessage } from '../errors';
import { CASE_KIND_NAMES, useKindsVersion } from './use-kinds-version';

export interface CaseViewState {
  /** Null until the case (or its absence) is known; for another case than `caseId`, not yet loaded. */
  view: CaseView | null;
  error: string | null;
  reload: () => void;
}

/** Loads only while `caseId` is given (while a case page is shown). */
export function useCaseView(profileId: string, caseId: string | null): CaseViewState {
  const [held, setHeld] = useState<{ key: string; view: CaseView } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const version = useKindsVersion(profileId, CASE_KIND_NAMES);
  const key = `${profileId}/${caseId}`;
  useEffect(() => {
    if (caseId === null) return undefined;
    let alive = true;
    callVault('viewCase', { profileId, caseId }).then(
      (view) => {
        if (!alive) return;
        setError(null);
        setHeld({ key, view });
      },
      (caught: unknown) => alive && setError(errorMessage(caught)),
    );
    return () => {
      alive = false;
    };
  }, [key, version, reloads]);
  return { view: held?.key === key ? held.view : null, error, reload: () => setReloads((n) => n + 1) };
}
