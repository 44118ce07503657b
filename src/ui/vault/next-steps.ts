/**
 * The first three things that make the vault useful, and whether each is done: a municipality
 * added, a bank file imported, a backup taken. Read from what the vault holds, never stored on
 * their own, so a step is done however it was done (here, from the popup, by a restore).
 */
import { useEffect, useState } from 'preact/hooks';
import { callVault, onVaultEvent } from '../../messaging/client';
import { listRecords } from '../../messaging/record-client';
import { bankAccountKind } from '../../records/money/index';
import { errorMessage } from '../errors';

export const NEXT_STEPS = ['municipality', 'bank', 'backup'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];
export type StepsDone = Readonly<Record<NextStep, boolean>>;

export async function stepsDone(profileId: string): Promise<StepsDone> {
  const [connections, accounts, settings] = await Promise.all([
    callVault('municipalConnections', { profileId }),
    listRecords(profileId, bankAccountKind),
    callVault('getSettings', {}),
  ]);
  return {
    municipality: connections.length > 0,
    bank: accounts.records.some((a) => a.data.lastImport !== undefined),
    backup: settings.lastBackupAt !== null,
  };
}

/** The steps' state for a profile, kept current as the vault changes; an error is given in plain words. */
export function useStepsDone(profileId: string): { done: StepsDone | null; error: string | null } {
  const [done, setDone] = useState<StepsDone | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    const load = () =>
      stepsDone(profileId).then(
        (next) => current && (setDone(next), setError(null)),
        (caught: unknown) => current && setError(errorMessage(caught)),
      );
    void load();
    const stop = onVaultEvent((event) => {
      // A backup sends no event; it is taken in its own section, and the overview reads the steps again when it opens.
      // A sync's progress changes no step (adding the municipality was a change): only its end is read.
      if (event.type === 'changed' || (event.type === 'municipal-sync' && event.status.state !== 'running')) void load();
    });
    return () => {
      current = false;
      stop();
    };
  }, [profileId]);
  return { done, error };
}
